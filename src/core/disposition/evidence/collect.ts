import type { Evidence, EvidenceKind } from '../model';
import { squash } from '../names';
import type { Assignment, Hit } from './detectors';
import { scanLines, type LineEvidence, type LineEvidenceCache } from './lineEvidence';
import { EntityIndex, type EvidenceEntity } from './entityIndex';
import { snippet } from './snippet';

export interface ScannedText {
  /** Path relative to the scan root, forward slashes (as in findings). */
  file: string;
  text: string;
}

/** Field names (squashed) that mark a row as deleted without deleting it. */
const SOFT_DELETE_FLAGS = new Set([
  'deleted', 'isdeleted', 'deletedat', 'delflag', 'deleteflag', 'deletedflag', 'isdel', 'isdelete',
  'deletetime', 'deletedtime', 'deletedon', 'isremoved', 'delstatus',
  // pinyin initials: 是否删除, 删除标志
  'sfsc', 'scbz',
]);

const PURGE_KINDS: readonly EvidenceKind[] = ['ttl', 'delete-statement', 'purge-job'];

interface Pending {
  entity: EvidenceEntity;
  evidence: Evidence;
  /** ORM deletes turn into soft deletes when the entity's ORM soft-deletes by default. */
  ormDelete?: { forced: boolean; scheduledBy?: string };
  sqlDelete?: { scheduledBy?: string };
  softMode?: boolean;
}

/**
 * Evidence of PI handling found in the raw text of the scanned files, by entity key
 * (`<file>#<entity>`, see `entityKey`). A heuristic, line-by-line search (see detectors.ts):
 * TTL indexes, cascades, scheduled purge jobs, DELETE/TRUNCATE and ORM deletes naming the entity,
 * hashing/masking/nulling of PI columns, and soft-delete flags — the latter only for entities
 * that nothing purges. A cascade counts as a purge when its parent entity is purged (one level).
 * With a `cache` (one per folder), a file whose text has not changed since the last call is not
 * read again; the result is the same as without.
 */
export function collectEvidence(files: readonly ScannedText[], entities: readonly EvidenceEntity[], cache?: LineEvidenceCache): Map<string, Evidence[]> {
  const index = new EntityIndex(entities);
  const pending: Pending[] = [];
  for (const { file, text } of files) attachFile(file, cache ? cache.lines(file, text) : scanLines(text), index, pending);
  cache?.keepOnly(new Set(files.map((f) => f.file)));
  // A large tree has tens of thousands of fields but few distinct names: each is judged once.
  const flags = new Map<string, boolean>();
  const isFlag = (name: string): boolean => {
    let flag = flags.get(name);
    if (flag === undefined) {
      flag = SOFT_DELETE_FLAGS.has(squash(name));
      flags.set(name, flag);
    }
    return flag;
  };
  for (const entity of entities) {
    for (const field of entity.fields) {
      if (!isFlag(field.name) && !field.aliases.some(isFlag)) continue;
      // Entity-wide: the flag hides every column of the row, so no `field` here.
      pending.push({ entity, evidence: { kind: 'soft-delete', file: entity.file, line: field.line, column: field.column, text: snippet(`${field.name} (soft-delete flag)`) } });
    }
  }
  return finalize(pending, index);
}

/**
 * Attaches what the text of one file shows (its line scan, see lineEvidence.ts) to the entities
 * it names or sits in. Only this step depends on the entities, so a file's line scan is reused
 * for as long as its text stays the same.
 */
function attachFile(file: string, lines: readonly LineEvidence[], index: EntityIndex, pending: Pending[]): void {
  for (const found of lines) {
    const lineNumber = found.line;
    /**
     * The entity a line of this file belongs to: the one the last declaration header names; else
     * the last entity declared above, unless a header for something unknown (a table with no
     * fields reported, a job class) started since.
     */
    const enclosing = (): EvidenceEntity | undefined => {
      const above = index.enclosing(file, lineNumber);
      const header = found.header;
      if (!header) return above;
      const named = index.named(header.name).find((entity) => entity.file === file);
      if (named) return named;
      return above && above.line >= header.line - 1 ? above : undefined;
    };
    const at = (hit: { index: number }): Pick<Evidence, 'file' | 'line' | 'column'> => ({ file, line: lineNumber, column: hit.index + 1 });
    const scheduledBy = found.scheduledBy;
    if (found.continued) readAssignments(found.continued.assignments, index.named(found.continued.table), index, at, pending);
    for (const { hit, assignments } of found.hits) {
      switch (hit.type) {
        case 'ttl':
          for (const entity of namedOrEnclosing(hit.names, enclosing(), index)) {
            pending.push({ entity, evidence: { kind: 'ttl', ...at(hit), text: snippet(hit.text) } });
          }
          break;
        case 'cascade':
          addCascade(hit, enclosing(), index, at(hit), pending);
          break;
        case 'delete':
          for (const entity of index.named(hit.name)) {
            const evidence: Evidence = { kind: 'delete-statement', ...at(hit), text: snippet(scheduledBy ? `${scheduledBy} → ${hit.text}` : hit.text) };
            if (hit.orm) pending.push({ entity, evidence, ormDelete: { forced: hit.forced, scheduledBy } });
            else pending.push({ entity, evidence, sqlDelete: { scheduledBy } });
          }
          break;
        case 'soft-call':
          for (const entity of index.named(hit.name)) pending.push({ entity, evidence: { kind: 'soft-delete', ...at(hit), text: snippet(hit.text) } });
          break;
        case 'soft-mode':
          for (const entity of namedOrEnclosing(hit.names, enclosing(), index)) {
            pending.push({ entity, evidence: { kind: 'soft-delete', ...at(hit), text: snippet(hit.text) }, softMode: true });
          }
          break;
        case 'hash':
        case 'unset':
          addColumnEvidence(hit.column, hit.type === 'hash' ? hit.qualifier : undefined, enclosing(), index, { kind: 'anonymize', ...at(hit), text: snippet(hit.text) }, pending);
          break;
        case 'update':
          readAssignments(assignments ?? [], index.named(hit.table), index, at, pending);
          break;
        case 'scheduler':
          break;
      }
    }
  }
}

