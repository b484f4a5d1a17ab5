import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsAt, waitForDiagnostics } from '../helpers/diagnostics';
import { activatePiAudit, EXTENSION_ID } from '../helpers/extensionApi';
import { openDocument, wordRange } from '../helpers/workspaceFiles';

describe('restricted mode (untrusted workspace)', () => {
  it('runs untrusted: the folder is not trusted and PI Audit still activates (supported: limited)', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness opened the folder without trusting it');
    await activatePiAudit();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('still reads files and reports PI fields, with the folder\'s .piaudit.yaml applied', async () => {
    const api = await activatePiAudit();
    const document = await openDocument('legacy_hr.sql');
    await waitForDiagnostics(api, document.uri, (all) => all.length > 0, 'diagnostics in restricted mode');
    const sfzh = diagnosticsAt(document.uri, wordRange(document, 'sfzh', '`sfzh` varchar'));
    assert.equal(sfzh.get('pi/missing-disposition')?.severity, vscode.DiagnosticSeverity.Error);
    const empNo = diagnosticsAt(document.uri, wordRange(document, 'emp_no', '`emp_no` varchar(20) NOT NULL COMMENT \'工号\','));
    assert.equal(empNo.get('pi/soft-delete-only')?.severity, vscode.DiagnosticSeverity.Information, 'rules from .piaudit.yaml apply');
    assert.match(api.statusText(), /PI \d+ · \d+ undecided · \d+ sensitive/);
  });
});
