import * as vscode from 'vscode';
import type { Diagnostic as EngineDiagnostic, DiagnosticSeverity } from '../core/rules/model';
import { diagnosticSpan, planDiagnostics } from './diagnosticPlan';
import type { FolderAudit } from './folderAudit';
import { LineSource } from './lineSource';
import { ruleDocsUri } from './ruleDocs';

export const DIAGNOSTIC_SOURCE = 'PI Audit';

const SEVERITY: Record<DiagnosticSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * Turns a folder's audit into the `pi-audit` diagnostic collection: one entry per file, the
 * rule id as `code` linking to its README section, the range on the field name (or on the
 * annotation that declared a disposition), evidence as related information. Files whose
 * diagnostics did not change are not touched; files that have none any more are cleared.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('pi-audit');
  /** Per folder: the files published and a signature of what they got. */
  private readonly published = new Map<string, Map<string, string>>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  publish(folder: FolderAudit): void {
    const previous = this.published.get(folder.key) ?? new Map<string, string>();
    const plan = planDiagnostics(folder.audit?.diagnostics ?? [], previous, (file) => {
      const uri = folder.uriOf(file).toString();
      return String(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.version ?? '');
    });
    const lines = new LineSource(folder);
    for (const { file, diagnostics } of plan.changed) this.collection.set(folder.uriOf(file), diagnostics.map((d) => this.toVscode(folder, d, lines)));
    for (const file of plan.removed) this.collection.delete(folder.uriOf(file));
    this.published.set(folder.key, plan.signatures);
  }

  /** Removes everything a folder published (folder closed). */
  clear(folder: FolderAudit): void {
    for (const file of this.published.get(folder.key)?.keys() ?? []) this.collection.delete(folder.uriOf(file));
    this.published.delete(folder.key);
  }

  private toVscode(folder: FolderAudit, d: EngineDiagnostic, lines: LineSource): vscode.Diagnostic {
    const span = diagnosticSpan(d, folder.field(d.fieldId), lines.line(d.file, d.line));
    const range = new vscode.Range(d.line - 1, span.start, d.line - 1, span.end);
    const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[d.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: d.rule, target: ruleDocsUri(this.extensionUri, d.rule) };
    if (d.related && d.related.length > 0) {
      diagnostic.relatedInformation = d.related.map((r) =>
        new vscode.DiagnosticRelatedInformation(new vscode.Location(folder.uriOf(r.file), new vscode.Position(Math.max(r.line - 1, 0), Math.max(r.column - 1, 0))), r.message));
    }
    return diagnostic;
  }

  dispose(): void {
    this.collection.dispose();
  }
}

/** The engine diagnostic a diagnostic of the Problems panel came from (same rule, line and message). */
export function engineDiagnosticOf(folder: FolderAudit, relPath: string, diagnostic: vscode.Diagnostic): EngineDiagnostic | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const rule = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? '');
  return folder.audit?.diagnostics.find((d) => d.file === relPath && d.rule === rule && d.line === diagnostic.range.start.line + 1 && d.message === diagnostic.message);
}
