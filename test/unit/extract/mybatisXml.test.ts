import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { MyBatisXmlExtractor } from '../../../src/core/extract/mybatisXml';
import { entityNamed as entity, fieldNamed as field } from './extractorTestKit';

const mapperFile = path.join(__dirname, '../../fixtures/extract/mybatis/CustomerMapper.xml');
const mapperText = fs.readFileSync(mapperFile, 'utf8');

describe('MyBatisXmlExtractor', () => {
  const extractor = new MyBatisXmlExtractor();
  let result: ExtractionResult;

  before(async () => {
    result = await extractor.extract(mapperText, mapperFile);
  });

  it('accepts mapper and iBatis sqlMap XML only', () => {
    assert.equal(extractor.accepts('src/main/resources/mapper/CustomerMapper.xml', mapperText.slice(0, 2048)), true);
    assert.equal(extractor.accepts('sqlmap/User.xml', '<?xml version="1.0"?>\n<sqlMap namespace="User">'), true);
    assert.equal(extractor.accepts('pom.xml', '<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion></project>'), false);
    assert.equal(extractor.accepts('CustomerMapper.java', '<mapper>'), false);
  });

  it('makes one entity per resultMap, named by the simple class name of its type', () => {
    assert.deepEqual(
      result.entities.map((e) => [e.name, e.parent]),
      [
        ['Customer', undefined],
        ['Address', 'Customer'],
        ['BankCard', 'Customer'],
        ['MemberLevel', undefined],
      ],
    );
    const customer = entity(result, 'Customer');
    assert.equal(customer.kind, 'class');
    assert.deepEqual([customer.line, customer.column], [10, 5]);
  });

  it('gives the full type, the resultMap id and the tables its statements use as aliases', () => {
    assert.deepEqual(entity(result, 'Customer').aliases, ['com.example.crm.domain.Customer', 'CustomerResult', 'crm_customer']);
    assert.deepEqual(entity(result, 'MemberLevel').aliases, ['com.example.crm.domain.MemberLevel', 'LevelResult', 'crm_member_level']);
  });

  it('reads id and result children: property as name, column as alias, jdbcType or javaType as type', () => {
    const customer = entity(result, 'Customer');
    assert.deepEqual(
      customer.fields.map((f) => [f.name, f.aliases, f.type]),
      [
        ['id', ['kh_id'], 'BIGINT'],
        ['xm', [], 'VARCHAR'],
        ['idCardNo', ['sfzh'], 'CHAR'],
        ['mobile', ['sjhm'], 'java.lang.String'],
        ['remark', ['bz'], undefined],
        ['address', [], 'com.example.crm.domain.Address'],
        ['level', ['level_id'], 'LevelResult'],
        ['bankCards', [], 'com.example.crm.domain.BankCard'],
      ],
    );
    const idCardNo = field(customer, 'idCardNo');
    assert.deepEqual([idCardNo.line, idCardNo.column], [15, 9]);
  });

  it('takes comments just above or at the end of an element as its comments and description', () => {
    const customer = entity(result, 'Customer');
    assert.equal(customer.description, '客户档案');
    assert.deepEqual(customer.comments, [
      { text: '客户档案', line: 8, column: 5 },
      { text: '@pi retain 3y basis="电子商务法 第三十一条"', line: 9, column: 5 },
    ]);
    const idCardNo = field(customer, 'idCardNo');
    assert.equal(idCardNo.description, '身份证号', 'an annotation is not a description');
    assert.deepEqual(
      idCardNo.comments.map((c) => c.text),
      ['身份证号', '@pi anonymize'],
    );
    const xm = field(customer, 'xm');
    assert.equal(xm.description, '客户姓名');
    assert.deepEqual(xm.comments, [{ text: '客户姓名', line: 12, column: 78 }]);
    assert.equal(field(customer, 'mobile').description, undefined, 'a trailing comment belongs to its own line only');
    assert.equal(field(customer, 'remark').description, undefined, 'a blank line separates a comment from the element below');
    assert.equal(field(customer, 'address').description, '收货地址 (一对一)');
  });

  it('makes inline associations and collections with results nested entities', () => {
    const address = entity(result, 'Address');
    assert.deepEqual(address.aliases, ['com.example.crm.domain.Address']);
    assert.deepEqual([address.line, address.column], [20, 9]);
    assert.deepEqual(
      address.fields.map((f) => [f.name, f.aliases[0], f.description]),
      [
        ['id', 'addr_id', undefined],
        ['detail', 'xxdz', '详细地址'],
        ['receiver', 'shr_xm', undefined],
      ],
    );
    const card = entity(result, 'BankCard');
    assert.deepEqual(
      card.fields.map((f) => [f.name, f.aliases[0], f.description]),
      [['cardNo', 'yhkh', '银行卡号']],
    );
    assert.equal(result.entities.find((e) => e.name === 'level'), undefined, 'an association by resultMap reference is only a field');
  });

  it('reads constructor args and discriminator cases into the resultMap', () => {
    const level = entity(result, 'MemberLevel');
    assert.deepEqual(
      level.fields.map((f) => [f.name, f.aliases, f.type]),
      [
        ['level_id', [], 'long'],
        ['levelName', ['level_name'], 'String'],
        ['discount', ['zk'], undefined],
      ],
    );
  });

  it('reports XML errors with their position and keeps reading', () => {
    assert.deepEqual(result.problems, [{ message: 'XML: disallowed character.', line: 49, column: 47 }]);
  });

  it('reads iBatis 2 resultMaps (class attribute)', async () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<sqlMap namespace="Staff">',
      '  <resultMap id="staffMap" class="com.legacy.hr.Staff">',
      '    <result property="sfzh" column="SFZH"/><!-- 身份证号 -->',
      '  </resultMap>',
      '</sqlMap>',
    ].join('\n');
    const legacy = await extractor.extract(text, 'Staff.xml');
    assert.deepEqual(
      legacy.entities.map((e) => [e.name, e.aliases, e.fields.map((f) => [f.name, f.aliases, f.description])]),
      [['Staff', ['com.legacy.hr.Staff', 'staffMap'], [['sfzh', ['SFZH'], '身份证号']]]],
    );
  });

  it('keeps what it read from a truncated mapper and reports the rest', async () => {
    const cut = mapperText.slice(0, mapperText.indexOf('<result property="mobile"') + 30);
    const partial = await extractor.extract(cut, mapperFile);
    assert.deepEqual(
      entity(partial, 'Customer').fields.map((f) => f.name),
      ['id', 'xm', 'idCardNo'],
    );
    assert.ok(partial.problems.length > 0);
    for (const input of ['', '<', '<mapper><resultMap type=""><result/></resultMap>', '<!-- open', '<mapper>&bogus;<resultMap id="x"><id property="a"/>']) {
      const outcome = await extractor.extract(input, 'Broken.xml');
      assert.equal(outcome.format, 'mybatis-xml');
      for (const problem of outcome.problems) assert.doesNotMatch(problem.message, /stopped/);
    }
  });

  it('stays well-formed on every truncation of the fixture', async () => {
    for (let length = 0; length <= mapperText.length; length += 17) {
      const outcome = await extractor.extract(mapperText.slice(0, length), mapperFile);
      for (const problem of outcome.problems) assert.doesNotMatch(problem.message, /stopped/, `at length ${length}`);
      for (const e of outcome.entities) for (const f of e.fields) assert.ok(f.line >= 1 && f.column >= 1);
    }
  });
});
