import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GoExtractor } from '../../../src/core/extract/go/goExtractor';
import { parseGormSettings, parseStructTag, readTagFacts } from '../../../src/core/extract/go/structTags';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { GrammarLoader } from '../../../src/core/extract/treeSitter/grammarLoader';
import { entityNamed as entity, fieldNamed as field } from './extractorTestKit';

const fixtures = path.join(__dirname, '../../fixtures/extract/go');

describe('Go struct tags', () => {
  it('parses key:"value" pairs like reflect.StructTag, keeping the first of a repeated key', () => {
    const pairs = parseStructTag('gorm:"column:id_card;comment:身份证号" json:"idCard,omitempty"  json:"again" db:"sfzh"');
    assert.deepEqual([...pairs.entries()], [
      ['gorm', 'column:id_card;comment:身份证号'],
      ['json', 'idCard,omitempty'],
      ['db', 'sfzh'],
    ]);
  });

  it('stops at a malformed pair without throwing', () => {
    assert.deepEqual([...parseStructTag('json:"a" broken db:"b"').entries()], [['json', 'a']]);
    assert.deepEqual([...parseStructTag('json:"unterminated').entries()], []);
    assert.deepEqual([...parseStructTag('').entries()], []);
  });

  it('splits GORM settings case-insensitively, honouring \\; escapes and quoted values', () => {
    const settings = parseGormSettings("COLUMN:xm;Comment:'姓名\\;全名';default:无");
    assert.equal(settings.get('column'), 'xm');
    assert.equal(settings.get('comment'), '姓名;全名');
    assert.equal(settings.get('default'), '无');
  });

  it('collects aliases from gorm, json, db, bson, bun, xorm and protobuf tags', () => {
    const facts = readTagFacts('`gorm:"column:sjhm" json:"mobile,omitempty" db:"sjhm" bson:"phone" xorm:"varchar(11) \'shouji\' comment(\'手机号\')"`');
    assert.deepEqual(facts.aliases, ['sjhm', 'shouji', 'mobile', 'phone']);
    assert.equal(facts.description, '手机号');
    assert.deepEqual(readTagFacts('`protobuf:"bytes,1,opt,name=id_card,json=idCard,proto3"`').aliases, ['id_card', 'idCard']);
    assert.deepEqual(readTagFacts('`json:"-" gorm:"-"`').aliases, []);
  });
});

