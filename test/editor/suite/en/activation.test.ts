import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePiAudit, EXTENSION_ID, manifest } from '../helpers/extensionApi';

describe('activation and manifest', () => {
  it('activates in the workspace and returns the test hook', async () => {
    const api = await activatePiAudit();
    await api.whenIdle();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('contributes every command of the contract under the "PI Audit" category', async () => {
    // Titles are strings, or { value, original } once VS Code localized them.
    const commands = (manifest().contributes.commands ?? []) as { command: string; title: string | { value: string }; category?: string | { value: string } }[];
    const text = (value: string | { value: string } | undefined) => (typeof value === 'object' ? value.value : value);
    const expected = ['piAudit.scanWorkspace', 'piAudit.generateChecklist', 'piAudit.checkChecklist', 'piAudit.exportSarif', 'piAudit.showOutput', 'piAudit.openWalkthrough', 'piAudit.setDisposition', 'piAudit.inventory.toggleUndecided', 'piAudit.inventory.toggleSensitive', 'piAudit.revealField'];
    for (const id of expected) {
      const command = commands.find((c) => c.command === id);
      assert.ok(command, `${id} is not contributed`);
      assert.equal(text(command.category), 'PI Audit', `${id} category`);
      assert.ok(text(command.title) && !text(command.title)?.startsWith('%'), `${id} title is not localized: ${text(command.title)}`);
    }
    const registered = await vscode.commands.getCommands(true);
    for (const id of expected) assert.ok(registered.includes(id), `${id} is contributed but not registered`);
  });

  it('declares restricted-mode support and no virtual workspaces', () => {
    const capabilities = manifest().capabilities as { untrustedWorkspaces?: { supported?: unknown; description?: string }; virtualWorkspaces?: unknown };
    assert.equal(capabilities.untrustedWorkspaces?.supported, 'limited');
    assert.ok(capabilities.untrustedWorkspaces?.description, 'untrustedWorkspaces.description is missing');
    assert.equal(capabilities.virtualWorkspaces, false);
  });
});
