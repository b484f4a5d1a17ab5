import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ChecklistError } from '../../../src/core/checklist/checklistError';
import { readChecklistDecisions } from '../../../src/core/checklist/readChecklistDecisions';

const FIXTURES = path.join(__dirname, '../../fixtures/checklist');
const EDITED = readFileSync(path.join(FIXTURES, 'edited.yaml'), 'utf8');

describe('readChecklistDecisions', () => {
  const decisions = readChecklistDecisions(EDITED, { file: 'compliance/pi-disposition.yaml' });

  it('returns the decisions taken in the checklist, with source and line', () => {
    assert.deepEqual([...decisions.keys()].sort(), [
      'db/schema.sql#t_employee.sfzh', 'db/schema.sql#t_employee.xm', 'manual/paper-personnel-files',
    ]);
    assert.deepEqual(decisions.get('db/schema.sql#t_employee.sfzh'), {
      action: 'delete', method: '数据库物理删除并覆盖备份', extra: {}, source: 'checklist',
      declaredAt: { file: 'compliance/pi-disposition.yaml', line: 120, column: 11 },
    });
    const lines = EDITED.split('\n');
    assert.equal(lines[119].trim(), 'action: delete');
    assert.equal(decisions.get('db/schema.sql#t_employee.xm')?.action, 'anonymize', 'no declaredIn counts as the checklist');
    assert.equal(decisions.get('manual/paper-personnel-files')?.to, '上海市档案馆');
  });

  it('leaves out dispositions copied from annotations and policies', () => {
    assert.equal(decisions.has('db/schema.sql#t_salary.gz'), false);
    assert.equal(decisions.has('db/schema.sql#t_employee.sjhm'), false);
    assert.equal(decisions.has('prisma/schema.prisma#Customer.email'), false);
  });

  it('parses periods and keeps extra keys as text, and can read one system', () => {
    const text = [
      'version: 1',
      'systems:',
      '  - name: payroll',
      '    items:',
      '      - id: db/pay.sql#t_gzd.gz',
      '        disposition:',
      '          action: retain',
      '          period: 10年',
      '          basis: 税收征收管理法实施细则 第29条',
      '          extra: { archive: 档案室B, boxes: 3 }',
      '        status: todo',
      '  - name: other',
      '    items:',
      '      - id: a.sql#t.x',
      '        disposition: { action: delete }',
      '        status: todo',
    ].join('\n');
    const all = readChecklistDecisions(text);
    assert.deepEqual(all.get('db/pay.sql#t_gzd.gz')?.period, { text: '10年', months: 120 });
    assert.deepEqual(all.get('db/pay.sql#t_gzd.gz')?.extra, { archive: '档案室B', boxes: '3' });
    assert.deepEqual(all.get('db/pay.sql#t_gzd.gz')?.declaredAt, { file: 'pi-disposition.yaml', line: 7, column: 11 });
    assert.deepEqual([...readChecklistDecisions(text, { system: 'other' }).keys()], ['a.sql#t.x']);
  });

  it('reads a decision reused through an anchor', () => {
    const text = [
      'version: 1',
      'systems:',
      '  - name: hr',
      '    items:',
      '      - id: a.sql#t.x',
      '        disposition: &acct { action: retain, period: 30y, basis: 会计档案管理办法 第14条 }',
      '        status: todo',
      '      - id: a.sql#t.y',
      '        disposition: *acct',
      '        status: todo',
    ].join('\n');
    const read = readChecklistDecisions(text);
    assert.equal(read.get('a.sql#t.y')?.basis, '会计档案管理办法 第14条');
    assert.equal((read.get('a.sql#t.y')?.declaredAt as { line: number }).line, 6);
  });

  it('throws ChecklistError for a file it cannot read, and returns nothing for an empty one', () => {
    assert.throws(() => readChecklistDecisions('version: 1\nsystems: [}\n'), ChecklistError);
    assert.equal(readChecklistDecisions('').size, 0);
  });
});
