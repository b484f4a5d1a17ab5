import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { extractPrisma, PrismaExtractor } from '../../../src/core/extract/prisma';
import { entityNamed as entity, fieldNamed as field } from './extractorTestKit';

const fixtures = path.join(__dirname, '../../fixtures/extract/prisma');
const extractor = new PrismaExtractor();

function extractFixture(name: string): Promise<ExtractionResult> {
  const file = path.join(fixtures, name);
  return extractor.extract(fs.readFileSync(file, 'utf8'), file);
}

describe('PrismaExtractor', () => {
  it('accepts .prisma files only', () => {
    assert.equal(extractor.accepts('prisma/schema.prisma'), true);
    assert.equal(extractor.accepts('prisma/SCHEMA.PRISMA'), true);
    assert.equal(extractor.accepts('prisma/schema.ts'), false);
  });

  describe('a realistic schema (hr_archive.prisma)', () => {
    let result: ExtractionResult;
    before(async () => {
      result = await extractFixture('hr_archive.prisma');
    });

    it('reads models, views and composite types, and skips enums, datasource and generator', () => {
      assert.deepEqual(
        result.entities.map((e) => [e.name, e.kind]),
        [
          ['Employee', 'model'],
          ['Address', 'type'],
          ['Contract', 'model'],
          ['EmployeeDirectory', 'model'],
        ],
      );
      assert.deepEqual(result.problems, []);
    });

    it('takes @@map as the table alias, /// as the description and every comment above as entity comments', () => {
      const employee = entity(result, 'Employee');
      assert.deepEqual(employee.aliases, ['ry_jbxx']);
      assert.equal(employee.description, '员工基本信息');
      assert.deepEqual(employee.comments, [
        { text: '员工基本信息', line: 13, column: 5 },
        { text: '@pi retain 2y basis="劳动合同法 第五十条"', line: 14, column: 4 },
      ]);
      assert.deepEqual([employee.line, employee.column], [15, 7]);
      assert.deepEqual(entity(result, 'Contract').aliases, ['ldht']);
    });

    it('reads pinyin-initial fields with @map aliases, types as written and positions', () => {
      const employee = entity(result, 'Employee');
      assert.deepEqual(
        employee.fields.map((f) => f.name),
        ['id', 'gh', 'xm', 'sfzh', 'sjhm', 'gender', 'city', 'salaryCny', 'tags', 'address', 'createdAt', 'photoHash', 'contracts'],
      );
      const sfzh = field(employee, 'sfzh');
      assert.deepEqual(sfzh.aliases, ['id_card_no']);
      assert.equal(sfzh.type, 'String?');
      assert.deepEqual([sfzh.line, sfzh.column], [23, 3]);
      assert.equal(field(employee, 'gh').type, 'String');
      assert.deepEqual(field(employee, 'gh').aliases, ['emp_no']);
      assert.equal(field(employee, 'tags').type, 'String[]');
      assert.equal(field(employee, 'contracts').type, 'Contract[]');
    });

    it('separates /// docs (description) from // comments, and keeps both as comments', () => {
      const sfzh = field(entity(result, 'Employee'), 'sfzh');
      assert.equal(sfzh.description, '身份证号');
      assert.deepEqual(sfzh.comments, [
        { text: '身份证号', line: 21, column: 7 },
        { text: '@pi anonymize method=hash', line: 22, column: 6 },
      ]);
    });

    it('reads @map(name: …) and a trailing // comment', () => {
      const sjhm = field(entity(result, 'Employee'), 'sjhm');
      assert.deepEqual(sjhm.aliases, ['mobile_no']);
      assert.equal(sjhm.description, undefined);
      assert.deepEqual(sjhm.comments, [{ text: '手机号码', line: 24, column: 50 }]);
    });

    it('keeps literal defaults (strings, numbers, enum values, lists) but not generated ones', () => {
      const employee = entity(result, 'Employee');
      assert.equal(field(employee, 'city').defaultValue, '上海');
      assert.equal(field(employee, 'salaryCny').defaultValue, '0');
      assert.equal(field(employee, 'gender').defaultValue, 'UNKNOWN');
      assert.equal(field(employee, 'tags').defaultValue, '[]');
      assert.equal(field(employee, 'id').defaultValue, undefined);
      assert.equal(field(employee, 'createdAt').defaultValue, undefined);
      assert.equal(field(employee, 'photoHash').defaultValue, undefined);
    });

    it('reads attribute arguments that continue on the next line', () => {
      const contract = entity(result, 'Contract');
      assert.deepEqual(
        contract.fields.map((f) => [f.name, f.aliases, f.line]),
        [
          ['id', [], 53],
          ['employeeId', ['employee_id'], 54],
          ['employee', [], 55],
          ['htqsrq', ['start_date'], 58],
          ['signCity', [], 59],
        ],
      );
      assert.equal(field(contract, 'signCity').defaultValue, 'Shanghai');
      assert.deepEqual(field(contract, 'signCity').comments, [{ text: '签约地', line: 59, column: 47 }]);
    });

    it('reads @map inside composite types and views', () => {
      const address = entity(result, 'Address');
      assert.deepEqual(field(address, 'detail').aliases, ['xxdz']);
      assert.equal(field(address, 'detail').description, '详细地址');
      assert.deepEqual(field(entity(result, 'EmployeeDirectory'), 'sjhm').aliases, ['mobile_no']);
    });

    it('does not attach the file header comment (separated by a blank line) to anything', () => {
      const all = result.entities.flatMap((e) => [...e.comments, ...e.fields.flatMap((f) => f.comments)]);
      assert.ok(!all.some((c) => c.text.includes('人事档案库')));
    });
  });

  describe('half-written input', () => {
    it('reads a truncated model up to its last line and records what is missing', async () => {
      const result = await extractFixture('truncated.prisma');
      const visitor = entity(result, 'Visitor');
      assert.deepEqual(
        visitor.fields.map((f) => [f.name, f.type, f.aliases]),
        [
          ['id', 'Int', []],
          ['fkxm', 'String', ['visitor_name']],
          ['sfzh', 'String?', []],
          ['lxdh', 'String?', []],
          ['mobile', undefined, []],
        ],
      );
      assert.deepEqual(field(visitor, 'lxdh').comments, [{ text: '联系电话', line: 7, column: 21 }]);
      assert.deepEqual(
        result.problems.map((p) => [p.line, p.column]),
        [
          [2, 1],
          [6, 3],
          [8, 3],
        ],
      );
      assert.match(result.problems[0].message, /no closing brace/);
    });

    it('starts the next model where a brace is missing, and reports stray text', async () => {
      const text = ['model Khxx {', '  khxm String // 客户姓名', '', 'model Dd {', '  ddh String', '}', '这不是 prisma', ''].join('\n');
      const result = await extractor.extract(text, 'broken.prisma');
      assert.deepEqual(
        result.entities.map((e) => [e.name, e.fields.map((f) => f.name)]),
        [
          ['Khxx', ['khxm']],
          ['Dd', ['ddh']],
        ],
      );
      assert.deepEqual(
        result.problems.map((p) => [p.line, p.column]),
        [
          [1, 1],
          [7, 1],
        ],
      );
    });

    it('never quotes a string or number literal in a problem message (it may be a PI value)', () => {
      const result = extractPrisma('"110101199003071234"\nmodel Kh {\n  13800138000 String\n  sjh String @map("13800138000\n}\n');
      assert.ok(result.problems.length >= 2);
      for (const problem of result.problems) assert.doesNotMatch(problem.message, /110101199003071234|13800138000/);
    });

    it('handles CRLF line ends, an unterminated string and empty input without throwing', async () => {
      const crlf = await extractor.extract('/// 会员\r\nmodel Member {\r\n  sjh String @map("sjh_\r\n}\r\n', 'm.prisma');
      const member = entity(crlf, 'Member');
      assert.deepEqual([member.line, member.column, member.description], [2, 7, '会员']);
      assert.deepEqual([member.fields[0].name, member.fields[0].line, member.fields[0].column], ['sjh', 3, 3]);
      assert.ok(crlf.problems.some((p) => /Unterminated string/.test(p.message) && p.line === 3));

      const empty = await extractor.extract('', 'empty.prisma');
      assert.deepEqual(empty, { format: 'prisma', entities: [], problems: [] });
      // The exported function has no safety net: a bug here would throw.
      const text = fs.readFileSync(path.join(fixtures, 'hr_archive.prisma'), 'utf8');
      for (let cut = 0; cut <= text.length; cut += 7) {
        assert.equal(extractPrisma(text.slice(0, cut)).format, 'prisma');
      }
    });
  });
});
