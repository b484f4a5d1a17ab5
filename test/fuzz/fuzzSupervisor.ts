import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { FuzzJob, WorkerMessage } from './fuzzProtocol';

export interface FuzzOptions {
  seed: number;
  /** How many inputs, numbered 0..inputs-1 (ignored when `only` is given). */
  inputs: number;
  only?: number[];
  /** Worker processes running side by side. */
  workers: number;
  /** An input still running after this long is a hang: its worker is killed and the run goes on. */
  hangMs: number;
  /** The per-file time budget of a scan: inputs slower than this are listed (a scan would skip them as `timeout`). */
  budgetMs: number;
  /** The corpus folder; `false` for none (fixtures only, the same inputs on every machine). */
  corpusDir?: string | false;
  /** Fuzz the harness's own failing targets (a throw, an endless loop, a process exit). */
  selfTest?: boolean;
  /** Inputs per job handed to a worker. */
  batchSize?: number;
  onProgress?: (tried: number, total: number) => void;
}

export interface InputRecord {
  index: number;
  target: string;
  seedName: string;
  mutations: string[];
  bytes: number;
  ms: number;
}

export interface FailureRecord {
  index: number;
  target?: string;
  seedName?: string;
  mutations?: string[];
  bytes?: number;
  error: string;
}

export interface TargetStats {
  inputs: number;
  totalMs: number;
  maxMs: number;
}

export interface FuzzReport {
  seed: number;
  tried: number;
  seeds: number;
  seedFingerprint: string;
  corpus?: string;
  targets: string[];
  /** Exceptions that escaped a target, broken invariants, and worker processes that died mid-input. */
  crashes: FailureRecord[];
  /** Inputs still running after `hangMs`, killed. */
  hangs: FailureRecord[];
  overBudget: InputRecord[];
  slowest: InputRecord[];
  byTarget: Record<string, TargetStats>;
  wallMs: number;
}

const WORKER = path.join(__dirname, 'fuzzWorker.ts');
const SLOWEST_KEPT = 10;

/**
 * Runs a seeded fuzz campaign in worker processes with a watchdog: every input is timed, an input
 * that does not finish within `hangMs` is recorded as a hang and its worker replaced, and a
 * worker that dies mid-input (out of memory, a native fault) is recorded as a crash of that input.
 */
export function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const all = options.only ?? Array.from({ length: options.inputs }, (_, i) => i);
    const batchSize = options.batchSize ?? 250;
    const queue: number[][] = [];
    for (let i = 0; i < all.length; i += batchSize) queue.push(all.slice(i, i + batchSize));
    const report: FuzzReport = { seed: options.seed, tried: 0, seeds: 0, seedFingerprint: '', targets: [], crashes: [], hangs: [], overBudget: [], slowest: [], byTarget: {}, wallMs: 0 };
    let settled = false;
    const slots = new Set<Slot>();

    const finish = (error?: Error): void => {
      if (settled) return;
      if (error) {
        settled = true;
        clearInterval(watchdog);
        for (const slot of slots) slot.kill();
        reject(error);
        return;
      }
      if (queue.length > 0 || [...slots].some((s) => s.busy())) return;
      settled = true;
      clearInterval(watchdog);
      for (const slot of slots) slot.close();
      report.wallMs = Date.now() - started;
      resolve(report);
    };

    const record = (done: InputRecord): void => {
      report.tried++;
      const stats = (report.byTarget[done.target] ??= { inputs: 0, totalMs: 0, maxMs: 0 });
      stats.inputs++;
      stats.totalMs += done.ms;
      stats.maxMs = Math.max(stats.maxMs, done.ms);
      if (done.ms > options.budgetMs) report.overBudget.push(done);
      report.slowest.push(done);
      report.slowest.sort((a, b) => b.ms - a.ms);
      report.slowest.length = Math.min(report.slowest.length, SLOWEST_KEPT);
      options.onProgress?.(report.tried, all.length);
    };

    const startSlot = (pending: number[]): void => {
      const slot = new Slot(options, pending, {
        message: (message) => {
          if (message.type === 'ready') {
            report.seeds = message.seeds;
            report.seedFingerprint = message.fingerprint;
            report.corpus = message.corpus;
            report.targets = message.targets;
          } else if (message.type === 'done') {
            record(message);
          } else if (message.type === 'crash') {
            report.tried++;
            report.crashes.push({ index: message.index, target: message.target, seedName: message.seedName, mutations: message.mutations, bytes: message.bytes, error: message.error });
            options.onProgress?.(report.tried, all.length);
          }
        },
        idle: () => {
          const next = queue.shift();
          if (next) slot.run(next);
          else finish();
        },
        lost: (input, why, rest) => {
          report.tried++;
          (why.hang ? report.hangs : report.crashes).push({ ...input, error: why.text });
          options.onProgress?.(report.tried, all.length);
          slots.delete(slot);
          if (rest.length > 0) startSlot(rest);
          else {
            const next = queue.shift();
            if (next) startSlot(next);
            else finish();
          }
        },
        failed: (error) => finish(error),
      });
      slots.add(slot);
    };

    const watchdog = setInterval(() => {
      for (const slot of slots) slot.checkHang();
    }, 100);
    for (let i = 0; i < options.workers && queue.length > 0; i++) startSlot(queue.shift()!);
    if (all.length === 0) finish();
  });
}

