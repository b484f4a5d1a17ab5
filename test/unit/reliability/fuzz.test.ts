import { strict as assert } from 'node:assert';
import { formatFuzzReport } from '../../fuzz/formatFuzzReport';
import { runFuzz } from '../../fuzz/fuzzSupervisor';

/**
 * The short fuzz run of `npm test`: 2,000 seeded inputs over the fixtures only (no corpus), so it
 * tries the same inputs on every machine, giant ones included (a 10 MB line at inputs 499 and
 * 1499, 10,000-deep nesting at 999 and 1999). `npm run fuzz` runs 100,000 with the corpus.
 */
describe('reliability: fuzzing (short run)', function () {
  this.timeout(600_000);

  it('2,000 seeded inputs over every extractor, the annotation parser, the config and checklist loaders: no exception, no hang', async () => {
    const options = { seed: 20261128, inputs: 2000, workers: 2, hangMs: 60_000, budgetMs: 2000, corpusDir: false as const };
    const report = await runFuzz(options);
    const summary = formatFuzzReport(report, options);
    assert.equal(report.tried, 2000, summary);
    assert.equal(report.targets.length, 19, summary);
    for (const target of report.targets) assert.ok((report.byTarget[target]?.inputs ?? 0) >= 100, `${target} got its share of inputs\n${summary}`);
    assert.deepEqual(report.crashes, [], summary);
    assert.deepEqual(report.hangs, [], summary);
  });

  it('rebuilds the same input from the same seed and index', async () => {
    const again = await runFuzz({ seed: 7, inputs: 0, only: [3, 3], workers: 1, hangMs: 60_000, budgetMs: 2000, corpusDir: false });
    assert.equal(again.tried, 2);
    const [first, second] = again.slowest.sort((a, b) => a.index - b.index);
    assert.deepEqual({ ...first, ms: 0 }, { ...second, ms: 0 });
  });

  it('catches an escaping exception, an endless loop and a dying process, and goes on with the next input', async () => {
    const report = await runFuzz({ seed: 1, inputs: 6, workers: 1, hangMs: 1500, budgetMs: 2000, corpusDir: false, selfTest: true });
    assert.equal(report.tried, 6);
    assert.deepEqual(report.crashes.map((c) => [c.index, c.target]), [[0, 'self-test:throw'], [2, 'self-test:die'], [3, 'self-test:throw'], [5, 'self-test:die']]);
    assert.match(report.crashes[0].error, /TypeError: thrown on purpose/);
    assert.match(report.crashes[1].error, /exit code 70/);
    assert.deepEqual(report.hangs.map((h) => [h.index, h.target]), [[1, 'self-test:hang'], [4, 'self-test:hang']]);
  });
});
