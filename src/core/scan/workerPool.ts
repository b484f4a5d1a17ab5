import { Worker } from 'node:worker_threads';
import type { FileJob, JobOutcome } from './fileJob';
import type { Validity } from './resultCache';
import type { FileResult } from './fileResult';
import type { WorkerEntry } from './workerEntry';
import type { JobsMessage, WorkerMessage, WorkerSetup } from './workerProtocol';

/**
 * A file's outcome as the scan consumes it. A result from a worker stays serialized (`payload`)
 * until the audit needs it: bytes take a fraction of the memory of the objects, and the cache
 * stores them as they are. A result made in-process is an object.
 */
export type FileOutcome =
  | { seq: number; kind: 'unchanged'; hash: string }
  | { seq: number; kind: 'result'; result: FileResult | Uint8Array; hash?: string; validity: Validity }
  | { seq: number; kind: 'timeout' }
  | { seq: number; kind: 'failed'; reason: string };

/** Runs file jobs, in a pool of worker threads or in-process. */
export interface FileRunner {
  /** The outcome of one file; rejects only when the runner itself broke down. */
  run(job: FileJob): Promise<FileOutcome>;
  close(): Promise<void>;
}

/** Files sent to a worker at once, and the backlog below which it is sent more. */
const BATCH = 8;
const LOW_WATER = 3;
/** A worker that overruns the budget by this much more is hung: terminated and replaced. */
const HANG_GRACE_MS = 500;
/**
 * A worker's V8 heap is capped: the engine needs far less, and without a cap V8 lets a busy
 * worker's heap grow for a long time before collecting it. A file that needs more is reported
 * as failed (`out of memory`) instead of taking the whole process down.
 */
const WORKER_HEAP_MB = 256;
/** Workers in a row that die before finishing any file (they cannot start) before the scan gives up. */
const MAX_FAILURES_IN_A_ROW = 3;

interface Pending {
  job: FileJob;
  resolve: (outcome: FileOutcome) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Jobs sent, in the order the worker runs them; the first is running. */
  sent: Pending[];
  timer?: NodeJS.Timeout;
  retired: boolean;
  /** Whether it finished a file: a worker that dies before is broken, not stopped by a file. */
  answered: boolean;
}

export interface PoolOptions {
  entry: WorkerEntry;
  /** Workers started at once, and at most (more are started while files queue up). */
  size: number;
  maxSize?: number;
  setup: WorkerSetup;
}

/** Files waiting for a worker beyond which another one is started, up to `maxSize`. */
const BACKLOG_PER_WORKER = 64;

/**
 * Worker threads that analyse files in parallel (node:worker_threads), each with its own engine.
 * Every file is timed from the moment its worker starts it: a worker still busy when the budget
 * (plus a grace for messaging) is spent is terminated, the file is reported as `timeout`, the
 * files queued behind it go to the next worker, and a fresh worker takes its place. A worker
 * that dies reports its current file as `failed`; several failures in a row end the scan.
 */
