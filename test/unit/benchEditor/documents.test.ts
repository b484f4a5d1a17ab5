import { strict as assert } from 'node:assert';
import { benchDocuments, TARGET_LINES, typedEdit } from '../../../scripts/bench-editor/documents';
import { defaultConfig } from '../../../src/core/config/defaults';
import { Engine } from '../../../src/core/engine';

describe('editor benchmark: the 1,000-line documents it edits', function () {
  this.timeout(60_000);
  const documents = benchDocuments();

  it('are exactly 1,000 lines of SQL, TypeORM and Django, the same on every run', () => {
    assert.deepEqual(documents.map((d) => d.relPath), ['bench/big_schema.sql', 'bench/big.entity.ts', 'bench/big_models.py']);
    for (const document of documents) assert.equal(document.text.split('\n').length - 1, TARGET_LINES, document.label);
    assert.deepEqual(benchDocuments(), documents);
  });

  it('hold hundreds of fields, PI and not, that the engine reads, annotations among them', async () => {
    const engine = new Engine(defaultConfig());
    for (const document of documents) {
      const { fields, format } = await engine.analyze(document.relPath, document.text);
      assert.ok(fields.length >= 250, `${document.label}: ${fields.length} fields (${format})`);
      assert.ok(fields.some((f) => f.isPI) && fields.some((f) => !f.isPI), document.label);
      assert.ok(fields.some((f) => f.fieldComments.some((c) => c.text.includes('@pi')) || f.description?.includes('@pi')), `${document.label}: annotated fields`);
    }
  });

  it('edits each as a keystroke in a comment would: a new text every time, one line longer', () => {
    for (const document of documents) {
      const first = typedEdit(document, 0);
      const second = typedEdit(document, 1);
      assert.notEqual(first, second);
      assert.notEqual(first, document.text);
      assert.equal(first.split('\n').length, document.text.split('\n').length + 1);
      assert.ok(first.includes(`${document.comment} edit a`));
    }
  });
});
