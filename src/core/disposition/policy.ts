import { minimatch } from 'minimatch';
import type { PolicyRule } from '../config/model';
import type { FieldFinding } from '../scan/model';
import { normalizeMechanism } from './mechanism';
import type { Disposition } from './model';
import { parsePeriod } from './period';

/** A policy that could not be applied as written (the config validator should have caught it). */
export interface PolicyProblem {
  policy: string;
  message: string;
}

export interface PolicyMatch {
  disposition: Disposition;
  problems: PolicyProblem[];
}

/** How a policy is named in `declaredAt` and messages: `policies[2] (line 14)`. */
export function policyName(rule: PolicyRule, index: number): string {
  return rule.line === undefined ? `policies[${index}]` : `policies[${index}] (line ${rule.line})`;
}

/**
 * The first policy rule that matches the field, as a disposition. A rule matches when its `match`
 * glob matches `system/entity.field` (minimatch, case-insensitive; every declared and alias
 * spelling of the entity and field is tried; a glob without `/` is matched against
 * `entity.field`) and its `categories` (ids or family prefixes) contain the field's category.
 * A rule with neither matches every field.
 */
export function matchPolicy(finding: FieldFinding, policies: readonly PolicyRule[], system: string): PolicyMatch | null {
  for (let index = 0; index < policies.length; index++) {
    const rule = policies[index];
    if (rule.match !== undefined && !globMatches(rule.match, finding, system)) continue;
    if (rule.categories !== undefined && !categoryMatches(rule.categories, finding.category)) continue;
    return toDisposition(rule, policyName(rule, index));
  }
  return null;
}

function globMatches(glob: string, finding: FieldFinding, system: string): boolean {
  const entities = [finding.entity, ...finding.entityAliases];
  const fields = [finding.field, ...finding.fieldAliases];
  for (const entity of entities) {
    for (const field of fields) {
      if (minimatch(`${system}/${entity}.${field}`, glob, { nocase: true, matchBase: true, dot: true })) return true;
    }
  }
  return false;
}

function categoryMatches(categories: readonly string[], category: string | null): boolean {
  if (category === null) return false;
  return categories.some((wanted) => category === wanted || category.startsWith(`${wanted}.`));
}

function toDisposition(rule: PolicyRule, name: string): PolicyMatch {
  const problems: PolicyProblem[] = [];
  const disposition: Disposition = { action: rule.action, extra: {}, source: 'policy', declaredAt: { policy: name } };
  if (rule.period !== undefined) {
    const period = parsePeriod(rule.period);
    if (period) disposition.period = period;
    else problems.push({ policy: name, message: `bad period "${rule.period}" (write e.g. 30y, 6m, 90d)` });
  }
  if (rule.mechanism !== undefined) {
    const mechanism = normalizeMechanism(rule.mechanism);
    if (mechanism) disposition.mechanism = mechanism;
    else problems.push({ policy: name, message: `unknown Art. 38 mechanism "${rule.mechanism}"` });
  }
  for (const key of ['basis', 'to', 'contact', 'method', 'reason', 'owner'] as const) {
    const value = rule[key];
    if (value !== undefined) disposition[key] = value;
  }
  return { disposition, problems };
}
