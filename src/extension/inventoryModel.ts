import type { AuditedField } from '../core/scan/scanResult';
import { fieldState, type FieldState } from './fieldState';

/** One workspace folder's audited PI fields, as the inventory lists them. */
export interface InventorySource {
  /** The folder's URI as a string: tells two folders with the same name apart. */
  folderKey: string;
  system: string;
  fields: readonly AuditedField[];
}

export interface InventoryFilter {
  undecidedOnly: boolean;
  sensitiveOnly: boolean;
}

export interface FieldNode {
  kind: 'field';
  folderKey: string;
  system: string;
  field: AuditedField;
  state: FieldState;
}

export interface EntityNode {
  kind: 'entity';
  folderKey: string;
  system: string;
  file: string;
  entity: string;
  fields: FieldNode[];
}

export interface SystemNode {
  kind: 'system';
  folderKey: string;
  system: string;
  entities: EntityNode[];
  /** Undecided fields of the system, whatever the filter shows. */
  undecided: number;
}

export type InventoryNode = SystemNode | EntityNode | FieldNode;

/** A row of the inventory as the test hook reports it. */
export interface InventoryRow {
  system: string;
  entity: string;
  field: string;
  category: string;
  state: FieldState;
}

/**
 * Systems → entities (one per file and entity name) → fields, in a stable order: systems by
 * name, entities by file and line, fields by position. Fields the filter hides are left out,
 * and so are entities left empty; systems stay only while they show something.
 */
export function buildInventory(sources: readonly InventorySource[], filter: InventoryFilter): SystemNode[] {
  const systems: SystemNode[] = [];
  for (const source of [...sources].sort((a, b) => compare(a.system, b.system) || compare(a.folderKey, b.folderKey))) {
    const entities = new Map<string, EntityNode>();
    const ordered = [...source.fields].sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column);
    for (const field of ordered) {
      const state = fieldState(field.disposition);
      if (filter.undecidedOnly && state !== 'undecided') continue;
      if (filter.sensitiveOnly && !field.sensitive) continue;
      const key = `${field.file}#${field.entity}`;
      let entity = entities.get(key);
      if (!entity) {
        entity = { kind: 'entity', folderKey: source.folderKey, system: source.system, file: field.file, entity: field.entity, fields: [] };
        entities.set(key, entity);
      }
      entity.fields.push({ kind: 'field', folderKey: source.folderKey, system: source.system, field, state });
    }
    if (entities.size === 0) continue;
    const undecided = source.fields.filter((f) => f.disposition === null).length;
    systems.push({ kind: 'system', folderKey: source.folderKey, system: source.system, entities: [...entities.values()], undecided });
  }
  return systems;
}

export function inventoryRows(systems: readonly SystemNode[]): InventoryRow[] {
  return systems.flatMap((system) =>
    system.entities.flatMap((entity) =>
      entity.fields.map((node) => ({ system: system.system, entity: entity.entity, field: node.field.field, category: node.field.category ?? '', state: node.state }))));
}

/** Code-unit order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
