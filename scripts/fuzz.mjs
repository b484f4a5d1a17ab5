// Seeded, reproducible fuzzing of every extractor, the @pi annotation parser, the config loader
// and the checklist readers (README "Reliability and privacy"). The work is done by
// test/fuzz/fuzzSupervisor.ts; this file parses the options and prints the figures.
//
//   npm run fuzz                                  100,000 inputs, seed 20261128
//   npm run fuzz -- --inputs 2000 --seed 7        a shorter run
//   npm run fuzz -- --seed 7 --only 1499,1500     rebuild and rerun single inputs
//   npm run fuzz -- --no-corpus                   fixtures only (the inputs of npm test's short run)
//   npm run fuzz -- --corpus DIR                  another corpus (default ../shared/corpus or $PI_AUDIT_CORPUS)
//
// Exit code 1 when any input crashed or hung.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { register } from 'tsx/cjs/api';

register();
const require = createRequire(import.meta.url);
const { runFuzz } = require('../test/fuzz/fuzzSupervisor.ts');
const { formatFuzzReport } = require('../test/fuzz/formatFuzzReport.ts');

const { values } = parseArgs({
  options: {
    inputs: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '20261128' },
    workers: { type: 'string', default: String(Math.max(1, Math.min(4, cpus().length))) },
    'budget-ms': { type: 'string', default: '2000' },
    'hang-ms': { type: 'string', default: '60000' },
    only: { type: 'string' },
    corpus: { type: 'string' },
    'no-corpus': { type: 'boolean' },
  },
});

const options = {
  seed: Number(values.seed),
  inputs: Number(values.inputs),
  only: values.only ? values.only.split(',').map(Number) : undefined,
  workers: Number(values.workers),
  budgetMs: Number(values['budget-ms']),
  hangMs: Number(values['hang-ms']),
  corpusDir: values['no-corpus'] ? false : values.corpus,
  onProgress: (tried, total) => {
    if (tried % 5000 === 0 || tried === total) process.stderr.write(`fuzz: ${tried}/${total} inputs\n`);
  },
};
for (const [name, value] of Object.entries({ seed: options.seed, inputs: options.inputs, workers: options.workers, 'budget-ms': options.budgetMs, 'hang-ms': options.hangMs })) {
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`fuzz: --${name} expects a whole number\n`);
    process.exit(2);
  }
}

const report = await runFuzz(options);
process.stdout.write(formatFuzzReport(report, options));
process.exitCode = report.crashes.length > 0 || report.hangs.length > 0 ? 1 : 0;
