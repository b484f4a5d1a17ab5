import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePiAudit, type InventoryItem, type PiAuditTestApi } from '../helpers/extensionApi';

function find(items: readonly InventoryItem[], entity: string, field: string): InventoryItem {
  const item = items.find((i) => i.entity === entity && i.field === field);
  assert.ok(item, `${entity}.${field} is not in the inventory: ${items.map((i) => `${i.entity}.${i.field}`).join(', ')}`);
  return item;
}

describe('inventory view', () => {
  let api: PiAuditTestApi;

  before(async () => {
    api = await activatePiAudit();
    await api.whenIdle();
  });

  it('lists the PI fields of the workspace folder (the system) by entity, with category and state', () => {
    const items = api.inventory();
    const system = vscode.workspace.workspaceFolders?.[0].name;
    assert.ok(items.length > 0, 'the inventory is empty');
    assert.ok(items.every((i) => i.system === system), `every item belongs to the system ${system}: ${[...new Set(items.map((i) => i.system))].join(', ')}`);
    const expected: [string, string, string, string][] = [
      ['employee', 'sfzh', 'identity.id_number', 'undecided'],
      ['employee', 'xm', 'basic.name', 'undecided'],
      ['payroll', 'salary_card_no', 'property.bank_account', 'decided'],
      ['Member', 'mobile', 'basic.phone', 'undecided'],
      ['Member', 'birthday', 'basic.birth', 'decided'],
      ['Patient', 'id_number', 'identity.id_number', 'undecided'],
      ['Patient', 'exam_report', 'health.record', 'decided'],
      // "@pi purge" does not parse, so it declares nothing.
      ['MemberAddress', 'postalCode', 'basic.address', 'undecided'],
    ];
    for (const [entity, field, category, state] of expected) {
      const item = find(items, entity, field);
      assert.equal(item.category, category, `${entity}.${field} category`);
      assert.equal(item.state, state, `${entity}.${field} state`);
    }
  });

  it('leaves out what is not personal information', () => {
    const items = api.inventory();
    for (const [entity, field] of [['warehouse', 'name'], ['warehouse', 'phone'], ['employee', 'dept_id'], ['employee', 'create_time'], ['Member', 'createdAt']]) {
      assert.ok(!items.some((i) => i.entity === entity && i.field === field), `${entity}.${field} is not PI`);
    }
  });

  it('matches the diagnostics: every undecided field has a missing-disposition diagnostic', () => {
    const undecided = api.inventory().filter((i) => i.state === 'undecided');
    const missing = vscode.languages.getDiagnostics().flatMap(([, list]) => list).filter((d) => d.source === 'PI Audit' && typeof d.code === 'object' && d.code.value === 'pi/missing-disposition');
    assert.equal(missing.length, undecided.length, `undecided ${undecided.map((i) => `${i.entity}.${i.field}`).join(', ')}`);
  });

  it('has its view in the PI Audit activity-bar container', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.piAudit');
    await vscode.commands.executeCommand('piAudit.inventory.focus');
  });
});
