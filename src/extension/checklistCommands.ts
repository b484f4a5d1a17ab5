import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { checkChecklist } from '../core/checklist/checkChecklist';
import type { ChecklistProblem } from '../core/checklist/checklistError';
import type { AuditWorkspace } from './auditWorkspace';
import { checklistInputFor } from '../core/checklist/checklistInput';
import { writeChecklist } from './checklistWriter';
import type { FileProblem } from './fileProblems';
import type { FolderAudit } from './folderAudit';
import { ruleDocsUri } from './ruleDocs';

/** Scans the folders that were never scanned (the checklist lists every field of a system). */
export async function ensureScanned(workspace: AuditWorkspace, folders: readonly FolderAudit[]): Promise<boolean> {
  const missing = folders.filter((f) => !f.scanned && f.engine);
  return missing.length === 0 || (await workspace.scan(missing, 'notification'));
}

/**
 * `piAudit.generateChecklist`: writes or updates each folder's `pi-disposition.yaml` through the
 * engine's merge (human edits kept), then opens the checklist of the active file's folder.
 * Resolves to the checklists written or already up to date.
 */
export async function generateChecklist(workspace: AuditWorkspace): Promise<vscode.Uri[]> {
  if (!workspace.trusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('PI Audit: writing the checklist needs a trusted workspace.'));
    return [];
  }
  const folders = workspace.all().filter((f) => f.engine);
  if (!(await ensureScanned(workspace, folders))) return [];
  const written: { folder: FolderAudit; uri: vscode.Uri }[] = [];
  for (const folder of folders) {
    const result = await writeChecklist(workspace, folder);
    if (!result) continue;
    written.push({ folder, uri: result.uri });
    workspace.fileProblems.set(folder.key, 'checklist-check', []);
  }
  const active = vscode.window.activeTextEditor && workspace.folderOf(vscode.window.activeTextEditor.document.uri);
  const shown = written.find((w) => w.folder === active) ?? written[0];
  if (shown) await vscode.window.showTextDocument(shown.uri, { preview: false });
  return written.map((w) => w.uri);
}

/** A checklist problem as the test hook and callers see it. */
export interface ChecklistCheck {
  folder: string;
  kind: ChecklistProblem['kind'];
  file: string;
  line: number;
  message: string;
}

/**
 * `piAudit.checkChecklist`: what `pi-audit checklist --check` reports, shown as diagnostics on
 * the checklist (and on the source file for fields missing from it) and summed up in a message.
 */
export async function checkChecklists(workspace: AuditWorkspace): Promise<ChecklistCheck[]> {
  const folders = workspace.all().filter((f) => f.engine);
  if (!(await ensureScanned(workspace, folders))) return [];
  const all: ChecklistCheck[] = [];
  for (const folder of folders) {
    const audit = folder.audit ?? folder.reaudit();
    const file = folder.checklistPath;
    if (!audit || !folder.config || file === null) continue;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
    const existing = open ? open.getText() : await readIfExists(file);
    const problems = checkChecklist(existing, checklistInputFor(audit, folder.config, folder.system), folder.checklistShownAs);
    const target = { value: 'pi/checklist-stale', target: ruleDocsUri(workspace.extensionUri, 'pi/checklist-stale') };
    const diagnostics: FileProblem[] = problems.map((p) => ({ uri: folder.uriOf(p.file), line: p.line, column: p.column, message: p.message, severity: p.kind === 'stale' || p.kind === 'missing' || p.kind === 'absent' ? 'error' : 'warning', code: target }));
    workspace.fileProblems.set(folder.key, 'checklist-check', diagnostics);
    for (const p of problems) {
      workspace.log.info(`${folder.name}: ${p.file}:${p.line}:${p.column}: ${p.message}`);
      all.push({ folder: folder.name, kind: p.kind, file: p.file, line: p.line, message: p.message });
    }
  }
  if (all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('PI Audit: the checklist is up to date and every PI field has a disposition.'));
  } else {
    const show = vscode.l10n.t('Show problems');
    void vscode.window.showWarningMessage(vscode.l10n.t('PI Audit: {0} checklist problems', all.length), show).then((choice) => {
      if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }
  return all;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
