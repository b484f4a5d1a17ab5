import { isMap, isNode, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { keyText } from '../config/yamlSource';
import type { EditedDocument } from './editedDocument';

/**
 * Small in-place edits on a parsed YAML document. The merge never rebuilds a node a person may
 * have touched: values change inside the existing node, so comments and formatting stay. Each
 * helper reports what it changed to the `EditedDocument` (and nothing when nothing changed).
 */

export type ScalarValue = string | number | boolean | null;

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => keyText(pair.key) === key);
}

export function valueNode(map: YAMLMap, key: string): unknown {
  return findPair(map, key)?.value;
}

export function scalarValue(map: YAMLMap, key: string): unknown {
  const node = valueNode(map, key);
  return isScalar(node) ? node.value : undefined;
}

/** Sets a scalar, keeping the existing scalar node (and its comments) when there is one. */
export function setScalar(edited: EditedDocument, map: YAMLMap, key: string, value: ScalarValue): void {
  const pair = findPair(map, key);
  if (!pair) {
    map.items.push(edited.doc.createPair(key, value));
    edited.structureChanged(map);
    return;
  }
  if (isScalar(pair.value)) {
    if (pair.value.value !== value) {
      pair.value.value = value;
      edited.valueChanged(pair.value, map);
    }
    return;
  }
  pair.value = withCarriedComments(pair.value, edited.doc.createNode(value));
  edited.structureChanged(map);
}

/** Replaces a value node; comments people wrote on the old node move to the new one. */
export function setNode(edited: EditedDocument, map: YAMLMap, key: string, node: Node, generatedComments: readonly string[] = []): void {
  edited.structureChanged(map);
  const pair = findPair(map, key);
  if (!pair) {
    map.items.push(edited.doc.createPair(key, node));
    return;
  }
  pair.value = withCarriedComments(pair.value, node, generatedComments);
}

/** Removes a key; comments on it move to the next key (or after the map) so none is lost. */
export function deleteKey(edited: EditedDocument, map: YAMLMap, key: string): void {
  const index = map.items.findIndex((pair) => keyText(pair.key) === key);
  if (index < 0) return;
  edited.structureChanged(map);
  const [pair] = map.items.splice(index, 1);
  const comments = [
    isNode(pair.key) ? pair.key.commentBefore : undefined,
    isNode(pair.value) ? pair.value.commentBefore : undefined,
    isNode(pair.value) ? pair.value.comment : undefined,
    isNode(pair.key) ? pair.key.comment : undefined,
  ].filter((c): c is string => !!c);
  if (comments.length === 0) return;
  const next = map.items[index]?.key;
  if (isNode(next)) next.commentBefore = joinComments(...comments, next.commentBefore);
  else map.comment = joinComments(map.comment, ...comments);
}

/** Keeps the string items that are still wanted (with their comments), adds the new ones, in `values` order. */
export function syncStringSeq(edited: EditedDocument, map: YAMLMap, key: string, values: readonly string[]): void {
  const current = valueNode(map, key);
  if (!isSeq(current)) {
    setNode(edited, map, key, edited.doc.createNode([...values]));
    return;
  }
  if (sameStrings(current, values)) return;
  edited.structureChanged(map);
  edited.structureChanged(current);
  const existing = new Map<string, Node>();
  const dropped: string[] = [];
  for (const item of current.items) {
    if (isScalar(item) && typeof item.value === 'string' && !existing.has(item.value)) existing.set(item.value, item);
    else if (isNode(item)) dropped.push(...[item.commentBefore, item.comment].filter((c): c is string => !!c));
  }
  const next: unknown[] = values.map((value) => existing.get(value) ?? edited.doc.createNode(value));
  for (const [value, node] of existing) {
    if (!values.includes(value)) dropped.push(...[node.commentBefore, node.comment].filter((c): c is string => !!c));
  }
  current.items = next;
  if (dropped.length > 0) current.comment = joinComments(current.comment, ...dropped);
  if (next.length > 0 && current.flow) current.flow = false;
  if (next.length === 0) current.flow = true;
}

/** Reorders the keys of a map the tool owns (keys not in `order` keep their place at the end). */
export function orderKeys(edited: EditedDocument, map: YAMLMap, order: readonly string[]): void {
  const rank = (pair: Pair): number => {
    const index = order.indexOf(keyText(pair.key));
    return index < 0 ? order.length : index;
  };
  const sorted = [...map.items].sort((a, b) => rank(a) - rank(b));
  if (sorted.some((pair, index) => pair !== map.items[index])) edited.structureChanged(map);
  map.items = sorted;
}

