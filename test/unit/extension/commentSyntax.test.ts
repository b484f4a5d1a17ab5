import { strict as assert } from 'node:assert';
import { commentLine, commentSyntaxFor } from '../../../src/extension/commentSyntax';

describe('extension: comment syntax per file', () => {
  const cases: [string, string | undefined, string | null][] = [
    ['db/hr_schema.sql', 'sql', '-- @pi delete'],
    ['db/legacy.DDL', undefined, '-- @pi delete'],
    ['src/member.entity.ts', 'typescript', '// @pi delete'],
    ['src/profile.tsx', 'typescriptreact', '// @pi delete'],
    ['src/member.schema.js', 'javascript', '// @pi delete'],
    ['src/Member.java', 'java', '// @pi delete'],
    ['models/member.go', 'go', '// @pi delete'],
    ['Entities/Employee.cs', 'csharp', '// @pi delete'],
    ['prisma/schema.prisma', 'prisma', '// @pi delete'],
    ['proto/payroll.proto', 'proto3', '// @pi delete'],
    ['clinic/models.py', 'python', '# @pi delete'],
    ['api/hr_api.yaml', 'yaml', '# @pi delete'],
    ['api/hr_api.yml', 'yaml', '# @pi delete'],
    ['schema/tenant.graphql', 'graphql', '# @pi delete'],
    ['schema/tenant.gql', undefined, '# @pi delete'],
    ['mapper/CustomerMapper.xml', 'xml', '<!-- @pi delete -->'],
    ['fixtures/member.fixture.json', 'json', null],
    ['dictionary/hr.csv', 'csv', null],
  ];
  for (const [file, languageId, expected] of cases) {
    it(`${file} → ${expected ?? 'no annotation (checklist only)'}`, () => {
      const syntax = commentSyntaxFor(file, languageId);
      assert.equal(syntax === null ? null : commentLine(syntax, '@pi delete'), expected);
    });
  }

  it('falls back to the language id for a file name without a known extension', () => {
    assert.equal(commentLine(commentSyntaxFor('Untitled-1', 'sql') ?? { kind: 'line', prefix: '?' }, '@pi delete'), '-- @pi delete');
    assert.equal(commentSyntaxFor('Untitled-1', 'markdown'), null);
  });

  it('refuses what would break an XML comment or span lines', () => {
    const xml = commentSyntaxFor('a.xml');
    assert.ok(xml);
    assert.equal(commentLine(xml, '@pi retain 2y basis="a -- b"'), null);
    assert.equal(commentLine(xml, '@pi delete -->'), null);
    assert.equal(commentLine({ kind: 'line', prefix: '--' }, '@pi delete\n@pi anonymize'), null);
  });
});
