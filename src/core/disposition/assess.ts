import type { FieldFinding } from '../scan/model';
import { AnnotationReader } from './annotation';
import type { AssessCache } from './assessCache';
import { collectEvidence, evidenceForField, type ScannedText } from './evidence/collect';
import { entitiesFromFindings, entityKeyOf } from './evidence/entityIndex';
import type { AssessedField, Evidence } from './model';
import { PolicySet, type PolicyProblem } from './policy';
import { resolveDisposition, type ResolveContext } from './resolve';

export interface Assessment {
  fields: AssessedField[];
  /** Policy rules that matched but could not be applied as written, once each. */
  policyProblems: PolicyProblem[];
}

/**
 * Resolves the disposition of every field and attaches the evidence found in the scanned texts:
 * the input of `runRules`. `findings` should hold every field (PI or not): soft-delete flags are
 * not PI, and evidence is matched against all entities. A `cache` (one per folder, see
 * assessCache.ts) saves re-reading unchanged files and re-resolving unchanged fields.
 */
export function assessFields(findings: readonly FieldFinding[], files: readonly ScannedText[], context: ResolveContext, cache?: AssessCache): Assessment {
  const evidence = collectEvidence(files, entitiesFromFindings(findings), cache?.lines);
  const problems = new Map<string, PolicyProblem>();
  const compiled: ResolveContext = { ...context, compiledPolicies: context.compiledPolicies ?? new PolicySet(context.policies ?? []), annotations: context.annotations ?? new AnnotationReader() };
  let last: { finding: FieldFinding; evidence: readonly Evidence[] } | undefined;
  const fields = findings.map((finding): AssessedField => {
    const resolved = cache ? cache.resolve(finding, compiled) : resolveDisposition(finding, compiled);
    for (const problem of resolved.problems) problems.set(`${problem.policy}|${problem.message}`, problem);
    // An entity's fields come one after another: its evidence is looked up once.
    const sameEntity = last !== undefined && last.finding.file === finding.file && last.finding.entity === finding.entity;
    const entityEvidence = sameEntity && last ? last.evidence : (evidence.get(entityKeyOf(finding)) ?? []);
    last = { finding, evidence: entityEvidence };
    return {
      finding,
      disposition: resolved.disposition,
      invalid: resolved.invalid,
      evidence: entityEvidence.length === 0 ? [] : evidenceForField(entityEvidence, [finding.field, ...finding.fieldAliases]),
    };
  });
  return { fields, policyProblems: [...problems.values()] };
}
