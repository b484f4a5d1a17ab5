import type { ScanResult } from '../scan/scanResult';
import { TOOL_NAME, TOOL_VERSION } from '../version';

/** The `--format json` contract (design.md): stable field names, PI values masked. */
export function toJsonReport(result: ScanResult): object {
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    root: result.root,
    stats: { files: result.files, bytes: result.bytes, skipped: result.skipped, ms: result.ms },
    fields: result.fields.map((f) => ({
      id: f.id,
      file: f.file,
      line: f.line,
      column: f.column,
      entity: f.entity,
      entityAliases: f.entityAliases,
      field: f.field,
      fieldAliases: f.fieldAliases,
      category: f.category,
      sensitive: f.sensitive,
      confidence: f.confidence,
      protected: f.protected,
      reasons: f.reasons,
      evidence: f.evidence,
      disposition: f.disposition,
    })),
    values: result.values,
    diagnostics: result.diagnostics,
    problems: result.problems,
  };
}

export function formatJson(result: ScanResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
