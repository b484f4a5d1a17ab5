/**
 * The `vscodeExecutablePath` given to `@vscode/test-electron`'s `runTests`: instead of a desktop
 * VS Code (not downloadable here) it starts code-server — VS Code 1.100.3 with the same Node
 * extension host — opens its web workbench in the machine's Chromium with the `payload` that
 * runs the extension tests, forwards their output, and exits with their exit code.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { launchWorkbenchBrowser, type WorkbenchBrowser } from './browser';
import { editorTestCacheDir } from './cacheDir';
import { installDisplayLanguage } from './displayLanguage';
import { installedCodeServer } from './codeServerInstall';
import { startCodeServer, type RunningCodeServer } from './codeServerProcess';
import { TESTS_START_LINE } from './hostProtocol';
import { createThrowawayProfile } from './throwawayProfile';
import { parseWrapperArgs } from './wrapperArgs';
import { workbenchUrl } from './workbenchUrl';

async function main(argv: readonly string[]): Promise<number> {
  const args = parseWrapperArgs(argv);
  const install = installedCodeServer(editorTestCacheDir());
  if (!install) throw new Error(`code-server is not installed in ${editorTestCacheDir()}: run \`npm run test:editor\`, which installs it`);
  const profile = createThrowawayProfile(path.dirname(args.userDataDir), args.trust, { userDataDir: args.userDataDir, extensionsDir: args.extensionsDir });
  if (args.locale) installDisplayLanguage(profile, args.locale);
  const server = await startCodeServer({ install, profile, trust: args.trust, locale: args.locale, startTimeoutMs: 30_000 });
  let browser: WorkbenchBrowser | undefined;
  const cleanUp = async () => {
    await browser?.close();
    await server.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`[editor] ${signal}: stopping code-server`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    browser = await launchWorkbenchBrowser(profile.chromiumProfile);
    return await runTestsInWorkbench(browser, server, args, profile.root);
  } finally {
    await cleanUp();
  }
}

async function runTestsInWorkbench(browser: WorkbenchBrowser, server: RunningCodeServer, args: ReturnType<typeof parseWrapperArgs>, runDir: string): Promise<number> {
  const { page } = browser;
  let settle: { resolve(code: number): void; reject(error: Error): void } | undefined;
  const exit = new Promise<number>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Called by the workbench when the tests module's run() settles (its automation driver hooks).
  await page.exposeFunction('codeAutomationExit', (code: number, logs: unknown) => {
    saveWorkbenchLogs(logs, path.join(runDir, 'workbench-logs'));
    settle?.resolve(code);
  });
  page.on('crash', () => settle?.reject(new Error('the workbench page crashed')));
  page.on('close', () => settle?.reject(new Error('the workbench page closed before the tests ended')));
  const log = new LogForwarder();
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => log.forward(type, args));
  if (process.env.PI_AUDIT_EDITOR_VERBOSE) {
    page.on('console', (message) => console.log(`[workbench ${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => console.log(`[workbench pageerror] ${error.message}`));
  }
  const url = workbenchUrl({ origin: server.origin, authority: server.authority, workspace: args.workspace, extensionDevelopmentPath: args.extensionDevelopmentPath, extensionTestsPath: args.extensionTestsPath });
  await page.goto(url);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the extension tests did not finish within ${args.timeoutMs} ms`)), args.timeoutMs);
  });
  try {
    const code = await Promise.race([exit, timeout]);
    if (code !== 0) log.flushEarly();
    return code;
  } catch (error) {
    log.flushEarly();
    const screenshot = path.join(runDir, 'workbench-at-failure.png');
    await page.screenshot({ path: screenshot }).catch((shotError: unknown) => console.error(`[editor] no screenshot: ${String(shotError)}`));
    console.error(`[editor] screenshot of the workbench: ${screenshot}\n--- last lines of code-server's log ---\n${server.logTail(40)}`);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** A workbench message repeated during every run because the gallery is switched off on purpose. */
const WORKBENCH_NOISE = /^Ignoring fetching additional builtin extensions from gallery as it is disabled\.$/;

/**
 * The workbench's log, which carries the extension host's console (mocha's reporter). Lines
 * before the tests start are the workbench's own chatter: kept back, and shown only if the run
 * fails or PI_AUDIT_EDITOR_VERBOSE is set.
 */
class LogForwarder {
  private started = false;
  private readonly early: string[] = [];
  private readonly verbose = Boolean(process.env.PI_AUDIT_EDITOR_VERBOSE);

  forward(type: string, args: unknown): void {
    // The arguments of one console call: mocha's reporters pass printf-style formats.
    const parts: unknown[] = Array.isArray(args) ? args : [args];
    const text = format(...parts);
    if (WORKBENCH_NOISE.test(text)) return;
    if (text === TESTS_START_LINE) {
      this.started = true;
      return;
    }
    if (!this.started && !this.verbose) {
      this.early.push(`[workbench ${type}] ${text}`);
      return;
    }
    (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
  }

  /** The held-back lines, for a run that failed. */
  flushEarly(): void {
    if (this.early.length > 0) process.stderr.write(`--- workbench log before the tests started ---\n${this.early.join('\n')}\n`);
    this.early.length = 0;
  }
}

function saveWorkbenchLogs(logs: unknown, dir: string): void {
  if (!Array.isArray(logs)) return;
  for (const entry of logs as { relativePath?: unknown; contents?: unknown }[]) {
    if (typeof entry.relativePath !== 'string' || typeof entry.contents !== 'string') continue;
    const file = path.join(dir, entry.relativePath.replace(/^(\.\.(\/|\\|$))+/, ''));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, entry.contents);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[editor] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
