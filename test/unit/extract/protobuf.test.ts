import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { extractProtobuf, ProtobufExtractor } from '../../../src/core/extract/protobuf';
import { entityNamed as entity, fieldNamed as field } from './extractorTestKit';

const fixtures = path.join(__dirname, '../../fixtures/extract/protobuf');
const extractor = new ProtobufExtractor();

function extractFixture(name: string): Promise<ExtractionResult> {
  const file = path.join(fixtures, name);
  return extractor.extract(fs.readFileSync(file, 'utf8'), file);
}

describe('ProtobufExtractor', () => {
  it('accepts .proto files only', () => {
    assert.equal(extractor.accepts('api/member/v1/member.proto'), true);
    assert.equal(extractor.accepts('api/member/v1/member.pb.go'), false);
  });

  describe('a proto3 service definition (payroll.proto)', () => {
    let result: ExtractionResult;
    before(async () => {
      result = await extractFixture('payroll.proto');
    });

    it('reads messages and nested messages with their parent, skipping services and enums', () => {
      assert.deepEqual(
        result.entities.map((e) => [e.name, e.kind, e.parent]),
        [
          ['Payslip', 'message', undefined],
          ['Employee', 'message', 'Payslip'],
          ['Bank', 'message', 'Employee'],
          ['GetPayslipRequest', 'message', undefined],
        ],
      );
      assert.deepEqual(result.problems, []);
    });

    it('takes a /** */ block above a message as its description and comments, one comment per line', () => {
      const payslip = entity(result, 'Payslip');
      assert.deepEqual([payslip.line, payslip.column], [23, 9]);
      assert.equal(payslip.description, '工资条');
      assert.deepEqual(payslip.comments, [
        { text: '工资条', line: 20, column: 4 },
        { text: '@pi retain 10y basis="税收征收管理法 第二十四条"', line: 21, column: 4 },
      ]);
    });

    it('reads fields with types as written, including labels, maps, qualified and oneof members', () => {
      const payslip = entity(result, 'Payslip');
      assert.deepEqual(
        payslip.fields.map((f) => [f.name, f.type]),
        [
          ['gh', 'string'],
          ['xm', 'string'],
          ['yhkh', 'string'],
          ['tags', 'repeated string'],
          ['sfgz_fen', 'optional int64'],
          ['ext_info', 'map<string, string>'],
          ['pay_time', 'google.protobuf.Timestamp'],
          ['employee', 'Employee'],
          ['sjhm', 'string'],
          ['email', 'string'],
        ],
      );
      assert.deepEqual([field(payslip, 'ext_info').line, field(payslip, 'ext_info').column], [30, 23]);
      assert.deepEqual([field(payslip, 'sjhm').line, field(payslip, 'sjhm').column], [35, 12]);
    });

    it('uses the leading comment, else the trailing one, as the description', () => {
      const payslip = entity(result, 'Payslip');
      const gh = field(payslip, 'gh');
      assert.equal(gh.description, '工号');
      assert.deepEqual(gh.comments, [{ text: '工号', line: 24, column: 42 }]);
      const xm = field(payslip, 'xm');
      assert.equal(xm.description, '员工姓名');
      assert.deepEqual(xm.comments, [{ text: '员工姓名', line: 25, column: 6 }]);
      assert.equal(field(payslip, 'yhkh').description, '银行卡号(代发工资)');
      assert.deepEqual(field(payslip, 'yhkh').comments, [{ text: '银行卡号(代发工资)', line: 27, column: 6 }]);
      assert.equal(field(payslip, 'tags').description, undefined);
      assert.deepEqual(field(payslip, 'tags').comments, []);
    });

    it('takes json_name as an alias', () => {
      assert.deepEqual(field(entity(result, 'Payslip'), 'xm').aliases, ['xingming']);
    });

    it('keeps an @pi line among the comments but out of the description', () => {
      const hjdz = field(entity(result, 'Employee'), 'hjdz');
      assert.equal(hjdz.description, '户籍地址');
      assert.deepEqual(hjdz.comments, [
        { text: '@pi anonymize', line: 42, column: 8 },
        { text: '户籍地址', line: 43, column: 8 },
      ]);
      assert.deepEqual(
        entity(result, 'Employee').fields.map((f) => f.name),
        ['sfzh', 'hjdz'],
      );
    });
  });

  it('reads proto2 defaults, groups as nested messages, and skips extensions', async () => {
    const result = await extractFixture('legacy_proto2.proto');
    assert.deepEqual(
      result.entities.map((e) => [e.name, e.parent, e.fields.map((f) => f.name)]),
      [
        ['Customer', undefined, ['khxm', 'nl']],
        ['Address', 'Customer', ['xxdz']],
      ],
    );
    const customer = entity(result, 'Customer');
    assert.equal(field(customer, 'khxm').defaultValue, '匿名');
    assert.equal(field(customer, 'khxm').type, 'required string');
    assert.equal(field(customer, 'nl').defaultValue, '-1');
    assert.deepEqual(result.problems, []);
  });

  describe('half-written input', () => {
    it('reads a truncated message, tolerating a missing `;` and an unfinished line', async () => {
      const result = await extractFixture('truncated.proto');
      const record = entity(result, 'AccessRecord');
      assert.deepEqual(
        record.fields.map((f) => [f.name, f.line, f.column]),
        [
          ['card_no', 5, 10],
          ['xm', 6, 10],
          ['pass_time', 8, 9],
          ['face_image_url', 9, 10],
        ],
      );
      assert.equal(field(record, 'xm').description, '姓名, 少了分号');
      assert.deepEqual(
        result.problems.map((p) => [p.line, p.column]),
        [
          [4, 1],
          [6, 15],
          [7, 3],
          [9, 29],
          [9, 43],
        ],
      );
    });

    it('never quotes a string or number literal in a problem message (it may be a PI value)', () => {
      const result = extractProtobuf('"110101199003071234";\nmessage Kh { 13800138000; string sjh = 1 [default = "13800138000" }');
      assert.ok(result.problems.length >= 2);
      for (const problem of result.problems) assert.doesNotMatch(problem.message, /110101199003071234|13800138000/);
    });

    it('never throws on any prefix of a real file, on garbage or on an unterminated comment', () => {
      const text = fs.readFileSync(path.join(fixtures, 'payroll.proto'), 'utf8');
      for (let cut = 0; cut <= text.length; cut += 7) {
        const partial = extractProtobuf(text.slice(0, cut));
        assert.equal(partial.format, 'protobuf');
      }
      const garbage = extractProtobuf('message { = ; } } message 客户 { string = 1; /* 没有结束');
      assert.ok(garbage.problems.some((p) => /Unterminated block comment/.test(p.message)));
      const stray = extractProtobuf('message A {\n  string b = 1;\n}\n}\n');
      assert.deepEqual(stray.entities[0].fields.map((f) => f.name), ['b']);
      assert.deepEqual(stray.problems.map((p) => [p.line, p.column]), [[4, 1]]);
    });
  });
});
