import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CsvDictionaryExtractor } from '../../../src/core/extract/csvDictionary';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { entityNamed as entity } from './extractorTestKit';

const fixtures = path.join(__dirname, '../../fixtures/extract/csv');

async function extractFixture(name: string): Promise<ExtractionResult> {
  const file = path.join(fixtures, name);
  return new CsvDictionaryExtractor().extract(fs.readFileSync(file, 'utf8'), file);
}

describe('CsvDictionaryExtractor', () => {
  const extractor = new CsvDictionaryExtractor();

  describe('accepts', () => {
    it('accepts CSV files whose header looks like a data dictionary', () => {
      assert.equal(extractor.accepts('docs/字典.csv', '\uFEFF表名,字段名,类型,说明\nt_a,xm,varchar,姓名'), true);
      assert.equal(extractor.accepts('dict.csv', '表名,字段,字段类型,字段说明,备注\n'), true);
      assert.equal(extractor.accepts('dict.csv', 'POS 数据字典\n\n中文名,字段名,类型\n'), true);
      assert.equal(extractor.accepts('dict.tsv', 'table\tcolumn\ttype\tcomment\n'), true);
      assert.equal(extractor.accepts('dict.csv', 'TABLE_NAME;COLUMN_NAME;DATA_TYPE;COMMENTS\n'), true);
    });

    it('rejects data files and other extensions', () => {
      assert.equal(extractor.accepts('export/members.csv', 'id,xm,sjhm,sfzh\n1,张三,13900000000,110101199003071234\n'), false);
      assert.equal(extractor.accepts('dict.xlsx', '表名,字段名,类型,说明\n'), false);
      assert.equal(extractor.accepts('dict.csv', '字段名\nxm\n'), false, 'a column header alone is not a dictionary');
    });
  });

  describe('Chinese dictionary with BOM, CRLF, a title row and table names on the first row only', () => {
    it('groups rows by table and carries the table name down blank cells', async () => {
      const result = await extractFixture('hr_dictionary.csv');
      assert.deepEqual(result.problems, []);
      assert.deepEqual(
        result.entities.map((e) => [e.name, e.description, e.line, e.column, e.fields.map((f) => f.name)]),
        [
          ['t_yg_jbxx', '员工基本信息', 4, 1, ['yg_id', 'xm', 'sfzh', 'jtzz']],
          ['t_yg_gz', '工资', 10, 1, ['yg_id', 'yhkh', 'sfgz']],
        ],
      );
    });

    it('reads type, description (中文名 + 说明), position and the 备注 cell as a comment', async () => {
      const employees = entity(await extractFixture('hr_dictionary.csv'), 't_yg_jbxx');
      const [id, xm, sfzh, jtzz] = employees.fields;
      assert.deepEqual([id.type, id.description, id.line, id.column], ['bigint', '员工ID; 主键', 4, 18]);
      assert.deepEqual([xm.type, xm.description, xm.line, xm.column], ['varchar(50)', '姓名; 员工姓名', 5, 3]);
      assert.equal(sfzh.description, '身份证号; 居民身份证号码, 18位');
      assert.deepEqual(sfzh.comments, [{ text: '@pi retain 2y basis="劳动合同法 第五十条"', line: 6, column: 37 }]);
      assert.equal(jtzz.description, '家庭住址; 户籍地址\n或现居住地址');
      assert.deepEqual(jtzz.comments, []);
    });

    it('gives the right line to rows after a cell with a line break, and skips a repeated header', async () => {
      const salary = entity(await extractFixture('hr_dictionary.csv'), 't_yg_gz');
      assert.deepEqual(
        salary.fields.map((f) => [f.name, f.type, f.line]),
        [
          ['yg_id', 'bigint', 10],
          ['yhkh', 'varchar(32)', 11],
          ['sfgz', 'decimal(10,2)', 12],
        ],
      );
    });
  });

  describe('English dictionary', () => {
    it('detects English headers, splits schema.table and merges non-contiguous rows of a table', async () => {
      const result = await extractFixture('english_dictionary.csv');
      assert.deepEqual(result.problems, []);
      assert.deepEqual(
        result.entities.map((e) => [e.name, e.aliases, e.fields.map((f) => f.name)]),
        [
          ['customer', ['crm.customer'], ['id', 'full_name', 'phone_no', 'country', 'email']],
          ['orders', [], ['order_no']],
        ],
      );
      const customer = entity(result, 'customer');
      const country = customer.fields[3];
      assert.deepEqual([country.type, country.description, country.defaultValue, country.line, country.column], ['char(2)', 'ISO country', 'CN', 5, 14]);
      assert.deepEqual([customer.fields[4].line, customer.fields[4].description], [7, 'E-mail address (added later)']);
    });
  });

  describe('layouts and malformed input', () => {
    it('reads tab- and semicolon-separated dictionaries and 表名（中文） table cells', async () => {
      const tsv = await extractor.extract('表名\t字段\t字段类型\t字段说明\t备注\nt_hy（会员）\tsjhm\tvarchar(11)\t手机号码\t脱敏展示\n', 'dict.tsv');
      assert.deepEqual(
        tsv.entities.map((e) => [e.name, e.description, e.fields.map((f) => [f.name, f.type, f.description, f.comments.map((c) => c.text)])]),
        [['t_hy', '会员', [['sjhm', 'varchar(11)', '手机号码', ['脱敏展示']]]]],
      );
      const semicolons = await extractor.extract('TABLE_NAME;COLUMN_NAME;DATA_TYPE;COMMENTS\nT_KH;XM;VARCHAR2(50);"客户姓名; 全名"\n', 'dict.csv');
      assert.deepEqual(semicolons.entities[0].fields[0].description, '客户姓名; 全名');
    });

    it('uses 备注 as the description when there is no 说明 column, and the file name when there is no table column', async () => {
      const result = await extractor.extract('字段名,类型,备注\nxm,varchar(20),姓名\n', '/data/docs/t_customer.csv');
      assert.deepEqual(
        result.entities.map((e) => [e.name, e.fields.map((f) => [f.name, f.description, f.comments.length])]),
        [['t_customer', [['xm', '姓名', 0]]]],
      );
    });

    it('reports a file without a dictionary header instead of guessing', async () => {
      const result = await extractor.extract('id,xm\n1,张三\n', 'people.csv');
      assert.deepEqual(result.entities, []);
      assert.equal(result.problems.length, 1);
      assert.match(result.problems[0].message, /header/);
    });

    it('keeps the rows before an unclosed quote and reports it', async () => {
      const result = await extractor.extract('表名,字段名,类型,说明\nt_a,xm,varchar(20),姓名\nt_a,sfzh,char(18),"身份证号\n', 'dict.csv');
      assert.deepEqual(
        result.entities.map((e) => e.fields.map((f) => f.name)),
        [['xm']],
      );
      assert.equal(result.problems.length, 1);
      assert.match(result.problems[0].message, /Quote Not Closed/);
      assert.equal(result.problems[0].line, 3);
    });

    it('never throws on truncated or odd input', async () => {
      const text = fs.readFileSync(path.join(fixtures, 'hr_dictionary.csv'), 'utf8');
      const inputs = ['', '\uFEFF', '"', ',,,,\n,,,', '表名,字段名\n"a""b,c', ...Array.from({ length: Math.ceil(text.length / 11) }, (_, i) => text.slice(0, i * 11))];
      for (const input of inputs) {
        const result = await extractor.extract(input, 'dict.csv');
        assert.equal(result.format, 'csv-dictionary');
        for (const problem of result.problems) assert.doesNotMatch(problem.message, /extractor failed/, JSON.stringify(input));
      }
    });
  });
});
