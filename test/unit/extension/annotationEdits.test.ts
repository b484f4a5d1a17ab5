import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { annotationInsertion, annotationRemoval, annotationReplacement, decoratorStart } from '../../../src/extension/annotationEdits';
import { commentSyntaxFor } from '../../../src/extension/commentSyntax';
import type { Decision } from '../../../src/extension/decision';
import { SingleFileAudit } from './engineHarness';

const root = path.join(__dirname, '../../..');

/** Files of every format that holds comments, from the fixtures and the bundled example. */
const FILES = [
  'examples/subsidiary/hr-db/hr_schema.sql',
  'examples/subsidiary/mall-api/order.entity.ts',
  'examples/subsidiary/member-service/schema.prisma',
  'examples/subsidiary/clinic/models.py',
  'test/fixtures/extract/sql/sqlite_app.sql',
  'test/fixtures/extract/typescript/member.sequelize.ts',
  'test/fixtures/extract/typescript/behavior.mongoose.js',
  'test/fixtures/extract/java/EmployeeRecords.java',
  'test/fixtures/extract/csharp/HrEntities.cs',
  'test/fixtures/extract/go/member_models.go',
  'test/fixtures/extract/protobuf/payroll.proto',
  'test/fixtures/extract/graphql/tenant_portal.graphql',
  'test/fixtures/extract/openapi/hr_api.yaml',
  'test/fixtures/extract/mybatis/CustomerMapper.xml',
  'test/fixtures/extract/python/hr_django_models.py',
];

function insert(text: string, line: number, lineText: string): string {
  const lines = text.split('\n');
  lines.splice(line, 0, lineText);
  return lines.join('\n');
}

describe('extension: inserting @pi annotations that the engine reads', () => {
  const engine = new SingleFileAudit();

  for (const file of FILES) {
    it(`${path.basename(file)}: every undecided field can be declared above it, and only that field changes`, async () => {
      const text = readFileSync(path.join(root, file), 'utf8');
      const rel = path.basename(file);
      const before = await engine.audit(rel, text);
      const all = await engine.fields(rel, text);
      const undecided = before.fields.filter((f) => f.disposition === null);
      assert.ok(undecided.length > 0, 'the fixture has undecided PI fields');
      let declared = 0;
      for (const field of undecided) {
        const sharesLine = all.some((f) => f.line === field.line && f.id !== field.id);
        const decision: Decision = { action: 'anonymize', method: 'hash' };
        const insertion = annotationInsertion((n) => before.lines[n - 1] ?? '', rel, field.line, sharesLine, commentSyntaxFor(rel), decision);
        if (sharesLine) {
          assert.equal(insertion, null, `${field.id} shares its line: no annotation that would cover two fields`);
          continue;
        }
        assert.ok(insertion, `${field.id} can be annotated`);
        assert.ok(insertion.line < field.line, 'the annotation goes above the field');
        const after = await engine.audit(rel, insert(text, insertion.line, insertion.text));
        const changed = after.fields.filter((f) => f.disposition?.action === 'anonymize' && before.fields.find((b) => b.id === f.id)?.disposition === null);
        assert.deepEqual(changed.map((f) => f.id), [field.id], `${insertion.text} above line ${field.line} declares exactly ${field.id}`);
        assert.equal(after.diagnostics.filter((d) => d.rule === 'pi/invalid-annotation').length, before.diagnostics.filter((d) => d.rule === 'pi/invalid-annotation').length);
        declared++;
      }
      assert.ok(declared > 0, 'at least one field was declared');
    });
  }

  it('puts the annotation above a field’s decorators, keeping their indentation', () => {
    const lines = [
      'export class Member {',
      '  @Column({',
      "    name: 'mobile',",
      '    length: 20,',
      '  })',
      '  @Index()',
      '  mobile!: string;',
      '}',
    ];
    const lineAt = (n: number): string => lines[n - 1] ?? '';
    assert.equal(decoratorStart(lineAt, 7), 2);
    assert.deepEqual(annotationInsertion(lineAt, 'member.entity.ts', 7, false, commentSyntaxFor('member.entity.ts'), { action: 'delete' }), { line: 1, text: '  // @pi delete' });
  });

  it('does not climb over a statement, a blank line or a comment to find decorators', () => {
    const lines = ['  id!: number;', '  @Column()', '  mobile!: string;'];
    assert.equal(decoratorStart((n) => lines[n - 1] ?? '', 3), 2);
    const plain = ['  foo(bar)', '', '  mobile!: string;'];
    assert.equal(decoratorStart((n) => plain[n - 1] ?? '', 3), 3);
    const commented = ['  // a note', '  @Column()', '  mobile!: string;'];
    assert.equal(decoratorStart((n) => commented[n - 1] ?? '', 3), 2);
  });

  it('reads C# attributes as decorators, and Go, SQL or Python lines never', () => {
    const cs = ['    [Column("id_card")]', '    [MaxLength(18)]', '    public string IdCard { get; set; }'];
    assert.equal(decoratorStart((n) => cs[n - 1] ?? '', 3), 1);
    const sql = ['  `a` int,', '  `sfzh` varchar(18),'];
    assert.deepEqual(annotationInsertion((n) => sql[n - 1] ?? '', 'x.sql', 2, false, commentSyntaxFor('x.sql'), { action: 'delete' }), { line: 1, text: '  -- @pi delete' });
  });

  it('offers no annotation where the file has no comments (JSON, CSV)', () => {
    for (const file of ['member.fixture.json', 'hr_dictionary.csv']) {
      assert.equal(annotationInsertion(() => '  "mobile": "x"', file, 3, false, commentSyntaxFor(file), { action: 'delete' }), null);
    }
  });
});

