import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../engine';
import { redactValues } from '../values/redactValues';
import { runFileJob, type FileJob, type JobContext } from './fileJob';
import { failureReason, type JobsMessage, type WorkerMessage, type WorkerSetup } from './workerProtocol';

/**
 * Entry point of a scan worker thread (bundled as dist/scanWorker.js). Builds one engine —
 * extractors, grammars and lexicons load once per worker — then runs the files it is sent, one
 * after another, posting each outcome. The main thread times every file and terminates a
 * worker that overruns the budget.
 */
function startWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('scanWorker must run in a worker thread');
  const setup = workerData as WorkerSetup;
  const context: JobContext = {
    engine: new Engine(setup.config),
    budgetMs: setup.budgetMs,
    hashing: setup.hashing,
    serialized: true,
  };
  const queue: FileJob[] = [];
  let running = false;

  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
  const drain = async (): Promise<void> => {
    running = true;
    for (let job = queue.shift(); job; job = queue.shift()) {
      try {
        const outcome = await runFileJob(job, context);
        if (outcome.kind === 'result' && outcome.payload) {
          const buffer = transferable(outcome.payload);
          post({ type: 'outcome', outcome: { ...outcome, payload: new Uint8Array(buffer) } }, [buffer]);
        } else {
          post({ type: 'outcome', outcome });
        }
      } catch (error) {
        post({ type: 'failed', seq: job.seq, reason: failureReason(error, redactValues) });
      }
    }
    running = false;
  };

  port.on('message', (message: JobsMessage) => {
    queue.push(...message.jobs);
    if (!running) void drain();
  });
  post({ type: 'ready' });
}

/** The payload's own buffer when it owns all of it; otherwise a copy that can be transferred. */
function transferable(payload: Uint8Array): ArrayBuffer {
  if (payload.byteOffset === 0 && payload.byteLength === payload.buffer.byteLength && payload.buffer instanceof ArrayBuffer) return payload.buffer;
  const copy = new Uint8Array(payload.byteLength);
  copy.set(payload);
  return copy.buffer;
}

startWorker();
