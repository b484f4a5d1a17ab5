import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { OpenApiExtractor } from '../../../src/core/extract/schemaTree/openapi';
import { entityNamed as entity, fieldNamed as field } from './extractorTestKit';

const fixtures = path.join(__dirname, '../../fixtures/extract/openapi');
const extractor = new OpenApiExtractor();

function extractFixture(name: string): Promise<ExtractionResult> {
  const file = path.join(fixtures, name);
  return extractor.extract(fs.readFileSync(file, 'utf8'), file);
}

describe('OpenApiExtractor', () => {
  it('accepts YAML and JSON documents with a top-level openapi or swagger version', () => {
    assert.equal(extractor.accepts('api/hr.yaml', 'openapi: 3.0.3\ninfo:\n'), true);
    assert.equal(extractor.accepts('api/hr.yml', '# 人事接口\nswagger: "2.0"\n'), true);
    assert.equal(extractor.accepts('api/hr.json', '{\n  "openapi": "3.1.0",\n'), true);
    assert.equal(extractor.accepts('api/hr.json', '{"swagger":"2.0","info":{}}'), true);
    assert.equal(extractor.accepts('api/hr.yaml', 'info:\n  openapi-generator: true\n'), false);
    assert.equal(extractor.accepts('api/notes.md', 'openapi: 3.0.3'), false);
    assert.equal(extractor.accepts('docker-compose.yaml', 'services:\n  web: {}\n'), false);
  });

  describe('an OpenAPI 3 document with comments (hr_api.yaml)', () => {
    let result: ExtractionResult;
    before(async () => {
      result = await extractFixture('hr_api.yaml');
    });

    it('makes an entity of each components.schemas entry with properties, and of nested objects', () => {
      assert.deepEqual(
        result.entities.map((e) => [e.name, e.parent, e.line, e.column]),
        [
          ['Employee', undefined, 18, 5],
          ['emergencyContact', 'Employee', 39, 9],
          ['bankCards', 'Employee', 47, 9],
          ['Manager', undefined, 57, 5],
          ['Department', undefined, 65, 5],
        ],
      );
      assert.deepEqual(result.problems, []);
    });

    it('takes the # comment above a schema as the entity comment and its description', () => {
      const employee = entity(result, 'Employee');
      assert.equal(employee.kind, 'object');
      assert.equal(employee.description, '员工档案');
      assert.deepEqual(employee.comments, [{ text: '员工档案 @pi retain 2y basis="劳动合同法 第五十条"', line: 17, column: 7 }]);
    });

    it('reads properties with types, descriptions, positions and # comments', () => {
      const employee = entity(result, 'Employee');
      assert.deepEqual(
        employee.fields.map((f) => [f.name, f.type, f.line, f.column]),
        [
          ['gh', 'string', 23, 9],
          ['xm', 'string', 26, 9],
          ['sfzh', 'string', 30, 9],
          ['sjhm', 'string', 33, 9],
          ['csrq', 'string($date)', 36, 9],
          ['department', 'Department', 55, 9],
        ],
      );
      assert.equal(field(employee, 'sfzh').description, '身份证号');
      assert.deepEqual(field(employee, 'sfzh').comments, [{ text: '@pi anonymize method=mask', line: 29, column: 11 }]);
      assert.deepEqual(field(employee, 'sjhm').comments, [{ text: '示例号码, 非真实', line: 35, column: 38 }]);
    });

    it('never copies example values into what it extracts', () => {
      assert.ok(!JSON.stringify(result).includes('13800138000'));
    });

    it('names nested objects and arrays of objects by their key', () => {
      assert.equal(entity(result, 'emergencyContact').description, '紧急联系人');
      assert.deepEqual(entity(result, 'emergencyContact').fields.map((f) => f.name), ['lxrxm', 'lxrdh']);
      assert.deepEqual(entity(result, 'bankCards').fields.map((f) => [f.name, f.description]), [['yhkh', '银行卡号']]);
    });

    it('merges inline allOf members, without copying the referenced schema', () => {
      assert.deepEqual(entity(result, 'Manager').fields.map((f) => [f.name, f.line]), [['glfw', 62]]);
    });

    it('reads flow-style property schemas and skips schemas that are not objects', () => {
      assert.deepEqual(field(entity(result, 'Department'), 'bmmc').description, '部门名称');
      assert.ok(!result.entities.some((e) => e.name === 'Status'));
    });
  });

  it('reads Swagger 2 definitions from JSON', async () => {
    const result = await extractFixture('legacy_swagger.json');
    assert.deepEqual(
      result.entities.map((e) => [e.name, e.fields.map((f) => [f.name, f.type])]),
      [
        [
          'Member',
          [
            ['hyid', 'integer($int64)'],
            ['khxm', 'string'],
            ['email', 'string($email)'],
            ['addresses', 'array<Address>'],
          ],
        ],
        ['Address', [['shdz', 'string']]],
      ],
    );
    const khxm = field(entity(result, 'Member'), 'khxm');
    assert.deepEqual([khxm.line, khxm.column, khxm.description], [10, 10, '客户姓名']);
    assert.equal(field(entity(result, 'Member'), 'email').defaultValue, '');
  });

  it('follows YAML anchors and merge keys, but not an alias to its own ancestor', async () => {
    const text = [
      'openapi: 3.0.0',
      'components:',
      '  schemas:',
      '    Person: &person',
      '      type: object',
      '      properties: &personProps',
      '        xm: {type: string}',
      '        parent: *person',
      '    Customer:',
      '      properties:',
      '        <<: *personProps',
      '        khbh: {type: string}',
      '',
    ].join('\n');
    const result = await extractor.extract(text, 'api.yaml');
    assert.deepEqual(
      result.entities.map((e) => [e.name, e.parent, e.fields.map((f) => [f.name, f.line])]),
      [
        ['Person', undefined, [['xm', 7], ['parent', 8]]],
        ['Customer', undefined, [['xm', 7], ['khbh', 12]]],
        // Merged into Customer, `parent: *person` is a Person object one level down: a nested entity.
        ['parent', 'Customer', [['xm', 7], ['parent', 8]]],
      ],
    );
    assert.deepEqual(result.problems.map((p) => [p.line, p.column]), [[8, 17]]);
    assert.match(result.problems[0].message, /own ancestor/);
  });

  describe('broken and hostile input', () => {
    it('reads what it can of a document with YAML errors', async () => {
      const text = 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Kh:\n      properties:\n        khxm: {type: string\n        sjhm:\n          type: [string\n';
      const result = await extractor.extract(text, 'api.yaml');
      assert.deepEqual(entity(result, 'Kh').fields.map((f) => f.name), ['khxm', 'sjhm']);
      assert.ok(result.problems.length > 0);
      assert.ok(result.problems.every((p) => p.message.startsWith('YAML: ')));
    });

    it('stops expanding aliases that multiply (a "billion laughs" file) and records it', async () => {
      const lines = ['openapi: 3.0.0', 'x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < 9; i++) lines.push(`x${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
      const started = Date.now();
      const result = await extractor.extract(lines.join('\n'), 'bomb.yaml');
      assert.ok(Date.now() - started < 5000);
      assert.ok(result.problems.some((p) => /not expanded further/.test(p.message)));
    });

    it('never throws on any prefix of a real file', async () => {
      const text = fs.readFileSync(path.join(fixtures, 'hr_api.yaml'), 'utf8');
      for (let cut = 0; cut <= text.length; cut += 17) {
        const partial = await extractor.extract(text.slice(0, cut), 'hr_api.yaml');
        assert.ok(!partial.problems.some((p) => /extractor failed/.test(p.message)));
      }
    });
  });
});
