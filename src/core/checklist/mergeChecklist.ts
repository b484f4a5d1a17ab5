import { generateChecklist, CHECKLIST_PRINT_OPTIONS } from './generateChecklist';
import { mergeDocument } from './mergeDocument';
import { CHECKLIST_FILE_NAME, type ChecklistInput } from './model';
import { parseChecklist } from './parseChecklist';

/**
 * Re-generates the checklist over the existing text, keeping every edit people made: decisions,
 * statuses, owners, notes, items they added and their comments. The YAML document is edited in
 * place (never parsed into plain data and printed again). Fields gone from the code are kept and
 * marked `gone: true`; new fields come in as `todo`.
 *
 * Throws `ChecklistError` (file, line, reason) when the existing text does not parse or does not
 * match the schema; the caller must then leave the file untouched.
 */
export function mergeChecklist(existingText: string | undefined, input: ChecklistInput, file = CHECKLIST_FILE_NAME): string {
  if (existingText === undefined || existingText.trim() === '') return generateChecklist(input);
  const parsed = parseChecklist(existingText, file);
  mergeDocument(parsed.doc, parsed.data, input);
  return parsed.doc.toString(CHECKLIST_PRINT_OPTIONS);
}
