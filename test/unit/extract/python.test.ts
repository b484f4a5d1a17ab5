import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { PythonExtractor } from '../../../src/core/extract/python/pythonExtractor';
import { GrammarLoader } from '../../../src/core/extract/treeSitter/grammarLoader';
import {
  descriptionFromComment,
  joinDescriptions,
  stripCommentMarkers,
  unquoteStringLiteral,
} from '../../../src/core/extract/treeSitter/syntaxHelpers';
import { entityNamed as entity, fieldNamed as field } from './extractorTestKit';

const fixtures = path.join(__dirname, '../../fixtures/extract/python');

describe('PythonExtractor', () => {
  const extractor = new PythonExtractor(new GrammarLoader());
  const extractFixture = (file: string): Promise<ExtractionResult> =>
    extractor.extract(fs.readFileSync(path.join(fixtures, file), 'utf8'), file);

  describe('accepts', () => {
    it('takes .py files whose head mentions an ORM or schema library', () => {
      assert.equal(extractor.accepts('app/models.py', 'from django.db import models\n'), true);
      assert.equal(extractor.accepts('db/member.py', 'from sqlalchemy.orm import mapped_column\n'), true);
      assert.equal(extractor.accepts('api/schemas.py', 'from pydantic import BaseModel\n'), true);
      assert.equal(extractor.accepts('util/dates.py', 'import datetime\n\ndef today(): ...\n'), false);
      assert.equal(extractor.accepts('models.java', 'models.Model'), false);
    });
  });

  describe('Django models', () => {
    let result: ExtractionResult;
    before(async () => {
      result = await extractFixture('hr_django_models.py');
    });

    it('reads every model, including abstract bases, without problems', () => {
      assert.deepEqual(result.entities.map((e) => e.name), ['TimestampedModel', 'Employee', 'Dependant']);
      assert.deepEqual(result.problems, []);
      assert.equal(result.format, 'python');
    });

    it('takes db_table as alias and verbose_name plus docstring as description', () => {
      const employee = entity(result, 'Employee');
      assert.deepEqual(employee.aliases, ['hr_employee']);
      assert.equal(employee.kind, 'model');
      assert.equal(employee.description, '员工; 员工基本信息');
      assert.equal(employee.line, 17);
      assert.equal(employee.column, 7);
    });

    it('keeps the @pi comment above the class as an entity comment', () => {
      const employee = entity(result, 'Employee');
      assert.deepEqual(employee.comments, [{ text: '@pi retain 2y basis="劳动合同法 第五十条"', line: 16, column: 1 }]);
      assert.deepEqual(entity(result, 'Dependant').comments.map((c) => c.text), ['家属']);
    });

    it('lists fields with type, description from positional or translated verbose names', () => {
      const employee = entity(result, 'Employee');
      assert.deepEqual(employee.fields.map((f) => f.name), [
        'gh', 'xm', 'sfzh', 'sjhm', 'xb', 'department', 'home_address', 'is_disabled', 'salary_level',
      ]);
      assert.equal(field(employee, 'gh').type, 'CharField');
      assert.equal(field(employee, 'gh').description, '工号');
      assert.equal(field(employee, 'xm').description, '姓名');
      assert.equal(field(employee, 'sjhm').description, '手机号码; 联系手机');
      assert.equal(field(employee, 'is_disabled').type, 'BooleanField');
      assert.equal(field(entity(result, 'TimestampedModel'), 'created_at').description, '创建时间');
    });

    it('reads a multi-line field: keyword verbose_name, help_text, db_column and all its comments', () => {
      const sfzh = field(entity(result, 'Employee'), 'sfzh');
      assert.deepEqual(sfzh.aliases, ['zjhm']);
      assert.equal(sfzh.description, '身份证号; 18位居民身份证号码');
      assert.deepEqual(sfzh.comments, [
        { text: '证件号码按 GB 11643 校验', line: 24, column: 5 },
        { text: '@pi anonymize', line: 25, column: 5 },
        { text: '末位可能是 X', line: 28, column: 34 },
      ]);
      assert.equal(sfzh.line, 26);
      assert.equal(sfzh.column, 5);
    });

    it('keeps trailing comments on the field line (column counted in UTF-16 units)', () => {
      const xm = field(entity(result, 'Employee'), 'xm');
      assert.deepEqual(xm.comments, [{ text: '@pi delete', line: 23, column: 52 }]);
    });

    it('does not take the target model of a relation as its description', () => {
      const employee = entity(result, 'Employee');
      assert.equal(field(employee, 'department').type, 'ForeignKey');
      assert.equal(field(employee, 'department').description, '所属部门');
      assert.equal(field(entity(result, 'Dependant'), 'employee').description, '员工');
    });

    it('uses the docstring under an attribute as its description', () => {
      assert.equal(field(entity(result, 'Employee'), 'home_address').description, '户籍地址，入职登记表填写');
    });

    it('keeps literal defaults, including negative numbers', () => {
      const employee = entity(result, 'Employee');
      assert.equal(field(employee, 'xb').defaultValue, 'M');
      assert.equal(field(employee, 'is_disabled').defaultValue, 'False');
      assert.equal(field(employee, 'salary_level').defaultValue, '-1');
      assert.equal(field(employee, 'gh').defaultValue, undefined);
    });

    it('skips class constants, managers and the Meta class', () => {
      const names = result.entities.flatMap((e) => e.fields.map((f) => f.name));
      for (const skipped of ['GENDER_CHOICES', 'objects', 'db_table', 'verbose_name']) assert.ok(!names.includes(skipped), skipped);
      assert.ok(!result.entities.some((e) => e.name === 'Meta'));
    });
  });

  describe('SQLAlchemy', () => {
    let result: ExtractionResult;
    before(async () => {
      result = await extractFixture('member_sqlalchemy.py');
    });

    it('reads 2.0-style Mapped attributes with mapped_column', () => {
      const member = entity(result, 'Member');
      assert.deepEqual(member.aliases, ['t_member']);
      assert.equal(member.description, '会员主表; 会员');
      assert.deepEqual(member.fields.map((f) => f.name), ['id', 'name', 'mobile', 'birthday', 'level']);
      const name = field(member, 'name');
      assert.equal(name.type, 'String(50)');
      assert.equal(name.description, '会员姓名');
      assert.deepEqual(name.comments, [{ text: '@pi delete', line: 20, column: 5 }]);
      assert.deepEqual(field(member, 'mobile').aliases, ['sjhm']);
      assert.deepEqual(field(member, 'birthday').aliases, ['csrq']);
      assert.equal(field(member, 'birthday').type, 'Date');
      assert.equal(field(member, 'level').defaultValue, 'V1');
    });

    it('skips relationships', () => {
      assert.ok(!entity(result, 'Member').fields.some((f) => f.name === 'addresses'));
      assert.ok(!entity(result, 'Address').fields.some((f) => f.name === 'member'));
    });

    it('reads classic Column(...) with a positional column name and a ForeignKey', () => {
      const address = entity(result, 'Address');
      assert.deepEqual(address.aliases, ['t_member_address']);
      assert.equal(field(address, 'member_id').type, 'BigInteger');
      const receiver = field(address, 'receiver');
      assert.deepEqual(receiver.aliases, ['shrxm']);
      assert.equal(receiver.description, '收货人姓名');
      assert.deepEqual(receiver.comments.map((c) => c.text), ['收货人']);
      assert.equal(field(address, 'detail').defaultValue, '');
    });

    it('reads Core Table(...) declarations as table entities and reports a nameless column', () => {
      const log = entity(result, 't_login_log');
      assert.equal(log.kind, 'table');
      assert.deepEqual(log.aliases, ['login_log']);
      assert.equal(log.description, '登录日志');
      assert.deepEqual(log.comments.map((c) => c.text), ['旧积分系统的登录流水, 仅保留 6 个月']);
      assert.deepEqual(log.fields.map((f) => f.name), ['id', 'member_id', 'login_ip']);
      const ip = field(log, 'login_ip');
      assert.equal(ip.line, 46);
      assert.equal(ip.column, 12);
      assert.deepEqual(ip.comments.map((c) => c.text), ['@pi retain 6m basis="网络安全法 第二十一条"']);
      assert.deepEqual(result.problems, [{ message: 'a Column(...) inside Table(...) has no column name and was skipped', line: 47, column: 5 }]);
    });

    it('does not report the declarative Base as an entity', () => {
      assert.ok(!result.entities.some((e) => e.name === 'Base'));
    });
  });

  describe('pydantic and dataclasses', () => {
    let result: ExtractionResult;
    before(async () => {
      result = await extractFixture('api_schemas.py');
    });

    it('reads Field(alias, description) and Annotated[..., Field(...)]', () => {
      const request = entity(result, 'RealNameRequest');
      assert.equal(request.kind, 'class');
      assert.equal(request.description, '实名认证请求');
      const realName = field(request, 'real_name');
      assert.deepEqual(realName.aliases, ['realName']);
      assert.equal(realName.description, '真实姓名');
      assert.equal(realName.type, 'str');
      const idCard = field(request, 'id_card_no');
      assert.deepEqual(idCard.aliases, ['idCardNo']);
      assert.equal(idCard.description, '身份证号');
      assert.equal(idCard.type, 'str');
    });

    it('reads plain annotated attributes with literal defaults and skips ClassVar and model_config', () => {
      const request = entity(result, 'RealNameRequest');
      assert.deepEqual(request.fields.map((f) => f.name), ['real_name', 'id_card_no', 'mobile', 'channel']);
      assert.equal(field(request, 'mobile').type, 'Optional[str]');
      assert.equal(field(request, 'mobile').defaultValue, undefined);
      assert.equal(field(request, 'channel').defaultValue, 'app');
      assert.equal(field(request, 'channel').description, '来源渠道');
    });

    it('reads a nested model as its own entity with parent', () => {
      const contact = entity(result, 'Contact');
      assert.equal(contact.parent, 'RealNameRequest');
      assert.equal(contact.description, '紧急联系人');
      assert.equal(field(contact, 'lxrxm').description, '联系人姓名');
      assert.deepEqual(field(contact, 'lxrdh').comments, [{ text: '联系人电话', line: 24, column: 21 }]);
    });

    it('reads dataclass field(metadata=..., default=...)', () => {
      const card = entity(result, 'BankCardBinding');
      assert.equal(field(card, 'card_no').description, '银行卡号');
      assert.equal(field(card, 'bank_name').defaultValue, '工商银行');
    });
  });

  describe('broken input', () => {
    it('reads what it can from a truncated file and reports the syntax error', async () => {
      const text = [
        'from django.db import models',
        '',
        'class Member(models.Model):',
        '    xm = models.CharField("姓名", max_length=50)',
        '    sfzh = models.CharField("身份证号", max_length=',
      ].join('\n');
      const result = await extractor.extract(text, 'truncated.py');
      const member = entity(result, 'Member');
      assert.equal(field(member, 'xm').description, '姓名');
      assert.ok(result.problems.length > 0);
      assert.ok(result.problems.every((p) => p.line >= 1 && p.column >= 1 && p.message.startsWith('syntax error')));
      assert.ok(result.problems.every((p) => !p.message.includes('身份证号')), 'problem messages never quote source text');
    });

    it('never throws on garbage, empty text or a lone class header', async () => {
      for (const text of ['', '\u0000\u0001\uffff', 'class', 'class A(models.Model):\n    x = models.CharField(', ')))(((', 'x = """unterminated']) {
        const result = await extractor.extract(text, 'broken.py');
        assert.equal(result.format, 'python');
        assert.ok(Array.isArray(result.entities));
      }
    });

    it('reports a grammar that cannot load as a problem instead of throwing', async () => {
      const failing = { parse: () => Promise.reject(new Error('tree-sitter-python.wasm not found')) } as unknown as GrammarLoader;
      const result = await new PythonExtractor(failing).extract('class A(models.Model):\n    x = 1\n', 'a.py');
      assert.deepEqual(result.entities, []);
      assert.equal(result.problems.length, 1);
      assert.match(result.problems[0].message, /tree-sitter-python\.wasm not found/);
    });

    it('handles CRLF line endings and a BOM', async () => {
      const text = '\ufeffclass Member(models.Model):\r\n    # @pi delete\r\n    xm = models.CharField("姓名")\r\n';
      const result = await extractor.extract(text, 'crlf.py');
      const xm = field(entity(result, 'Member'), 'xm');
      assert.equal(xm.line, 3);
      assert.equal(xm.column, 5);
      assert.deepEqual(xm.comments, [{ text: '@pi delete', line: 2, column: 5 }]);
    });
  });
});

