import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import * as vscode from 'vscode';
import { parse, parseDocument } from 'yaml';
import { EXTENSION_ID, activatePiAudit, type PiAuditTestApi } from '../helpers/extensionApi';
import { fileUri } from '../helpers/workspaceFiles';

interface ChecklistItem {
  id: string;
  field: string;
  entity: string;
  owner?: string;
  status?: string;
}
interface Checklist {
  systems: { name: string; items: ChecklistItem[] }[];
}

function validate(text: string): Checklist {
  const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath as string;
  const schema = JSON.parse(readFileSync(path.join(extensionPath, 'schemas', 'pi-disposition.schema.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(schema);
  const data = parse(text) as unknown;
  assert.ok(check(data), `pi-disposition.yaml does not match the schema: ${ajv.errorsText(check.errors)}`);
  return data as Checklist;
}

describe('generate / update the disposition checklist', () => {
  let api: PiAuditTestApi;
  const checklist = () => fileUri('pi-disposition.yaml').fsPath;

  before(async () => {
    api = await activatePiAudit();
    await api.whenIdle();
    assert.ok(!existsSync(checklist()), 'the fixture has no checklist yet');
  });
  after(async () => {
    rmSync(checklist(), { force: true });
    await api.whenIdle();
  });

  it('writes pi-disposition.yaml that validates against the shipped schema, and opens it', async () => {
    await vscode.commands.executeCommand('piAudit.generateChecklist');
    await api.whenIdle();
    assert.ok(existsSync(checklist()), 'pi-disposition.yaml was not written');
    const data = validate(readFileSync(checklist(), 'utf8'));
    const items = data.systems.flatMap((s) => s.items);
    for (const id of ['hr-db/hr_schema.sql#employee.sfzh', 'mall-api/src/entities/member.entity.ts#Member.mobile', 'clinic/patients/models.py#Patient.id_number']) {
      assert.ok(items.some((i) => i.id === id), `${id} is missing from the checklist`);
    }
    assert.equal(items.length, api.inventory().length, 'one item per PI field of the inventory');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, checklist(), 'the checklist is opened');
  });

  it('keeps a human edit (owner, status, comment) on the second run', async () => {
    const document = parseDocument(readFileSync(checklist(), 'utf8'));
    const items = document.getIn(['systems', 0, 'items']) as { items: { get(key: string): unknown; set(key: string, value: unknown): void; commentBefore?: string | null }[] };
    const sfzh = items.items.find((item) => item.get('id') === 'hr-db/hr_schema.sql#employee.sfzh');
    assert.ok(sfzh, 'employee.sfzh item');
    sfzh.set('owner', '张伟 (HR)');
    sfzh.set('status', 'in-progress');
    sfzh.commentBefore = ' 人事部确认: 注销前匿名化 / HR confirmed';
    writeFileSync(checklist(), document.toString());
    // Close the editor on the old text so the second run is judged on the file alone.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    await vscode.commands.executeCommand('piAudit.generateChecklist');
    await api.whenIdle();
    const text = readFileSync(checklist(), 'utf8');
    const item = validate(text).systems.flatMap((s) => s.items).find((i) => i.id === 'hr-db/hr_schema.sql#employee.sfzh');
    assert.equal(item?.owner, '张伟 (HR)');
    assert.equal(item?.status, 'in-progress');
    assert.ok(text.includes('人事部确认: 注销前匿名化 / HR confirmed'), 'the comment is kept');
  });

  it('updates a checklist open with unsaved changes in its editor, keeping them and leaving the file on disk alone', async () => {
    const onDisk = readFileSync(checklist(), 'utf8');
    const editor = await vscode.window.showTextDocument(fileUri('pi-disposition.yaml'));
    // The user's unsaved work: a note at the top, and one item deleted by mistake.
    const edited = parseDocument(editor.document.getText());
    const items = edited.getIn(['systems', 0, 'items']) as { items: { get(key: string): unknown }[] };
    const removed = items.items.findIndex((item) => item.get('id') === 'hr-db/hr_schema.sql#employee.sfzh');
    assert.ok(removed >= 0, 'employee.sfzh item');
    items.items.splice(removed, 1);
    const note = '# 法务审阅中，请勿提交 / legal review in progress, do not commit';
    const replace = new vscode.WorkspaceEdit();
    replace.replace(editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount, 0), `${note}\n${edited.toString()}`);
    assert.ok(await vscode.workspace.applyEdit(replace));
    assert.ok(editor.document.isDirty, 'the edit is unsaved');

    await vscode.commands.executeCommand('piAudit.generateChecklist');
    await api.whenIdle();
    const buffer = editor.document.getText();
    assert.ok(buffer.includes(note), 'the unsaved note is kept in the buffer');
    assert.ok(validate(buffer).systems.flatMap((s) => s.items).some((i) => i.id === 'hr-db/hr_schema.sql#employee.sfzh'), 'the deleted PI field is back in the buffer');
    assert.ok(editor.document.isDirty, 'the update waits in the editor for the user to save');
    assert.equal(readFileSync(checklist(), 'utf8'), onDisk, 'nothing was written behind the editor');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
