import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PiAuditConfig } from '../core/config/model';
import type { SkippedFile } from '../core/scan/model';
import type { AnalysisRequest, AnalysisResponse, AnalyzedFile } from './analysisProtocol';

/** The bundled analysis thread, next to dist/extension.js. */
export const ANALYSIS_WORKER_BUNDLE = 'analysisWorker.js';
/** Extra time over the configuration's per-file budget before a silent thread counts as hung. */
const HANG_GRACE_MS = 1000;
/** A scan may be silent longer (walking a large tree between two files): only a real hang takes this long. */
const SCAN_SILENCE_MS = 60_000;
/** Threads in a row that die before answering anything before no more are started. */
const MAX_FAILED_STARTS = 3;

/** How to start the analysis thread: a script file, or code to evaluate (running from sources). */
export interface AnalysisThreadEntry {
  source: string;
  isEval: boolean;
}

export interface AnalysisThreadOptions {
  /** Where the thread's code is (see `analysisThreadEntry`); undefined: every request fails, saying so. */
  entry: AnalysisThreadEntry | undefined;
  /** Told when the thread broke down or hung (it is replaced on the next request). */
  onProblem?: (message: string) => void;
}

export interface ScanCallbacks {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Every file read and analysed, with its text. */
  onFile: (file: AnalyzedFile, text: string) => void;
}

interface Pending {
  /** The request's configuration budget: a thread silent for longer is hung. */
  budgetMs: number;
  timer: NodeJS.Timeout;
  file: string;
  onMessage: (response: AnalysisResponse) => void;
  reject: (error: Error) => void;
}

/**
 * The extension host's side of the analysis thread (analysisWorker.ts): documents and workspace
 * scans are analysed there, so the host's thread never parses a file. Each configuration (one
 * per workspace folder) is sent once, and again to a restarted thread. A request during which the
 * thread stays silent for longer than the folder's `fileTimeoutMs` (plus a grace) ends the thread
 * — a runaway parse can hang it, never the editor — and fails, like everything the thread had;
 * the next request starts a fresh one.
 */
export class AnalysisThread {
  private worker: Worker | undefined;
  private readonly configs = new Map<string, PiAuditConfig>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failedStarts = 0;
  private answered = false;
  private disposed = false;

  constructor(private readonly options: AnalysisThreadOptions) {}

  /** Sets (or replaces) the configuration `engine` names. */
  configure(engine: string, config: PiAuditConfig): void {
    this.configs.set(engine, config);
    this.worker?.postMessage({ type: 'configure', engine, config } satisfies AnalysisRequest);
  }

  forget(engine: string): void {
    this.configs.delete(engine);
    this.worker?.postMessage({ type: 'forget', engine } satisfies AnalysisRequest);
  }

  /**
   * Starts the thread ahead of the first request: its code loads while the host reads the
   * folders' configurations. Nothing happens without an entry or after the thread gave up.
   */
  warmUp(): void {
    if (this.options.entry && !this.disposed && this.failedStarts < MAX_FAILED_STARTS) this.thread();
  }

  /** One document's text, analysed with the configuration `engine` names. */
  analyze(engine: string, file: string, text: string): Promise<AnalyzedFile> {
    return new Promise<AnalyzedFile>((resolve, reject) => {
      const id = this.nextId++;
      const sent = this.register(id, engine, file, reject, (response) => {
        if (response.type === 'analysis') resolve({ analysis: response.analysis, lines: response.lines });
        else if (response.type === 'failed') reject(new Error(response.message));
        else return;
        this.settle(id);
      });
      if (sent) this.post({ type: 'analyze', id, engine, file, text });
    });
  }

