import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { CodeServerInstall } from './codeServerInstall';
import { profileEnvironment, type ThrowawayProfile, type WorkspaceTrust } from './throwawayProfile';

export interface CodeServerOptions {
  install: CodeServerInstall;
  profile: ThrowawayProfile;
  trust: WorkspaceTrust;
  /** Display language, passed as code-server's `--locale` (e.g. `zh-cn`). */
  locale?: string;
  startTimeoutMs: number;
  /** Extra environment for the server and so for its extension hosts. */
  env?: NodeJS.ProcessEnv;
}

export interface RunningCodeServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `127.0.0.1:PORT`, the authority of `vscode-remote://` URIs. */
  authority: string;
  stop(): Promise<void>;
  logTail(lines: number): string;
}

const LISTENING = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\//;

/**
 * Starts code-server on a free loopback port in its own process group (`detached` = setsid), so
 * that stopping it also ends the extension hosts and watchers it forks. Resolves once it says
 * where it listens and `/healthz` answers.
 */
export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const { install, profile } = options;
  const args = [
    install.entry,
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    ...(options.trust === 'disabled' ? ['--disable-workspace-trust'] : []),
    ...(options.locale ? ['--locale', options.locale] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: profile.root,
    // An empty gallery: no marketplace queries from a machine without internet.
    env: { ...profileEnvironment(profile), EXTENSIONS_GALLERY: '{}', ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => stopProcessGroup(child);
  try {
    const origin = await waitForListening(child, profile.serverLog, options.startTimeoutMs);
    await assertHealthy(origin);
    return { origin, authority: new URL(origin).host, stop, logTail: (lines) => tail(profile.serverLog, lines) };
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`code-server did not start: ${reason}\n--- last lines of ${profile.serverLog} ---\n${tail(profile.serverLog, 30)}`, { cause: error });
  }
}

function waitForListening(child: ChildProcess, logFile: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let listening = false;
    const timer = setTimeout(() => reject(new Error(`no "HTTP server listening" line within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      appendFileSync(logFile, text);
      if (listening) return;
      seen += text;
      const match = LISTENING.exec(seen);
      if (match) {
        listening = true;
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code ?? signal}) before listening`));
    });
  });
}

async function assertHealthy(origin: string): Promise<void> {
  const response = await fetch(`${origin}/healthz`);
  if (!response.ok) throw new Error(`${origin}/healthz answered ${response.status}`);
}

/** SIGTERM to the whole group, SIGKILL to whatever is left after 5 s. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(pid, 'SIGTERM');
  const exitedInTime = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
  // Sweep the group even when the leader exited: forked extension hosts can outlive it.
  signalGroup(pid, 'SIGKILL');
  if (!exitedInTime) await exited;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone, which is the goal.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function tail(file: string, lines: number): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';
}
