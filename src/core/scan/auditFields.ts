import * as path from 'node:path';
import { categoryLabel } from '../classify/categories';
import type { PiAuditConfig } from '../config/model';
import { collectEvidence, evidenceForField } from '../disposition/evidence/collect';
import { entitiesFromFindings, entityKeyOf } from '../disposition/evidence/entityIndex';
import type { AssessedField, Disposition } from '../disposition/model';
import { resolveDisposition } from '../disposition/resolve';
import type { Lang } from '../i18n/localizer';
import { runRules } from '../rules/runRules';
import type { FileAnalysis } from './analyzeFile';
import type { AuditedField, Diagnostic } from './scanResult';

export interface AuditInput {
  analyses: readonly FileAnalysis[];
  /** Every scanned text by relative path, for evidence of handling (purge jobs, TTL indexes…). */
  texts: ReadonlyMap<string, string>;
  config: PiAuditConfig;
  lang: Lang;
  /** The workspace folder or repository, the first segment of policy paths. */
  system: string;
  /** Decisions recorded in the checklist, by field id. */
  checklist?: ReadonlyMap<string, Disposition>;
}

/**
 * Turns classified fields into audited ones: keeps the PI fields, resolves the disposition in
 * force (annotation › checklist › policy), attaches evidence of handling and runs the rules.
 */
export function auditFields(input: AuditInput): { fields: AuditedField[]; assessed: AssessedField[]; diagnostics: Diagnostic[] } {
  const findings = input.analyses.flatMap((a) => a.fields).filter((f) => f.isPI);
  const evidence = collectEvidence([...input.texts].map(([file, text]) => ({ file, text })), entitiesFromFindings(findings));
  const assessed: AssessedField[] = findings.map((finding) => {
    const resolved = resolveDisposition(finding, { checklist: input.checklist, policies: input.config.policies, system: input.system });
    const entityEvidence = evidence.get(entityKeyOf(finding)) ?? [];
    return { finding, disposition: resolved.disposition, invalid: resolved.invalid, evidence: evidenceForField(entityEvidence, [finding.field, ...finding.fieldAliases]) };
  });
  const diagnostics = runRules(assessed, input.config, input.lang, { categoryLabel });
  const fields = assessed.map((a) => ({ ...a.finding, disposition: a.disposition, evidence: a.evidence.map((e) => `${e.kind}: ${e.text} (${e.file}:${e.line})`) }));
  return { fields, assessed, diagnostics };
}

export function systemName(root: string, config: PiAuditConfig): string {
  return config.system ?? path.basename(path.resolve(root));
}
