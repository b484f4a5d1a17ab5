import { randomBytes } from 'node:crypto';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, Scalar, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { EditedDocument } from './editedDocument';
import { printWhole } from './printChecklist';
import { spliceValues } from './valuesInPlace';
import { valueNode } from './yamlNodes';

interface KeptItem {
  seq: YAMLSeq;
  index: number;
  item: YAMLMap;
  /** The item's text from the source (its new values written in), from its first key on. */
  text: string;
  /** Column of its first key in the source: where `- ` puts it in the printed sequence. */
  column: number;
}

/**
 * The merged checklist printed by `yaml`, except that every item whose structure the merge did
 * not change is copied from the source (with its changed values written in place): each such
 * item stands in the document as a one-line placeholder while it is printed, and the
 * placeholder's line is then replaced by the item's source text. The items' own comments and
 * blank lines before them are printed by `yaml` from the placeholder, as for any item. Undefined
 * when no item can be kept, or the printed placeholders are not where the items were.
 */
export function printKeepingUnchangedItems(edited: EditedDocument, sourceText: string, printer: Document): string | undefined {
  // `yaml` prints \n line ends; items copied from a file with \r\n ones would mix the two.
  if (sourceText.includes('\r')) return undefined;
  const systems = isMap(edited.doc.contents) ? valueNode(edited.doc.contents, 'systems') : undefined;
  if (!isSeq(systems)) return undefined;
  const changed = [...edited.changedScalars].sort((a, b) => startOf(a) - startOf(b));
  const kept: KeptItem[] = [];
  for (const system of systems.items) {
    const seq = isMap(system) ? valueNode(system, 'items') : undefined;
    if (!isSeq(seq) || seq.flow) continue;
    seq.items.forEach((item, index) => {
      const copy = isMap(item) ? sourceOfItem(edited, item, sourceText, changed, printer) : undefined;
      if (copy) kept.push({ seq, index, item: item as YAMLMap, ...copy });
    });
  }
  if (kept.length === 0) return undefined;

  // A marker no checklist contains, so a placeholder's line cannot be mistaken for another.
  const marker = `pi-audit-item-${randomBytes(8).toString('hex')}-`;
  let printed: string;
  try {
    kept.forEach((entry, k) => {
      const placeholder = new Scalar(`${marker}${k}`);
      placeholder.commentBefore = entry.item.commentBefore;
      placeholder.spaceBefore = entry.item.spaceBefore;
      entry.seq.items[entry.index] = placeholder;
    });
    printed = printWhole(edited.doc);
  } finally {
    for (const entry of kept) entry.seq.items[entry.index] = entry.item;
  }
  const lines = printed.split('\n');
  let placed = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const at = line.indexOf(`- ${marker}`);
    if (at < 0) continue;
    const entry = kept[Number(line.slice(at + 2 + marker.length))] as KeptItem | undefined;
    if (!entry || line.slice(0, at).trim() !== '' || at + 2 !== entry.column) return undefined;
    lines[i] = `${line.slice(0, at + 2)}${entry.text}`;
    placed++;
  }
  return placed === kept.length ? lines.join('\n') : undefined;
}

/**
 * The item's source text, when it can stand for the item as printed: a block mapping written as
 * `- key: …` whose structure the merge left alone, with no anchor, alias or tag anywhere in it (an
 * item may move, and an alias must not come before its anchor) and no comment after its last
 * value (that comment lies outside the item's text). Undefined otherwise: then `yaml` prints it.
 */
function sourceOfItem(
  edited: EditedDocument, item: YAMLMap, sourceText: string, changed: readonly Scalar[], printer: Document,
): { text: string; column: number } | undefined {
  const range = item.range;
  if (!range || item.flow || item.comment || !isPlainTree(edited, item)) return undefined;
  const [start, end] = range;
  const lineStart = sourceText.lastIndexOf('\n', start - 1) + 1;
  if (!/^ *- $/.test(sourceText.slice(lineStart, start))) return undefined;
  // The text ends with its last line's newline; a second one would be a blank line inside a block scalar.
  if (!sourceText.endsWith('\n', end) || sourceText.endsWith('\n\n', end)) return undefined;
  const inside: Scalar[] = [];
  for (let i = firstAtOrAfter(changed, start); i < changed.length && startOf(changed[i]) < end; i++) inside.push(changed[i]);
  const text = spliceValues(sourceText, start, end - 1, inside, printer);
  return text === undefined ? undefined : { text, column: start - lineStart };
}

/** No structural change, anchor, alias or tag anywhere in the collection. */
function isPlainTree(edited: EditedDocument, collection: YAMLMap | YAMLSeq): boolean {
  if (edited.wasRestructured(collection) || collection.anchor !== undefined || collection.tag !== undefined) return false;
  for (const entry of collection.items) {
    const nodes = isPair(entry) ? [entry.key, entry.value] : [entry];
    for (const node of nodes) {
      if (isAlias(node) || !isNode(node) || node.anchor !== undefined || node.tag !== undefined) {
        if (node === null && isPair(entry)) continue; // `key:` with nothing after it
        return false;
      }
      if ((isMap(node) || isSeq(node)) && !isPlainTree(edited, node)) return false;
      if (!isScalar(node) && !isMap(node) && !isSeq(node)) return false;
    }
  }
  return true;
}

/** Where a scalar starts in the source (-1 for one the merge created). */
function startOf(node: Scalar): number {
  return node.range?.[0] ?? -1;
}

/** Index of the first of `sorted` (by start) that starts at `offset` or later. */
function firstAtOrAfter(sorted: readonly Scalar[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (startOf(sorted[middle]) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
