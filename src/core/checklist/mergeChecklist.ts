import { EditedDocument } from './editedDocument';
import { generateChecklist } from './generateChecklist';
import { mergeDocument } from './mergeDocument';
import { CHECKLIST_FILE_NAME, type ChecklistInput } from './model';
import { parseChecklist, type ParsedChecklist } from './parseChecklist';
import { renderChecklist } from './renderChecklist';

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
  return mergeParsedChecklist(parseChecklist(existingText, file), input);
}

/**
 * `mergeChecklist` over a checklist already parsed (by whoever also read its decisions), so a
 * 2 MB file is parsed once. Uses up `parsed`: its document is edited in place.
 */
export function mergeParsedChecklist(parsed: ParsedChecklist, input: ChecklistInput): string {
  const edited = new EditedDocument(parsed.doc);
  mergeDocument(edited, parsed.data, input);
  return renderChecklist(edited, parsed.text);
}
