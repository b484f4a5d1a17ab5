import { strict as assert } from 'node:assert';
import { IdleTracker } from '../../../src/extension/idleTracker';
import { KeyedDebouncer } from '../../../src/extension/keyedDebouncer';
import { VersionGate } from '../../../src/extension/versionGate';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('extension: per-document debounce', () => {
  it('runs a burst of edits to one document once, after the last edit', async () => {
    const idle = new IdleTracker();
    const runs: string[] = [];
    const debouncer = new KeyedDebouncer(30, idle, () => assert.fail('no error expected'));
    for (let i = 0; i < 5; i++) {
      debouncer.schedule('a.sql', () => Promise.resolve(void runs.push(`a${i}`)));
      await sleep(5);
    }
    assert.deepEqual(runs, [], 'nothing runs while the user types');
    await idle.whenIdle();
    assert.deepEqual(runs, ['a4'], 'only the last edit is analysed');
  });

  it('keeps one timer per document: typing in one never drops or delays the other', async () => {
    const idle = new IdleTracker();
    const runs: string[] = [];
    const debouncer = new KeyedDebouncer(60, idle, () => assert.fail('no error expected'));
    debouncer.schedule('a.sql', () => Promise.resolve(void runs.push('a')));
    await sleep(20);
    for (let i = 0; i < 5; i++) {
      debouncer.schedule('b.ts', () => Promise.resolve(void runs.push('b')));
      await sleep(15);
    }
    assert.deepEqual(runs, ['a'], 'a ran on time while b was still being edited');
    assert.equal(debouncer.isScheduled('b.ts'), true);
    await idle.whenIdle();
    assert.deepEqual(runs, ['a', 'b']);
  });

  it('cancels a pending document (closed) and reports a failing task instead of throwing', async () => {
    const idle = new IdleTracker();
    const errors: string[] = [];
    const debouncer = new KeyedDebouncer(10, idle, (key, error) => errors.push(`${key}: ${(error as Error).message}`));
    debouncer.schedule('gone.sql', () => Promise.resolve(assert.fail('cancelled work must not run')));
    debouncer.cancel('gone.sql');
    debouncer.schedule('bad.sql', () => Promise.reject(new Error('boom')));
    await idle.whenIdle();
    assert.deepEqual(errors, ['bad.sql: boom']);
    assert.equal(idle.busy, false);
  });
});

describe('extension: idle tracking', () => {
  it('resolves whenIdle only after all held work is released, including work started while waiting', async () => {
    const idle = new IdleTracker();
    const first = idle.hold();
    let resolved = false;
    const waiting = idle.whenIdle().then(() => (resolved = true));
    await sleep(5);
    const second = idle.hold();
    first();
    await sleep(20);
    assert.equal(resolved, false, 'the second piece of work is still pending');
    second();
    second();
    await waiting;
    assert.equal(resolved, true);
    assert.equal(idle.busy, false, 'releasing twice counts once');
  });

  it('resolves when nothing is pending', async () => {
    await new IdleTracker().whenIdle();
  });
});

describe('extension: document versions', () => {
  it('never lets an older version’s result overwrite a newer one', () => {
    const gate = new VersionGate();
    assert.equal(gate.accept('a', 3), true);
    assert.equal(gate.accept('a', 5), true);
    assert.equal(gate.accept('a', 4), false, 'the analysis of version 4 finished after the one of version 5');
    assert.equal(gate.accept('a', 5), true, 'the same version again (a rescan overlay) is fine');
    assert.equal(gate.accept('b', 1), true, 'documents are independent');
    gate.forget('a');
    assert.equal(gate.accept('a', 1), true, 'a reopened document starts again at 1');
  });
});
