import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config/defaults';
import { formatJson, toJsonReport, writeJsonReport } from '../../../src/core/report/jsonReport';
import { scanWorkspace } from '../../../src/core/scan/scanWorkspace';
import type { ScanResult } from '../../../src/core/scan/scanResult';

const FIXTURES = path.join(__dirname, '../../fixtures');

/** The report as one `JSON.stringify`, the way it was written before it was streamed. */
function wholeReport(result: ScanResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}

function written(result: ScanResult): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-json-'));
  const file = path.join(dir, 'report.json');
  const fd = fs.openSync(file, 'w');
  try {
    writeJsonReport(result, fd);
  } finally {
    fs.closeSync(fd);
  }
  const text = fs.readFileSync(file, 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  return text;
}

describe('JSON report written piece by piece', () => {
  it('is byte for byte the report as one string: fields, values, diagnostics, problems, Chinese text', async () => {
    const result = await scanWorkspace({ root: FIXTURES, config: defaultConfig(), lang: 'zh-CN', cacheDir: false, workers: 0 });
    assert.ok(result.fields.length > 50 && result.values.length > 10 && result.diagnostics.length > 10 && result.problems.length > 0, 'the fixtures exercise every list');
    const expected = wholeReport(result);
    assert.equal(formatJson(result), expected);
    assert.equal(written(result), expected);
  });

  it('writes empty lists and an empty scan the same way', () => {
    const empty: ScanResult = { root: '/r', files: 0, bytes: 0, ms: 3, skipped: [], fields: [], values: [], diagnostics: [], problems: [], assessed: [] };
    assert.equal(written(empty), wholeReport(empty));
    const skippedOnly = { ...empty, skipped: [{ file: 'a.bin', reason: 'binary' }] };
    assert.equal(written(skippedOnly), wholeReport(skippedOnly));
  });
});
