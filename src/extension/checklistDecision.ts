import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { CHECKLIST_PRINT_OPTIONS } from '../core/checklist/generateChecklist';
import { dispositionData } from '../core/checklist/itemContent';
import { mergeChecklist } from '../core/checklist/mergeChecklist';
import type { ChecklistInput } from '../core/checklist/model';
import type { Disposition } from '../core/disposition/model';

/**
 * The checklist text with `disposition` recorded as a decision (`declaredIn: checklist`) on the
 * item of `fieldId` in `system`: the engine's merge first (it adds the item when missing and
 * keeps every human edit), then the one item's disposition is set in the YAML document, so a
 * decision already taken in the checklist is replaced too. Comments elsewhere are kept.
 * Throws `ChecklistError` when the existing text does not parse or match the schema.
 */
export function recordDecision(existingText: string | undefined, input: ChecklistInput, target: { system: string; fieldId: string; disposition: Disposition }, file: string): string {
  const merged = mergeChecklist(existingText, input, file);
  const doc = parseDocument(merged, { keepSourceTokens: false });
  const systems = doc.get('systems', true);
  if (!isSeq(systems)) return merged;
  for (const system of systems.items) {
    if (!isMap(system) || system.get('name') !== target.system) continue;
    const items = system.get('items', true);
    if (!isSeq(items)) continue;
    const item = items.items.find((node): node is YAMLMap => isMap(node) && node.get('id') === target.fieldId);
    if (!item) continue;
    const wanted = dispositionData(target.disposition);
    item.set('disposition', doc.createNode(wanted));
    // Merged once more so the summary counts the decision.
    return mergeChecklist(doc.toString(CHECKLIST_PRINT_OPTIONS), input, file);
  }
  return merged;
}
