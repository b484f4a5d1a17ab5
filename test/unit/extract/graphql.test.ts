import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractGraphql, GraphqlExtractor } from '../../../src/core/extract/graphql';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { entityNamed as entity, fieldNamed as field } from './extractorTestKit';

const fixtures = path.join(__dirname, '../../fixtures/extract/graphql');
const extractor = new GraphqlExtractor();

function extractFixture(name: string): Promise<ExtractionResult> {
  const file = path.join(fixtures, name);
  return extractor.extract(fs.readFileSync(file, 'utf8'), file);
}

describe('GraphqlExtractor', () => {
  it('accepts .graphql, .graphqls and .gql files, not code that embeds SDL', () => {
    assert.equal(extractor.accepts('schema/tenant.graphql'), true);
    assert.equal(extractor.accepts('schema/tenant.gql'), true);
    assert.equal(extractor.accepts('schema/tenant.graphqls'), true);
    assert.equal(extractor.accepts('src/schema.ts'), false);
  });

  describe('a schema with types, inputs, interfaces and extensions (tenant_portal.graphql)', () => {
    let result: ExtractionResult;
    before(async () => {
      result = await extractFixture('tenant_portal.graphql');
    });

    it('reads object types, interfaces and inputs; skips the root operation types named in `schema`, enums, scalars and unions', () => {
      assert.deepEqual(
        result.entities.map((e) => [e.name, e.kind]),
        [
          ['Tenant', 'type'],
          ['Node', 'type'],
          ['FamilyMember', 'type'],
          ['VisitorInput', 'type'],
          ['Visitor', 'type'],
          ['Vehicle', 'type'],
        ],
      );
      assert.deepEqual(result.problems, []);
    });

    it('takes the block description and the # comment between it and `type` for the entity', () => {
      const tenant = entity(result, 'Tenant');
      assert.deepEqual([tenant.line, tenant.column], [21, 6]);
      assert.equal(tenant.description, '住户(自然人)');
      assert.deepEqual(tenant.comments, [{ text: '@pi retain 3y basis="物业服务合同"', line: 20, column: 3 }]);
    });

    it('reads fields with types as written and "…" / """…""" descriptions', () => {
      const tenant = entity(result, 'Tenant');
      assert.deepEqual(
        tenant.fields.map((f) => [f.name, f.type, f.line, f.column]),
        [
          ['id', 'ID!', 22, 3],
          ['zhxm', 'String!', 24, 3],
          ['sfzh', 'String', 30, 3],
          ['sjhm', 'String', 31, 3],
          ['roomNo', 'String!', 32, 3],
          ['familyMembers', '[FamilyMember!]!', 33, 3],
        ],
      );
      assert.equal(field(tenant, 'zhxm').description, '住户姓名');
      assert.equal(field(tenant, 'sfzh').description, '身份证号\n仅物业前台可见');
    });

    it('finds # comments between a description and its field, and trailing ones', () => {
      const tenant = entity(result, 'Tenant');
      assert.deepEqual(field(tenant, 'sfzh').comments, [{ text: '@pi anonymize method=mask', line: 29, column: 5 }]);
      assert.deepEqual(field(tenant, 'sjhm').comments, [{ text: '手机号码', line: 31, column: 18 }]);
      assert.deepEqual(field(tenant, 'roomNo').comments, []);
      assert.deepEqual(field(entity(result, 'FamilyMember'), 'yhzgx').comments, [{ text: '与户主关系', line: 44, column: 5 }]);
    });

    it('does not give the file header comment to the schema block or any type', () => {
      const all = result.entities.flatMap((e) => [...e.comments, ...e.fields.flatMap((f) => f.comments)]);
      assert.ok(!all.some((c) => c.text.includes('物业租户门户')));
    });

    it('keeps literal defaults of input fields', () => {
      const input = entity(result, 'VisitorInput');
      assert.equal(input.description, '访客登记');
      assert.equal(field(input, 'carPlate').defaultValue, '沪A00000');
      assert.equal(field(input, 'visitCount').defaultValue, '1');
      assert.equal(field(input, 'tags').defaultValue, '["临时"]');
      assert.equal(field(input, 'fkxm').defaultValue, undefined);
    });

    it('merges `extend type` into a type of the same file, and keeps an extension of a type declared elsewhere', () => {
      const visitor = entity(result, 'Visitor');
      assert.deepEqual([visitor.line, visitor.column], [58, 6]);
      assert.deepEqual(
        visitor.fields.map((f) => [f.name, f.line]),
        [
          ['id', 59],
          ['mobile', 64],
        ],
      );
      assert.deepEqual(field(visitor, 'mobile').comments, [{ text: '访客手机号', line: 63, column: 5 }]);
      const vehicle = entity(result, 'Vehicle');
      assert.deepEqual([vehicle.line, vehicle.column], [67, 13]);
      assert.deepEqual(field(vehicle, 'plateNo').comments, [{ text: '车牌号', line: 68, column: 22 }]);
    });
  });

  it('skips Query, Mutation and Subscription when there is no schema block', async () => {
    const text = 'type Query { member(sjhm: String!): Member }\ntype Member { sjhm: String }\nextend type Mutation { ping: Int }\n';
    const result = await extractor.extract(text, 'member.graphql');
    assert.deepEqual(result.entities.map((e) => e.name), ['Member']);
  });

  describe('half-written input', () => {
    it('reads around a broken line and a definition cut off at the end of the file', async () => {
      const result = await extractFixture('half_written.graphql');
      assert.deepEqual(
        result.entities.map((e) => [e.name, e.fields.map((f) => f.name)]),
        [
          ['Member', ['id', 'hyxm', 'email']],
          ['Order', ['ddh', 'shrxm']],
          ['PointLog', ['memberId', 'points']],
        ],
      );
      const member = entity(result, 'Member');
      assert.equal(member.description, '会员');
      assert.deepEqual([field(member, 'email').line, field(member, 'email').column], [7, 3]);
      assert.deepEqual(field(entity(result, 'Order'), 'shrxm').comments, [{ text: '收货人姓名', line: 12, column: 19 }]);
      assert.deepEqual(
        result.problems.map((p) => [p.line, p.column]),
        [
          [6, 8],
          [20, 1],
        ],
      );
      assert.match(result.problems[0].message, /Expected ":"/);
    });

    it('reads an input type past two broken lines', () => {
      const text = ['input Apply {', '  xm: String', '  sfzh String', '  sjhm: String = "1"', '  dz String', '  yx: String', '}', ''].join('\n');
      const result = extractGraphql(text);
      assert.deepEqual(result.entities[0].fields.map((f) => [f.name, f.line, f.defaultValue]), [
        ['xm', 2, undefined],
        ['sjhm', 4, '1'],
        ['yx', 6, undefined],
      ]);
      assert.deepEqual(result.problems.map((p) => p.line), [3, 5]);
    });

    it('never quotes a string or number literal in a problem message (it may be a PI value)', () => {
      for (const text of ['type Kh { sjh: "13800138000" }', 'type Kh { sjh: 13800138000 }', 'input Kh { sfzh: String = "110101199003071234" sjh String = 1 }']) {
        const result = extractGraphql(text);
        assert.ok(result.problems.length > 0, text);
        for (const problem of result.problems) assert.doesNotMatch(problem.message, /110101199003071234|13800138000/);
      }
    });

    it('never throws on any prefix of a real file, on garbage or on CRLF text', () => {
      const text = fs.readFileSync(path.join(fixtures, 'tenant_portal.graphql'), 'utf8');
      for (let cut = 0; cut <= text.length; cut += 11) {
        assert.equal(extractGraphql(text.slice(0, cut)).format, 'graphql');
      }
      assert.ok(extractGraphql('type { } } """ 未结束').problems.length > 0);
      const crlf = extractGraphql('type Kh {\r\n  # 客户姓名\r\n  khxm: String\r\n}\r\n');
      assert.deepEqual(crlf.entities[0].fields[0].comments, [{ text: '客户姓名', line: 2, column: 5 }]);
      assert.deepEqual([crlf.entities[0].fields[0].line, crlf.entities[0].fields[0].column], [3, 3]);
    });
  });
});
