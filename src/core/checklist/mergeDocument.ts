import { Document, isAlias, isMap, isScalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LegalEntityInfo } from '../config/model';
import { SECTION_COMMENTS, UNDECIDED_COMMENT } from './comments';
import {
  categoryLabelText, dispositionData, informationClass, isAbroad, locationText, parseLocation,
} from './itemContent';
import {
  isClosedStatus, type ChecklistData, type ChecklistDispositionData, type ChecklistInput, type ChecklistItemData,
  type ChecklistItemInput, type ChecklistStepData, type ChecklistSystemInput,
} from './model';
import { STEP_DEFINITIONS, type StepFieldView } from './steps';
import {
  deleteKey, ensureMap, ensureSeq, orderKeys, reorderSeq, scalarValue, setNode, setScalar, sortAnchored,
  syncStringSeq, valueNode,
} from './yamlNodes';

/** Top-level sections in the order they are written. */
const SECTIONS = ['version', 'legalEntity', 'summary', 'systems', 'steps'] as const;
const LEGAL_ENTITY_KEYS: readonly (keyof LegalEntityInfo)[] = ['name', 'creditCode', 'deregistration', 'date', 'successor', 'successorContact'];
const DISPOSITION_KEYS = ['action', 'period', 'until', 'then', 'basis', 'to', 'contact', 'method', 'mechanism', 'reason', 'owner', 'extra', 'declaredIn'];

/** A fresh checklist document: the header and the sections, each with its explaining comment. */
export function newChecklistDocument(header: string): Document {
  const doc = new Document({ version: 1 });
  doc.commentBefore = header;
  const versionKey = (doc.contents as YAMLMap).items[0].key;
  if (isScalar(versionKey)) versionKey.commentBefore = SECTION_COMMENTS.version;
  return doc;
}

/**
 * Brings `doc` (the checklist as parsed, `data` its plain value) up to date with `input`, editing
 * nodes in place. Tool-owned values are refreshed; people's values, items and comments stay.
 */
export function mergeDocument(doc: Document, data: ChecklistData, input: ChecklistInput): void {
  const root = doc.contents as YAMLMap;
  if (valueNode(root, 'version') === undefined) placeSection(doc, root, 'version', () => doc.createNode(1));

  mergeLegalEntity(doc, sectionMap(doc, root, 'legalEntity'), input.legalEntity);
  const summary = sectionMap(doc, root, 'summary');
  const systems = sectionSeq(doc, root, 'systems');
  const views = mergeSystems(doc, systems, data.systems, input.systems);
  mergeSteps(doc, sectionSeq(doc, root, 'steps'), data.steps ?? [], views);
  writeSummary(doc, summary, views);
  spaceSections(root);
}

// --- Sections ---------------------------------------------------------------------------------

function sectionMap(doc: Document, root: YAMLMap, key: (typeof SECTIONS)[number]): YAMLMap {
  return ensureMap(doc, root, key, SECTION_COMMENTS[key], sectionIndex(root, key));
}

function sectionSeq(doc: Document, root: YAMLMap, key: (typeof SECTIONS)[number]): YAMLSeq {
  return ensureSeq(doc, root, key, SECTION_COMMENTS[key], sectionIndex(root, key));
}

function placeSection(doc: Document, root: YAMLMap, key: (typeof SECTIONS)[number], make: () => unknown): void {
  const pair = doc.createPair(key, make());
  if (isScalar(pair.key)) pair.key.commentBefore = SECTION_COMMENTS[key];
  root.items.splice(sectionIndex(root, key), 0, pair);
}

/** A blank line before each section's comment, so the sections read as sections. */
function spaceSections(root: YAMLMap): void {
  root.items.forEach((pair, index) => {
    if (index > 0 && isScalar(pair.key) && (SECTIONS as readonly unknown[]).includes(pair.key.value) && pair.key.commentBefore) {
      pair.key.spaceBefore = true;
    }
  });
}

/** Where a missing section goes: after the last section that comes before it and is present. */
function sectionIndex(root: YAMLMap, key: (typeof SECTIONS)[number]): number {
  const before = SECTIONS.slice(0, SECTIONS.indexOf(key));
  let index = 0;
  root.items.forEach((pair, i) => {
    if (isScalar(pair.key) && (before as readonly unknown[]).includes(pair.key.value)) index = i + 1;
  });
  return index;
}

