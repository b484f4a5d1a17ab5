/**
 * `npm run test:editor`: the extension's tests in a real VS Code (code-server 1.100.3 in the
 * machine's Chromium). Checks prerequisites, installs code-server on demand, builds the
 * extension, runs each in-host suite through `@vscode/test-electron`'s `runTests`, then the
 * browser-level UI test, and prints the time of each step.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import Mocha from 'mocha';
import { editorTestCacheDir } from './cacheDir';
import { installCodeServer, installedCodeServer } from './codeServerInstall';
import { checkPrerequisites } from './prerequisites';
import { repoRoot } from './repoRoot';
import type { SuiteResult } from './hostProtocol';
import { EDITOR_SUITES, type EditorSuite } from './suites';

interface Step {
  name: string;
  ms: number;
  result?: SuiteResult;
}

const SUITE_TIMEOUT_MS = 120_000;

export async function main(argv: readonly string[]): Promise<number> {
  const started = Date.now();
  const root = repoRoot();
  const only = argv.flatMap((arg) => (arg.startsWith('--only=') ? arg.slice('--only='.length).split(',') : []));
  const grep = argv.find((arg) => arg.startsWith('--grep='))?.slice('--grep='.length);
  const selected = (name: string) => only.length === 0 || only.includes(name);
  const cacheDir = editorTestCacheDir();
  const steps: Step[] = [];

  let install = installedCodeServer(cacheDir);
  const missing = checkPrerequisites(install !== null).filter((check) => !check.found);
  if (missing.length > 0) return reportMissing(missing);

  if (!install) {
    const t0 = Date.now();
    install = await installCodeServer(cacheDir, (line) => console.log(`[editor] ${line}`));
    steps.push({ name: `install code-server ${install.version}`, ms: Date.now() - t0 });
  }

  const t0 = Date.now();
  buildExtension(root);
  steps.push({ name: 'build extension', ms: Date.now() - t0 });

  const wrapper = path.join(root, 'out', 'test', 'editor', 'harness', 'code-server-wrapper');
  for (const suite of EDITOR_SUITES.filter((s) => selected(s.name))) {
    steps.push(await runSuite(root, wrapper, suite, grep));
  }
  if (selected('ui')) steps.push(await runUiTest(root, grep));

  printSummary(steps, Date.now() - started);
  const failed = steps.some((step) => step.result && step.result.failed > 0);
  return failed ? 1 : 0;
}

function reportMissing(missing: ReturnType<typeof checkPrerequisites>): number {
  const lines = missing.map((check) => `  - ${check.name}: ${check.install}`);
  if (process.env.CI) {
    console.error(['Editor tests cannot run: missing prerequisites (CI is set, so this fails):', ...lines].join('\n'));
    return 1;
  }
  console.log(['Editor tests SKIPPED (lint, type check and unit tests still ran). Missing prerequisites:', ...lines, 'Install them and run `npm run test:editor` again; .ci/run installs them.'].join('\n'));
  return 0;
}

/** The extension under test is the bundle users get: dist/extension.js from scripts/build.mjs. */
function buildExtension(root: string): void {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status ?? build.signal})`);
  const bundle = path.join(root, 'dist', 'extension.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} was not built (is src/extension/extension.ts there?)`);
}

async function runSuite(root: string, wrapper: string, suite: EditorSuite, grep: string | undefined): Promise<Step> {
  const t0 = Date.now();
  const runDir = mkdtempSync(path.join(os.tmpdir(), `pi-audit-editor-${suite.name}-`));
  // Named like the fixture: the folder name is the system name the extension shows.
  const workspaceDir = path.join(runDir, suite.workspace);
  cpSync(path.join(root, 'test', 'editor', 'workspaces', suite.workspace), workspaceDir, { recursive: true });
  const resultFile = path.join(runDir, 'result.json');
  console.log(`\n[editor] suite ${suite.name}: ${suite.workspace}${suite.locale ? `, --locale ${suite.locale}` : ''}${suite.trust === 'restricted' ? ', restricted mode' : ''} (run folder ${runDir})`);
  let error: unknown;
  try {
    await runTests({
      vscodeExecutablePath: wrapper,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'editor', 'suite', suite.name, 'index.js'),
      launchArgs: [
        suite.workspaceFile ? path.join(workspaceDir, suite.workspaceFile) : workspaceDir,
        `--user-data-dir=${path.join(runDir, 'user-data')}`,
        `--extensions-dir=${path.join(runDir, 'extensions')}`,
        ...(suite.locale ? [`--locale=${suite.locale}`] : []),
        ...(suite.trust === 'restricted' ? ['--pi-audit-restricted-mode'] : []),
        `--pi-audit-timeout=${SUITE_TIMEOUT_MS}`,
      ],
      extensionTestsEnv: { PI_AUDIT_EDITOR_RESULT: resultFile, ...(grep ? { PI_AUDIT_EDITOR_GREP: grep } : {}) },
    });
  } catch (caught) {
    error = caught;
  }
  const result = readResult(resultFile, error);
  if (result.failed === 0 && !error) rmSync(runDir, { recursive: true, force: true });
  else console.error(`[editor] suite ${suite.name} failed${error instanceof Error ? `: ${error.message}` : ''}; its files are kept in ${runDir}`);
  return { name: `suite ${suite.name}`, ms: Date.now() - t0, result };
}

/** A run that died before mocha reported counts as one failure, never as a pass. */
function readResult(file: string, error: unknown): SuiteResult {
  if (!existsSync(file)) return { passed: 0, failed: 1, pending: 0 };
  const result = JSON.parse(readFileSync(file, 'utf8')) as SuiteResult;
  return error && result.failed === 0 ? { ...result, failed: 1 } : result;
}

async function runUiTest(root: string, grep: string | undefined): Promise<Step> {
  const t0 = Date.now();
  console.log('\n[editor] browser-level UI test');
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 90_000, slow: 20_000, ...(grep ? { grep } : {}) });
  mocha.addFile(path.join(root, 'out', 'test', 'editor', 'ui', 'workbench.ui.test.js'));
  const result = await new Promise<SuiteResult>((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 1, pending: runner.stats?.pending ?? 0 }));
  });
  return { name: 'ui (playwright)', ms: Date.now() - t0, result };
}

function printSummary(steps: readonly Step[], totalMs: number): void {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log('\nEditor tests');
  for (const step of steps) {
    const counts = step.result ? `  ${step.result.passed} passed, ${step.result.failed} failed${step.result.pending ? `, ${step.result.pending} pending` : ''}` : '';
    console.log(`  ${step.name.padEnd(28)} ${seconds(step.ms).padStart(8)}${counts}`);
  }
  console.log(`  ${'total'.padEnd(28)} ${seconds(totalMs).padStart(8)}`);
  const passed = steps.reduce((sum, step) => sum + (step.result?.passed ?? 0), 0);
  const failed = steps.reduce((sum, step) => sum + (step.result?.failed ?? 0), 0);
  // The plain closing line CI reads.
  console.log(`editor: ${passed} passed, ${failed} failed`);
}
