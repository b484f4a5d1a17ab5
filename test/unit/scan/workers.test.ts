import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config/defaults';
import { formatJson } from '../../../src/core/report/jsonReport';
import type { FileJob } from '../../../src/core/scan/fileJob';
import { scanWorkspace, type ScanStats } from '../../../src/core/scan/scanWorkspace';
import type { ScanResult } from '../../../src/core/scan/scanResult';
import { sourceWorkerEntry, type WorkerEntry } from '../../../src/core/scan/workerEntry';
import { ScanWorkerPool, type FileOutcome } from '../../../src/core/scan/workerPool';

/** The real worker, run from its TypeScript source through tsx (the bundle is built only by `npm run build`). */
const SOURCE_WORKER = sourceWorkerEntry(require.resolve('tsx/cjs'), path.join(__dirname, '../../../src/core/scan/scanWorker.ts'));

async function makeTree(lines: number): Promise<string> {
  const { generateTree } = await import('../../../scripts/bench/generate.mjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-workers-'));
  generateTree({ dir, lines, seed: 3 });
  return dir;
}

async function scan(root: string, options: { workers: number; fileTimeoutMs?: number }): Promise<{ result: ScanResult; stats: ScanStats }> {
  let stats: ScanStats | undefined;
  const config = { ...defaultConfig(), fileTimeoutMs: options.fileTimeoutMs ?? 60000 };
  const result = await scanWorkspace({ root, config, lang: 'en', cacheDir: false, workers: options.workers, workerEntry: SOURCE_WORKER, onStats: (s) => (stats = s) });
  assert.ok(stats);
  return { result, stats };
}

describe('scan workers', function () {
  this.timeout(120000);
  let tree: string;
  before(async () => {
    tree = await makeTree(8000);
  });
  after(() => fs.rmSync(tree, { recursive: true, force: true }));

  it('find exactly what an in-process scan finds', async () => {
    const inProcess = await scan(tree, { workers: 0 });
    const pooled = await scan(tree, { workers: 2 });
    assert.equal(pooled.stats.workers, 2);
    assert.equal(inProcess.stats.workers, 0);
    assert.ok(pooled.stats.files > 32);
    assert.equal(formatJson({ ...pooled.result, ms: 0 }), formatJson({ ...inProcess.result, ms: 0 }));
    assert.deepEqual(pooled.result.assessed, inProcess.result.assessed);
  });

  it('start one worker for a few files, so that even a small scan can stop a file that overruns', async () => {
    const small = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-workers-small-'));
    try {
      fs.writeFileSync(path.join(small, 'member.sql'), "CREATE TABLE member (sjhm varchar(11) COMMENT '手机号码');\n");
      fs.writeFileSync(path.join(small, 'notes.md'), '# notes\n');
      const { result, stats } = await scan(small, { workers: 2 });
      assert.equal(stats.workers, 1);
      assert.equal(result.fields.length, 1);
    } finally {
      fs.rmSync(small, { recursive: true, force: true });
    }
  });

  it('stop when the scan is cancelled, with no rejection left unhandled', async () => {
    const controller = new AbortController();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      let progressed = 0;
      const scanning = scanWorkspace({
        root: tree, config: defaultConfig(), lang: 'en', cacheDir: false, workers: 2, workerEntry: SOURCE_WORKER, signal: controller.signal,
        onProgress: (done) => {
          progressed = done;
          if (done > 20) controller.abort();
        },
      });
      await assert.rejects(scanning, (error: Error) => error.name === 'AbortError');
      assert.ok(progressed > 20);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('report every file over the time budget as timeout, and drop none', async () => {
    const { result, stats } = await scan(tree, { workers: 2, fileTimeoutMs: 1 });
    const timeouts = result.skipped.filter((s) => s.reason === 'timeout');
    assert.ok(timeouts.length > 0, 'some files take more than 1 ms');
    const binaries = result.skipped.filter((s) => s.reason === 'binary').length;
    assert.equal(result.files + timeouts.length + binaries, stats.files, 'every walked file is analysed or reported');
  });
});

/**
 * A stand-in worker that speaks the protocol: it answers at once, except that it loops forever on
 * a file named `hang` and exits on a file named `crash` — what a pathological input can do to a
 * real worker.
 */
const SCRIPTED_WORKER: WorkerEntry = {
  isEval: true,
  build: 'test',
  source: `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (message) => {
  for (const job of message.jobs) {
    if (job.relPath === 'hang') for (;;) {}
    if (job.relPath === 'crash') process.exit(3);
    // A file that takes a while: a second worker has time to start and take some.
    if (job.relPath.startsWith('slow')) for (const end = Date.now() + 5; Date.now() < end; ) {}
    const result = { file: job.relPath, bytes: threadId, format: null, fields: [], values: [], problems: [], evidence: { lineNumbers: [], lines: [] } };
    parentPort.postMessage({ type: 'outcome', outcome: { seq: job.seq, kind: 'result', result, validity: { computedOn: 1, until: 2 } } });
  }
});
parentPort.postMessage({ type: 'ready' });
`,
};

describe('worker pool', function () {
  this.timeout(30000);
  const jobs = (names: string[]): FileJob[] => names.map((relPath, seq) => ({ seq, relPath, absPath: relPath }));
  const setup = { config: defaultConfig(), budgetMs: 200, hashing: false };

  it('terminates a hung worker, reports its file as timeout and finishes the others on a fresh one', async () => {
    const pool = new ScanWorkerPool({ entry: SCRIPTED_WORKER, size: 1, setup });
    try {
      const started = Date.now();
      const outcomes = await Promise.all(jobs(['a', 'hang', 'b', 'c', 'hang', 'd']).map((job) => pool.run(job)));
      assert.deepEqual(outcomes.map((o) => o.kind), ['result', 'timeout', 'result', 'result', 'timeout', 'result']);
      assert.ok(Date.now() - started < 10000);
    } finally {
      await pool.close();
    }
  });

  it('reports the file a worker died on as failed, and goes on', async () => {
    const pool = new ScanWorkerPool({ entry: SCRIPTED_WORKER, size: 2, setup });
    try {
      const outcomes: FileOutcome[] = await Promise.all(jobs(['a', 'crash', 'b', 'c']).map((job) => pool.run(job)));
      assert.deepEqual(outcomes.map((o) => o.kind), ['result', 'failed', 'result', 'result']);
      const failed = outcomes[1];
      assert.ok(failed.kind === 'failed' && /exit code 3/.test(failed.reason), JSON.stringify(failed));
    } finally {
      await pool.close();
    }
  });

  it('starts another worker, up to its maximum, when files queue up', async () => {
    const pool = new ScanWorkerPool({ entry: SCRIPTED_WORKER, size: 1, maxSize: 2, setup });
    try {
      // 2 s of work for one worker: the second starts well within it, however loaded the machine.
      const outcomes = await Promise.all(jobs(Array.from({ length: 400 }, (_, i) => `slow${i}`)).map((job) => pool.run(job)));
      const threads = new Set(outcomes.map((o) => (o.kind === 'result' && !(o.result instanceof Uint8Array) ? o.result.bytes : -1)));
      assert.equal(threads.size, 2);
    } finally {
      await pool.close();
    }
  });

  it('gives up with a clear error when no worker can start', async () => {
    const broken: WorkerEntry = { isEval: true, build: 'test', source: 'throw new Error("the bundle is damaged")' };
    const pool = new ScanWorkerPool({ entry: broken, size: 1, setup });
    try {
      await assert.rejects(pool.run(jobs(['a'])[0]), /scan workers cannot start: the bundle is damaged/);
    } finally {
      await pool.close();
    }
  });
});
