import * as vscode from 'vscode';
import type { AuditWorkspace } from './auditWorkspace';
import type { FieldNode } from './inventoryModel';
import { pickField } from './pickField';
import { spanAt } from './textSpans';

/** `piAudit.revealField(fieldId | inventory node, folder?)`: opens the field's file with its name selected. */
export async function revealField(workspace: AuditWorkspace, target: string | FieldNode | undefined, folderKey?: string): Promise<boolean> {
  const picked = target ?? (await pickField(workspace, vscode.l10n.t('Reveal which PI field?')));
  if (!picked) return false;
  const fieldId = typeof picked === 'object' ? picked.field.id : picked;
  const found = workspace.findField(fieldId, typeof picked === 'object' ? picked.folderKey : folderKey);
  const field = found?.folder.field(fieldId);
  if (!found || !field) return false;
  const document = await vscode.workspace.openTextDocument(found.folder.uriOf(field.file));
  const line = Math.min(Math.max(field.line - 1, 0), document.lineCount - 1);
  const span = spanAt(document.lineAt(line).text, field.column, [field.field, ...field.fieldAliases]);
  const selection = new vscode.Selection(line, span.start, line, span.end);
  await vscode.window.showTextDocument(document, { selection, preview: true });
  return true;
}