describe('GoExtractor', () => {
  const extractor = new GoExtractor(new GrammarLoader());
  let result: ExtractionResult;
  before(async () => {
    result = await extractor.extract(fs.readFileSync(path.join(fixtures, 'member_models.go'), 'utf8'), 'member_models.go');
  });

  it('accepts .go files that declare a struct', () => {
    assert.equal(extractor.accepts('internal/model/member.go', 'package model\ntype Member struct {'), true);
    assert.equal(extractor.accepts('cmd/main.go', 'package main\nfunc main() {}'), false);
    assert.equal(extractor.accepts('member.rs', 'struct Member {}'), false);
  });

  it('reads every struct, nested anonymous structs as entities of their own', () => {
    assert.deepEqual(result.entities.map((e) => [e.name, e.parent ?? null]), [
      ['Member', null],
      ['Address', 'Member'],
      ['Contacts', 'Member'],
      ['LoginLog', null],
      ['Coupon', null],
    ]);
    assert.deepEqual(result.problems, []);
    assert.ok(result.entities.every((e) => e.kind === 'struct'));
  });

  it('takes the table name from TableName() returning a constant, and the doc comment as description', () => {
    const member = entity(result, 'Member');
    assert.deepEqual(member.aliases, ['t_member']);
    assert.equal(member.description, '会员');
    assert.deepEqual(member.comments, [
      { text: 'Member 会员', line: 13, column: 1 },
      { text: '@pi retain 3y basis="电子商务法 第三十一条"', line: 14, column: 1 },
    ]);
    assert.equal(member.line, 15);
    assert.equal(member.column, 6);
  });

  it('skips embedded structs', () => {
    const member = entity(result, 'Member');
    assert.ok(!member.fields.some((f) => f.name === 'Model' || f.name === 'gorm.Model'));
    assert.deepEqual(member.fields.map((f) => f.name), [
      'Xm', 'Sfzh', 'Sjhm', 'Level', 'Birthday', 'Address', 'Contacts', 'Lat', 'Lng', 'internalNote',
    ]);
  });

  it('reads gorm column and comment, json and db names', () => {
    const member = entity(result, 'Member');
    const xm = field(member, 'Xm');
    assert.deepEqual(xm.aliases, ['xm', 'name']);
    assert.equal(xm.type, 'string');
    assert.equal(xm.description, '会员姓名');
    assert.equal(xm.line, 17);
    assert.equal(xm.column, 2);
    assert.deepEqual(field(member, 'Birthday').aliases, ['birthday', 'csrq']);
    assert.equal(field(member, 'Birthday').type, '*time.Time');
  });

  it('prefers the tag comment to the trailing comment for the description, keeping both as comments', () => {
    const sjhm = field(entity(result, 'Member'), 'Sjhm');
    assert.equal(sjhm.description, '手机号码');
    assert.deepEqual(sjhm.comments, [{ text: '注册手机', line: 19, column: 71 }]);
  });

  it('uses a trailing comment as description without its @pi annotation', () => {
    const sfzh = field(entity(result, 'Member'), 'Sfzh');
    assert.deepEqual(sfzh.aliases, ['sfzh', 'idCardNo']);
    assert.equal(sfzh.description, '身份证号');
    assert.deepEqual(sfzh.comments, [{ text: '身份证号 @pi anonymize', line: 18, column: 73 }]);
  });

  it('uses the comment above a field, and keeps the gorm default', () => {
    const level = field(entity(result, 'Member'), 'Level');
    assert.equal(level.description, '会员等级, 默认普通会员');
    assert.deepEqual(level.comments, [{ text: '会员等级, 默认普通会员', line: 20, column: 2 }]);
    assert.equal(level.defaultValue, 'V1');
  });

  it('gives every name of a multi-name field the same comment', () => {
    const member = entity(result, 'Member');
    for (const name of ['Lat', 'Lng']) {
      assert.equal(field(member, name).type, 'float64');
      assert.equal(field(member, name).description, '注册定位');
    }
    assert.equal(field(member, 'Lng').column, 7);
  });

  it('reads a nested struct field and its entity, without the nested fields\' comments on the parent field', () => {
    const member = entity(result, 'Member');
    const address = field(member, 'Address');
    assert.equal(address.type, 'struct{…}');
    assert.deepEqual(address.aliases, ['address']);
    assert.equal(address.description, '收货地址(冗余一份默认地址)');
    assert.deepEqual(address.comments.map((c) => c.text), ['Address 收货地址(冗余一份默认地址)']);
    const nested = entity(result, 'Address');
    assert.deepEqual(nested.aliases, ['address']);
    assert.equal(field(nested, 'Province').description, '省');
    assert.equal(field(nested, 'Detail').description, '详细地址');
    assert.equal(field(member, 'Contacts').type, '[]struct{…}');
    assert.equal(field(entity(result, 'Contacts'), 'Phone').description, '联系人电话');
  });

  it('reads grouped type declarations, bun table tags, xorm columns and interpreted-string tags', () => {
    const log = entity(result, 'LoginLog');
    assert.deepEqual(log.aliases, ['t_login_log']);
    assert.equal(log.description, '登录日志');
    assert.deepEqual(log.fields.map((f) => f.name), ['ID', 'MemberID', 'IP', 'UA']);
    assert.deepEqual(field(log, 'IP').aliases, ['dlip', 'login_ip']);
    assert.equal(field(log, 'IP').description, '登录IP');
    assert.deepEqual(field(log, 'UA').aliases, ['ua', 'user_agent']);
  });

  it('resolves a concatenated name returned by CollectionName()', () => {
    assert.deepEqual(entity(result, 'Coupon').aliases, ['mkt_coupon']);
  });

  describe('broken input', () => {
    it('reads the intact fields of an unclosed struct and reports the syntax error', async () => {
      const text = 'package m\n\n// Member 会员\ntype Member struct {\n\tXm string `gorm:"column:xm"` // 姓名\n\tSfzh string `gorm:"col';
      const broken = await extractor.extract(text, 'member.go');
      const member = entity(broken, 'Member');
      assert.equal(member.description, '会员');
      assert.deepEqual(field(member, 'Xm').aliases, ['xm']);
      assert.equal(field(member, 'Xm').description, '姓名');
      assert.equal(broken.problems.length, 1);
      assert.equal(broken.problems[0].line, 4);
      assert.ok(broken.problems[0].message.startsWith('syntax error'));
    });

    it('never throws on garbage or empty input', async () => {
      for (const text of ['', 'package', 'type X struct {{{{', '`'.repeat(11), 'func (X) TableName() string { return }']) {
        const broken = await extractor.extract(text, 'broken.go');
        assert.equal(broken.format, 'go');
        assert.ok(Array.isArray(broken.entities));
      }
    });
  });
});
