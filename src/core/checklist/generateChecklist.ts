import { HEADER_COMMENT } from './comments';
import { EditedDocument } from './editedDocument';
import { mergeDocument, newChecklistDocument } from './mergeDocument';
import type { ChecklistInput } from './model';
import { printWhole } from './printChecklist';

export { CHECKLIST_PRINT_OPTIONS } from './printChecklist';

/**
 * The checklist for `input`, as YAML text, written as a merge into an empty checklist so a first
 * generation and any later merge produce the same shape.
 */
export function generateChecklist(input: ChecklistInput): string {
  const edited = new EditedDocument(newChecklistDocument(HEADER_COMMENT));
  mergeDocument(edited, { version: 1, systems: [], steps: [] }, input);
  return printWhole(edited.doc);
}
