import { isMap, isScalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { UNDECIDED_COMMENT } from './comments';
import type { EditedDocument } from './editedDocument';
import { isHumanDisposition, isManual } from './humanEdits';
import { categoryLabelText, dispositionData, informationClass, locationText, parseLocation } from './itemContent';
import { viewOf, type ItemView } from './itemView';
import type { ChecklistData, ChecklistDispositionData, ChecklistItemData, ChecklistItemInput, ChecklistSystemInput } from './model';
import {
  appendItem, deleteKey, ensureSeq, orderKeys, reorderSeq, scalarValue, setNode, setScalar, sortAnchored, syncStringSeq, valueNode,
} from './yamlNodes';

/** Keys of a disposition in the order the checklist writes them. */
const DISPOSITION_KEYS = ['action', 'period', 'until', 'then', 'basis', 'to', 'contact', 'method', 'mechanism', 'reason', 'owner', 'extra', 'declaredIn'];

/**
 * Merges the scanned systems into the `systems` list: each system's items are updated in place,
 * new fields added as todo, vanished ones flagged gone; systems not scanned now stay as they are.
 * Systems end up by name, items by file, line and id (items added by hand stay after the item
 * they followed). Returns a view of every item for the summary and the steps.
 */
export function mergeSystems(
  edited: EditedDocument, seq: YAMLSeq, existing: ChecklistData['systems'], inputs: readonly ChecklistSystemInput[],
): ItemView[] {
  const byName = new Map<string, { node: YAMLMap; data: ChecklistData['systems'][number] }>();
  seq.items.forEach((node, index) => {
    if (isMap(node)) byName.set(existing[index].name, { node, data: existing[index] });
  });
  const views: ItemView[] = [];
  const merged = new Set<string>();
  for (const input of inputs) {
    let entry = byName.get(input.name);
    if (!entry) {
      const node = edited.doc.createNode({ name: input.name, items: [] }) as YAMLMap;
      appendItem(edited, seq, node);
      entry = { node, data: { name: input.name, items: [] } };
      byName.set(input.name, entry);
    }
    views.push(...mergeItems(edited, ensureSeq(edited, entry.node, 'items'), entry.data.items, input.items));
    merged.add(input.name);
  }
  // Systems not scanned in this run are left exactly as they are.
  for (const [name, entry] of byName) {
    if (!merged.has(name)) views.push(...entry.data.items.map((item) => viewOf(item)));
  }
  const order = sortAnchored(seq.items, (node) => (isMap(node) ? String(scalarValue(node, 'name')) : undefined), compareText);
  reorderSeq(edited, seq, order);
  return views;
}

function mergeItems(edited: EditedDocument, seq: YAMLSeq, existing: readonly ChecklistItemData[], inputs: readonly ChecklistItemInput[]): ItemView[] {
  const byId = new Map<string, { node: YAMLMap; data: ChecklistItemData }>();
  seq.items.forEach((node, index) => {
    if (isMap(node)) byId.set(existing[index].id, { node, data: existing[index] });
  });
  const views: ItemView[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const id = input.finding.id;
    if (seen.has(id)) continue;
    seen.add(id);
    const entry = byId.get(id);
    if (entry) {
      views.push(updateItem(edited, entry.node, entry.data, input));
    } else {
      const { node, view } = createItem(edited, input);
      appendItem(edited, seq, node);
      views.push(view);
    }
  }
  for (const [id, entry] of byId) {
    if (seen.has(id)) continue;
    // Gone from the code: kept with everything people wrote, and flagged (never dropped).
    const manual = isManual(entry.data);
    if (!manual && entry.data.gone !== true) setScalar(edited, entry.node, 'gone', true);
    views.push({ ...viewOf(entry.data), gone: !manual });
  }
  const order = sortAnchored(seq.items, (node) => (isMap(node) ? itemSortKey(node) : undefined), compareItemKeys);
  reorderSeq(edited, seq, order);
  return views;
}

interface ItemSortKey { file: string; line: number; id: string }

function itemSortKey(node: YAMLMap): ItemSortKey | undefined {
  const id = scalarValue(node, 'id');
  if (typeof id !== 'string' || isManual({ id, manual: scalarValue(node, 'manual') === true })) return undefined;
  const location = parseLocation(scalarValue(node, 'location'));
  return { file: location?.file ?? id.slice(0, id.indexOf('#')), line: location?.line ?? 0, id };
}

function compareItemKeys(a: ItemSortKey, b: ItemSortKey): number {
  return compareText(a.file, b.file) || a.line - b.line || compareText(a.id, b.id);
}

/** Code-point order, the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function createItem(edited: EditedDocument, input: ChecklistItemInput): { node: YAMLMap; view: ItemView } {
  const disposition = input.disposition ? dispositionData(input.disposition) : null;
  const data: ChecklistItemData = {
    id: input.finding.id,
    location: locationText(input),
    entity: input.finding.entity,
    field: input.finding.field,
    category: input.finding.category,
    label: categoryLabelText(input),
    sensitive: input.finding.sensitive,
    class: informationClass(input),
    disposition,
    evidence: [...input.evidence],
    status: 'todo',
    owner: input.disposition?.owner ?? '',
    note: '',
  };
  const node = edited.doc.createNode(data) as YAMLMap;
  const dispositionNode = valueNode(node, 'disposition');
  if (isScalar(dispositionNode)) dispositionNode.comment = UNDECIDED_COMMENT;
  if (disposition) orderKeys(edited, valueNode(node, 'disposition') as YAMLMap, DISPOSITION_KEYS);
  return { node, view: viewOf(data) };
}

function updateItem(edited: EditedDocument, node: YAMLMap, data: ChecklistItemData, input: ChecklistItemInput): ItemView {
  setScalar(edited, node, 'location', locationText(input));
  setScalar(edited, node, 'entity', input.finding.entity);
  setScalar(edited, node, 'field', input.finding.field);
  setScalar(edited, node, 'category', input.finding.category);
  setScalar(edited, node, 'label', categoryLabelText(input));
  setScalar(edited, node, 'sensitive', input.finding.sensitive);
  setScalar(edited, node, 'class', informationClass(input));

  let disposition = data.disposition ?? null;
  if (!isHumanDisposition(node)) {
    disposition = input.disposition ? dispositionData(input.disposition) : null;
    writeMirroredDisposition(edited, node, disposition);
  }
  syncStringSeq(edited, node, 'evidence', input.evidence);
  if (valueNode(node, 'gone') !== undefined) deleteKey(edited, node, 'gone');
  return {
    sensitive: input.finding.sensitive,
    personal: input.finding.isPI,
    disposition,
    status: data.status,
    gone: false,
  };
}

/** Copies the disposition declared in code or policy into the item, editing the existing map when there is one. */
function writeMirroredDisposition(edited: EditedDocument, item: YAMLMap, disposition: ChecklistDispositionData | null): void {
  const current = valueNode(item, 'disposition');
  if (disposition === null) {
    if (isScalar(current) && current.value === null) return;
    const empty = edited.doc.createNode(null);
    empty.comment = UNDECIDED_COMMENT;
    setNode(edited, item, 'disposition', empty, [UNDECIDED_COMMENT]);
    return;
  }
  if (!isMap(current)) {
    const created = edited.doc.createNode(disposition) as YAMLMap;
    orderKeys(edited, created, DISPOSITION_KEYS);
    setNode(edited, item, 'disposition', created, [UNDECIDED_COMMENT]);
    return;
  }
  for (const key of DISPOSITION_KEYS) {
    const value = disposition[key as keyof ChecklistDispositionData];
    if (value === undefined) deleteKey(edited, current, key);
    else if (typeof value === 'object') setNode(edited, current, key, edited.doc.createNode(value));
    else setScalar(edited, current, key, value);
  }
  orderKeys(edited, current, DISPOSITION_KEYS);
}