describe('tree-sitter syntax helpers', () => {
  it('unquotes Python, Java, Go and C# string literals', () => {
    assert.equal(unquoteStringLiteral(String.raw`'姓名\t\u8eab\x41\101'`), '姓名\t身AA');
    assert.equal(unquoteStringLiteral(String.raw`r'\d{18}'`), String.raw`\d{18}`);
    assert.equal(unquoteStringLiteral('u"会员"'), '会员');
    assert.equal(unquoteStringLiteral('""'), '');
    assert.equal(unquoteStringLiteral("''"), '');
    assert.equal(unquoteStringLiteral('"""文档\n第二行"""'), '文档\n第二行');
    assert.equal(unquoteStringLiteral('"""\n    多行\n    文本\n    """'), '多行\n文本');
    assert.equal(unquoteStringLiteral('`gorm:"column:xm"`'), 'gorm:"column:xm"');
    assert.equal(unquoteStringLiteral(String.raw`@"C:\dir ""x"""`), String.raw`C:\dir "x"`);
    assert.equal(unquoteStringLiteral('"""\n  a\\n\n  """', { tripleQuotedIsRaw: true }), 'a\\n');
    assert.equal(unquoteStringLiteral('"unterminated'), 'unterminated');
    assert.equal(unquoteStringLiteral('not_a_literal'), 'not_a_literal');
  });

  it('strips comment markers of every supported style', () => {
    assert.equal(stripCommentMarkers('// 姓名'), '姓名');
    assert.equal(stripCommentMarkers('/// <summary>姓名</summary>'), '<summary>姓名</summary>');
    assert.equal(stripCommentMarkers('# @pi delete'), '@pi delete');
    assert.equal(stripCommentMarkers('/** 姓名 */'), '姓名');
    assert.equal(stripCommentMarkers('/**\n * 会员\n *\n * @author a\n */'), '会员\n\n@author a');
    assert.equal(stripCommentMarkers('/* 未闭合'), '未闭合');
  });

  it('turns comments into descriptions without tags or @pi annotations', () => {
    assert.equal(descriptionFromComment('身份证号 @pi retain 3y basis="x"'), '身份证号');
    assert.equal(descriptionFromComment('会员\n\n@author a\n手机'), '会员 手机');
    assert.equal(descriptionFromComment('@pi delete'), undefined);
    assert.equal(joinDescriptions(['姓名', undefined, ' 姓名 ', '', '全名']), '姓名; 全名');
    assert.equal(joinDescriptions([undefined, '']), undefined);
  });
});
