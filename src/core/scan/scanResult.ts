import type { AssessedField, Disposition } from '../disposition/model';
import type { Diagnostic, DiagnosticSeverity } from '../rules/model';
import type { FieldFinding, SkippedFile, ValueFinding } from './model';

export type { Diagnostic };

/** A PI field with the disposition in force (null when none is declared) and evidence found. */
export interface AuditedField extends FieldFinding {
  disposition: Disposition | null;
  evidence: string[];
}

/** Everything one scan learned: the engine's single result type, rendered by every formatter. */
export interface ScanResult {
  root: string;
  files: number;
  bytes: number;
  ms: number;
  skipped: SkippedFile[];
  /** PI fields only (business and non-PI fields are not listed). */
  fields: AuditedField[];
  values: ValueFinding[];
  diagnostics: Diagnostic[];
  /** What extractors could not read (the rest of the file was still read). */
  problems: { file: string; line: number; column: number; message: string }[];
  /** The same fields as the rules saw them (disposition, invalid annotations, evidence records). */
  assessed: AssessedField[];
  /**
   * How many diagnostics of each severity, when the scan counted them: an exit code or a summary
   * line then need not read every diagnostic (see `diagnosticCounts`).
   */
  severityCounts?: Record<DiagnosticSeverity, number>;
  /**
   * Where the result is kept for the next scan with the same inputs (auditSnapshot.ts), when it
   * is: the cache folder and the digest of those inputs. A rendering of the result can be kept
   * beside it under the same key (report/keptReportBody.ts).
   */
  kept?: { folder: string; key: string };
}

/** Diagnostics by severity: the count the scan kept, or counted now. */
export function diagnosticCounts(result: Pick<ScanResult, 'diagnostics' | 'severityCounts'>): Record<DiagnosticSeverity, number> {
  if (result.severityCounts) return result.severityCounts;
  return countSeverities(result.diagnostics);
}

export function countSeverities(diagnostics: readonly Diagnostic[]): Record<DiagnosticSeverity, number> {
  const counts: Record<DiagnosticSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity]++;
  return counts;
}
