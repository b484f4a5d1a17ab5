import { strict as assert } from 'node:assert';
import { EarlyAnalyses } from '../../../src/extension/earlyAnalyses';

describe('extension: analyses started before the debounce ends', () => {
  const engine = {};
  const stamp = { version: 3, text: 'CREATE TABLE t (xm varchar(20));', engine };

  it('hands the analysis to a request for the same version, text and engine, once', async () => {
    const early = new EarlyAnalyses<string>();
    let runs = 0;
    early.start('doc', stamp, () => Promise.resolve(`analysis ${++runs}`));
    const taken = early.take('doc', { ...stamp });
    assert.ok(taken);
    assert.equal(await taken, 'analysis 1');
    assert.equal(early.take('doc', stamp), undefined, 'taken once');
    assert.equal(runs, 1);
  });

  it('is not used for another version, another text or a reloaded engine, and is then forgotten', () => {
    const early = new EarlyAnalyses<string>();
    for (const other of [{ ...stamp, version: 4 }, { ...stamp, text: `${stamp.text} ` }, { ...stamp, engine: {} }]) {
      early.start('doc', stamp, () => Promise.resolve('stale'));
      assert.equal(early.take('doc', other), undefined);
      assert.equal(early.take('doc', stamp), undefined, 'a mismatch forgets it');
    }
  });

  it('keeps one per document: a newer start replaces the older one', async () => {
    const early = new EarlyAnalyses<string>();
    early.start('doc', stamp, () => Promise.resolve('older'));
    early.start('doc', { ...stamp, version: 4 }, () => Promise.resolve('newer'));
    assert.equal(early.take('doc', stamp), undefined);
    early.start('doc', { ...stamp, version: 5 }, () => Promise.resolve('newest'));
    assert.equal(await early.take('doc', { ...stamp, version: 5 }), 'newest');
  });

  it('fails its taker when the analysis failed, and a failure nobody takes goes nowhere', async () => {
    const early = new EarlyAnalyses<string>();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      early.start('doc', stamp, () => Promise.reject(new Error('thread restarted')));
      await assert.rejects(early.take('doc', stamp) ?? Promise.resolve('not taken'), /thread restarted/);
      early.start('other', stamp, () => Promise.reject(new Error('nobody takes this')));
      early.forget('other');
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
