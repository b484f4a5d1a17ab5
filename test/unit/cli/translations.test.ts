import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Localizer, bundleKeys } from '../../../src/core/i18n/localizer';

const SOURCES = ['src/cli', 'src/core'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('CLI translations', () => {
  it('has a Simplified Chinese translation for every message the CLI and reports pass to t()', () => {
    const root = path.join(__dirname, '../../..');
    const keys = new Set(bundleKeys('zh-CN'));
    const missing: string[] = [];
    let used = 0;
    for (const file of SOURCES.flatMap((dir) => sourceFiles(path.join(root, dir)))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        used++;
        if (!keys.has(match[1])) missing.push(`${path.relative(root, file)}: ${match[1]}`);
      }
    }
    assert.ok(used > 10, 'the scan found the t() calls');
    assert.deepEqual(missing, []);
  });

  it('fills positional arguments in both languages', () => {
    assert.equal(new Localizer('en').t('Wrote {0}', 'a.json'), 'Wrote a.json');
    assert.equal(new Localizer('zh-CN').t('Wrote {0}', 'a.json'), '已写入 a.json');
  });
});
