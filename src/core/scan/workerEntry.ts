import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorCode } from '../files/errorCode';

/**
 * How to start a scan worker thread. `source` is a file path, or code when `isEval` is set;
 * `build` names the code the worker runs, for the cache scope (a rebuilt tool never reads
 * results made by another build).
 */
export interface WorkerEntry {
  source: string;
  isEval: boolean;
  build: string;
}

export const WORKER_BUNDLE = 'scanWorker.js';

/**
 * The bundled worker (`dist/scanWorker.js`) next to the running bundle (`dist/cli.js` or
 * `dist/extension.js`); undefined when running from TypeScript sources, where the scan then
 * analyses in-process. `dir` is the running bundle's folder.
 */
export function bundledWorkerEntry(dir: string = __dirname): WorkerEntry | undefined {
  const file = path.join(dir, WORKER_BUNDLE);
  let code: Buffer;
  try {
    code = fs.readFileSync(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  // The content, not the file's time: rebuilding the same sources keeps the cache.
  return { source: file, isEval: false, build: `${WORKER_BUNDLE}:${createHash('sha1').update(code).digest('hex').slice(0, 16)}` };
}

/**
 * The worker from TypeScript sources through tsx's require hook (tests and development):
 * `tsxRegister` is the resolved path of `tsx/cjs`, `workerSource` of `scanWorker.ts`.
 */
export function sourceWorkerEntry(tsxRegister: string, workerSource: string): WorkerEntry {
  return { source: `require(${JSON.stringify(tsxRegister)});\nrequire(${JSON.stringify(workerSource)});\n`, isEval: true, build: 'sources' };
}