  /**
   * Scans a workspace folder from disk on the thread (the engine's walk, .gitignore, globs and
   * skips), handing over every file with its text as it is analysed. Rejects with the signal's
   * reason as soon as it aborts (the thread stops the scan at its next turn).
   */
  scan(engine: string, root: string, callbacks: ScanCallbacks): Promise<{ skipped: SkippedFile[]; ms: number }> {
    const { signal } = callbacks;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const id = this.nextId++;
      const onAbort = (): void => {
        this.settle(id);
        this.worker?.postMessage({ type: 'cancel', id } satisfies AnalysisRequest);
        reject(signal?.reason as Error);
      };
      const sent = this.register(id, engine, root, reject, (response) => {
        switch (response.type) {
          case 'file':
            callbacks.onFile({ analysis: response.analysis, lines: response.lines }, response.text);
            return;
          case 'progress':
            callbacks.onProgress?.(response.done, response.total);
            return;
          case 'scanned':
            resolve({ skipped: response.skipped, ms: response.ms });
            break;
          case 'failed':
            reject(new Error(response.message));
            break;
          default:
            return;
        }
        signal?.removeEventListener('abort', onAbort);
        this.settle(id);
      }, SCAN_SILENCE_MS);
      if (!sent) return;
      signal?.addEventListener('abort', onAbort, { once: true });
      this.post({ type: 'scan', id, engine, root });
    });
  }

  dispose(): void {
    this.disposed = true;
    this.stop(new Error('the analysis thread was disposed'));
  }

  /** Registers request `id`; false (and `reject` called) when it cannot be sent. */
  private register(id: number, engine: string, file: string, reject: (error: Error) => void, onMessage: (response: AnalysisResponse) => void, silenceMs = 0): boolean {
    const config = this.configs.get(engine);
    const problem = this.disposed
      ? 'the analysis thread was disposed'
      : !this.options.entry
        ? `PI Audit's analysis thread is missing (${ANALYSIS_WORKER_BUNDLE} next to the extension)`
        : this.failedStarts >= MAX_FAILED_STARTS
          ? 'PI Audit\'s analysis thread cannot start (see the log)'
          : !config
            ? `no configuration for ${engine}`
            : undefined;
    if (problem !== undefined || !config) {
      reject(new Error(problem));
      return false;
    }
    const budgetMs = Math.max(config.fileTimeoutMs + HANG_GRACE_MS, silenceMs);
    this.pending.set(id, { budgetMs, timer: setTimeout(() => this.hung(id), budgetMs), file, onMessage, reject });
    return true;
  }

  private post(request: AnalysisRequest): void {
    this.thread().postMessage(request);
  }

  private settle(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending.delete(id);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const entry = this.options.entry;
    if (!entry) throw new Error('no analysis thread entry');
    const worker = new Worker(entry.source, { eval: entry.isEval });
    // The host must be able to exit while the thread idles.
    worker.unref();
    for (const [engine, config] of this.configs) worker.postMessage({ type: 'configure', engine, config } satisfies AnalysisRequest);
    worker.on('message', (response: AnalysisResponse) => this.answer(response));
    worker.on('error', (error) => this.broke(worker, `the analysis thread failed: ${error.message}`));
    worker.on('exit', (code) => this.broke(worker, `the analysis thread exited (code ${code})`));
    this.worker = worker;
    this.answered = false;
    return worker;
  }

  private answer(response: AnalysisResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.answered = true;
    this.failedStarts = 0;
    // The thread spoke: the silence that counts as hung starts again.
    clearTimeout(pending.timer);
    pending.timer = setTimeout(() => this.hung(response.id), pending.budgetMs);
    pending.onMessage(response);
  }

  /** The thread died: what it was doing fails; the next request starts another one. */
  private broke(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (!this.answered) this.failedStarts++;
    if (this.disposed) return;
    this.options.onProblem?.(this.failedStarts >= MAX_FAILED_STARTS ? `${message}; no more analysis threads are started` : message);
    this.rejectAll(new Error(message));
  }

  /** A request's thread stayed silent beyond its budget: it is ended, and everything it had fails. */
  private hung(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    const message = `the analysis thread did not answer for ${pending.budgetMs} ms while analysing ${pending.file}; it was restarted`;
    this.options.onProblem?.(message);
    this.stop(new Error(message));
  }

  private stop(error: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    this.rejectAll(error);
    if (worker) void worker.terminate();
  }

  private rejectAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const request of pending) {
      clearTimeout(request.timer);
      request.reject(error);
    }
  }
}

/**
 * The analysis thread's code: the bundle next to the running one (dist/), or — running from
 * TypeScript sources (unit tests, benchmarks) — the source through tsx's require hook. Undefined
 * when neither is there.
 */
export function analysisThreadEntry(dir: string = __dirname): AnalysisThreadEntry | undefined {
  const bundled = path.join(dir, ANALYSIS_WORKER_BUNDLE);
  if (existsSync(bundled)) return { source: bundled, isEval: false };
  const source = path.join(dir, 'analysisWorker.ts');
  if (!existsSync(source)) return undefined;
  let tsx: string;
  try {
    tsx = require.resolve('tsx/cjs');
  } catch (error) {
    // Sources without tsx installed: there is no thread to start.
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  return { source: `require(${JSON.stringify(tsx)});\nrequire(${JSON.stringify(source)});\n`, isEval: true };
}
