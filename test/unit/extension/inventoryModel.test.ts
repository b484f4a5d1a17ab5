import { strict as assert } from 'node:assert';
import type { Disposition } from '../../../src/core/disposition/model';
import type { AuditedField } from '../../../src/core/scan/scanResult';
import { countFields, fieldState } from '../../../src/extension/fieldState';
import { buildInventory, inventoryRows } from '../../../src/extension/inventoryModel';
import { finding } from '../disposition/findingFixture';

const declared = (action: Disposition['action']): Disposition => ({ action, extra: {}, source: 'annotation', declaredAt: { file: 'x', line: 1, column: 1 } });

function field(file: string, entity: string, name: string, line: number, sensitive: boolean, disposition: Disposition | null): AuditedField {
  return { ...finding({ file, entity, field: name, line, sensitive, category: sensitive ? 'identity.id_number' : 'basic.name' }), disposition, evidence: [] };
}

const hr: AuditedField[] = [
  field('db/hr.sql', 'employee', 'sjhm', 8, false, null),
  field('db/hr.sql', 'employee', 'sfzh', 6, true, null),
  field('db/hr.sql', 'employee', 'xm', 5, false, declared('delete')),
  field('db/hr.sql', 'payroll', 'card', 20, true, declared('retain')),
  field('api/member.ts', 'Member', 'nickName', 10, false, declared('ignore')),
];

describe('extension: field state and counts', () => {
  it('tells undecided, decided and ignored apart', () => {
    assert.equal(fieldState(null), 'undecided');
    assert.equal(fieldState(declared('retain')), 'decided');
    assert.equal(fieldState(declared('ignore')), 'ignored');
  });

  it('counts PI fields, undecided and sensitive undecided (the status bar)', () => {
    assert.deepEqual(countFields(hr), { fields: 5, undecided: 2, sensitiveUndecided: 1 });
  });
});

describe('extension: inventory tree model', () => {
  it('groups systems → entities (by file) → fields in a stable order', () => {
    const systems = buildInventory([{ folderKey: 'file:///b', system: 'hr', fields: hr }, { folderKey: 'file:///a', system: 'crm', fields: [] }], { undecidedOnly: false, sensitiveOnly: false });
    assert.deepEqual(systems.map((s) => s.system), ['hr'], 'a system with nothing to show is left out');
    assert.deepEqual(systems[0].entities.map((e) => `${e.file}#${e.entity}`), ['api/member.ts#Member', 'db/hr.sql#employee', 'db/hr.sql#payroll']);
    assert.deepEqual(systems[0].entities[1].fields.map((f) => f.field.field), ['xm', 'sfzh', 'sjhm'], 'fields by line');
    assert.equal(systems[0].undecided, 2);
    assert.deepEqual(inventoryRows(systems)[0], { system: 'hr', entity: 'Member', field: 'nickName', category: 'basic.name', state: 'ignored' });
  });

  it('filters undecided only, sensitive only, and both', () => {
    const rows = (undecidedOnly: boolean, sensitiveOnly: boolean): string[] =>
      inventoryRows(buildInventory([{ folderKey: 'k', system: 'hr', fields: hr }], { undecidedOnly, sensitiveOnly })).map((r) => r.field);
    assert.deepEqual(rows(true, false), ['sfzh', 'sjhm']);
    assert.deepEqual(rows(false, true), ['sfzh', 'card']);
    assert.deepEqual(rows(true, true), ['sfzh']);
    const filtered = buildInventory([{ folderKey: 'k', system: 'hr', fields: hr }], { undecidedOnly: true, sensitiveOnly: true });
    assert.equal(filtered[0].undecided, 2, 'the system still counts every undecided field');
  });

  it('keeps two folders with the same system name apart', () => {
    const systems = buildInventory([{ folderKey: 'file:///x/hr', system: 'hr', fields: hr.slice(0, 1) }, { folderKey: 'file:///y/hr', system: 'hr', fields: hr.slice(1, 2) }], { undecidedOnly: false, sensitiveOnly: false });
    assert.deepEqual(systems.map((s) => s.folderKey), ['file:///x/hr', 'file:///y/hr']);
  });
});
