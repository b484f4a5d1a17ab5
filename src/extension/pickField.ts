import * as vscode from 'vscode';
import { categoryLabel } from '../core/classify/categories';
import type { AuditWorkspace } from './auditWorkspace';
import { fieldState } from './fieldState';
import type { FieldNode } from './inventoryModel';

/**
 * A PI field picked from a list (a command run from the palette without a field): the fields of
 * the active editor's file first, undecided before decided, then the rest of the workspace.
 */
export async function pickField(workspace: AuditWorkspace, title: string): Promise<FieldNode | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const items = workspace.all().flatMap((folder) => (folder.audit?.fields ?? []).map((field) => {
    const state = fieldState(field.disposition);
    const node: FieldNode = { kind: 'field', folderKey: folder.key, system: folder.system, field, state };
    const here = active !== undefined && folder.relPath(active) === field.file;
    return {
      label: `${field.entity}.${field.field}`,
      description: `${field.category ? categoryLabel(field.category, workspace.lang) : ''} · ${state === 'undecided' ? vscode.l10n.t('undecided') : state === 'decided' ? vscode.l10n.t('decided') : vscode.l10n.t('ignored')}`,
      detail: `${folder.name}/${field.file}:${field.line}`,
      node,
      rank: (here ? 0 : 2) + (state === 'undecided' ? 0 : 1),
    };
  }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('PI Audit: no PI fields are known yet; scan the workspace first.'));
    return undefined;
  }
  items.sort((a, b) => a.rank - b.rank || a.detail.localeCompare(b.detail));
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true }))?.node;
}
