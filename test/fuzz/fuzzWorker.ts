import { defaultConfig } from '../../src/core/config/defaults';
import { Engine } from '../../src/core/engine';
import { redactValues } from '../../src/core/values/redactValues';
import { buildInput } from './fuzzInput';
import type { FuzzJob, WorkerMessage } from './fuzzProtocol';
import { fuzzTargets, selfTestTargets, type FuzzTarget } from './fuzzTargets';
import { loadSeeds, type SeedSet } from './seedInputs';

/**
 * A fuzz worker process: runs the inputs of each job it is sent and tells the supervisor when
 * each input starts and ends, so a hang (an input that never ends) can be killed from outside
 * and the run go on in a fresh worker.
 */
class FuzzWorker {
  private readonly targets: FuzzTarget[] = fuzzTargets(new Engine(defaultConfig()));
  private loaded: { corpusDir?: string | false; set: SeedSet } | undefined;

  constructor(private readonly send: (message: WorkerMessage) => void) {}

  async runJob(job: FuzzJob): Promise<void> {
    // Seeds are read once per corpus folder; a worker gets many jobs from the same run.
    if (!this.loaded || this.loaded.corpusDir !== job.corpusDir) this.loaded = { corpusDir: job.corpusDir, set: loadSeeds(job.corpusDir) };
    const { seeds, corpus, fingerprint } = this.loaded.set;
    const targets = job.selfTest ? selfTestTargets() : this.targets;
    this.send({ type: 'ready', seeds: seeds.length, fingerprint, corpus, targets: targets.map((t) => t.name) });
    const indices = job.only ?? Array.from({ length: Math.max(0, job.to - job.from) }, (_, i) => job.from + i);
    for (const index of indices) {
      const input = buildInput(job.seed, index, seeds, targets);
      const about = { index, target: input.target.name, seedName: input.seedName, mutations: input.mutations, bytes: input.bytes.length };
      this.send({ type: 'start', ...about });
      const started = process.hrtime.bigint();
      try {
        await input.target.run(input.bytes, input.rng);
      } catch (error) {
        this.send({ type: 'crash', ...about, error: describe(error) });
        continue;
      }
      this.send({ type: 'done', ...about, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    }
    this.send({ type: 'finished' });
  }
}

/** The error and where it came from; values from the seeds are masked like any other output. */
function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 8).join('\n')}` : String(error);
  return redactValues(text.length > 4000 ? `${text.slice(0, 4000)}…` : text);
}

const worker = new FuzzWorker((message) => process.send?.(message));
// Jobs come one at a time: the supervisor sends the next after `finished`, and disconnects at the end.
process.on('message', (job: FuzzJob) => {
  worker.runJob(job).catch((error: unknown) => {
    // Setting up failed (seeds, grammars): nothing to fuzz; the supervisor sees the exit code.
    console.error(describe(error));
    process.exit(3);
  });
});
