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

describe('TypeScriptExtractor: TypeORM entities and TypeScript types', () => {
  let result: ExtractionResult;
  before(async () => {
    result = await extractFixture('member.entity.ts');
  });

  it('reads the file without problems and reports entities in source order', () => {
    assert.equal(result.format, 'typescript');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.entities.map((e) => e.name),
      ['Member', 'Store', 'RegisterMemberDto', 'address', 'emergencyContacts', 'MemberSummary', 'MemberQuery'],
    );
  });

  it('names an @Entity class after the class, with the table name as alias and the entity comment as description', () => {
    const member = entityNamed(result, 'Member');
    assert.equal(member.kind, 'model');
    assert.deepEqual(member.aliases, ['t_hy_jbxx']);
    assert.equal(member.description, '会员基本信息表');
    assert.deepEqual([member.line, member.column], [11, 14]);
    assert.deepEqual(member.comments, [
      { text: '会员基本信息', line: 8, column: 1 },
      { text: '@pi retain 3y basis="电子商务法 第三十一条"', line: 9, column: 1 },
    ]);
    assert.deepEqual(entityNamed(result, 'Store').aliases, ['t_md']);
  });

  it('turns every property of the entity into a field, skipping static members and accessors', () => {
    assert.deepEqual(
      entityNamed(result, 'Member').fields.map((f) => f.name),
      ['id', 'xm', 'sfzh', 'sjhm', 'xb', 'nickname', 'store', 'createdAt'],
    );
  });

  it('reads @Column name, type, length and comment', () => {
    const sfzh = fieldNamed(entityNamed(result, 'Member'), 'sfzh');
    assert.deepEqual(sfzh.aliases, ['id_card_no'], '@Index({ name }) is an index name, not a column alias');
    assert.equal(sfzh.type, 'varchar(18)');
    assert.equal(sfzh.description, '身份证号');
    assert.deepEqual([sfzh.line, sfzh.column], [22, 3]);

    const id = fieldNamed(entityNamed(result, 'Member'), 'id');
    assert.deepEqual(id.aliases, ['hy_id']);
    assert.equal(id.type, 'bigint');
    assert.equal(id.description, '会员ID');

    const xm = fieldNamed(entityNamed(result, 'Member'), 'xm');
    assert.equal(xm.type, 'string(50)', 'without a type option the TS annotation is the type, with the length');
    assert.equal(xm.description, '姓名');
    assert.deepEqual(xm.aliases, []);
  });

  it('keeps the // comments above a field (where @pi annotations live)', () => {
    const sfzh = fieldNamed(entityNamed(result, 'Member'), 'sfzh');
    assert.deepEqual(sfzh.comments, [
      { text: '二代身份证, 18 位', line: 18, column: 3 },
      { text: '@pi anonymize', line: 19, column: 3 },
    ]);
  });

  it('uses JSDoc as description and keeps trailing comments, with a positional column type', () => {
    const sjhm = fieldNamed(entityNamed(result, 'Member'), 'sjhm');
    assert.equal(sjhm.type, 'varchar(11)');
    assert.equal(sjhm.description, '手机号码(登录用)');
    assert.deepEqual(sjhm.comments, [
      { text: '手机号码(登录用)', line: 24, column: 3 },
      { text: '@pi retain 30y basis="会计档案管理办法 第十四条"', line: 26, column: 17 },
    ]);
  });

  it('keeps literal defaults, the column default before the property initializer', () => {
    const member = entityNamed(result, 'Member');
    assert.equal(fieldNamed(member, 'xb').defaultValue, '0');
    assert.deepEqual(fieldNamed(member, 'xb').aliases, ['gender']);
    assert.equal(fieldNamed(member, 'nickname').defaultValue, '未知');
    assert.equal(fieldNamed(member, 'nickname').type, 'varchar');
    assert.equal(fieldNamed(member, 'id').defaultValue, undefined);
  });

  it('reads relations and date columns: @JoinColumn name is the column alias', () => {
    const member = entityNamed(result, 'Member');
    assert.deepEqual(fieldNamed(member, 'store').aliases, ['store_id']);
    assert.equal(fieldNamed(member, 'store').type, 'Store');
    assert.deepEqual(fieldNamed(member, 'createdAt').aliases, ['create_time']);
    assert.equal(fieldNamed(member, 'createdAt').type, 'Date');
  });

  it('reads a one-line property with a trailing block comment', () => {
    const dzdh = fieldNamed(entityNamed(result, 'Store'), 'dzdh');
    assert.deepEqual([dzdh.line, dzdh.column], [53, 13]);
    assert.deepEqual(dzdh.comments, [{ text: '门店电话', line: 53, column: 27 }]);
  });

  it('reads interfaces as entities of kind type, with JSDoc descriptions and quoted keys', () => {
    const dto = entityNamed(result, 'RegisterMemberDto');
    assert.equal(dto.kind, 'type');
    assert.equal(dto.description, '会员注册请求');
    assert.deepEqual(dto.fields.map((f) => f.name), ['realName', 'idCardNo', 'mobile-phone']);
    assert.equal(fieldNamed(dto, 'realName').description, '真实姓名');
    assert.deepEqual(fieldNamed(dto, 'idCardNo').comments, [{ text: '身份证号', line: 60, column: 22 }]);
    assert.equal(fieldNamed(dto, 'idCardNo').type, 'string');
  });

  it('makes inline object types nested entities named by their key, with parent', () => {
    const address = entityNamed(result, 'address');
    assert.equal(address.parent, 'RegisterMemberDto');
    assert.equal(address.description, '收货地址');
    assert.deepEqual([address.line, address.column], [63, 3]);
    assert.deepEqual(address.fields.map((f) => f.name), ['province', 'detail']);
    assert.deepEqual(fieldNamed(address, 'detail').comments, [{ text: '详细地址', line: 65, column: 21 }]);

    const contacts = entityNamed(result, 'emergencyContacts');
    assert.equal(contacts.parent, 'RegisterMemberDto');
    assert.deepEqual(contacts.fields.map((f) => [f.name, f.type]), [['name', 'string'], ['phone', 'string']]);
  });

  it('reads object type aliases and intersections; ignores aliases of scalar types', () => {
    const summary = entityNamed(result, 'MemberSummary');
    assert.equal(summary.kind, 'type');
    assert.deepEqual(summary.fields.map((f) => [f.name, f.type]), [['memberNo', 'string'], ['birthday', 'Date'], ['points', 'number']]);
    assert.equal(result.entities.some((e) => e.name === 'MemberId'), false);
  });

  it('reads plain classes with typed properties, but not services or untyped classes', () => {
    const query = entityNamed(result, 'MemberQuery');
    assert.equal(query.kind, 'class');
    assert.equal(query.description, '查询条件');
    assert.deepEqual(query.fields.map((f) => [f.name, f.type, f.defaultValue]), [['keyword', 'string', undefined], ['pageSize', undefined, '20']]);
    assert.equal(result.entities.some((e) => e.name === 'MemberService'), false, '@Injectable services are not data');
    assert.equal(result.entities.some((e) => e.name === 'Plain'), false, 'no typed or decorated property');
  });

  it('reads a TSX file with the tsx grammar', async () => {
    const tsx = await extractFixture('profile.tsx');
    assert.deepEqual(tsx.problems, []);
    const props = entityNamed(tsx, 'ProfileCardProps');
    assert.deepEqual(props.fields.map((f) => [f.name, f.type]), [['nickname', 'string'], ['avatarUrl', 'string'], ['onEdit', '() => void']]);
    assert.deepEqual(fieldNamed(props, 'nickname').comments, [{ text: '昵称', line: 5, column: 21 }]);
    const state = entityNamed(tsx, 'state');
    assert.equal(state.parent, 'ProfileForm');
    assert.equal(state.description, '表单里正在编辑的手机号');
    assert.deepEqual(state.fields.map((f) => [f.name, f.line, f.column]), [['sjhm', 14, 12], ['yzm', 14, 26]]);
  });

  it('reads a TypeORM EntitySchema declared in plain JavaScript', async () => {
    const js = await extractFixture('member.schema.js');
    assert.deepEqual(js.problems, []);
    const manager = entityNamed(js, 'StoreManager');
    assert.equal(manager.kind, 'model');
    assert.deepEqual(manager.aliases, ['t_md_dz']);
    assert.equal(manager.description, '门店店长');
    assert.deepEqual([manager.line, manager.column], [6, 9]);
    assert.deepEqual(manager.fields.map((f) => [f.name, f.aliases, f.type]), [
      ['id', [], 'int'],
      ['dzxm', [], 'varchar(30)'],
      ['lxdh', ['lxdh_enc'], 'String'],
      ['store', ['md_id'], 'Store'],
    ]);
    assert.equal(fieldNamed(manager, 'dzxm').description, '店长姓名');
    const lxdh = fieldNamed(manager, 'lxdh');
    assert.equal(lxdh.defaultValue, '');
    assert.deepEqual(lxdh.comments, [{ text: '联系电话(加密) @pi retain 2y', line: 11, column: 60 }]);
  });

  it('reads @nestjs/mongoose classes and Swagger descriptions of DTO properties', async () => {
    const source = [
      "import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';",
      "@Schema({ collection: 'hy_member', timestamps: true })",
      'export class MemberDoc {',
      "  @ApiProperty({ description: '会员姓名', example: '张三' })",
      '  @Prop({ required: true })',
      '  xm: string;',
      '',
      "  @Prop({ type: String, default: '' }) sjhm: string;",
      '}',
      'export const MemberDocSchema = SchemaFactory.createForClass(MemberDoc);',
    ].join('\n');
    const nest = await extractor.extract(source, 'member.schema.ts');
    assert.deepEqual(nest.problems, []);
    assert.deepEqual(nest.entities.map((e) => [e.name, e.kind, e.aliases]), [['MemberDoc', 'model', ['hy_member']]]);
    assert.deepEqual(nest.entities[0].fields.map((f) => [f.name, f.type, f.description, f.defaultValue]), [
      ['xm', 'string', '会员姓名', undefined],
      ['sjhm', 'String', undefined, ''],
    ]);
  });

  it('reads decorators in plain JavaScript and sequelize-typescript style options', async () => {
    const source = [
      "import { Table, Column, Model, DataType, Comment } from 'sequelize-typescript';",
      "@Table({ tableName: 'ry_jbxx' })",
      'export class Employee extends Model {',
      "  @Comment('姓名')",
      "  @Column({ type: DataType.STRING(32), field: 'xm' })",
      '  name;',
      '  @Column(DataType.STRING(18)) sfzh;',
      '}',
    ].join('\n');
    const js = await extractor.extract(source, 'employee.js');
    assert.deepEqual(js.problems, []);
    const employee = entityNamed(js, 'Employee');
    assert.deepEqual(employee.aliases, ['ry_jbxx']);
    assert.deepEqual(employee.fields.map((f) => [f.name, f.aliases, f.type, f.description]), [
      ['name', ['xm'], 'STRING(32)', '姓名'],
      ['sfzh', [], 'STRING(18)', undefined],
    ]);
  });
});