/** A map value at `key`, created (with a comment above the key) when missing. */
export function ensureMap(edited: EditedDocument, parent: YAMLMap, key: string, keyComment?: string, insertAt?: number): YAMLMap {
  const node = valueNode(parent, key);
  if (isMap(node)) return node;
  const created = edited.doc.createNode({}) as YAMLMap;
  placeValue(edited, parent, key, created, keyComment, insertAt);
  return created;
}

/** A sequence value at `key`, created (with a comment above the key) when missing or null. */
export function ensureSeq(edited: EditedDocument, parent: YAMLMap, key: string, keyComment?: string, insertAt?: number): YAMLSeq {
  const node = valueNode(parent, key);
  if (isSeq(node)) return node;
  const created = edited.doc.createNode([]) as YAMLSeq;
  placeValue(edited, parent, key, created, keyComment, insertAt);
  return created;
}

/**
 * Sorts `items` by `keyOf`; an item without a key (added by hand) stays right after the item it
 * followed before, so a person's placement survives normalisation.
 */
export function sortAnchored<T, K>(items: readonly T[], keyOf: (item: T) => K | undefined, compare: (a: K, b: K) => number): T[] {
  const followers = new Map<T | null, T[]>();
  const keyed: { item: T; key: K }[] = [];
  let anchor: T | null = null;
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) {
      const list = followers.get(anchor) ?? [];
      list.push(item);
      followers.set(anchor, list);
    } else {
      keyed.push({ item, key });
      anchor = item;
    }
  }
  keyed.sort((a, b) => compare(a.key, b.key));
  const result: T[] = [...(followers.get(null) ?? [])];
  for (const { item } of keyed) result.push(item, ...(followers.get(item) ?? []));
  return result;
}

/**
 * Reorders a block sequence in place. A comment written between the parent key and the first
 * item belongs to that item, so it moves with it; one blank line separates items.
 */
export function reorderSeq(edited: EditedDocument, seq: YAMLSeq, ordered: readonly unknown[]): void {
  const unchanged = ordered.length === seq.items.length && ordered.every((item, index) => item === seq.items[index]);
  const first = seq.items[0];
  // Where the comment hangs does not change the text while the first item stays first.
  if (seq.commentBefore && isNode(first)) {
    first.commentBefore = joinComments(seq.commentBefore, first.commentBefore);
    seq.commentBefore = undefined;
  }
  if (!unchanged) {
    seq.items = [...ordered];
    edited.structureChanged(seq);
  }
  seq.items.forEach((item, index) => {
    if (!isNode(item) || (item.spaceBefore === true) === index > 0) return;
    // The blank line before an item is the sequence's layout, not the item's content.
    item.spaceBefore = index > 0;
    edited.structureChanged(seq);
  });
}

/** Appends a node to a block sequence (a new system, item or step). */
export function appendItem(edited: EditedDocument, seq: YAMLSeq, node: unknown): void {
  seq.items.push(node);
  edited.structureChanged(seq);
}

export function joinComments(...comments: (string | undefined | null)[]): string | undefined {
  const parts = comments.filter((c): c is string => !!c);
  return parts.length > 0 ? parts.join('\n') : undefined;
}

function placeValue(edited: EditedDocument, parent: YAMLMap, key: string, node: Node, keyComment?: string, insertAt?: number): void {
  edited.structureChanged(parent);
  const existing = findPair(parent, key);
  if (existing) {
    existing.value = withCarriedComments(existing.value, node);
    return;
  }
  const pair = edited.doc.createPair(key, node);
  if (keyComment && isNode(pair.key)) pair.key.commentBefore = keyComment;
  if (insertAt === undefined || insertAt >= parent.items.length) parent.items.push(pair);
  else parent.items.splice(insertAt, 0, pair);
}

/** Comments on `from` that a person wrote (not the tool's own `generated` ones) are put on `to`. */
function withCarriedComments(from: unknown, to: Node, generatedComments: readonly string[] = []): Node {
  if (!isNode(from)) return to;
  const keep = (comment: string | undefined | null): string | undefined =>
    comment && !generatedComments.includes(comment) ? comment : undefined;
  const before = keep(from.commentBefore);
  const after = keep(from.comment);
  if (isScalar(to)) {
    to.commentBefore = joinComments(before, to.commentBefore);
    to.comment = joinComments(after, to.comment);
  } else {
    // On a block collection an inline comment cannot stay inline: it goes above the first entry.
    to.commentBefore = joinComments(before, after, to.commentBefore);
  }
  return to;
}

/** The sequence already holds exactly `values`, in order, as plain string scalars and in block style. */
function sameStrings(seq: YAMLSeq, values: readonly string[]): boolean {
  if (seq.items.length !== values.length) return false;
  if (values.length === 0) return seq.flow === true;
  return !seq.flow && seq.items.every((item, index) => isScalar(item) && item.value === values[index]);
}
