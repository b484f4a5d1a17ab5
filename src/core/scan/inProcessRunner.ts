import { setImmediate as nextTurn } from 'node:timers/promises';
import { redactValues } from '../values/redactValues';
import { runFileJob, type FileJob, type JobContext } from './fileJob';
import { toFileOutcome, type FileOutcome, type FileRunner } from './workerPool';
import { failureReason } from './workerProtocol';

/**
 * Runs file jobs one after another on the calling thread: when no worker bundle is at hand
 * (running from sources), when the caller asked for no workers, or when the caller brought its
 * own engine. A file over the time budget cannot be interrupted here; it is measured instead,
 * and reported as `timeout` without its findings, as a worker would have reported it. The event
 * loop gets a turn between files, so an editor stays responsive.
 */
export class InProcessRunner implements FileRunner {
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly context: JobContext) {}

  run(job: FileJob): Promise<FileOutcome> {
    const outcome = this.tail.then(() => this.runOne(job));
    // The next file waits for this one whatever became of it.
    this.tail = outcome.catch(() => undefined);
    return outcome;
  }

  /** Files not started yet are rejected (the scan was aborted or is done). */
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  private async runOne(job: FileJob): Promise<FileOutcome> {
    await nextTurn();
    if (this.closed) throw new Error('the scan stopped before this file was analysed');
    try {
      return toFileOutcome(await runFileJob(job, this.context));
    } catch (error) {
      return { seq: job.seq, kind: 'failed', reason: failureReason(error, redactValues) };
    }
  }
}
