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

describe('TypeScriptExtractor: Mongoose schemas', () => {
  let result: ExtractionResult;
  before(async () => {
    result = await extractFixture('behavior.mongoose.js');
  });

  it('finds every schema and nested object, without problems', () => {
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.entities.map((e) => [e.name, e.kind, e.parent]),
      [
        ['address', 'model', 'Member'],
        ['Member', 'model', undefined],
        ['emergencyContact', 'object', 'Member'],
        ['devices', 'object', 'Member'],
        ['wechat', 'object', 'Member'],
        ['location', 'object', 'Member'],
        ['profile', 'object', 'Member'],
        ['LoginLog', 'model', undefined],
      ],
    );
  });

  it('names a schema after its model, with variable, collection option and model collection as aliases', () => {
    const member = entityNamed(result, 'Member');
    assert.deepEqual(member.aliases, ['memberSchema', 'hy_member', 'members']);
    assert.equal(member.description, '会员档案');
    assert.deepEqual([member.line, member.column], [15, 7]);
  });

  it('reads { type: … } options and the shorthand, with literal defaults and comments', () => {
    const member = entityNamed(result, 'Member');
    assert.deepEqual(
      member.fields.map((f) => [f.name, f.type]),
      [['xm', 'String'], ['sfzh', 'String'], ['gender', 'String'], ['tags', '[String]'], ['points', 'Number'], ['extra', '{}'], ['createdAt', 'Date']],
    );
    const xm = fieldNamed(member, 'xm');
    assert.deepEqual([xm.line, xm.column], [17, 5]);
    assert.deepEqual(xm.comments, [{ text: '姓名', line: 17, column: 43 }]);
    assert.deepEqual(fieldNamed(member, 'sfzh').comments, [{ text: '@pi anonymize', line: 18, column: 5 }]);
    assert.equal(fieldNamed(member, 'gender').defaultValue, 'U');
    assert.equal(fieldNamed(member, 'points').defaultValue, '0');
    assert.equal(fieldNamed(member, 'createdAt').defaultValue, undefined, 'Date.now is not a literal');
  });

  it('makes a sub-schema variable an entity named without the Schema suffix, attached to the schema using it', () => {
    const address = entityNamed(result, 'address');
    assert.deepEqual(address.aliases, ['addressSchema', 'addresses']);
    assert.deepEqual([address.line, address.column], [8, 7]);
    assert.deepEqual(address.comments, [
      { text: '收货地址(子文档)', line: 7, column: 1 },
      { text: '收货地址列表', line: 23, column: 33 },
    ]);
    assert.deepEqual(address.fields.map((f) => f.name), ['shr', 'lxdh', 'xxdz']);
    assert.deepEqual(fieldNamed(address, 'lxdh').aliases, ['receiverPhone']);
    assert.deepEqual(fieldNamed(address, 'shr').comments, [{ text: '收货人姓名', line: 9, column: 16 }]);
  });

  it('makes nested objects and arrays of objects entities named by their key', () => {
    const contact = entityNamed(result, 'emergencyContact');
    assert.deepEqual([contact.line, contact.column], [25, 5]);
    assert.deepEqual(contact.comments, [{ text: '紧急联系人', line: 24, column: 5 }]);
    assert.deepEqual(contact.fields.map((f) => [f.name, f.type]), [['name', 'String'], ['phone', 'String']]);
    assert.deepEqual(fieldNamed(contact, 'phone').comments, [{ text: '紧急联系人电话', line: 27, column: 32 }]);

    const devices = entityNamed(result, 'devices');
    assert.deepEqual(devices.comments, [{ text: '登录设备', line: 29, column: 5 }]);
    assert.deepEqual(devices.fields.map((f) => [f.name, f.line, f.column]), [['imei', 30, 17], ['lastLoginIp', 30, 31]]);
    assert.deepEqual(fieldNamed(devices, 'imei').comments, [], 'the comment above the line belongs to the key starting it');

    assert.deepEqual(entityNamed(result, 'wechat').fields.map((f) => f.name), ['openid', 'unionid']);
    assert.deepEqual(entityNamed(result, 'profile').fields.map((f) => f.name), ['avatarUrl']);
  });

  it('reads a GeoJSON path whose `type` key is a field, not the type', () => {
    const location = entityNamed(result, 'location');
    assert.deepEqual(location.fields.map((f) => [f.name, f.type, f.defaultValue]), [['type', 'String', 'Point'], ['coordinates', '[Number]', undefined]]);
    assert.deepEqual(fieldNamed(location, 'coordinates').comments, [{ text: '[经度, 纬度]', line: 34, column: 40 }]);
  });

  it('reads a schema written inline in the model call', () => {
    const log = entityNamed(result, 'LoginLog');
    assert.deepEqual(log.aliases, []);
    assert.deepEqual(log.fields.map((f) => [f.name, f.type, f.line, f.column]), [['ip', 'String', 47, 53], ['ua', 'String', 47, 65]]);
  });

  it('names a schema without a model after its variable, and reads TypeScript generics', async () => {
    const source = [
      "import { Schema, model } from 'mongoose';",
      'interface IOrder { receiver: string }',
      '// 订单快照',
      'export const OrderSnapshotSchema = new Schema<IOrder>({',
      '  receiver: { type: String, required: true },',
      '  items: [{ skuId: String, qty: Number }],',
      '});',
    ].join('\n');
    const ts = await extractor.extract(source, 'order.schema.ts');
    assert.deepEqual(ts.problems, []);
    const snapshot = entityNamed(ts, 'OrderSnapshot');
    assert.deepEqual(snapshot.aliases, ['OrderSnapshotSchema']);
    assert.deepEqual(snapshot.comments, [{ text: '订单快照', line: 3, column: 1 }]);
    assert.deepEqual(snapshot.fields.map((f) => f.name), ['receiver']);
    assert.equal(entityNamed(ts, 'items').parent, 'OrderSnapshot');
    assert.equal(entityNamed(ts, 'IOrder').kind, 'type');
  });

  it('reports a schema definition that is not in the file', async () => {
    const source = "const mongoose = require('mongoose');\nconst s = new mongoose.Schema(sharedDefinition);\n";
    const external = await extractor.extract(source, 's.js');
    assert.deepEqual(external.entities.map((e) => [e.name, e.fields.length]), [['s', 0]]);
    assert.equal(external.problems.length, 1);
    assert.match(external.problems[0].message, /Mongoose schema s: its definition is not an object literal/);
    assert.deepEqual([external.problems[0].line, external.problems[0].column], [2, 31]);
  });
});
