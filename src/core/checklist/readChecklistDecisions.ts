import { isAlias, isMap, type Node, type YAMLMap } from 'yaml';
import type { Disposition } from '../disposition/model';
import { CHECKLIST_FILE_NAME, type ChecklistDispositionData } from './model';
import { parseChecklist, type ParsedChecklist } from './parseChecklist';
import { parsePeriod } from '../disposition/period';
import { isHumanDisposition } from './humanEdits';
import { valueNode } from './yamlNodes';

export interface ReadDecisionsOptions {
  /** The checklist's name in `declaredAt` (as the user knows it). */
  file?: string;
  /** Only this system's items (ids are relative to a system, so two systems may share one). */
  system?: string;
}

/**
 * The decisions people took in the checklist (the checklist is a declaration source, after `@pi`
 * annotations and before policies): items whose disposition is `declaredIn: checklist` or says
 * nothing about where it was declared. Keyed by field id, with the line of each decision.
 * Throws `ChecklistError` when the file does not parse or does not match the schema.
 */
export function readChecklistDecisions(text: string, options: ReadDecisionsOptions = {}): Map<string, Disposition> {
  if (text.trim() === '') return new Map();
  return checklistDecisions(parseChecklist(text, options.file ?? CHECKLIST_FILE_NAME), options);
}

/** `readChecklistDecisions` of a checklist already parsed (read before it is merged). */
export function checklistDecisions(parsed: ParsedChecklist, options: ReadDecisionsOptions = {}): Map<string, Disposition> {
  const file = options.file ?? CHECKLIST_FILE_NAME;
  const decisions = new Map<string, Disposition>();
  parsed.data.systems.forEach((system, s) => {
    if (options.system !== undefined && system.name !== options.system) return;
    system.items.forEach((item, i) => {
      const node = parsed.doc.getIn(['systems', s, 'items', i], true) as YAMLMap;
      if (!item.disposition || !isHumanDisposition(node) || decisions.has(item.id)) return;
      const declared = valueNode(node, 'disposition') as Node;
      const resolved = isAlias(declared) ? declared.resolve(parsed.doc) : declared;
      const at = parsed.lineCounter.linePos((isMap(resolved) ? resolved : declared).range?.[0] ?? 0);
      decisions.set(item.id, toDisposition(item.disposition, { file, line: at.line, column: at.col }));
    });
  });
  return decisions;
}

function toDisposition(data: ChecklistDispositionData, declaredAt: { file: string; line: number; column: number }): Disposition {
  const disposition: Disposition = { action: data.action, extra: {}, source: 'checklist', declaredAt };
  const period = data.period !== undefined ? parsePeriod(data.period) : null;
  if (period) disposition.period = period;
  for (const key of ['basis', 'until', 'then', 'to', 'contact', 'method', 'reason', 'owner', 'mechanism'] as const) {
    const value = data[key];
    if (value !== undefined && value !== '') disposition[key] = value;
  }
  for (const [key, value] of Object.entries(data.extra ?? {})) disposition.extra[key] = String(value);
  return disposition;
}