function mergeLegalEntity(doc: Document, map: YAMLMap, entity: LegalEntityInfo): void {
  for (const key of LEGAL_ENTITY_KEYS) {
    const value = entity[key];
    // The config wins when it says something; otherwise what people wrote here stays.
    if (value !== undefined && value !== '') setScalar(doc, map, key, value);
    else if (valueNode(map, key) === undefined) setScalar(doc, map, key, '');
  }
}

function writeSummary(doc: Document, map: YAMLMap, views: readonly ItemView[]): void {
  const current = views.filter((v) => !v.gone);
  setScalar(doc, map, 'fields', current.length);
  setScalar(doc, map, 'sensitive', current.filter((v) => v.sensitive).length);
  setScalar(doc, map, 'decided', current.filter((v) => v.disposition).length);
  setScalar(doc, map, 'done', current.filter((v) => isClosedStatus(v.status)).length);
  setScalar(doc, map, 'gone', views.length - current.length);
}

// --- Systems and items ------------------------------------------------------------------------

/** What the summary and the steps need to know about each item after the merge. */
interface ItemView {
  sensitive: boolean;
  personal: boolean;
  disposition: ChecklistDispositionData | null;
  status: unknown;
  gone: boolean;
}

function mergeSystems(
  doc: Document, seq: YAMLSeq, existing: ChecklistData['systems'], inputs: readonly ChecklistSystemInput[],
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
      const node = doc.createNode({ name: input.name, items: [] }) as YAMLMap;
      seq.items.push(node);
      entry = { node, data: { name: input.name, items: [] } };
      byName.set(input.name, entry);
    }
    views.push(...mergeItems(doc, ensureSeq(doc, entry.node, 'items'), entry.data.items, input.items));
    merged.add(input.name);
  }
  // Systems not scanned in this run are left exactly as they are.
  for (const [name, entry] of byName) {
    if (!merged.has(name)) views.push(...entry.data.items.map((item) => viewOf(item)));
  }
  const order = sortAnchored(seq.items, (node) => (isMap(node) ? String(scalarValue(node, 'name')) : undefined), compareText);
  reorderSeq(seq, order);
  return views;
}

function mergeItems(doc: Document, seq: YAMLSeq, existing: readonly ChecklistItemData[], inputs: readonly ChecklistItemInput[]): ItemView[] {
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
      views.push(updateItem(doc, entry.node, entry.data, input));
    } else {
      const { node, view } = createItem(doc, input);
      seq.items.push(node);
      views.push(view);
    }
  }
  for (const [id, entry] of byId) {
    if (seen.has(id)) continue;
    // Gone from the code: kept with everything people wrote, and flagged (never dropped).
    const manual = isManual(entry.data);
    if (!manual && entry.data.gone !== true) setScalar(doc, entry.node, 'gone', true);
    views.push({ ...viewOf(entry.data), gone: !manual });
  }
  const order = sortAnchored(seq.items, (node) => (isMap(node) ? itemSortKey(node) : undefined), compareItemKeys);
  reorderSeq(seq, order);
  return views;
}

