import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JavaExtractor } from '../../../src/core/extract/java/javaExtractor';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { GrammarLoader } from '../../../src/core/extract/treeSitter/grammarLoader';
import { entityNamed as entity, fieldNamed as field } from './extractorTestKit';

const fixtures = path.join(__dirname, '../../fixtures/extract/java');

describe('JavaExtractor', () => {
  const extractor = new JavaExtractor(new GrammarLoader());
  const extractFixture = (file: string): Promise<ExtractionResult> =>
    extractor.extract(fs.readFileSync(path.join(fixtures, file), 'utf8'), file);

  it('accepts .java sources that declare a class or record', () => {
    assert.equal(extractor.accepts('src/main/java/Member.java', 'package a;\n@Entity\npublic class Member {}'), true);
    assert.equal(extractor.accepts('Form.java', 'record Form(String xm) {}'), true);
    assert.equal(extractor.accepts('Member.kt', 'class Member'), false);
  });

  describe('MyBatis-Plus model with Swagger annotations', () => {
    let result: ExtractionResult;
    before(async () => {
      result = await extractFixture('MemberInfo.java');
    });

    it('reads the class and its nested static class; skips interfaces and enums', () => {
      assert.deepEqual(result.entities.map((e) => e.name), ['MemberInfo', 'EmergencyContact']);
      assert.deepEqual(result.problems, []);
      assert.equal(result.format, 'java');
    });

    it('resolves @TableName(Constants.X) to the table alias; description from @ApiModel and javadoc', () => {
      const member = entity(result, 'MemberInfo');
      assert.deepEqual(member.aliases, ['crm_member']);
      assert.equal(member.kind, 'class');
      assert.equal(member.description, '会员信息; 会员基础信息 (MyBatis-Plus)');
      assert.equal(member.line, 23);
      assert.equal(member.column, 14);
    });

    it('keeps the whole javadoc, @pi annotation included, as the entity comment', () => {
      const [comment] = entity(result, 'MemberInfo').comments;
      assert.equal(comment.line, 14);
      assert.equal(comment.column, 1);
      assert.ok(comment.text.includes('@pi retain 3y basis="电子商务法 第三十一条"'));
      assert.ok(!comment.text.includes('/**') && !comment.text.includes('*/'));
    });

    it('skips static fields (serialVersionUID and constants)', () => {
      const names = entity(result, 'MemberInfo').fields.map((f) => f.name);
      assert.deepEqual(names, ['id', 'name', 'idCardNo', 'mobile', 'birthday', 'level', 'channel', 'tagIds', 'contacts']);
    });

    it('takes @TableId/@TableField names as aliases and @ApiModelProperty plus javadoc as description', () => {
      const member = entity(result, 'MemberInfo');
      assert.deepEqual(field(member, 'id').aliases, ['hyid']);
      const name = field(member, 'name');
      assert.deepEqual(name.aliases, ['xm']);
      assert.equal(name.type, 'String');
      assert.equal(name.description, '姓名; 会员姓名');
      assert.deepEqual(name.comments, [{ text: '会员姓名', line: 31, column: 5 }]);
      assert.equal(name.line, 34);
      assert.equal(name.column, 20);
      const idCard = field(member, 'idCardNo');
      assert.deepEqual(idCard.aliases, ['sfzh']);
      assert.equal(idCard.description, '身份证号');
      assert.deepEqual(idCard.comments, [{ text: '@pi anonymize', line: 36, column: 5 }]);
    });

    it('keeps a trailing // comment; an @pi annotation in it is not part of any description', () => {
      const mobile = field(entity(result, 'MemberInfo'), 'mobile');
      assert.deepEqual(mobile.comments, [{ text: '注册手机号 @pi delete', line: 42, column: 28 }]);
      assert.equal(mobile.description, undefined);
    });

    it('reads a qualified @Column with a COMMENT inside columnDefinition and cleans javadoc HTML', () => {
      const birthday = field(entity(result, 'MemberInfo'), 'birthday');
      assert.deepEqual(birthday.aliases, ['csrq']);
      assert.equal(birthday.type, 'LocalDate');
      assert.equal(birthday.description, '出生日期(公历); 出生日期 由身份证号解析, 见 IdCardUtils');
    });

    it('splits multiple declarators, keeps literal defaults and array types', () => {
      const member = entity(result, 'MemberInfo');
      assert.equal(field(member, 'level').defaultValue, 'V1');
      assert.equal(field(member, 'channel').defaultValue, undefined);
      assert.equal(field(member, 'channel').line, 51);
      assert.equal(field(member, 'channel').column, 34);
      assert.equal(field(member, 'tagIds').type, 'int[]');
      assert.equal(field(member, 'contacts').type, 'List<EmergencyContact>');
    });

    it('reads a nested static class as an entity with parent', () => {
      const contact = entity(result, 'EmergencyContact');
      assert.equal(contact.parent, 'MemberInfo');
      assert.equal(contact.description, '紧急联系人(JSON 存储)');
      assert.equal(field(contact, 'lxrxm').description, '联系人姓名');
      assert.equal(field(contact, 'lxrdh').description, '联系人电话');
    });
  });

  describe('JPA entity and record', () => {
    let result: ExtractionResult;
    before(async () => {
      result = await extractFixture('EmployeeRecords.java');
    });

    it('ignores classes without fields', () => {
      assert.deepEqual(result.entities.map((e) => e.name), ['Employee', 'OnboardingForm']);
    });

    it('reads @Table(name) as alias and Hibernate @Comment as description', () => {
      const employee = entity(result, 'Employee');
      assert.deepEqual(employee.aliases, ['hr_employee']);
      assert.equal(employee.description, '员工档案表; 员工档案 (JPA, Jakarta)');
      assert.equal(field(employee, 'empNo').description, '工号');
      assert.deepEqual(field(employee, 'householdAddress').aliases, ['hjdz']);
      assert.equal(field(employee, 'householdAddress').description, '户籍地址');
    });

    it('keeps transient fields and trailing block comments', () => {
      const employee = entity(result, 'Employee');
      assert.ok(employee.fields.some((f) => f.name === 'tmpToken'));
      const photo = field(employee, 'photo');
      assert.equal(photo.type, 'byte[]');
      assert.deepEqual(photo.comments, [{ text: '证件照', line: 32, column: 27 }]);
    });

    it('reads record components with descriptions from @param tags and annotations', () => {
      const form = entity(result, 'OnboardingForm');
      assert.equal(form.description, '入职登记提交的数据');
      assert.deepEqual(form.fields.map((f) => f.name), ['xm', 'sjhm', 'jjlxr']);
      assert.equal(field(form, 'xm').description, '姓名');
      assert.equal(field(form, 'sjhm').description, '手机号; 手机号码, 用于入职短信通知');
      assert.deepEqual(field(form, 'jjlxr').comments, [{ text: '@pi delete', line: 45, column: 9 }]);
      assert.ok(!form.comments.some((c) => c.text.includes('@pi delete')), 'component comments are not entity comments');
    });
  });

  it('attaches only the unbroken run of comments above a field, not a section comment after a blank line', async () => {
    const text = [
      'class Customer {',
      '    // ===== 联系方式 =====',
      '',
      '    // 手机号',
      '    // @pi delete',
      '    private String sjhm; private String yx; // 邮箱',
      '}',
    ].join('\n');
    const customer = entity(await extractor.extract(text, 'Customer.java'), 'Customer');
    assert.deepEqual(field(customer, 'sjhm').comments.map((c) => c.text), ['手机号', '@pi delete']);
    assert.deepEqual(field(customer, 'yx').comments.map((c) => [c.text, c.line, c.column]), [
      ['手机号', 4, 5],
      ['@pi delete', 5, 5],
      ['邮箱', 6, 45],
    ]);
  });

  describe('broken input', () => {
    it('reads the fields before a truncation and reports the syntax error', async () => {
      const text = [
        '@Entity',
        '@Table(name = "t_member")',
        'public class Member {',
        '    /** 姓名 */',
        '    @Column(name = "xm")',
        '    private String name;',
        '    @Column(name = "sfzh"',
      ].join('\n');
      const result = await extractor.extract(text, 'Member.java');
      const member = entity(result, 'Member');
      assert.deepEqual(member.aliases, ['t_member']);
      assert.equal(field(member, 'name').description, '姓名');
      assert.ok(result.problems.length > 0);
      assert.ok(result.problems.every((p) => p.message.startsWith('syntax error')));
    });

    it('never throws on garbage or empty input', async () => {
      for (const text of ['', 'class', '}}}{{{', 'class A { private String x = "unterminated; }', '\u0000'.repeat(50)]) {
        const result = await extractor.extract(text, 'Broken.java');
        assert.equal(result.format, 'java');
        assert.ok(Array.isArray(result.problems));
      }
    });
  });
});
