import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BoundedMemo } from '../../../src/core/classify/boundedMemo';
import { Classifier } from '../../../src/core/classify/classifier';
import { defaultConfig } from '../../../src/core/config/defaults';
import { Engine } from '../../../src/core/engine';
import type { ExtractedEntity, ExtractedField } from '../../../src/core/extract/model';
import type { FileAnalysis } from '../../../src/core/scan/analyzeFile';
import { listFiles } from '../reliability/reliabilityHelpers';

const FIXTURES = path.join(__dirname, '../../fixtures');

function field(name: string, description?: string, aliases: string[] = [], comments: string[] = []): ExtractedField {
  return { name, aliases, description, comments: comments.map((text) => ({ text, line: 1, column: 1 })), line: 1, column: 1 };
}

const member: ExtractedEntity = { name: 'Member', aliases: ['t_member'], kind: 'table', comments: [], line: 1, column: 1, fields: [] };

describe('classifier memos', function () {
  // Every fixture read three times: seconds on a loaded machine.
  this.timeout(30_000);

  it('give every fixture field the verdict a fresh classifier gives it', async () => {
    // One engine reads every fixture twice (its memos fill with names, types and comments);
    // each file's analysis must equal that of an engine that never saw another file.
    const files = ['classify', 'extract'].flatMap((folder) => listFiles(path.join(FIXTURES, folder)).map((file) => path.join(FIXTURES, folder, file)));
    const shared = new Engine(defaultConfig());
    const read = (engine: Engine, file: string): Promise<FileAnalysis> => engine.analyze(path.relative(FIXTURES, file), fs.readFileSync(file, 'utf8'));
    for (const file of files) await read(shared, file);
    let fields = 0;
    for (const file of files) {
      const fresh = await read(new Engine(defaultConfig()), file);
      assert.deepEqual(await read(shared, file), fresh, file);
      fields += fresh.fields.length;
    }
    assert.ok(fields > 300, 'the fixtures declare fields');
  });

  it('keep names with aliases apart from names without', () => {
    const classifier = new Classifier();
    const context = classifier.contextOf(member);
    const plain = classifier.classify(field('c3'), context);
    const aliased = classifier.classify(field('c3', undefined, ['id_card_no']), context);
    assert.equal(plain.isPI, false);
    assert.equal(aliased.category, 'identity.id_number');
    assert.deepEqual(classifier.classify(field('c3'), context), plain);
  });

  it('read protection words in any case, as the upper-cased text shows them', () => {
    const classifier = new Classifier();
    const context = classifier.contextOf(member);
    const protectedBy = (description: string, comments: string[] = []): boolean => classifier.classify(field('phone', description, [], comments), context).protected;
    assert.equal(protectedBy('手机号'), false);
    assert.equal(protectedBy('手机号(脱敏)'), true);
    assert.equal(protectedBy('手机号', ['aes 加密存储']), true);
    assert.equal(protectedBy('手机号, md5'), true);
    assert.equal(protectedBy('mobile phone, sm3 digest'), true);
    // `ß` upper-cases to `SS`: `ßha` reads as SSHA, which holds SHA.
    assert.equal(protectedBy('手机号 ßha'), true);
    assert.equal(protectedBy('手机号 shape'), true);
    assert.equal(protectedBy('手机号 Straße'), false);
  });
});

describe('BoundedMemo', () => {
  it('computes each key once, remembers undefined too, and starts over when full', () => {
    const memo = new BoundedMemo<string | undefined>(3);
    const computed: string[] = [];
    const get = (key: string): string | undefined =>
      memo.get(key, (k) => {
        computed.push(k);
        return k === 'none' ? undefined : k.toUpperCase();
      });
    assert.equal(get('a'), 'A');
    assert.equal(get('a'), 'A');
    assert.equal(get('none'), undefined);
    assert.equal(get('none'), undefined);
    assert.deepEqual(computed, ['a', 'none']);
    get('b');
    get('c'); // the fourth key: the memo starts over with it
    get('a');
    assert.deepEqual(computed, ['a', 'none', 'b', 'c', 'a']);
  });
});
