import * as vscode from 'vscode';
import type { AuditWorkspace } from './auditWorkspace';
import { writeChecklist } from './checklistWriter';
import { completeDecision, pickTarget } from './dispositionPrompts';
import { addAnnotationAbove, canAnnotate, replaceAnnotationAt } from './documentEdits';
import type { SetDispositionOptions } from './fixPlans';
import { DECISION_KEYS, type Decision } from './decision';
import type { FieldNode } from './inventoryModel';
import { pickField } from './pickField';

/**
 * `piAudit.setDisposition(fieldId | inventory node, options?)`: declares a disposition for a
 * field, as a `@pi` annotation in its file (inserted above it, or replacing one) or as a
 * decision in the checklist. Asks only for what `options` leaves open, so the command runs
 * without any prompt when given a complete decision and a target. Resolves true when applied.
 */
export async function setDisposition(workspace: AuditWorkspace, target: string | FieldNode | undefined, options: SetDispositionOptions = {}): Promise<boolean> {
  const picked = target ?? (await pickField(workspace, vscode.l10n.t('Set the disposition of which PI field?')));
  if (!picked) return false;
  const fieldId = typeof picked === 'object' ? picked.field.id : picked;
  const folderKey = typeof picked === 'object' ? picked.folderKey : options.folder;
  const found = workspace.findField(fieldId, folderKey);
  const folder = found?.folder;
  const field = folder?.field(fieldId);
  if (!folder || !field) {
    void vscode.window.showWarningMessage(vscode.l10n.t('PI Audit: no PI field {0} is known; scan the workspace first.', fieldId));
    return false;
  }
  const { target: where, replace } = options;
  const known: Partial<Decision> = {};
  for (const key of ['action', 'period', ...DECISION_KEYS] as const) if (options[key] !== undefined) Object.assign(known, { [key]: options[key] });
  const decision = await completeDecision(field, known, workspace.lang, { successor: folder.config?.legalEntity.successor, successorContact: folder.config?.legalEntity.successorContact });
  if (!decision) return false;

  const document = await vscode.workspace.openTextDocument(folder.uriOf(field.file));
  const annotatable = replace !== undefined || canAnnotate(document, folder, field);
  const chosen = where ?? (annotatable ? await pickTarget() : 'checklist');
  if (!chosen) return false;
  if (chosen === 'checklist' || !annotatable) {
    if (!workspace.trusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('PI Audit: writing the checklist needs a trusted workspace.'));
      return false;
    }
    const written = await writeChecklist(workspace, folder, { fieldId, decision });
    return written !== undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  const applied = replace ? replaceAnnotationAt(edit, document, replace.line, replace.column, decision) : addAnnotationAbove(edit, document, folder, field, decision);
  if (!applied) return false;
  return vscode.workspace.applyEdit(edit);
}
