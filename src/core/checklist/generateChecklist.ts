import { HEADER_COMMENT } from './comments';
import { mergeDocument, newChecklistDocument } from './mergeDocument';
import type { ChecklistInput } from './model';

/** How every checklist is printed: long Chinese lines are never folded, so diffs stay one line per change. */
export const CHECKLIST_PRINT_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

/**
 * The checklist for `input`, as YAML text, written as a merge into an empty checklist so a first
 * generation and any later merge produce the same shape.
 */
export function generateChecklist(input: ChecklistInput): string {
  const doc = newChecklistDocument(HEADER_COMMENT);
  mergeDocument(doc, { version: 1, systems: [], steps: [] }, input);
  return doc.toString(CHECKLIST_PRINT_OPTIONS);
}
