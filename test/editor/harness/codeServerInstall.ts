import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findExecutable } from './findExecutable';

/** code-server 4.100.3 is VS Code 1.100.3 and the last release that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';

/** @vscode/ripgrep as pinned by that code-server: its postinstall looks in this cache before downloading. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';
const RIPGREP_TARGETS: Partial<Record<string, string>> = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

export interface CodeServerInstall {
  /** code-server's CLI entry, run with this Node. */
  entry: string;
  version: string;
}

/** The cached install, if a previous run completed one. */
export function installedCodeServer(cacheDir: string): CodeServerInstall | null {
  const dir = installDir(cacheDir);
  return existsSync(completeMarker(dir)) ? { entry: entryOf(dir), version: CODE_SERVER_VERSION } : null;
}

/**
 * Installs code-server from the npm registry into `cacheDir` (git-ignored), so `npm ci` never
 * pays for its 300 MB and native builds. Each pitfall of installing it offline as root is
 * handled here; see shared/notes/vscode-tests-offline.md. npm's output goes to a log file whose
 * tail is shown when the install fails.
 */
export async function installCodeServer(cacheDir: string, log: (line: string) => void): Promise<CodeServerInstall> {
  const dir = installDir(cacheDir);
  // A half-finished install (interrupted, or failed) is never trusted: start again from nothing.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'pi-audit-editor-test-cache', private: true }, null, 2));
  const tmp = path.join(dir, 'tmp');
  await seedRipgrepCache(tmp);
  const logFile = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}.install.log`);
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), dir) || dir} (npm log: ${logFile})`);
  const code = await runNpmInstall(dir, tmp, logFile);
  if (code !== 0) {
    throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed with exit code ${code}; last lines of ${logFile}:\n${tail(logFile, 30)}`);
  }
  const entry = entryOf(dir);
  if (!existsSync(entry)) throw new Error(`code-server installed but ${entry} is missing; see ${logFile}`);
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(completeMarker(dir), `${new Date().toISOString()}\n`);
  return { entry, version: CODE_SERVER_VERSION };
}

function installDir(cacheDir: string): string {
  return path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
}

function completeMarker(dir: string): string {
  return path.join(dir, '.install-complete');
}

function entryOf(dir: string): string {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here; it first
 * looks for the release tarball in `$TMPDIR/vscode-ripgrep-cache-<version>/`, so put one there
 * holding the machine's own rg (Debian's ripgrep).
 */
async function seedRipgrepCache(tmp: string): Promise<void> {
  const target = RIPGREP_TARGETS[process.arch];
  if (process.platform !== 'linux' || !target) throw new Error(`seeding ripgrep supports Linux x64/arm64 only, not ${process.platform}/${process.arch}`);
  const rg = findExecutable('rg');
  if (!rg) throw new Error('rg not found on PATH (apt-get install -y ripgrep)');
  const cache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const staging = path.join(tmp, 'rg-root');
  mkdirSync(cache, { recursive: true });
  mkdirSync(staging, { recursive: true });
  copyFileSync(rg, path.join(staging, 'rg'));
  const tarball = path.join(cache, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
  const code = await runToEnd('tar', ['-C', staging, '-czf', tarball, 'rg'], { cwd: tmp, env: process.env, logFile: null });
  if (code !== 0) throw new Error(`tar could not build the ripgrep cache tarball ${tarball} (exit ${code})`);
}

function runNpmInstall(dir: string, tmp: string, logFile: string): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // `npm run` exports its own prefixes; the nested install must go into `dir`, not the checkout.
  for (const key of ['npm_config_local_prefix', 'npm_config_prefix', 'npm_config_global_prefix']) delete env[key];
  Object.assign(env, {
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root without it
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, which must not prompt
    npm_config_nodedir: process.env.npm_config_nodedir || '/usr', // node-gyp uses the local Node headers, no download
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  });
  // Under `npm run`, npm_execpath is the npm that runs us; otherwise the one on PATH.
  const npmCli = process.env.npm_execpath;
  const [command, prefixArgs] = npmCli && /npm-cli\.js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
  const args = [...prefixArgs, 'install', '--prefix', dir, '--no-package-lock', '--no-save', `code-server@${CODE_SERVER_VERSION}`];
  return runToEnd(command, args, { cwd: dir, env, logFile });
}

function runToEnd(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string | null }): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Both streams go into one log, so neither may end it: it is ended once the process closes.
    const out = options.logFile ? createWriteStream(options.logFile) : null;
    for (const stream of [child.stdout, child.stderr]) {
      if (out) stream.pipe(out, { end: false });
      else stream.resume();
    }
    child.on('error', (error) => reject(new Error(`could not run ${command}: ${error.message}`)));
    child.on('close', (code, signal) => {
      const exitCode = code ?? (signal ? 128 : 1);
      if (out) out.end(() => resolve(exitCode));
      else resolve(exitCode);
    });
  });
}

function tail(file: string, lines: number): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}