/** Added by hand: flagged `manual: true`, or an id that is not a finding id (`file#entity.field`). */
function isManual(item: Pick<ChecklistItemData, 'id' | 'manual'>): boolean {
  return item.manual === true || !item.id.includes('#');
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

function createItem(doc: Document, input: ChecklistItemInput): { node: YAMLMap; view: ItemView } {
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
  const node = doc.createNode(data) as YAMLMap;
  const dispositionNode = valueNode(node, 'disposition');
  if (isScalar(dispositionNode)) dispositionNode.comment = UNDECIDED_COMMENT;
  if (disposition) orderKeys(valueNode(node, 'disposition') as YAMLMap, DISPOSITION_KEYS);
  return { node, view: viewOf(data) };
}

function updateItem(doc: Document, node: YAMLMap, data: ChecklistItemData, input: ChecklistItemInput): ItemView {
  setScalar(doc, node, 'location', locationText(input));
  setScalar(doc, node, 'entity', input.finding.entity);
  setScalar(doc, node, 'field', input.finding.field);
  setScalar(doc, node, 'category', input.finding.category);
  setScalar(doc, node, 'label', categoryLabelText(input));
  setScalar(doc, node, 'sensitive', input.finding.sensitive);
  setScalar(doc, node, 'class', informationClass(input));

  let disposition = data.disposition ?? null;
  if (!isHumanDisposition(node)) {
    disposition = input.disposition ? dispositionData(input.disposition) : null;
    writeMirroredDisposition(doc, node, disposition);
  }
  syncStringSeq(doc, node, 'evidence', input.evidence);
  if (valueNode(node, 'gone') !== undefined) deleteKey(node, 'gone');
  return {
    sensitive: input.finding.sensitive,
    personal: input.finding.isPI,
    disposition,
    status: data.status,
    gone: false,
  };
}

/**
 * A decision people took in the checklist: `declaredIn: checklist`, no `declaredIn`, or an alias
 * to a decision written elsewhere. Anything else is a copy of the code or the policy.
 */
export function isHumanDisposition(item: YAMLMap): boolean {
  const node = valueNode(item, 'disposition');
  if (isAlias(node)) return true;
  if (!isMap(node)) return false;
  const declaredIn = scalarValue(node, 'declaredIn');
  return declaredIn === undefined || declaredIn === null || declaredIn === 'checklist';
}

/** Copies the disposition declared in code or policy into the item, editing the existing map when there is one. */
function writeMirroredDisposition(doc: Document, item: YAMLMap, disposition: ChecklistDispositionData | null): void {
  const current = valueNode(item, 'disposition');
  if (disposition === null) {
    if (isScalar(current) && current.value === null) return;
    const empty = doc.createNode(null);
    empty.comment = UNDECIDED_COMMENT;
    setNode(doc, item, 'disposition', empty, [UNDECIDED_COMMENT]);
    return;
  }
  if (!isMap(current)) {
    const created = doc.createNode(disposition) as YAMLMap;
    orderKeys(created, DISPOSITION_KEYS);
    setNode(doc, item, 'disposition', created, [UNDECIDED_COMMENT]);
    return;
  }
  for (const key of DISPOSITION_KEYS) {
    const value = disposition[key as keyof ChecklistDispositionData];
    if (value === undefined) deleteKey(current, key);
    else if (typeof value === 'object') setNode(doc, current, key, doc.createNode(value));
    else setScalar(doc, current, key, value);
  }
  orderKeys(current, DISPOSITION_KEYS);
}

function viewOf(item: ChecklistItemData): ItemView {
  return {
    sensitive: item.sensitive === true,
    personal: item.class === undefined ? true : item.class === '个人隐私信息',
    disposition: item.disposition ?? null,
    status: item.status,
    gone: item.gone === true,
  };
}

// --- Steps ------------------------------------------------------------------------------------

function mergeSteps(doc: Document, seq: YAMLSeq, existing: readonly ChecklistStepData[], views: readonly ItemView[]): void {
  const fields: StepFieldView[] = views
    .filter((v) => !v.gone)
    .map((v) => ({ personal: v.personal && v.disposition?.action !== 'ignore', sensitive: v.sensitive, action: v.disposition?.action, abroad: isAbroad(v.disposition) }));
  const byId = new Map<string, YAMLMap>();
  seq.items.forEach((node, index) => {
    if (isMap(node)) byId.set(existing[index].id, node);
  });
  for (const step of STEP_DEFINITIONS) {
    const reason = step.needed(fields);
    const title = `${step.titleZh} / ${step.titleEn}`;
    const node = byId.get(step.id);
    if (reason !== undefined) {
      if (node) {
        setScalar(doc, node, 'title', title);
        setScalar(doc, node, 'basis', step.basis);
        setScalar(doc, node, 'reason', reason);
        if (valueNode(node, 'needed') !== undefined) deleteKey(node, 'needed');
      } else {
        seq.items.push(doc.createNode({ id: step.id, title, basis: step.basis, reason, status: 'todo', owner: '', note: '' }));
      }
    } else if (node) {
      // No longer needed for what was found; kept with its status, never dropped.
      setScalar(doc, node, 'title', title);
      setScalar(doc, node, 'basis', step.basis);
      setScalar(doc, node, 'reason', '当前发现的字段不需要此步骤 / not needed for the fields found now');
      setScalar(doc, node, 'needed', false);
    }
  }
  const rank = new Map(STEP_DEFINITIONS.map((step, index) => [step.id, index]));
  const order = sortAnchored(seq.items, (node) => (isMap(node) ? rank.get(String(scalarValue(node, 'id'))) : undefined), (a, b) => a - b);
  reorderSeq(seq, order);
}
