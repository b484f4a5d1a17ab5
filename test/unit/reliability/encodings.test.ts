import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { defaultConfig } from '../../../src/core/config/defaults';
import { Engine } from '../../../src/core/engine';
import type { FileAnalysis } from '../../../src/core/scan/analyzeFile';
import { decodeText } from '../../../src/core/scan/decode';
import { runCli } from '../cli/cliHarness';
import { FIXTURES, listFiles, tempTree, withLineEndings } from './reliabilityHelpers';

/** Chinese-commented fixtures of the formats legacy systems export in GBK. */
const CHINESE_FIXTURES = ['extract/sql/mysql_crm.sql', 'extract/csv/hr_dictionary.csv', 'extract/python/hr_django_models.py', 'extract/java/EmployeeRecords.java', 'values/seed_customers.sql'];

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk' | 'gb18030';

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8': return Buffer.from(text, 'utf8');
    case 'utf-8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    default: return iconv.encode(text, encoding);
  }
}

/** What a user sees of an analysis: fields with positions and verdicts, values, problems. */
function findings(analysis: FileAnalysis): unknown {
  return {
    fields: analysis.fields.map((f) => ({ id: f.id, line: f.line, column: f.column, entity: f.entity, field: f.field, category: f.category, isPI: f.isPI, sensitive: f.sensitive, confidence: f.confidence, description: f.description, comments: f.fieldComments })),
    values: analysis.values,
    problems: analysis.problems,
  };
}

describe('reliability: encodings and line endings', function () {
  this.timeout(120_000);
  const engine = new Engine(defaultConfig());

  for (const fixture of CHINESE_FIXTURES) {
    // Without a byte-order mark of its own (one fixture has one): each encoding below adds its own.
    const original = fs.readFileSync(path.join(FIXTURES, fixture), 'utf8').replace(/^\uFEFF/, '');

    it(`reads ${fixture} in UTF-8 ± BOM, UTF-16 LE/BE with BOM, GBK and GB18030 to the same findings`, async () => {
      // GBK cannot hold every character; the fixtures are chosen so it can, and this says so if one changes.
      assert.equal(iconv.decode(iconv.encode(original, 'gbk'), 'gbk'), original, 'the fixture is representable in GBK');
      const file = `legacy/${path.basename(fixture)}`;
      const expected = findings(await engine.analyze(file, original));
      assert.ok((expected as { fields: unknown[] }).fields.length > 0, 'the fixture has fields to compare');
      for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gbk', 'gb18030'] as const) {
        const decoded = decodeText(encode(original, encoding));
        assert.ok('text' in decoded, `${encoding} decoded as text`);
        assert.equal(decoded.encoding, encoding === 'gbk' ? 'gb18030' : encoding);
        assert.equal(decoded.replaced, undefined, `${encoding}: nothing replaced`);
        assert.deepEqual(findings(await engine.analyze(file, decoded.text)), expected, `${encoding} gives the findings of UTF-8`);
      }
    });
  }

  it('gives exactly the same JSON report for a GBK copy of a repository as for its UTF-8 original (CLI)', async () => {
    const files = Object.fromEntries(CHINESE_FIXTURES.map((f) => [f, fs.readFileSync(path.join(FIXTURES, f), 'utf8').replace(/^\uFEFF/, '')]));
    const utf8Root = tempTree(files);
    const gbkRoot = tempTree(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, iconv.encode(text, 'gbk')])));
    assert.notDeepEqual(fs.readFileSync(path.join(gbkRoot, CHINESE_FIXTURES[0])), fs.readFileSync(path.join(utf8Root, CHINESE_FIXTURES[0])), 'the copy really is in another encoding');
    const report = async (root: string): Promise<Record<string, unknown>> => {
      const run = await runCli(['scan', root, '--format', 'json']);
      assert.ok(run.code === 0 || run.code === 1, run.stderr);
      const json = JSON.parse(run.stdout) as Record<string, unknown> & { stats: { files: number; skipped: unknown[] } };
      return { files: json.stats.files, skipped: json.stats.skipped, fields: json.fields, values: json.values, diagnostics: json.diagnostics, problems: json.problems };
    };
    const fromUtf8 = await report(utf8Root);
    assert.ok((fromUtf8.fields as unknown[]).length > 10);
    assert.deepEqual(await report(gbkRoot), fromUtf8);
  });

  for (const fixture of listFiles(path.join(FIXTURES, 'extract')).map((f) => `extract/${f}`)) {
    it(`keeps line and column positions of ${fixture} with CRLF and mixed CRLF/LF/CR line endings`, async () => {
      const original = fs.readFileSync(path.join(FIXTURES, fixture), 'utf8').replace(/\r\n?/g, '\n');
      const file = fixture.replace(/^extract\/[^/]+\//, 'src/');
      const expected = findings(await engine.analyze(file, original)) as { fields: { line: number; column: number; field: string }[] };
      for (const style of ['crlf', 'mixed'] as const) {
        const rewritten = withLineEndings(original, style);
        assert.notEqual(rewritten, original);
        const actual = findings(await engine.analyze(file, rewritten)) as typeof expected;
        assert.deepEqual(actual.fields.map((f) => [f.field, f.line, f.column]), expected.fields.map((f) => [f.field, f.line, f.column]), `${style}: field positions`);
        assert.deepEqual(actual, expected, `${style}: everything else`);
      }
    });
  }

  it('reports the same positions in the CLI JSON for CRLF, mixed and LF files, and they point at the field', async () => {
    const sql = "-- 会员\nCREATE TABLE member (\n  id bigint,\n  `sfzh` varchar(18) COMMENT '身份证号',\n    sjhm varchar(11) COMMENT '手机号码'\n);\n";
    const ts = "@Entity()\nexport class Member {\n  /** 姓名 */\n  @Column() xm: string;\n\n  @Column({ comment: '手机号' })\n  mobile: string;\n}\n";
    const positions = async (style: 'lf' | 'crlf' | 'mixed'): Promise<unknown[]> => {
      const convert = (text: string): string => (style === 'lf' ? text : withLineEndings(text, style));
      const root = tempTree({ 'db/member.sql': convert(sql), 'src/member.entity.ts': convert(ts) });
      const run = await runCli(['scan', root, '--format', 'json']);
      const report = JSON.parse(run.stdout) as { fields: { file: string; field: string; line: number; column: number }[] };
      return report.fields.map((f) => [f.file, f.field, f.line, f.column]);
    };
    const lf = await positions('lf');
    assert.deepEqual(lf, [
      ['db/member.sql', 'sfzh', 4, 3],
      ['db/member.sql', 'sjhm', 5, 5],
      ['src/member.entity.ts', 'xm', 4, 13],
      ['src/member.entity.ts', 'mobile', 7, 3],
    ]);
    assert.deepEqual(await positions('crlf'), lf);
    assert.deepEqual(await positions('mixed'), lf);
  });
});
