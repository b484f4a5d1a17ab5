import { spawn, spawnSync } from 'node:child_process';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const PROJECT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(PROJECT, 'test', 'fixtures');

/** A fresh folder under the system temp folder holding `files` (text or bytes). */
export function tempTree(files: Record<string, string | Buffer>, prefix = 'pi-audit-reliability-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

/** Every file under a folder, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return entry.isFile() ? [path.relative(base, full).split(path.sep).join('/')] : [];
  }).sort();
}

/** The longest run of consecutive characters of `value` that occurs in `text`. */
export function longestRun(text: string, value: string): number {
  let longest = 0;
  for (let start = 0; start + longest < value.length; start++) {
    while (start + longest < value.length && text.includes(value.slice(start, start + longest + 1))) longest++;
  }
  return longest;
}

/** Line endings rewritten: all CRLF, or cycling CRLF, LF and lone CR from line to line. */
export function withLineEndings(text: string, style: 'crlf' | 'mixed'): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (style === 'crlf') return lines.join('\r\n');
  const endings = ['\r\n', '\n', '\r'];
  return lines.map((line, i) => (i < lines.length - 1 ? line + endings[i % endings.length] : line)).join('');
}

export interface ProcessRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export const DIST = path.join(PROJECT, 'dist');

/**
 * The bundles as shipped (`dist/*.js`), built with `node scripts/build.mjs` when there are none
 * yet or a source file is newer: a test of a stale bundle would test yesterday's code.
 */
export function builtBundles(): string[] {
  const cli = path.join(DIST, 'cli.js');
  const newestSource = Math.max(...listFiles(path.join(PROJECT, 'src')).map((f) => fs.statSync(path.join(PROJECT, 'src', f)).mtimeMs));
  if (!fs.existsSync(cli) || fs.statSync(cli).mtimeMs < newestSource) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: PROJECT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  }
  return fs.readdirSync(DIST).filter((f) => f.endsWith('.js')).map((f) => path.join(DIST, f));
}

export interface ProcessOptions {
  uid?: number;
  gid?: number;
  /** Modules run (`--require`) before the CLI. */
  preload?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Runs `pi-audit` from the sources in a child process (a real process: exit code, uncaught
 * errors, another user id, preloaded hooks).
 */
export function runCliProcess(args: string[], options: ProcessOptions = {}): Promise<ProcessRun> {
  return runNode([...requires([require.resolve('tsx/cjs'), ...(options.preload ?? [])]), path.join(PROJECT, 'src', 'cli', 'main.ts'), ...args], options);
}

/** Runs the bundled `dist/cli.js`, as users do. */
export function runBundledCli(args: string[], options: ProcessOptions = {}): Promise<ProcessRun> {
  builtBundles();
  return runNode([...requires(options.preload ?? []), path.join(DIST, 'cli.js'), ...args], options);
}

function requires(files: string[]): string[] {
  return files.flatMap((file) => ['--require', file]);
}

function runNode(args: string[], options: ProcessOptions): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? PROJECT,
      env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', CI: '1', ...options.env },
      uid: options.uid,
      gid: options.gid,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