interface SlotEvents {
  message(message: WorkerMessage & ({ type: 'ready' } | { type: 'done' } | { type: 'crash' })): void;
  /** The worker finished its job and can take another. */
  idle(): void;
  /** The worker died or was killed during an input; `rest` are the job's inputs after it. */
  lost(input: Omit<FailureRecord, 'error'>, why: { hang: boolean; text: string }, rest: number[]): void;
  /** The worker could not start at all. */
  failed(error: Error): void;
}

/** One worker process and the job it is running. */
class Slot {
  private readonly child: ChildProcess;
  private pending: number[] = [];
  private current: { about: Omit<FailureRecord, 'error'>; index: number; since: number } | undefined;
  private stderrTail = '';
  private killedForHang = false;
  private closing = false;

  constructor(private readonly options: FuzzOptions, first: number[], private readonly events: SlotEvents) {
    this.child = fork(WORKER, [], {
      execArgv: ['--require', require.resolve('tsx/cjs')],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-2000);
    });
    this.child.on('message', (message: WorkerMessage) => this.onMessage(message));
    this.child.on('exit', (code, signal) => this.onExit(code, signal));
    this.run(first);
  }

  busy(): boolean {
    return this.pending.length > 0;
  }

  run(indices: number[]): void {
    this.pending = [...indices];
    const job: FuzzJob = { seed: this.options.seed, from: 0, to: 0, only: indices, corpusDir: this.options.corpusDir, selfTest: this.options.selfTest };
    this.child.send(job);
  }

  checkHang(): void {
    if (!this.current || this.killedForHang) return;
    if (Date.now() - this.current.since > this.options.hangMs) {
      this.killedForHang = true;
      this.child.kill('SIGKILL');
    }
  }

  kill(): void {
    this.closing = true;
    this.child.kill('SIGKILL');
  }

  close(): void {
    this.closing = true;
    if (this.child.connected) this.child.disconnect();
  }

  private onMessage(message: WorkerMessage): void {
    switch (message.type) {
      case 'start':
        this.current = { about: { index: message.index, target: message.target, seedName: message.seedName, mutations: message.mutations, bytes: message.bytes }, index: message.index, since: Date.now() };
        return;
      case 'done':
      case 'crash':
        this.current = undefined;
        this.pending = this.pending.filter((i) => i !== message.index);
        this.events.message(message);
        return;
      case 'ready':
        this.events.message(message);
        return;
      case 'finished':
        this.pending = [];
        this.events.idle();
    }
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.closing) return;
    if (this.current) {
      const { index } = this.current;
      const rest = this.pending.filter((i) => i !== index);
      const text = this.killedForHang
        ? `still running after ${this.options.hangMs} ms; worker killed`
        : `worker process died (${signal ?? `exit code ${String(code)}`}): ${this.stderrTail.trim().split('\n').slice(-6).join('\n')}`;
      this.events.lost(this.current.about, { hang: this.killedForHang, text }, rest);
      return;
    }
    this.events.failed(new Error(`fuzz worker exited before running an input (${signal ?? `exit code ${String(code)}`}): ${this.stderrTail.trim()}`));
  }
}
