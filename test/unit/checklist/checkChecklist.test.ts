import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkChecklist } from '../../../src/core/checklist/checkChecklist';
import { formatChecklistProblem } from '../../../src/core/checklist/checklistError';
import { generateChecklist } from '../../../src/core/checklist/generateChecklist';
import { mergeChecklist } from '../../../src/core/checklist/mergeChecklist';
import { parseChecklist, type ParsedChecklist } from '../../../src/core/checklist/parseChecklist';
import { annotated, field, sampleInput } from './helpers';

const FIXTURES = path.join(__dirname, '../../fixtures/checklist');
const EDITED = readFileSync(path.join(FIXTURES, 'edited.yaml'), 'utf8');

describe('checkChecklist (--check)', () => {
  it('reports nothing for a checklist that is up to date and fully decided', () => {
    const input = sampleInput();
    for (const system of input.systems) {
      for (const item of system.items) item.disposition ??= annotated('delete');
    }
    assert.deepEqual(checkChecklist(generateChecklist(input), input), []);
  });

  it('reports a missing file', () => {
    assert.deepEqual(checkChecklist(undefined, sampleInput()).map(formatChecklistProblem), [
      'pi-disposition.yaml:1:1: the checklist does not exist; run pi-audit checklist to write it',
    ]);
  });

  it('reports new PI fields at their place in the code, undecided fields and gone fields still open at their line in the checklist', () => {
    const input = sampleInput();
    const hr = input.systems[0];
    hr.items = hr.items.filter((i) => i.finding.field !== 'bankCardNo');
    hr.items.push(field('db/schema.sql', 18, 't_employee', 'jtdz', 'basic.address'));
    const problems = checkChecklist(EDITED, input);
    assert.deepEqual(problems.map((p) => `${p.kind} ${formatChecklistProblem(p)}`), [
      'missing db/schema.sql:18:3: PI field t_employee.jtdz is not in pi-disposition.yaml; run pi-audit checklist to add it',
      'gone-open pi-disposition.yaml:166:9: Employee.bankCardNo is no longer in the code but its item is still "todo"; finish it (done or verified)',
      'undecided pi-disposition.yaml:48:9: PI field Customer.name has no disposition: add @pi in the code or a disposition (declaredIn: checklist) here',
    ]);
    assert.equal(problems[0].fieldId, 'db/schema.sql#t_employee.jtdz');
    assert.equal(problems[1].system, 'hr-system');
    // The business field (商业秘密) is not PI: undecided or not, it is not reported.
    assert.ok(!problems.some((p) => p.fieldId?.includes('Contract.amount')));
  });

  it('does not report a gone field whose item is done, nor manual items', () => {
    const input = sampleInput();
    input.systems[0].items = input.systems[0].items.filter((i) => i.finding.field !== 'bankCardNo');
    const closed = EDITED.replace(/(bankCardNo[\s\S]*?status: )todo/, '$1done');
    assert.ok(!checkChecklist(closed, input).some((p) => p.kind === 'gone-open'));
  });

  it('reports a checklist decision that an annotation in the code overrides', () => {
    const input = sampleInput();
    input.systems[0].items[0] = field('db/schema.sql', 14, 't_employee', 'sfzh', 'identity.id_number', {
      disposition: annotated('retain', { period: { text: '2y', months: 24 } }),
    });
    const conflict = checkChecklist(EDITED, input).find((p) => p.kind === 'conflict');
    assert.equal(conflict && formatChecklistProblem(conflict),
      'pi-disposition.yaml:120:11: the decision here (delete) differs from the @pi annotation in the code (retain), which takes precedence');
  });

  it('reports a stale file when nothing else is wrong', () => {
    const input = sampleInput();
    for (const system of input.systems) {
      for (const item of system.items) item.disposition ??= annotated('delete');
    }
    const current = generateChecklist(input);
    input.systems[0].items[0].finding.line = 40;
    assert.deepEqual(checkChecklist(current, input).map(formatChecklistProblem), [
      'pi-disposition.yaml:1:1: the checklist is out of date; run pi-audit checklist to update it',
    ]);
    assert.deepEqual(checkChecklist(mergeChecklist(current, input), input), []);
  });

  it('finds the same with a parse made earlier (when the CLI read the decisions), and parses anew when the text differs', () => {
    const input = sampleInput();
    const parsed = (text: string): ParsedChecklist => parseChecklist(text, 'pi-disposition.yaml');
    const moved = mergeChecklist(EDITED, input).replace('db/schema.sql:14', 'db/schema.sql:99');
    for (const text of [EDITED, moved]) {
      const fresh = checkChecklist(text, input);
      assert.ok(fresh.length > 0);
      assert.deepEqual(checkChecklist(text, input, undefined, undefined, parsed(text)), fresh);
      assert.deepEqual(checkChecklist(text, input, undefined, undefined, parsed(generateChecklist(input))), fresh);
    }
    // Nothing wrong but a moved field: the staleness test merges over the same parse.
    for (const system of input.systems) {
      for (const item of system.items) item.disposition ??= annotated('delete');
    }
    const current = generateChecklist(input);
    assert.deepEqual(checkChecklist(current, input, undefined, undefined, parsed(current)), []);
    input.systems[0].items[0].finding.line = 40;
    assert.deepEqual(checkChecklist(current, input, undefined, undefined, parsed(current)).map((p) => p.kind), ['stale']);
  });

  it('returns parse and schema errors as problems instead of throwing', () => {
    const problems = checkChecklist(readFileSync(path.join(FIXTURES, 'invalid-schema.yaml'), 'utf8'), sampleInput(), 'compliance/pi.yaml');
    assert.deepEqual(problems.map((p) => `${p.kind} ${p.file}:${p.line}`), ['invalid compliance/pi.yaml:103', 'invalid compliance/pi.yaml:124']);
  });
});
