import { Document } from 'yaml';
import type { EditedDocument } from './editedDocument';
import { printWhole } from './printChecklist';
import { printKeepingUnchangedItems } from './unchangedItems';
import { spliceValues } from './valuesInPlace';

/**
 * The checklist text after a merge of the document parsed from `sourceText`, printing as little
 * as possible again (printing 2 MB of YAML costs about as much as parsing it):
 * - when the merge only replaced scalar values (nothing changed, or fields moved to other lines),
 *   each value is replaced at its place in the source (the node's `range`) and every other byte
 *   is kept, people's spacing and comments exactly as typed;
 * - otherwise (items added, gone or reordered, keys added…) the document is printed with each
 *   item that did not change structurally taken from the source (`unchangedItems.ts`);
 * - and when neither applies, the whole document is printed.
 */
export function renderChecklist(edited: EditedDocument, sourceText: string): string {
  // One document prints every value alone (making a Document per value costs more than printing
  // it), with the checklist's own schema: a `%YAML 1.1` file quotes other words than YAML 1.2.
  const printer = new Document(null);
  if (printer.schema.name !== edited.doc.schema.name) return printWhole(edited.doc);
  const text = edited.structureWasChanged
    ? printKeepingUnchangedItems(edited, sourceText, printer)
    : spliceValues(sourceText, 0, sourceText.length, [...edited.changedScalars], printer);
  return text ?? printWhole(edited.doc);
}
