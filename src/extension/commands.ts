import * as vscode from 'vscode';
import { errorText, type AuditWorkspace } from './auditWorkspace';
import { checkChecklists, generateChecklist } from './checklistCommands';
import type { SetDispositionOptions } from './fixPlans';
import type { FieldNode } from './inventoryModel';
import type { InventoryView } from './inventoryView';
import { revealField } from './revealField';
import { exportSarif } from './sarifCommand';
import { setDisposition } from './setDisposition';

export const WALKTHROUGH_ID = 'piAudit.gettingStarted';

/** A command's implementation, already wrapped in the error reporting and idle tracking below. */
export type CommandHandler = (...args: never[]) => Promise<unknown>;

/**
 * The commands of the contract, by id (the activation shell registers every id of the manifest
 * and forwards to these). Each reports a failure to the user and the log instead of throwing
 * into the void; the ones that never wait for the user run as tracked work (so `whenIdle` waits
 * for them).
 */
export function commandHandlers(context: vscode.ExtensionContext, workspace: AuditWorkspace, inventory: InventoryView): Map<string, CommandHandler> {
  const handlers = new Map<string, CommandHandler>();
  const register = (id: string, handler: (...args: never[]) => Promise<unknown>, tracked = false): void => {
    handlers.set(id, async (...args: never[]) => {
      try {
        return tracked ? await workspace.idle.run(() => handler(...args)) : await handler(...args);
      } catch (error) {
        workspace.log.error(`${id}: ${errorText(error)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('PI Audit: {0} failed: {1}', id, errorText(error)));
        return undefined;
      }
    });
  };

  register('piAudit.scanWorkspace', () => workspace.scan(workspace.all().filter((f) => f.engine), 'notification'), true);
  register('piAudit.generateChecklist', () => generateChecklist(workspace), true);
  register('piAudit.checkChecklist', () => checkChecklists(workspace), true);
  register('piAudit.exportSarif', (target?: vscode.Uri, folder?: string) => exportSarif(workspace, target, folder));
  register('piAudit.showOutput', () => {
    workspace.log.show(true);
    return Promise.resolve(true);
  });
  register('piAudit.openWalkthrough', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
    return true;
  });
  register('piAudit.setDisposition', (target?: string | FieldNode, options?: SetDispositionOptions) => setDisposition(workspace, target, options));
  register('piAudit.revealField', (target?: string | FieldNode, folder?: string) => revealField(workspace, target, folder));
  register('piAudit.inventory.toggleUndecided', () => inventory.toggle('undecidedOnly'));
  register('piAudit.inventory.toggleSensitive', () => inventory.toggle('sensitiveOnly'));
  return handlers;
}
