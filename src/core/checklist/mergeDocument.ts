import { Document, isScalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LegalEntityInfo } from '../config/model';
import { SECTION_COMMENTS } from './comments';
import type { EditedDocument } from './editedDocument';
import type { ItemView } from './itemView';
import { mergeSystems } from './mergeItems';
import { mergeSteps } from './mergeSteps';
import { isClosedStatus, type ChecklistData, type ChecklistInput } from './model';
import { ensureMap, ensureSeq, setScalar, valueNode } from './yamlNodes';

/** Top-level sections in the order they are written. */
const SECTIONS = ['version', 'legalEntity', 'summary', 'systems', 'steps'] as const;
const LEGAL_ENTITY_KEYS: readonly (keyof LegalEntityInfo)[] = ['name', 'creditCode', 'deregistration', 'date', 'successor', 'successorContact'];

/** A fresh checklist document: the header and the sections, each with its explaining comment. */
export function newChecklistDocument(header: string): Document {
  const doc = new Document({ version: 1 });
  doc.commentBefore = header;
  const versionKey = (doc.contents as YAMLMap).items[0].key;
  if (isScalar(versionKey)) versionKey.commentBefore = SECTION_COMMENTS.version;
  return doc;
}

/**
 * Brings the document (the checklist as parsed, `data` its plain value) up to date with `input`,
 * editing nodes in place. Tool-owned values are refreshed; people's values, items and comments
 * stay. What changed is recorded in `edited`.
 */
export function mergeDocument(edited: EditedDocument, data: ChecklistData, input: ChecklistInput): void {
  const root = edited.doc.contents as YAMLMap;
  if (valueNode(root, 'version') === undefined) placeSection(edited, root, 'version', () => edited.doc.createNode(1));

  mergeLegalEntity(edited, sectionMap(edited, root, 'legalEntity'), input.legalEntity);
  const summary = sectionMap(edited, root, 'summary');
  const systems = sectionSeq(edited, root, 'systems');
  const views = mergeSystems(edited, systems, data.systems, input.systems);
  mergeSteps(edited, sectionSeq(edited, root, 'steps'), data.steps ?? [], views);
  writeSummary(edited, summary, views);
  spaceSections(edited, root);
}

// --- Sections ---------------------------------------------------------------------------------

function sectionMap(edited: EditedDocument, root: YAMLMap, key: (typeof SECTIONS)[number]): YAMLMap {
  return ensureMap(edited, root, key, SECTION_COMMENTS[key], sectionIndex(root, key));
}

function sectionSeq(edited: EditedDocument, root: YAMLMap, key: (typeof SECTIONS)[number]): YAMLSeq {
  return ensureSeq(edited, root, key, SECTION_COMMENTS[key], sectionIndex(root, key));
}

function placeSection(edited: EditedDocument, root: YAMLMap, key: (typeof SECTIONS)[number], make: () => unknown): void {
  const pair = edited.doc.createPair(key, make());
  if (isScalar(pair.key)) pair.key.commentBefore = SECTION_COMMENTS[key];
  root.items.splice(sectionIndex(root, key), 0, pair);
  edited.structureChanged(root);
}

/** A blank line before each section's comment, so the sections read as sections. */
function spaceSections(edited: EditedDocument, root: YAMLMap): void {
  root.items.forEach((pair, index) => {
    if (index > 0 && isScalar(pair.key) && (SECTIONS as readonly unknown[]).includes(pair.key.value) && pair.key.commentBefore && !pair.key.spaceBefore) {
      pair.key.spaceBefore = true;
      edited.structureChanged(root);
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

function mergeLegalEntity(edited: EditedDocument, map: YAMLMap, entity: LegalEntityInfo): void {
  for (const key of LEGAL_ENTITY_KEYS) {
    const value = entity[key];
    // The config wins when it says something; otherwise what people wrote here stays.
    if (value !== undefined && value !== '') setScalar(edited, map, key, value);
    else if (valueNode(map, key) === undefined) setScalar(edited, map, key, '');
  }
}

function writeSummary(edited: EditedDocument, map: YAMLMap, views: readonly ItemView[]): void {
  const current = views.filter((v) => !v.gone);
  setScalar(edited, map, 'fields', current.length);
  setScalar(edited, map, 'sensitive', current.filter((v) => v.sensitive).length);
  setScalar(edited, map, 'decided', current.filter((v) => v.disposition).length);
  setScalar(edited, map, 'done', current.filter((v) => isClosedStatus(v.status)).length);
  setScalar(edited, map, 'gone', views.length - current.length);
}
