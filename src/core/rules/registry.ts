import { checklistStale } from './checklistStale';
import { crossBorderTransfer } from './crossBorderTransfer';
import { invalidAnnotation } from './invalidAnnotation';
import { missingDisposition } from './missingDisposition';
import type { Lang, Rule, RuleMeta } from './model';
import { retainWithoutBasis } from './retainWithoutBasis';
import { retentionConflict } from './retentionConflict';
import { sensitiveUnprotected } from './sensitiveUnprotected';
import { softDeleteOnly } from './softDeleteOnly';
import { fillTemplate, pick } from './template';
import { transferWithoutRecipient } from './transferWithoutRecipient';

/** Every rule, in the order the README documents them. Ids are stable: never rename one. */
export const RULES: readonly Rule[] = [
  missingDisposition,
  retainWithoutBasis,
  transferWithoutRecipient,
  crossBorderTransfer,
  retentionConflict,
  softDeleteOnly,
  sensitiveUnprotected,
  invalidAnnotation,
  checklistStale,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.meta.id);

export function findRule(id: string): RuleMeta | undefined {
  return RULES.find((rule) => rule.meta.id === id)?.meta;
}

/**
 * A rule's message in the reader's language, for modules that raise a rule themselves
 * (`pi/checklist-stale` from the checklist module). Throws on an unknown rule or variant:
 * that is a programming error, not a user's.
 */
export function ruleMessage(id: string, variant: string, lang: Lang, params: Record<string, string | number>): string {
  const template = findRule(id)?.messages[variant];
  if (!template) throw new Error(`no message "${variant}" for rule ${id}`);
  return fillTemplate(pick(template, lang), params);
}
