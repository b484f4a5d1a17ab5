import type { Disposition, DispositionAction } from '../core/disposition/model';
import { parsePeriod } from '../core/disposition/period';

/** What a person decided for a field, before it is written as an annotation or a checklist entry. */
export interface Decision {
  action: DispositionAction;
  /** `30y`, `6m`, `90d` (retain only). */
  period?: string;
  basis?: string;
  until?: string;
  then?: string;
  to?: string;
  contact?: string;
  mechanism?: string;
  method?: string;
  reason?: string;
  owner?: string;
}

/** Keys in the order annotations and the checklist write them. */
export const DECISION_KEYS = ['basis', 'until', 'then', 'to', 'contact', 'mechanism', 'method', 'reason', 'owner'] as const;

/** A value that may stay bare in an annotation; anything else is quoted. */
const BARE_VALUE = /^[A-Za-z0-9_.:/+-]+$/;

/** `@pi retain 30y basis="会计档案管理办法 第十四条" then=destroy`, which the engine parses back to `decision`. */
export function annotationText(decision: Decision): string {
  const parts = ['@pi', decision.action];
  if (decision.action === 'retain' && decision.period) parts.push(decision.period.trim());
  for (const key of DECISION_KEYS) {
    const value = decision[key]?.replace(/\s+/g, ' ').trim();
    if (!value) continue;
    parts.push(`${key}=${BARE_VALUE.test(value) ? value : quote(value)}`);
  }
  return parts.join(' ');
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The decision as the engine's disposition declared in the checklist (for the checklist merge). */
export function checklistDisposition(decision: Decision, declaredAt: Disposition['declaredAt']): Disposition {
  const disposition: Disposition = { action: decision.action, extra: {}, source: 'checklist', declaredAt };
  const period = decision.period ? parsePeriod(decision.period) : null;
  if (period) disposition.period = period;
  for (const key of DECISION_KEYS) {
    const value = decision[key]?.trim();
    if (value) disposition[key] = value;
  }
  return disposition;
}

/** A disposition in force, back as a decision (to complete or correct it). */
export function decisionOf(disposition: Disposition): Decision {
  const decision: Decision = { action: disposition.action };
  if (disposition.period) decision.period = disposition.period.text;
  for (const key of DECISION_KEYS) {
    const value = disposition[key];
    if (value) decision[key] = value;
  }
  return decision;
}
