import type { AssessedField, Disposition } from '../disposition/model';
import type { Diagnostic } from '../rules/model';
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
}
