import type { PiAuditConfig } from '../config/model';
import type { FileJob, JobOutcome } from './fileJob';

/** What a scan worker is started with (`workerData`): it builds its own engine from the config. */
export interface WorkerSetup {
  config: PiAuditConfig;
  budgetMs: number;
  /** Hash every file's content (the scan caches results). */
  hashing: boolean;
}

/** Main thread → worker: more files, processed in order after those already sent. */
export interface JobsMessage {
  type: 'jobs';
  jobs: FileJob[];
}

/**
 * Worker → main thread. `ready` once the engine is built; then one `outcome` (a result's
 * payload is transferred, not copied) or `failed` per job, in the order sent.
 */
export type WorkerMessage = { type: 'ready' } | { type: 'outcome'; outcome: JobOutcome } | { type: 'failed'; seq: number; reason: string };

/** The skip reason of a file whose analysis threw: the error's kind and message, PI masked. */
export function failureReason(error: unknown, redact: (text: string) => string): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `failed: ${redact(text.split('\n')[0]).slice(0, 200)}`;
}