describe('extension: replacing and removing an annotation', () => {
  it('replaces the annotation at its column, keeping the rest of the line', () => {
    const line = '  // @pi retain 3y';
    assert.deepEqual(annotationReplacement(line, 13, 6, { action: 'retain', period: '3y', basis: '电子商务法 第三十一条' }), { line: 12, start: 5, end: 18, text: '@pi retain 3y basis="电子商务法 第三十一条"' });
  });

  it('replaces an annotation ending at a block comment closer, leaving the closer', () => {
    const line = '  /* @pi transfer */ phone: string;';
    const replace = annotationReplacement(line, 1, 6, { action: 'transfer', to: 'A', contact: 'b@c.d' });
    assert.ok(replace);
    const result = line.slice(0, replace.start) + replace.text + line.slice(replace.end);
    assert.equal(result, '  /* @pi transfer to=A contact="b@c.d" */ phone: string;');
  });

  it('doubles single quotes when the annotation sits in a SQL string', () => {
    const line = "  `sfzh` varchar(18) COMMENT '身份证号 @pi retain 3y',";
    const replace = annotationReplacement(line, 4, 3, { action: 'ignore', reason: "it's a test" });
    assert.ok(replace);
    assert.equal(replace.text, "@pi ignore reason=\"it''s a test\"");
    assert.equal(line.slice(replace.end), "',", 'the string and the line go on after the annotation');
  });

  it('refuses a replacement that would close the comment early', () => {
    assert.equal(annotationReplacement('/* @pi delete */', 1, 4, { action: 'ignore', reason: 'x */ y' }), null);
  });

  it('removes a comment line that holds only the annotation, and only the annotation otherwise', () => {
    assert.deepEqual(annotationRemoval('  // @pi purge', 25, 6), { deleteLine: 24 });
    assert.deepEqual(annotationRemoval('  <!-- @pi purge -->', 3, 8), { deleteLine: 2 });
    assert.deepEqual(annotationRemoval('  # 联系人 @pi purge', 3, 9), { line: 2, start: 7, end: 17, text: '' });
    assert.equal(annotationRemoval('  // nothing here', 3, 6), null);
  });
});
