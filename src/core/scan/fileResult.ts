import type { ExtractionProblem, FormatId } from '../extract/model';
import type { FileAnalysis } from './analyzeFile';
import type { EvidenceExcerpt } from './evidenceExcerpt';
import type { FieldFinding, ValueFinding } from './model';

/**
 * What the scan keeps of one file once it has been read: its findings and the lines the
 * evidence search needs, never its whole text. Plain data, so it crosses from a worker thread
 * and into the result cache as it is. `file` is relative to the root with forward slashes.
 */
export interface FileResult {
  file: string;
  /** Size in bytes as read from disk. */
  bytes: number;
  /** Why the file was not analysed (`binary`, `undecodable`…); the findings are then empty. */
  skipped?: string;
  format: FormatId | null;
  fields: FieldFinding[];
  values: ValueFinding[];
  problems: ExtractionProblem[];
  evidence: EvidenceExcerpt;
}

/** The result as `auditFields` takes it. Entities are not kept: the audit reads fields only. */
export function toFileAnalysis(result: FileResult): FileAnalysis {
  return { file: result.file, format: result.format, entities: [], fields: result.fields, values: result.values, problems: result.problems };
}
