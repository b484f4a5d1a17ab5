import { Minimatch } from 'minimatch';
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

/** How a policy glob is matched: case-insensitive, a glob without `/` against `entity.field`. */
const GLOB_OPTIONS = { nocase: true, matchBase: true, dot: true } as const;

/**
 * Policy rules with their `match` globs compiled once: compiling a glob costs more than matching
 * it, and an audit matches every field of a monorepo against every rule.
 */
export class PolicySet {
  private readonly globs: (Minimatch | undefined)[];

  constructor(readonly rules: readonly PolicyRule[]) {
    this.globs = rules.map((rule) => (rule.match === undefined ? undefined : new Minimatch(rule.match, GLOB_OPTIONS)));
  }

  /**
   * The first policy rule that matches the field, as a disposition. A rule matches when its
   * `match` glob matches `system/entity.field` (every declared and alias spelling of the entity
   * and field is tried) and its `categories` (ids or family prefixes) contain the field's
   * category. A rule with neither matches every field.
   */
  match(finding: FieldFinding, system: string): PolicyMatch | null {
    for (let index = 0; index < this.rules.length; index++) {
      const rule = this.rules[index];
      const glob = this.globs[index];
      if (glob !== undefined && !globMatches(glob, finding, system)) continue;
      if (rule.categories !== undefined && !categoryMatches(rule.categories, finding.category)) continue;
      return toDisposition(rule, policyName(rule, index));
    }
    return null;
  }
}

/** `PolicySet.match` for rules not compiled yet (one-off lookups). */
export function matchPolicy(finding: FieldFinding, policies: readonly PolicyRule[] | PolicySet, system: string): PolicyMatch | null {
  return (policies instanceof PolicySet ? policies : new PolicySet(policies)).match(finding, system);
}

function globMatches(glob: Minimatch, finding: FieldFinding, system: string): boolean {
  const entities = [finding.entity, ...finding.entityAliases];
  const fields = [finding.field, ...finding.fieldAliases];
  for (const entity of entities) {
    for (const field of fields) {
      if (glob.match(`${system}/${entity}.${field}`)) return true;
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
