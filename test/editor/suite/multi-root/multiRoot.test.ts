import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsAt, piDiagnostics, ruleOf, waitForDiagnostics } from '../helpers/diagnostics';
import { activatePiAudit, type PiAuditTestApi } from '../helpers/extensionApi';
import { wordRange } from '../helpers/workspaceFiles';

function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(found, `workspace folder ${name}`);
  return found;
}

describe('multi-root workspace', () => {
  let api: PiAuditTestApi;

  before(async () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 2, 'the .code-workspace opens two folders');
    api = await activatePiAudit();
    await api.whenIdle();
  });

  it('lists one system per workspace folder in the inventory', () => {
    const systems = [...new Set(api.inventory().map((i) => i.system))].sort();
    assert.deepEqual(systems, ['clinic', 'hr-db']);
    assert.ok(api.inventory().some((i) => i.system === 'hr-db' && i.entity === 'employee' && i.field === 'sfzh'));
    assert.ok(api.inventory().some((i) => i.system === 'clinic' && i.entity === 'Patient' && i.field === 'id_number'));
  });

  it('reads settings per folder: clinic turns pi/sensitive-unprotected off, hr-db keeps it', async () => {
    const sql = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder('hr-db').uri, 'hr_schema.sql'));
    const model = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder('clinic').uri, 'patients', 'models.py'));
    await waitForDiagnostics(api, sql.uri, (all) => all.length > 0, 'hr-db diagnostics');
    await waitForDiagnostics(api, model.uri, (all) => all.length > 0, 'clinic diagnostics');
    assert.ok(diagnosticsAt(sql.uri, wordRange(sql, 'sfzh', '`sfzh` varchar')).has('pi/sensitive-unprotected'));
    assert.ok(diagnosticsAt(model.uri, wordRange(model, 'id_number', 'id_number = models')).has('pi/missing-disposition'));
    assert.deepEqual(piDiagnostics(model.uri).filter((d) => ruleOf(d) === 'pi/sensitive-unprotected').map((d) => d.range.start.line + 1), []);
  });

  it('re-analyses without a reload when a folder setting changes', async () => {
    const sql = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder('hr-db').uri, 'hr_schema.sql'));
    const config = vscode.workspace.getConfiguration('piAudit', folder('hr-db').uri);
    await config.update('rules', { 'pi/missing-disposition': 'off' }, vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      await waitForDiagnostics(api, sql.uri, (all) => all.length > 0 && !all.some((d) => ruleOf(d) === 'pi/missing-disposition'), 'missing-disposition to be switched off in hr-db');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await waitForDiagnostics(api, sql.uri, (all) => all.some((d) => ruleOf(d) === 'pi/missing-disposition'), 'missing-disposition to come back');
  });
});
