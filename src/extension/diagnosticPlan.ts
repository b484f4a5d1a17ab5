import type { Diagnostic as EngineDiagnostic } from '../core/rules/model';
import type { AuditedField } from '../core/scan/scanResult';
import { spanAt, type LineSpan } from './textSpans';

export interface DiagnosticsPlan {
  /** Per file published: a signature of what it gets (unchanged signature: nothing to send). */
  signatures: Map<string, string>;
  /** Files whose diagnostics changed, with all of their diagnostics. */
  changed: { file: string; diagnostics: EngineDiagnostic[] }[];
  /** Files published before that have none any more. */
  removed: string[];
}

/**
 * What a folder's audit changes in the Problems panel: its diagnostics grouped by file, and
 * only the files whose diagnostics (or open document version: ranges follow the buffer) differ
 * from what was published last. Pure, so the editor benchmark runs the same code.
 */
export function planDiagnostics(diagnostics: readonly EngineDiagnostic[], previous: ReadonlyMap<string, string>, versionOf: (file: string) => string): DiagnosticsPlan {
  const byFile = new Map<string, EngineDiagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const signatures = new Map<string, string>();
  const changed: DiagnosticsPlan['changed'] = [];
  for (const [file, list] of byFile) {
    const signature = JSON.stringify(list) + versionOf(file);
    signatures.set(file, signature);
    if (previous.get(file) !== signature) changed.push({ file, diagnostics: list });
  }
  const removed = [...previous.keys()].filter((file) => !signatures.has(file));
  return { signatures, changed, removed };
}

/**
 * The span of a diagnostic on its line: the field's name (or an alias) when the diagnostic sits
 * on the field, else the annotation or word at its column.
 */
export function diagnosticSpan(d: EngineDiagnostic, field: AuditedField | undefined, lineText: string): LineSpan {
  const onField = field !== undefined && field.file === d.file && field.line === d.line && field.column === d.column;
  return spanAt(lineText, d.column, onField ? [field.field, ...field.fieldAliases] : []);
}
