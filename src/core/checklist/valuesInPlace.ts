import { Scalar, type Document } from 'yaml';
import { CHECKLIST_PRINT_OPTIONS } from './printChecklist';

/**
 * `sourceText` from `from` to `to`, with the new value of each scalar in `scalars` (all within
 * that span) written over the old one; undefined when one cannot be written in place.
 */
export function spliceValues(sourceText: string, from: number, to: number, scalars: readonly Scalar[], printer: Document): string | undefined {
  const replacements: { start: number; end: number; text: string }[] = [];
  for (const node of scalars) {
    const replacement = inPlaceReplacement(node, printer);
    if (!replacement || replacement.start < from || replacement.end > to) return undefined;
    replacements.push(replacement);
  }
  replacements.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = from;
  for (const { start, end, text } of replacements) {
    // Ranges of distinct scalars never overlap; if they did, the source would not be what was parsed.
    if (start < at) return undefined;
    parts.push(sourceText.slice(at, start), text);
    at = end;
  }
  parts.push(sourceText.slice(at, to));
  return parts.join('');
}

/**
 * The scalar's new value as `doc.toString` would print it, and where its old value stands. Only a
 * one-line flow scalar (plain or quoted) without tag or anchor, written out (not an empty value),
 * qualifies: its text then does not depend on where it stands, so printing it alone gives the
 * same text as printing it in its mapping.
 */
function inPlaceReplacement(node: Scalar, printer: Document): { start: number; end: number; text: string } | undefined {
  const range = node.range;
  if (!range || range[1] <= range[0]) return undefined;
  if (node.type !== Scalar.PLAIN && node.type !== Scalar.QUOTE_DOUBLE && node.type !== Scalar.QUOTE_SINGLE) return undefined;
  if (node.tag !== undefined || node.anchor !== undefined) return undefined;
  const value: unknown = node.value;
  const printable = typeof value === 'string' ? !/[\n\r]/.test(value) : value === null || typeof value === 'number' || typeof value === 'boolean';
  if (!printable) return undefined;
  const alone = new Scalar(value);
  alone.type = node.type;
  alone.format = node.format;
  alone.minFractionDigits = node.minFractionDigits;
  printer.contents = alone;
  const printed = printer.toString(CHECKLIST_PRINT_OPTIONS);
  const text = printed.slice(0, -1);
  if (!printed.endsWith('\n') || text === '' || text.includes('\n') || text.startsWith('|') || text.startsWith('>')) return undefined;
  return { start: range[0], end: range[1], text };
}
