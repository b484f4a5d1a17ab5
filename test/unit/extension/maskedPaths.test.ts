import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayPath } from '../../../src/core/values/redactValues';
import { realRelPath } from '../../../src/extension/maskedPaths';
import { residentId } from '../values/valueBuilders';

describe('extension: files whose names hold a PI value', () => {
  let root: string;
  const id = residentId('310104', '19850612', '033');
  const name = `客户_${id}.sql`;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pi-audit-masked-'));
    mkdirSync(join(root, 'exports', 'zhang.san@example.com'), { recursive: true });
    writeFileSync(join(root, 'exports', name), 'CREATE TABLE kh (xm varchar(20));');
    writeFileSync(join(root, 'exports', 'zhang.san@example.com', 'plain.csv'), 'a,b');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('shows a document under the path the engine reports, the value masked', () => {
    const shown = displayPath(`exports/${name}`);
    assert.ok(!shown.includes(id), shown);
    assert.match(shown, /^exports\/客户_310\*+\d{2}\.sql$/);
    assert.equal(displayPath('src/app.ts'), 'src/app.ts');
  });

  it('finds the real file behind a masked path, folders included', () => {
    assert.equal(realRelPath(root, displayPath(`exports/${name}`)), `exports/${name}`);
    const nested = 'exports/zhang.san@example.com/plain.csv';
    assert.notEqual(displayPath(nested), nested);
    assert.equal(realRelPath(root, displayPath(nested)), nested);
  });

  it('finds nothing once the file is gone, and leaves paths without a mask alone', () => {
    const shown = displayPath(`exports/${name}`);
    rmSync(join(root, 'exports', name));
    assert.equal(realRelPath(root, shown), undefined);
    assert.equal(realRelPath(join(root, 'missing'), shown), undefined);
    assert.equal(realRelPath(root, 'src/app.ts'), 'src/app.ts');
  });
});
