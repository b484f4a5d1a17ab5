/**
 * Loading the extension's bundle (dist/extension.js) in a fresh Node process, outside VS Code:
 * reading, compiling and running the module, with the `vscode` API replaced by a stand-in that
 * accepts anything. Node's own modules the extension host has loaded already are loaded first,
 * so only the extension's code is timed. CPU time says what the load costs whatever the load of
 * the machine; VS Code's own figure (activation.ts) is wall time.
 */
import { spawnSync } from 'node:child_process';
import Module, { createRequire } from 'node:module';
import { spread, type Spread } from './measure';

/** Built-in modules an extension host has loaded before any extension. */
const HOST_BUILTINS = ['fs', 'fs/promises', 'path', 'os', 'url', 'util', 'events', 'crypto', 'stream', 'worker_threads', 'child_process', 'perf_hooks', 'timers/promises', 'buffer', 'string_decoder', 'zlib', 'net', 'tty', 'readline', 'assert', 'v8'];

/** Runs in the child (`--load-extension=<bundle>`): prints `{ wallMs, cpuMs }` of one `require`. */
export function loadOnce(bundle: string): { wallMs: number; cpuMs: number } {
  const load = createRequire(__filename);
  for (const name of HOST_BUILTINS) load(`node:${name}`);
  const stub: unknown = new Proxy(function vscodeStub() {}, {
    get: (target, key): unknown => (key === 'prototype' ? (target as { prototype: unknown }).prototype : key === Symbol.toPrimitive ? () => '' : stub),
    construct: () => stub as object,
    apply: () => stub,
  });
  // Every property the bundle reads from `vscode` must be an own key for esbuild's module interop.
  const api = new Proxy({}, {
    get: (_target, key) => (key === '__esModule' ? false : stub),
    ownKeys: () => ['window', 'workspace', 'languages', 'commands', 'env', 'l10n', 'extensions', 'Uri', 'EventEmitter', 'Disposable', 'DiagnosticSeverity', 'Diagnostic', 'DiagnosticRelatedInformation', 'Location', 'Position', 'Range', 'MarkdownString', 'ThemeColor', 'ThemeIcon', 'TreeItem', 'TreeItemCollapsibleState', 'CodeAction', 'CodeActionKind', 'WorkspaceEdit', 'StatusBarAlignment', 'ProgressLocation', 'RelativePattern', 'Hover', 'ConfigurationTarget', 'ViewColumn', 'TextEdit', 'QuickPickItemKind'],
    getOwnPropertyDescriptor: () => ({ value: stub, enumerable: true, configurable: true, writable: true }),
  });
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load.bind(Module);
  loader._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? api : original(request, ...rest));
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  load(bundle);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** `runs` loads, each in a new process running `entry --load-extension=<bundle>`. */
export function extensionLoads(runs: number, entry: string, bundle: string): { wall: Spread; cpu: Spread } {
  const samples: { wallMs: number; cpuMs: number }[] = [];
  for (let run = 0; run < runs; run++) {
    const child = spawnSync(process.execPath, [entry, `--load-extension=${bundle}`], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`loading ${bundle} failed (exit ${child.status ?? child.signal}):\n${child.stderr}`);
    samples.push(JSON.parse(child.stdout) as { wallMs: number; cpuMs: number });
  }
  return { wall: spread(samples.map((s) => s.wallMs)), cpu: spread(samples.map((s) => s.cpuMs)) };
}
