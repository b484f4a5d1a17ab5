import { AssessCache } from '../disposition/assessCache';
import type { AssessedField } from '../disposition/model';
import { RuleCache } from '../rules/ruleCache';
import type { FieldFinding } from './model';
import type { AuditedField } from './scanResult';

/**
 * What an audit of a folder keeps for the next one (an editor re-audits after every edit):
 * evidence line scans and resolved dispositions (`AssessCache`), the rules' diagnostics per
 * part of the folder (`RuleCache`), and each PI field as reported. Results are the same as
 * without it.
 */
export class AuditCache {
  readonly assess = new AssessCache();
  readonly rules = new RuleCache();
  private readonly reported = new WeakMap<FieldFinding, AuditedField>();

  /**
   * The field as reported (`make`), the one made last time when its finding, disposition and
   * evidence are the same: an unchanged field is not copied again on every audit.
   */
  audited(assessed: AssessedField, evidence: readonly string[], make: () => AuditedField): AuditedField {
    const last = this.reported.get(assessed.finding);
    if (last && last.disposition === assessed.disposition && last.evidence.length === evidence.length && last.evidence.every((text, i) => text === evidence[i])) return last;
    const made = make();
    this.reported.set(assessed.finding, made);
    return made;
  }
}
