import * as path from 'node:path';
import { categoryLabel } from '../classify/categories';
import type { PiAuditConfig } from '../config/model';
import { assessFields } from '../disposition/assess';
import type { AssessedField, Disposition } from '../disposition/model';
import type { Lang } from '../i18n/localizer';
import { runRules } from '../rules/runRules';
import type { FileAnalysis } from './analyzeFile';
import type { AuditCache } from './auditCache';
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
  /** Kept between audits of the same folder (an editor's): unchanged files are not read or judged again. */
  cache?: AuditCache;
}

export interface Audit {
  /** PI fields only, as reported. */
  fields: AuditedField[];
  /** The same PI fields as the rules saw them. */
  assessed: AssessedField[];
  diagnostics: Diagnostic[];
  /** Policy rules that matched but could not be applied as written. */
  policyProblems: { policy: string; message: string }[];
}

/**
 * Turns classified fields into audited ones: resolves the disposition in force (annotation ›
 * checklist › policy), attaches evidence of handling and runs the rules. Every field takes part
 * (a soft-delete flag is not PI but is evidence); only PI fields are reported.
 */
export function auditFields(input: AuditInput): Audit {
  const findings = input.analyses.flatMap((a) => a.fields);
  const files = [...input.texts].map(([file, text]) => ({ file, text }));
  const assessment = assessFields(findings, files, { checklist: input.checklist, policies: input.config.policies, system: input.system }, input.cache?.assess);
  const diagnostics = input.cache ? input.cache.rules.run(assessment.fields, input.config, input.lang, { categoryLabel }) : runRules(assessment.fields, input.config, input.lang, { categoryLabel });
  const assessed = assessment.fields.filter((a) => a.finding.isPI);
  // Object.assign rather than a spread: objects V8 (Node 20) builds as `{ ...finding, … }` each get
  // a hidden class of their own, which makes every later read of them slow.
  const fields = assessed.map((a) => {
    const evidence = a.evidence.map((e) => `${e.kind}: ${e.text} (${e.file}:${e.line})`);
    const make = (): AuditedField => Object.assign({}, a.finding, { disposition: a.disposition, evidence });
    return input.cache ? input.cache.audited(a, evidence, make) : make();
  });
  return { fields, assessed, diagnostics, policyProblems: assessment.policyProblems };
}

export function systemName(root: string, config: PiAuditConfig): string {
  return config.system ?? path.basename(path.resolve(root));
}
