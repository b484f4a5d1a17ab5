import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './diagnosticsPublisher';

/** A problem in a file the user edits by hand: `.piaudit.yaml`, the settings, the checklist. */
export interface FileProblem {
  uri: vscode.Uri;
  /** 1-based; absent when the source has no lines. */
  line?: number;
  column?: number;
  message: string;
  severity: 'error' | 'warning';
  /** A rule id (`pi/checklist-stale`) when the problem is one, with its documentation. */
  code?: { value: string; target: vscode.Uri };
}

/** Who reported a set of problems: each report replaces that kind's earlier one for the folder. */
export type ProblemKind = 'config' | 'checklist-read' | 'checklist-check';

/**
 * The `pi-audit-files` diagnostic collection: configuration errors on `.piaudit.yaml`, checklist
 * parse errors and `check checklist` results on the checklist. Kept apart from the field
 * diagnostics, which every re-analysis replaces.
 */
export class FileProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('pi-audit-files');
  private readonly reports = new Map<string, FileProblem[]>();

  set(folderKey: string, kind: ProblemKind, problems: readonly FileProblem[]): void {
    const before = this.urisIn(this.reports.values());
    this.reports.set(`${folderKey}|${kind}`, [...problems]);
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const problem of [...this.reports.values()].flat()) {
      const key = problem.uri.toString();
      const entry = byUri.get(key) ?? { uri: problem.uri, list: [] };
      entry.list.push(toDiagnostic(problem));
      byUri.set(key, entry);
    }
    for (const [key, uri] of before) if (!byUri.has(key)) this.collection.delete(uri);
    for (const { uri, list } of byUri.values()) this.collection.set(uri, list);
  }

  clearFolder(folderKey: string): void {
    for (const kind of ['config', 'checklist-read', 'checklist-check'] as const) this.set(folderKey, kind, []);
  }

  private urisIn(reports: Iterable<FileProblem[]>): Map<string, vscode.Uri> {
    const uris = new Map<string, vscode.Uri>();
    for (const report of reports) for (const problem of report) uris.set(problem.uri.toString(), problem.uri);
    return uris;
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function toDiagnostic(problem: FileProblem): vscode.Diagnostic {
  const line = Math.max((problem.line ?? 1) - 1, 0);
  const column = Math.max((problem.column ?? 1) - 1, 0);
  const range = new vscode.Range(line, column, line, Number.MAX_SAFE_INTEGER);
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  if (problem.code) diagnostic.code = problem.code;
  return diagnostic;
}
