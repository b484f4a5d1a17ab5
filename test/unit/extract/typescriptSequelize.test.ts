import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { GrammarLoader } from '../../../src/core/extract/treeSitter/grammarLoader';
import { TypeScriptExtractor } from '../../../src/core/extract/typescript/typescriptExtractor';
import { entityNamed, fieldNamed } from './extractorTestKit';

const FIXTURES = path.join(__dirname, '../../fixtures/extract/typescript');
const extractor = new TypeScriptExtractor(new GrammarLoader());

function extractFixture(name: string): Promise<ExtractionResult> {
  const file = path.join(FIXTURES, name);
  return extractor.extract(fs.readFileSync(file, 'utf8'), file);
}

describe('TypeScriptExtractor: Sequelize models', () => {
  let result: ExtractionResult;
  before(async () => {
    result = await extractFixture('member.sequelize.js');
  });

  it('finds define() and Model.init() models, and nothing for other define() calls', () => {
    assert.deepEqual(result.entities.map((e) => [e.name, e.kind]), [['HyJbxx', 'model'], ['ShippingAddress', 'model']]);
  });

  it('names a define() model by its model name, with table name and variable as aliases', () => {
    const member = entityNamed(result, 'HyJbxx');
    assert.deepEqual(member.aliases, ['t_hy_jbxx', 'Member']);
    assert.equal(member.description, '会员基本信息');
    assert.deepEqual([member.line, member.column], [12, 35]);
    assert.deepEqual(member.comments, [
      { text: '会员档案', line: 10, column: 3 },
      { text: '@pi delete', line: 11, column: 3 },
    ]);
  });

  it('reads attribute type, field and comment, and the DataTypes shorthand', () => {
    const member = entityNamed(result, 'HyJbxx');
    assert.deepEqual(member.fields.map((f) => f.name), ['id', 'xm', 'sfzh', 'sjhm', 'hyjb', 'csrq', 'createBy']);
    const sfzh = fieldNamed(member, 'sfzh');
    assert.deepEqual(sfzh.aliases, ['id_card_no']);
    assert.equal(sfzh.type, 'STRING(18)');
    assert.equal(sfzh.description, '身份证号');
    assert.deepEqual([sfzh.line, sfzh.column], [15, 5]);
    assert.deepEqual(sfzh.comments, [{ text: '加密存储', line: 17, column: 28 }], 'a comment inside the options belongs to the field');

    const sjhm = fieldNamed(member, 'sjhm');
    assert.equal(sjhm.type, 'STRING(11)');
    assert.deepEqual(sjhm.comments, [{ text: '手机号码', line: 20, column: 33 }]);
    assert.equal(fieldNamed(member, 'xm').description, '姓名');
    assert.equal(fieldNamed(member, 'csrq').type, 'DATEONLY');
  });

  it('strips nested type namespaces and keeps literal defaults', () => {
    const hyjb = fieldNamed(entityNamed(result, 'HyJbxx'), 'hyjb');
    assert.equal(hyjb.type, 'INTEGER');
    assert.equal(hyjb.defaultValue, '1');
  });

  it('follows a spread of attributes declared in the same file', () => {
    const createBy = fieldNamed(entityNamed(result, 'HyJbxx'), 'createBy');
    assert.deepEqual(createBy.aliases, ['create_by']);
    assert.equal(createBy.description, '创建人ID');
    assert.deepEqual([createBy.line, createBy.column], [6, 3]);
  });

  it('reports a computed attribute name as a problem instead of guessing', () => {
    assert.deepEqual(result.problems, [
      { message: 'Sequelize model HyJbxx: an attribute with a computed name was not read.', line: 24, column: 5 },
    ]);
  });

  it('names a Model.init() model after its class, with tableName and modelName as aliases', () => {
    const address = entityNamed(result, 'ShippingAddress');
    assert.deepEqual(address.aliases, ['member_address', 'Address']);
    assert.equal(address.description, '收货地址');
    assert.deepEqual([address.line, address.column], [28, 9]);
    assert.deepEqual(address.fields.map((f) => [f.name, f.aliases, f.type]), [
      ['receiverName', ['receiver_name'], 'STRING(50)'],
      ['receiverPhone', ['receiver_phone'], 'STRING(20)'],
      ['detail', [], 'TEXT'],
    ]);
    assert.equal(fieldNamed(address, 'receiverName').description, '收货人');
    assert.equal(fieldNamed(address, 'receiverPhone').defaultValue, '');
    assert.deepEqual(fieldNamed(address, 'detail').comments, [{ text: '详细地址 @pi delete', line: 33, column: 31 }]);
  });

  it('merges a TypeScript model class with its this.init() attributes', async () => {
    const ts = await extractFixture('member.sequelize.ts');
    assert.deepEqual(ts.problems, []);
    assert.deepEqual(ts.entities.map((e) => e.name), ['Employee']);
    const employee = ts.entities[0];
    assert.equal(employee.kind, 'model');
    assert.deepEqual(employee.aliases, ['hr_employee']);
    assert.equal(employee.description, '员工档案');
    assert.deepEqual([employee.line, employee.column], [4, 14]);
    assert.deepEqual(employee.fields.map((f) => [f.name, f.aliases, f.type]), [
      ['id', [], 'INTEGER'],
      ['gh', [], 'STRING(20)'],
      ['xingming', ['xm'], 'STRING(50)'],
      ['bankCardNo', ['yhkh'], 'STRING(32)'],
    ]);
    const xingming = fieldNamed(employee, 'xingming');
    assert.deepEqual(xingming.comments, [{ text: '姓名', line: 8, column: 29 }], 'the class property comment is kept');
    assert.deepEqual([xingming.line, xingming.column], [16, 9], 'positioned at the column definition');
    assert.equal(fieldNamed(employee, 'gh').description, '工号');
    assert.equal(fieldNamed(employee, 'bankCardNo').description, '工资卡号');
  });

  it('reads the table of a createTable() migration', async () => {
    const migration = await extractFixture('20240101-create-member.js');
    assert.deepEqual(migration.problems, []);
    assert.deepEqual(migration.entities.map((e) => [e.name, e.kind]), [['t_hy', 'table']], 'dropTable declares nothing');
    const table = migration.entities[0];
    assert.deepEqual([table.line, table.column], [6, 38]);
    assert.deepEqual(table.comments, [{ text: '会员表 @pi delete', line: 5, column: 5 }]);
    assert.deepEqual(table.fields.map((f) => [f.name, f.type, f.description]), [
      ['id', 'BIGINT', undefined],
      ['khxm', 'STRING(32)', '客户姓名'],
      ['sjhm', 'STRING(11)', undefined],
    ]);
    assert.deepEqual(fieldNamed(table, 'sjhm').comments, [{ text: '手机号码', line: 9, column: 35 }]);
  });

  it('ignores init() of classes that are not Sequelize models', async () => {
    const source = "const { Model } = require('sequelize');\nclass App extends EventEmitter {}\nApp.init({ port: 8080 });\n";
    const other = await extractor.extract(source, 'app.js');
    assert.deepEqual(other, { format: 'typescript', entities: [], problems: [] });
  });

  it('reports attributes that are not declared in the file', async () => {
    const source = "const { DataTypes } = require('sequelize');\nmodule.exports = (sequelize) => sequelize.define('Member', importedAttributes);\n";
    const external = await extractor.extract(source, 'member.js');
    assert.deepEqual(external.entities, []);
    assert.equal(external.problems.length, 1);
    assert.match(external.problems[0].message, /Sequelize model Member: its attributes are not an object literal/);
    assert.deepEqual([external.problems[0].line, external.problems[0].column], [2, 60]);
  });
});
