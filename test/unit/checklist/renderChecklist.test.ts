import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { generateChecklist } from '../../../src/core/checklist/generateChecklist';
import { mergeChecklist } from '../../../src/core/checklist/mergeChecklist';
import type { ChecklistData, ChecklistInput, ChecklistItemData } from '../../../src/core/checklist/model';
import { field, isCanonical, mergedPrintingWhole, reprinted, sampleInput, schemaErrors } from './helpers';

const EDITED = readFileSync(path.join(__dirname, '../../fixtures/checklist/edited.yaml'), 'utf8');

/** The sample with every field two lines lower. */
function moved(): ChecklistInput {
  const input = sampleInput();
  for (const system of input.systems) {
    for (const item of system.items) item.finding = { ...item.finding, line: item.finding.line + 2 };
  }
  return input;
}

/** The sample as the tool writes it, with a comment spaced the way a person typed it. */
function typed(): string {
  return generateChecklist(sampleInput())
    .replace('      - id: db/schema.sql#t_employee.sfzh\n', '      - id: db/schema.sql#t_employee.sfzh   #   看这里\n')
    .replace(/( {8}owner: )""(\n[\s\S]*?#t_employee\.sjhm)/, "$1'人事部'$2");
}
const TYPED_MARK = '      - id: db/schema.sql#t_employee.sfzh   #   看这里\n';

function items(text: string, system: string): Map<string, ChecklistItemData> {
  const found = (parse(text) as ChecklistData).systems.find((s) => s.name === system);
  return new Map((found?.items ?? []).map((item) => [item.id, item]));
}

/** Lines of `after` that differ from `before` (same number of lines). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(b.length, a.length);
  return b.filter((line, i) => line !== a[i]);
}

describe('writing the merged checklist back', () => {
  it('gives back the very same text when nothing changed, spacing and comments people typed included', () => {
    assert.ok(!isCanonical(typed()), 'the typed layout is not the one the tool prints');
    assert.equal(mergeChecklist(typed(), sampleInput()), typed());
  });

  it('changes only the values that changed when fields moved, exactly as printing the whole document would', () => {
    const before = generateChecklist(sampleInput());
    const after = mergeChecklist(before, moved());
    assert.equal(after, mergedPrintingWhole(before, moved()));
    assert.deepEqual(changedLines(before, after), [
      '        location: prisma/schema.prisma:10',
      '        location: prisma/schema.prisma:11',
      '        location: prisma/schema.prisma:22',
      '        location: db/schema.sql:15',
      '        location: db/schema.sql:16',
      '        location: db/schema.sql:17',
      '        location: db/schema.sql:33',
      '        location: src/main/java/com/example/hr/Employee.java:24',
    ]);
    // Over a layout people typed, the same lines change and theirs stay as typed.
    assert.deepEqual(changedLines(typed(), mergeChecklist(typed(), moved())), changedLines(before, after));
  });

  it('quotes a new value exactly where printing the whole document quotes it', () => {
    const before = generateChecklist(sampleInput());
    const odd = ['123', 'yes', 'null', 'true', '1e3', '0x1F', '~', 'a: b', '#x', '- x', ' lead', "it's", '"q"', '@at', '*star', '&amp', '!bang', '%pct', '`tick', '[x]', '{y}', 'a #b', '—— 中文 名称', 'tab\there', ''];
    for (const value of odd) {
      const input = sampleInput();
      input.legalEntity = { ...input.legalEntity, name: value || 'x', successor: value, successorContact: `${value}:` };
      const after = mergeChecklist(before, input);
      assert.equal(after, mergedPrintingWhole(before, input), JSON.stringify(value));
      assert.ok(mergeChecklist(typed(), input).includes(TYPED_MARK), `${JSON.stringify(value)} is written in place`);
      const data = parse(after) as ChecklistData;
      assert.equal(data.legalEntity?.successorContact, `${value}:`, JSON.stringify(value));
      assert.deepEqual(schemaErrors(after), []);
    }
  });

  it('when items are added or gone, copies the items that did not change from the source and prints the rest', () => {
    const before = generateChecklist(sampleInput());
    const added = moved();
    added.systems[0].items.push(field('db/schema.sql', 40, 't_employee', 'jtdz', 'basic.address'));
    added.systems[0].items.splice(1, 1); // t_employee.xm leaves the code
    const after = mergeChecklist(before, added);
    assert.equal(after, mergedPrintingWhole(before, added));
    assert.equal(items(after, 'hr-system').get('db/schema.sql#t_employee.jtdz')?.status, 'todo');
    assert.equal(items(after, 'hr-system').get('db/schema.sql#t_employee.sfzh')?.location, 'db/schema.sql:16');
    assert.equal(items(after, 'hr-system').get('db/schema.sql#t_employee.xm')?.gone, true);
    const overTyped = mergeChecklist(typed(), added);
    assert.ok(overTyped.includes(TYPED_MARK), 'an item that only changed values keeps its text as typed');
    assert.equal(reprinted(overTyped), mergedPrintingWhole(typed(), added));
  });

  it('keeps CRLF line ends when only values change; otherwise prints the whole document, as before', () => {
    const crlf = generateChecklist(sampleInput()).replace(/\n/g, '\r\n');
    const movedText = mergeChecklist(crlf, moved());
    assert.equal(movedText.split('\r\n').length, movedText.split('\n').length);
    const added = sampleInput();
    added.systems[0].items.push(field('db/schema.sql', 40, 't_employee', 'jtdz', 'basic.address'));
    assert.equal(mergeChecklist(crlf, added), mergedPrintingWhole(crlf, added));
  });

  it('prints the whole document when a new value needs more than one line', () => {
    const before = generateChecklist(sampleInput());
    const multiLine = sampleInput();
    multiLine.legalEntity = { ...multiLine.legalEntity, successor: '第一行\n第二行' };
    assert.equal(mergeChecklist(before, multiLine), mergedPrintingWhole(before, multiLine));
    assert.ok(!mergeChecklist(typed(), multiLine).includes(TYPED_MARK), 'printed whole, in the tool\'s layout');
    assert.equal((parse(mergeChecklist(before, multiLine)) as ChecklistData).legalEntity?.successor, '第一行\n第二行');
  });

  it('prints the whole document when a changed value sits in a flow mapping', () => {
    const flow = generateChecklist(sampleInput()).replace(/legalEntity:\n(?: {2}.*\n)+/, 'legalEntity: { name: 旧名称, creditCode: 91310115MA1H7GH2X4 }\n');
    const after = mergeChecklist(flow, sampleInput());
    assert.equal(after, mergedPrintingWhole(flow, sampleInput()));
    assert.equal((parse(after) as ChecklistData).legalEntity?.name, '上海示例信息技术有限公司');
  });

  it('keeps a hand-edited checklist readable and valid, whichever way it is written back', () => {
    for (const input of [sampleInput(), moved()]) {
      const after = mergeChecklist(EDITED, input);
      assert.deepEqual(parse(after), parse(mergedPrintingWhole(EDITED, input)));
      assert.deepEqual(schemaErrors(after), []);
      assert.equal(mergeChecklist(after, input), after);
    }
  });
});