function namedOrEnclosing(names: readonly string[], enclosing: EvidenceEntity | undefined, index: EntityIndex): EvidenceEntity[] {
  const named = names.flatMap((name) => index.named(name));
  if (named.length > 0) return [...new Set(named)];
  return enclosing ? [enclosing] : [];
}

function addCascade(hit: Extract<Hit, { type: 'cascade' }>, enclosing: EvidenceEntity | undefined, index: EntityIndex, where: Pick<Evidence, 'file' | 'line' | 'column'>, pending: Pending[]): void {
  const children = hit.child !== undefined ? index.named(hit.child) : enclosing ? [enclosing] : [];
  const parent = hit.parent ?? (hit.child !== undefined ? enclosing?.name : undefined);
  for (const entity of children) {
    const evidence: Evidence = { kind: 'cascade', ...where, text: snippet(parent ? `${hit.text} (parent ${parent})` : hit.text) };
    if (parent !== undefined) evidence.parent = parent.replace(/[`"[\]]/g, '');
    pending.push({ entity, evidence });
  }
}

/** Attaches column-level evidence to the entity that owns the PI column, when that can be told. */
function addColumnEvidence(column: string, qualifier: string | undefined, enclosing: EvidenceEntity | undefined, index: EntityIndex, evidence: Evidence, pending: Pending[]): void {
  const owners = index.piFieldsNamed(column);
  if (owners.length === 0) return;
  let chosen = owners;
  if (owners.length > 1) {
    const qualified = qualifier === undefined ? [] : index.named(qualifier);
    chosen = owners.filter((owner) => qualified.includes(owner.entity));
    if (chosen.length === 0 && enclosing) chosen = owners.filter((owner) => owner.entity === enclosing);
    // Still ambiguous (`phone` in five tables, nothing says which): attach to none.
    if (chosen.length !== 1) return;
  }
  for (const owner of chosen) pending.push({ entity: owner.entity, evidence: { ...evidence, field: owner.field.name } });
}

function readAssignments(assignments: readonly Assignment[], entities: readonly EvidenceEntity[], index: EntityIndex, at: (hit: { index: number }) => Pick<Evidence, 'file' | 'line' | 'column'>, pending: Pending[]): void {
  for (const assignment of assignments) {
    const key = squash(assignment.column);
    // The entity's first PI field declared under that name (the index lists them in field order).
    const owners = assignment.kind === 'flag' ? [] : index.piFieldsNamed(assignment.column);
    for (const entity of entities) {
      if (assignment.kind === 'flag') {
        if (SOFT_DELETE_FLAGS.has(key)) pending.push({ entity, evidence: { kind: 'soft-delete', ...at(assignment), text: snippet(assignment.text) } });
        continue;
      }
      const field = owners.find((owner) => owner.entity === entity)?.field;
      if (field) pending.push({ entity, evidence: { kind: 'anonymize', ...at(assignment), text: snippet(assignment.text), field: field.name } });
    }
  }
}

function finalize(pending: readonly Pending[], index: EntityIndex): Map<string, Evidence[]> {
  const softMode = new Set(pending.filter((p) => p.softMode).map((p) => p.entity.key));
  const resolved = pending.map((item): { entity: EvidenceEntity; evidence: Evidence } => {
    const evidence = { ...item.evidence };
    if (item.ormDelete) {
      if (!item.ormDelete.forced && softMode.has(item.entity.key)) evidence.kind = 'soft-delete';
      else if (item.ormDelete.scheduledBy !== undefined) evidence.kind = 'purge-job';
    } else if (item.sqlDelete?.scheduledBy !== undefined) {
      evidence.kind = 'purge-job';
    }
    return { entity: item.entity, evidence };
  });
  const purged = new Set(resolved.filter((r) => PURGE_KINDS.includes(r.evidence.kind)).map((r) => r.entity.key));
  for (const { entity, evidence } of resolved) {
    if (evidence.kind !== 'cascade' || evidence.parent === undefined) continue;
    if (index.named(evidence.parent).some((parent) => purged.has(parent.key))) purged.add(entity.key);
  }
  const byEntity = new Map<string, Evidence[]>();
  const seen = new Set<string>();
  for (const { entity, evidence } of resolved) {
    if (evidence.kind === 'soft-delete' && purged.has(entity.key)) continue;
    // One item per kind, line and field: `SET sfzh = MD5(sfzh)` is one piece of evidence, not two.
    const id = `${entity.key}|${evidence.kind}|${evidence.file}|${evidence.line}|${evidence.field ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const list = byEntity.get(entity.key) ?? [];
    list.push(evidence);
    byEntity.set(entity.key, list);
  }
  for (const list of byEntity.values()) {
    list.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  }
  return byEntity;
}

/** True when the evidence shows something that really removes the entity's rows. */
export function showsPurge(evidence: readonly Evidence[]): boolean {
  return evidence.some((e) => PURGE_KINDS.includes(e.kind));
}

/** The evidence that concerns one field: the entity-wide items and those about that field. */
export function evidenceForField(evidence: readonly Evidence[], fieldNames: readonly string[]): Evidence[] {
  // Most entities have none: spare squashing their fields' names.
  if (evidence.length === 0) return [];
  const names = new Set(fieldNames.map(squash));
  return evidence.filter((e) => e.field === undefined || names.has(squash(e.field)));
}