export class ScanWorkerPool implements FileRunner {
  private readonly queue: Pending[] = [];
  private readonly slots = new Set<Slot>();
  private failuresInARow = 0;
  private broken: Error | undefined;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.spawn();
  }

  run(job: FileJob): Promise<FileOutcome> {
    return new Promise((resolve, reject) => {
      if (this.broken) {
        reject(this.broken);
        return;
      }
      this.queue.push({ job, resolve, reject });
      if (!this.closed && this.slots.size < (this.options.maxSize ?? this.options.size) && this.queue.length > BACKLOG_PER_WORKER * this.slots.size) this.spawn();
      this.pump();
    });
  }

  /** Stops every worker; files not finished by then are rejected (the scan was aborted or is done). */
  async close(): Promise<void> {
    this.closed = true;
    const stopping = [...this.slots].map((slot) => {
      this.requeue(slot);
      return this.retire(slot);
    });
    const unfinished = this.queue.splice(0);
    for (const pending of unfinished) pending.reject(new Error('the scan stopped before this file was analysed'));
    await Promise.all(stopping);
  }

  private spawn(): void {
    const { entry, setup } = this.options;
    const worker = new Worker(entry.source, { eval: entry.isEval, workerData: setup, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    const slot: Slot = { worker, ready: false, sent: [], retired: false, answered: false };
    this.slots.add(slot);
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on('error', (error) => this.onDeath(slot, error));
    worker.on('exit', (code) => this.onDeath(slot, new Error(`a scan worker stopped (exit code ${code})`)));
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (slot.retired) return;
    switch (message.type) {
      case 'ready':
        slot.ready = true;
        this.pump();
        return;
      case 'outcome':
        this.finish(slot, message.outcome.seq, () => toFileOutcome(message.outcome));
        return;
      case 'failed':
        this.finish(slot, message.seq, () => ({ seq: message.seq, kind: 'failed', reason: message.reason }));
        return;
    }
  }

  private finish(slot: Slot, seq: number, outcome: () => FileOutcome): void {
    const pending = slot.sent.shift();
    if (!pending || pending.job.seq !== seq) {
      this.breakDown(new Error(`a scan worker answered for file #${seq} out of turn`));
      return;
    }
    this.failuresInARow = 0;
    slot.answered = true;
    let result: FileOutcome;
    try {
      result = outcome();
    } catch (error) {
      // A message without its result: that file failed, the others go on.
      result = { seq, kind: 'failed', reason: `failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    pending.resolve(result);
    this.startClock(slot);
    this.pump();
  }

  /** Sends queued jobs to ready workers whose backlog ran low. */
  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.retired || this.queue.length === 0 || slot.sent.length > LOW_WATER) continue;
      const jobs = this.queue.splice(0, BATCH - slot.sent.length);
      const wasIdle = slot.sent.length === 0;
      slot.sent.push(...jobs);
      const message: JobsMessage = { type: 'jobs', jobs: jobs.map((p) => p.job) };
      slot.worker.postMessage(message);
      if (wasIdle) this.startClock(slot);
    }
  }

  /** Times the job the worker is on now (the first one sent and not answered). */
  private startClock(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    if (slot.sent.length === 0) return;
    slot.timer = setTimeout(() => this.onHung(slot), this.options.setup.budgetMs + HANG_GRACE_MS);
  }

  private onHung(slot: Slot): void {
    if (slot.retired) return;
    const current = slot.sent.shift();
    this.requeue(slot);
    void this.retire(slot);
    current?.resolve({ seq: current.job.seq, kind: 'timeout' });
    if (!this.closed) this.spawn();
    this.pump();
  }

  private onDeath(slot: Slot, error: Error): void {
    if (slot.retired) return;
    const current = slot.sent.shift();
    this.requeue(slot);
    void this.retire(slot);
    if (!slot.answered && !current) this.failuresInARow++;
    if (this.failuresInARow >= MAX_FAILURES_IN_A_ROW) {
      this.breakDown(new Error(`scan workers cannot start: ${error.message}`));
      return;
    }
    current?.resolve({ seq: current.job.seq, kind: 'failed', reason: `failed: ${error.message.split('\n')[0]}` });
    if (!this.closed) this.spawn();
    this.pump();
  }

  /** Puts the jobs a worker had not started back at the front of the queue, in order. */
  private requeue(slot: Slot): void {
    this.queue.unshift(...slot.sent);
    slot.sent = [];
  }

  private async retire(slot: Slot): Promise<void> {
    if (slot.timer) clearTimeout(slot.timer);
    slot.retired = true;
    this.slots.delete(slot);
    await slot.worker.terminate();
  }

  private breakDown(error: Error): void {
    this.broken ??= error;
    for (const slot of [...this.slots]) {
      this.requeue(slot);
      void this.retire(slot);
    }
    for (const pending of this.queue.splice(0)) pending.reject(this.broken);
  }
}

export function toFileOutcome(outcome: JobOutcome): FileOutcome {
  if (outcome.kind !== 'result') return outcome;
  const result = outcome.result ?? outcome.payload;
  if (!result) throw new Error(`a scan worker sent no result for file #${outcome.seq}`);
  return { seq: outcome.seq, kind: 'result', result, hash: outcome.hash, validity: outcome.validity };
}
