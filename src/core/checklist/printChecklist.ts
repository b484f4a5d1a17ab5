import type { Document } from 'yaml';

/** How every checklist is printed: long Chinese lines are never folded, so diffs stay one line per change. */
export const CHECKLIST_PRINT_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

/** The whole document printed by `yaml`, as a first generation writes it. */
export function printWhole(doc: Document): string {
  return doc.toString(CHECKLIST_PRINT_OPTIONS);
}
