import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CSharpExtractor } from '../../../src/core/extract/csharp/csharpExtractor';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { GrammarLoader } from '../../../src/core/extract/treeSitter/grammarLoader';
import { entityNamed as entity, fieldNamed as field } from './extractorTestKit';

const fixtures = path.join(__dirname, '../../fixtures/extract/csharp');

describe('CSharpExtractor', () => {
  const extractor = new CSharpExtractor(new GrammarLoader());
  let result: ExtractionResult;
  before(async () => {
    result = await extractor.extract(fs.readFileSync(path.join(fixtures, 'HrEntities.cs'), 'utf8'), 'HrEntities.cs');
  });

  it('accepts .cs files with a type and properties or mapping attributes', () => {
    assert.equal(extractor.accepts('Domain/Member.cs', 'public class Member { public string Xm { get; set; } }'), true);
    assert.equal(extractor.accepts('Dto/Form.cs', 'public record Form(string Xm);'), true);
    assert.equal(extractor.accepts('Program.cs', 'var app = WebApplication.Create(args);\napp.Run();'), false);
    assert.equal(extractor.accepts('member.ts', 'class Member { get; set; }'), false);
  });

  it('reads data types only: no static holders, DbContext or configuration classes', () => {
    assert.deepEqual(result.entities.map((e) => [e.name, e.kind, e.parent ?? null]), [
      ['Employee', 'class', null],
      ['EmergencyContact', 'class', 'Employee'],
      ['OnboardingForm', 'class', null],
      ['GeoPoint', 'struct', null],
    ]);
    assert.deepEqual(result.problems, []);
    assert.equal(result.format, 'csharp');
  });

  it('resolves [Table(Const)] to the alias; [Comment] and <summary> give the description', () => {
    const employee = entity(result, 'Employee');
    assert.deepEqual(employee.aliases, ['hr_employee']);
    assert.equal(employee.description, '员工档案表; 员工档案');
    assert.equal(employee.line, 25);
    assert.equal(employee.column, 14);
  });

  it('keeps the doc comment and the @pi line above the attributes as entity comments', () => {
    const texts = entity(result, 'Employee').comments.map((c) => c.text);
    assert.deepEqual(texts.slice(-2), ['<remarks>离职后按《劳动合同法》第五十条保存二年。</remarks>', '@pi retain 2y basis="劳动合同法 第五十条"']);
    assert.deepEqual(entity(result, 'Employee').comments[0], { text: '<summary>', line: 18, column: 1 });
  });

  it('reads stored properties and skips constants, statics, private fields and computed properties', () => {
    assert.deepEqual(entity(result, 'Employee').fields.map((f) => f.name), [
      'Id', 'EmployeeNo', 'Name', 'IdCardNo', 'Sjhm', 'Birthday', 'Status', 'Remark', 'Contacts',
    ]);
  });

  it('takes [Column] as alias and <summary> (XML stripped) as description', () => {
    const employee = entity(result, 'Employee');
    const employeeNo = field(employee, 'EmployeeNo');
    assert.deepEqual(employeeNo.aliases, ['gh']);
    assert.equal(employeeNo.type, 'string');
    assert.equal(employeeNo.description, '工号');
    assert.deepEqual(employeeNo.comments, [{ text: '<summary>工号</summary>', line: 33, column: 5 }]);
    assert.equal(employeeNo.line, 36);
    assert.equal(employeeNo.column, 19);
  });

  it('combines [Display(Name)] with a multi-line summary', () => {
    const name = field(entity(result, 'Employee'), 'Name');
    assert.deepEqual(name.aliases, ['xm']);
    assert.equal(name.description, '员工姓名; 姓名');
    assert.equal(name.defaultValue, '');
  });

  it('reads [Comment] on a property and the // @pi line above its attributes', () => {
    const idCard = field(entity(result, 'Employee'), 'IdCardNo');
    assert.deepEqual(idCard.aliases, ['sfzh']);
    assert.equal(idCard.type, 'string?');
    assert.equal(idCard.description, '身份证号');
    assert.deepEqual(idCard.comments, [{ text: '@pi anonymize', line: 44, column: 5 }]);
  });

  it('reads [JsonPropertyName], [Description] and the trailing comment', () => {
    const sjhm = field(entity(result, 'Employee'), 'Sjhm');
    assert.deepEqual(sjhm.aliases, ['mobile']);
    assert.equal(sjhm.description, '手机号码');
    assert.deepEqual(sjhm.comments, [{ text: '登录账号 @pi delete', line: 51, column: 38 }]);
  });

  it('applies EF Core fluent HasColumnName / HasComment from the same file', () => {
    const employee = entity(result, 'Employee');
    const birthday = field(employee, 'Birthday');
    assert.deepEqual(birthday.aliases, ['csrq']);
    assert.equal(birthday.description, '出生日期');
    assert.equal(field(employee, 'Status').description, '在职状态');
    assert.equal(field(employee, 'Name').description, '员工姓名; 姓名', 'a comment already read is not repeated');
  });

  it('keeps literal defaults, including negative numbers', () => {
    assert.equal(field(entity(result, 'Employee'), 'Status').defaultValue, '-1');
    assert.equal(field(entity(result, 'Employee'), 'Contacts').defaultValue, undefined);
  });

  it('reads a nested class with [DisplayName] and trailing comments', () => {
    const contact = entity(result, 'EmergencyContact');
    assert.equal(contact.description, '紧急联系人');
    assert.equal(field(contact, 'Lxrxm').description, '联系人姓名');
    assert.deepEqual(field(contact, 'Lxrdh').comments, [{ text: '联系人电话', line: 75, column: 49 }]);
  });

  it('reads record parameters with <param> docs and [property:] attributes', () => {
    const form = entity(result, 'OnboardingForm');
    assert.equal(form.description, '入职登记表单');
    assert.deepEqual(form.fields.map((f) => f.name), ['Xm', 'Sjhm', 'Jjlxr']);
    assert.equal(field(form, 'Xm').description, '姓名');
    assert.deepEqual(field(form, 'Sjhm').aliases, ['phone']);
    assert.equal(field(form, 'Sjhm').description, '手机号码');
    assert.deepEqual(field(form, 'Jjlxr').comments.map((c) => c.text), ['紧急联系人']);
  });

  it('reads public fields of a struct', () => {
    const point = entity(result, 'GeoPoint');
    assert.deepEqual(point.fields.map((f) => [f.name, f.type]), [['Lat', 'double'], ['Lng', 'double']]);
  });

  describe('string literals and broken input', () => {
    it('decodes verbatim, escaped and concatenated strings in attributes', async () => {
      const text = [
        'public class Member {',
        '    [Comment(@"会员""昵称""")]',
        '    public string Nc { get; set; }',
        '    [Column("sj" + "hm"), Description("手机\\t号码")]',
        '    public string Sjhm { get; set; } = "138\\u0030";',
        '}',
      ].join('\n');
      const member = entity(await extractor.extract(text, 'Member.cs'), 'Member');
      assert.equal(field(member, 'Nc').description, '会员"昵称"');
      assert.deepEqual(field(member, 'Sjhm').aliases, ['sjhm']);
      assert.equal(field(member, 'Sjhm').description, '手机\t号码');
      assert.equal(field(member, 'Sjhm').defaultValue, '1380');
    });

    it('reads the intact properties of an unclosed class and reports the syntax error', async () => {
      const text = 'namespace A;\n[Table("t_member")]\npublic class Member\n{\n    /// <summary>姓名</summary>\n    [Column("xm")]\n    public string Name { get; set; }\n    public string Sfzh { get; se';
      const broken = await extractor.extract(text, 'Member.cs');
      const member = entity(broken, 'Member');
      assert.deepEqual(member.aliases, ['t_member']);
      assert.deepEqual(field(member, 'Name').aliases, ['xm']);
      assert.equal(field(member, 'Name').description, '姓名');
      assert.ok(broken.problems.length > 0);
      assert.ok(broken.problems.every((p) => p.message.startsWith('syntax error')));
    });

    it('never throws on garbage or empty input', async () => {
      for (const text of ['', 'class', 'public class { get; set; }', '[[[[', '\uffff\u0000namespace ;']) {
        const broken = await extractor.extract(text, 'Broken.cs');
        assert.equal(broken.format, 'csharp');
        assert.ok(Array.isArray(broken.entities));
      }
    });
  });
});
