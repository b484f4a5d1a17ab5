import * as vscode from 'vscode';
import type { FieldFinding } from '../core/scan/model';
import { annotationInsertion, annotationRemoval, annotationReplacement } from './annotationEdits';
import { commentSyntaxFor } from './commentSyntax';
import type { Decision } from './decision';
import type { FolderAudit } from './folderAudit';

/** True when another field of the file is declared on the same line (an annotation above would cover both). */
function sharesLine(folder: FolderAudit, finding: FieldFinding): boolean {
  return folder.index.analysis(finding.file)?.fields.some((f) => f.line === finding.line && f.id !== finding.id) ?? false;
}

function eol(document: vscode.TextDocument): string {
  return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}

/** Adds to `edit` the `@pi` comment line above the field; false when the field cannot be annotated so. */
export function addAnnotationAbove(edit: vscode.WorkspaceEdit, document: vscode.TextDocument, folder: FolderAudit, finding: FieldFinding, decision: Decision): boolean {
  if (finding.line < 1 || finding.line > document.lineCount) return false;
  const lineAt = (line: number): string => (line >= 1 && line <= document.lineCount ? document.lineAt(line - 1).text : '');
  const insert = annotationInsertion(lineAt, document.fileName, finding.line, sharesLine(folder, finding), commentSyntaxFor(document.fileName, document.languageId), decision);
  if (!insert) return false;
  edit.insert(document.uri, new vscode.Position(insert.line, 0), `${insert.text}${eol(document)}`);
  return true;
}

export function canAnnotate(document: vscode.TextDocument, folder: FolderAudit, finding: FieldFinding): boolean {
  return addAnnotationAbove(new vscode.WorkspaceEdit(), document, folder, finding, { action: 'delete' });
}

/** Adds to `edit` the replacement of the annotation at `line`/`column` (1-based); false when there is none. */
export function replaceAnnotationAt(edit: vscode.WorkspaceEdit, document: vscode.TextDocument, line: number, column: number, decision: Decision): boolean {
  if (line < 1 || line > document.lineCount) return false;
  const replace = annotationReplacement(document.lineAt(line - 1).text, line, column, decision);
  if (!replace) return false;
  edit.replace(document.uri, new vscode.Range(replace.line, replace.start, replace.line, replace.end), replace.text);
  return true;
}

/** Adds to `edit` the removal of the annotation at `line`/`column` (1-based). */
export function removeAnnotationAt(edit: vscode.WorkspaceEdit, document: vscode.TextDocument, line: number, column: number): boolean {
  if (line < 1 || line > document.lineCount) return false;
  const removal = annotationRemoval(document.lineAt(line - 1).text, line, column);
  if (!removal) return false;
  if ('deleteLine' in removal) edit.delete(document.uri, document.lineAt(removal.deleteLine).rangeIncludingLineBreak);
  else edit.replace(document.uri, new vscode.Range(removal.line, removal.start, removal.line, removal.end), removal.text);
  return true;
}
