import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { ChecklistError } from '../core/checklist/checklistError';
import { mergeChecklist } from '../core/checklist/mergeChecklist';
import { writeFileAtomic } from '../core/checklist/writeFileAtomic';
import type { AuditWorkspace } from './auditWorkspace';
import { checklistDisposition, type Decision } from './decision';
import { checklistInputFor } from '../core/checklist/checklistInput';
import { recordDecision } from './checklistDecision';
import type { FolderAudit } from './folderAudit';

export interface ChecklistWrite {
  uri: vscode.Uri;
  /** False when the checklist already said exactly this. */
  changed: boolean;
}

/**
 * Writes a folder's checklist through the engine's merge (every human edit kept): regenerated,
 * or with one decision recorded. When the checklist is open with unsaved changes the new text
 * goes in through a WorkspaceEdit (the user's edits stay, nothing is written behind their
 * back); otherwise the file is replaced atomically. A checklist that does not parse is left
 * untouched and reported. Needs the folder scanned (every field of the system is listed).
 */
export async function writeChecklist(workspace: AuditWorkspace, folder: FolderAudit, record?: { fieldId: string; decision: Decision }): Promise<ChecklistWrite | undefined> {
  const file = folder.checklistPath;
  const audit = folder.audit ?? folder.reaudit();
  if (!folder.config || !audit) return undefined;
  if (file === null) {
    void vscode.window.showErrorMessage(vscode.l10n.t('PI Audit: the checklist path {0} leads outside the folder {1}; nothing was written.', folder.config.checklistPath, folder.name));
    return undefined;
  }
  const uri = vscode.Uri.file(file);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
  const shownAs = folder.checklistShownAs;
  let text: string;
  let existing: string | undefined;
  let onDisk: string | undefined;
  try {
    onDisk = await readIfExists(file, shownAs);
    existing = open ? open.getText() : onDisk;
    if (record) {
      const disposition = checklistDisposition(record.decision, { file: shownAs, line: 1, column: 1 });
      const input = checklistInputFor(audit, folder.config, folder.system, { fieldId: record.fieldId, disposition });
      text = recordDecision(existing, input, { system: folder.system, fieldId: record.fieldId, disposition }, shownAs);
    } else {
      text = mergeChecklist(existing, checklistInputFor(audit, folder.config, folder.system), shownAs);
    }
  } catch (error) {
    if (!(error instanceof ChecklistError)) throw error;
    workspace.log.error(error.message);
    void vscode.window.showErrorMessage(vscode.l10n.t('PI Audit: {0} cannot be read, so it was left as it is: {1}', shownAs, error.problems[0] ? `${error.problems[0].line}:${error.problems[0].column} ${error.problems[0].message}` : error.message));
    return undefined;
  }
  if (text === existing) return { uri, changed: false };
  // Unsaved edits (the dirty flag can lag behind an edit, so the text is compared too) are not
  // written behind the user's back: the new text goes into the buffer.
  if (open && (open.isDirty || open.getText() !== onDisk)) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, open.lineCount, 0), text);
    if (!(await vscode.workspace.applyEdit(edit))) return undefined;
    workspace.log.info(`${folder.name}: updated ${shownAs} in its editor (unsaved changes kept, not written to disk)`);
  } else {
    await writeFileAtomic(file, text);
    workspace.log.info(`${folder.name}: wrote ${shownAs}`);
  }
  await workspace.reloadDecisions(folder);
  return { uri, changed: true };
}

async function readIfExists(file: string, shownAs: string): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    // Strictly: a lenient decoder would write replacement characters back into the file.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ChecklistError([{ kind: 'invalid', file: shownAs, line: 1, column: 1, message: 'is not valid UTF-8 text' }]);
  }
}
