import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { JsonSchemaExtractor } from '../../../src/core/extract/schemaTree/jsonSchema';
import { entityNamed as entity, fieldNamed as field } from './extractorTestKit';

const fixtures = path.join(__dirname, '../../fixtures/extract/jsonschema');
const extractor = new JsonSchemaExtractor();

function extractFixture(name: string): Promise<ExtractionResult> {
  const file = path.join(fixtures, name);
  return extractor.extract(fs.readFileSync(file, 'utf8'), file);
}

describe('JsonSchemaExtractor', () => {
  describe('accepts', () => {
    it('takes *.schema.json and *.schema.yaml by name', () => {
      assert.equal(extractor.accepts('schemas/patient.schema.json', '{}'), true);
      assert.equal(extractor.accepts('schemas/patient.schema.yml', 'a: 1'), true);
    });

    it('takes JSON with "$schema", or with both "properties" and "type", in its head', () => {
      assert.equal(extractor.accepts('patient.json', '{ "$schema": "https://json-schema.org/draft/2020-12/schema" }'), true);
      assert.equal(extractor.accepts('patient.json', '{ "type": "object", "properties": {} }'), true);
      assert.equal(extractor.accepts('fixture.json', '{ "members": [{ "xm": "张三" }] }'), false);
      assert.equal(extractor.accepts('package.json', '{ "name": "pi-audit", "type": "commonjs" }'), false);
    });

    it('takes YAML with a top-level $schema key, and leaves OpenAPI documents and other files alone', () => {
      assert.equal(extractor.accepts('visitor.yaml', '$schema: http://json-schema.org/draft-07/schema#\ntype: object\n'), true);
      assert.equal(extractor.accepts('ci.yaml', 'jobs:\n  build: {}\n'), false);
      assert.equal(extractor.accepts('api.json', '{ "openapi": "3.1.0", "$schema": "x", "properties": 1, "type": 2 }'), false);
      assert.equal(extractor.accepts('api.schema.json', '{\n  "swagger": "2.0"'), false);
      assert.equal(extractor.accepts('schema.prisma', '"$schema"'), false);
    });
  });

  describe('a JSON Schema file (patient_intake.schema.json)', () => {
    let result: ExtractionResult;
    before(async () => {
      result = await extractFixture('patient_intake.schema.json');
    });

    it('makes entities of the root (named by its title, $id as alias), nested objects and $defs', () => {
      assert.deepEqual(
        result.entities.map((e) => [e.name, e.aliases, e.parent]),
        [
          ['PatientIntake', ['patient-intake'], undefined],
          ['guardian', [], 'PatientIntake'],
          ['allergies', [], 'PatientIntake'],
          ['Address', [], undefined],
          ['Insurance', [], undefined],
        ],
      );
      assert.deepEqual(result.problems, []);
      const root = entity(result, 'PatientIntake');
      assert.equal(root.kind, 'object');
      assert.equal(root.description, '门诊初诊登记表');
      assert.deepEqual([root.line, root.column], [4, 4]);
      assert.deepEqual(root.comments, [{ text: '@pi retain 30y basis="医疗机构病历管理规定 第二十九条"', line: 7, column: 16 }]);
    });

    it('reads properties (and inline allOf members) as fields, with types, descriptions and positions', () => {
      const root = entity(result, 'PatientIntake');
      assert.deepEqual(
        root.fields.map((f) => [f.name, f.type, f.line, f.column]),
        [
          ['hzxm', 'string', 9, 6],
          ['sfzh', 'string', 10, 6],
          ['sjhm', 'string | null', 11, 6],
          ['birthDate', 'string($date)', 12, 6],
          ['gender', 'string', 13, 6],
          ['city', 'string', 14, 6],
          ['homeAddress', 'Address', 34, 6],
          ['insurance', 'Insurance', 35, 6],
          ['tags', 'array<string>', 36, 6],
          ['visitNo', 'string', 39, 24],
        ],
      );
      assert.equal(field(root, 'hzxm').description, '患者姓名 — 与身份证一致');
      assert.equal(field(root, 'insurance').description, '医保信息');
      assert.equal(field(root, 'visitNo').description, '就诊号');
    });

    it('takes $comment and x-comment values as comments', () => {
      assert.deepEqual(field(entity(result, 'PatientIntake'), 'sfzh').comments, [{ text: '@pi anonymize', line: 10, column: 86 }]);
      assert.deepEqual(field(entity(result, 'Address'), 'xxdz').comments, [{ text: '门牌号可能含楼层', line: 47, column: 74 }]);
    });

    it('keeps literal defaults', () => {
      const root = entity(result, 'PatientIntake');
      assert.equal(field(root, 'city').defaultValue, '上海');
      assert.equal(field(root, 'gender').defaultValue, 'M');
      assert.equal(field(root, 'sfzh').defaultValue, undefined);
    });

    it('names a nested object or array of objects by its key, with the property description', () => {
      const guardian = entity(result, 'guardian');
      assert.deepEqual([guardian.line, guardian.column, guardian.description], [15, 6, '监护人(未成年患者)']);
      assert.deepEqual(guardian.fields.map((f) => f.name), ['jhrxm', 'relation']);
      const allergies = entity(result, 'allergies');
      assert.equal(allergies.description, '过敏史');
      assert.deepEqual(allergies.fields.map((f) => [f.name, f.line, f.column]), [
        ['allergen', 29, 12],
        ['reaction', 30, 12],
      ]);
    });

    it('names $defs entries by key and skips definitions without properties', () => {
      const address = entity(result, 'Address');
      assert.equal(address.description, '住址');
      assert.deepEqual([address.line, address.column], [42, 6]);
      assert.ok(!result.entities.some((e) => e.name === 'PhoneNumber'));
    });
  });

  describe('a YAML JSON Schema with # comments (visitor_badge.schema.yaml)', () => {
    let result: ExtractionResult;
    before(async () => {
      result = await extractFixture('visitor_badge.schema.yaml');
    });

    it('reads the root, a nested object and definitions', () => {
      assert.deepEqual(
        result.entities.map((e) => [e.name, e.parent, e.fields.map((f) => f.name)]),
        [
          ['访客证申请', undefined, ['fkxm', 'sfzh', 'lxdh']],
          ['vehicle', '访客证申请', ['cph']],
          ['Host', undefined, ['bfrxm']],
        ],
      );
      assert.deepEqual(result.problems, []);
      assert.deepEqual(entity(result, '访客证申请').comments, [{ text: '访客证申请 @pi delete after=30d', line: 2, column: 3 }]);
    });

    it('takes comments above a key, trailing it, and on the lines of its schema', () => {
      const root = entity(result, '访客证申请');
      assert.deepEqual(field(root, 'fkxm').comments, [{ text: '访客姓名', line: 6, column: 5 }]);
      assert.deepEqual(field(root, 'sfzh').comments, [{ text: '身份证号 @pi anonymize', line: 10, column: 11 }]);
      assert.deepEqual(field(root, 'lxdh').comments, [{ text: '联系电话, 仅当日有效', line: 14, column: 7 }]);
      assert.deepEqual([field(root, 'lxdh').line, field(root, 'lxdh').column], [12, 4]);
    });

    it('keeps a comment trailing a one-line flow map once', () => {
      const cph = field(entity(result, 'vehicle'), 'cph');
      assert.deepEqual(cph.comments, [{ text: '车牌', line: 19, column: 49 }]);
      assert.equal(cph.description, '车牌号');
      assert.deepEqual([cph.line, cph.column], [19, 7]);
    });
  });

  describe('other names and broken input', () => {
    it('names the root by $id, then by the file name, when there is no title', async () => {
      const byId = await extractor.extract('{"$id": "urn:example:khxx.schema.json", "properties": {"khxm": {"type": "string"}}}', 'a.json');
      assert.equal(byId.entities[0].name, 'khxx');
      const byFile = await extractor.extract('{"type": "object", "properties": {"khxm": {"type": "string"}}}', 'schemas/customer_info.schema.json');
      assert.equal(byFile.entities[0].name, 'customer_info');
      assert.deepEqual([byFile.entities[0].line, byFile.entities[0].column], [1, 1]);
    });

    it('reads JSONC comments and a file cut off after a key', async () => {
      const text = [
        '{',
        '  "title": "Kh",',
        '  "type": "object",',
        '  "properties": {',
        '    "khxm": { "type": "string" }, // 客户姓名',
        '    /* @pi delete */',
        '    "sjhm": { "type": "string", },',
        '    "sfzh": ',
      ].join('\n');
      const result = await extractor.extract(text, 'kh.json');
      const kh = entity(result, 'Kh');
      assert.deepEqual(kh.fields.map((f) => [f.name, f.type]), [
        ['khxm', 'string'],
        ['sjhm', 'string'],
        ['sfzh', undefined],
      ]);
      assert.deepEqual(field(kh, 'khxm').comments, [{ text: '客户姓名', line: 5, column: 38 }]);
      assert.deepEqual(field(kh, 'sjhm').comments, [{ text: '@pi delete', line: 6, column: 8 }]);
      assert.deepEqual(result.problems.map((p) => [p.message, p.line, p.column]), [['JSON: ValueExpected', 8, 13]]);
    });

    it('lists the first 50 errors of a badly damaged file and counts the rest, still reading what it can', async () => {
      // Every duplicated property line lost its comma: one JSON error per line.
      const broken = Array.from({ length: 400 }, (_, i) => `    "f${i}": { "type": "string", "description": "姓名" }`).join('\n');
      const text = `{\n  "title": "Applicant",\n  "type": "object",\n  "properties": {\n${broken}\n  }\n}\n`;
      const result = await extractor.extract(text, 'applicant.schema.json');
      assert.equal(result.problems.length, 51);
      assert.match(result.problems[50].message, /^\d+ more JSON errors not listed\.$/);
      assert.ok(Number(/^(\d+)/.exec(result.problems[50].message)?.[1]) >= 300);
      assert.ok(entity(result, 'Applicant').fields.length > 0);
    });

    it('never throws on any prefix of a real file, on YAML errors or on non-schema JSON', async () => {
      const text = fs.readFileSync(path.join(fixtures, 'patient_intake.schema.json'), 'utf8');
      for (let cut = 0; cut <= text.length; cut += 13) {
        const partial = await extractor.extract(text.slice(0, cut), 'p.schema.json');
        assert.ok(!partial.problems.some((p) => /extractor failed/.test(p.message)));
      }
      const yaml = await extractor.extract('$schema: x\nproperties:\n  xm: {type: string\n  sfzh: [\n', 'x.schema.yaml');
      assert.ok(yaml.problems.length > 0);
      assert.ok(!yaml.problems.some((p) => /extractor failed/.test(p.message)));
      const notSchema = await extractor.extract('[1, 2, 3]', 'x.schema.json');
      assert.deepEqual(notSchema, { format: 'json-schema', entities: [], problems: [] });
    });
  });
});
