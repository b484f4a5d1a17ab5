import type { FieldFinding } from '../../scan/model';
import { codeNameKeys, entityNameKeys, squash } from '../names';

export interface EvidenceField {
  name: string;
  aliases: string[];
  line: number;
  column: number;
  /** Whether the classifier judged the field personal information. */
  pi: boolean;
}

/** An entity as the evidence search needs it: where it is declared, its names and fields. */
export interface EvidenceEntity {
  /** `<file>#<entity>`: see `entityKey`. */
  key: string;
  file: string;
  name: string;
  aliases: string[];
  /** Line of the declaration (or of its first field). */
  line: number;
  fields: EvidenceField[];
}

/** The key of an entity declaration, the prefix of its fields' ids: `<file>#<entity>`. */
export function entityKey(file: string, entity: string): string {
  return `${file}#${entity}`;
}

export function entityKeyOf(finding: Pick<FieldFinding, 'file' | 'entity'>): string {
  return entityKey(finding.file, finding.entity);
}

/**
 * Groups field findings (all fields, PI or not: soft-delete flags are not PI) into entities.
 * The declaration line is approximated by the first field's line minus one.
 */
export function entitiesFromFindings(findings: readonly FieldFinding[]): EvidenceEntity[] {
  const byKey = new Map<string, EvidenceEntity>();
  let last: { finding: FieldFinding; entity: EvidenceEntity } | undefined;
  for (const finding of findings) {
    // An entity's fields come one after another: the same file and entity is the same key,
    // without building and hashing it again (65k fields in a large tree).
    let entity = last && last.finding.file === finding.file && last.finding.entity === finding.entity ? last.entity : undefined;
    if (!entity) {
      const key = entityKeyOf(finding);
      entity = byKey.get(key);
      if (!entity) {
        entity = { key, file: finding.file, name: finding.entity, aliases: [...finding.entityAliases], line: finding.line, fields: [] };
        byKey.set(key, entity);
      }
    }
    last = { finding, entity };
    entity.line = Math.min(entity.line, Math.max(1, finding.line - 1));
    entity.fields.push({ name: finding.field, aliases: finding.fieldAliases, line: finding.line, column: finding.column, pi: finding.isPI });
  }
  return [...byKey.values()];
}

/** Lookups from names found in code to entity declarations, built once per scan. */
export class EntityIndex {
  private readonly byName = new Map<string, EvidenceEntity[]>();
  private readonly byFile = new Map<string, EvidenceEntity[]>();
  private readonly piFieldsByName = new Map<string, { entity: EvidenceEntity; field: EvidenceField }[]>();

  constructor(readonly entities: readonly EvidenceEntity[]) {
    for (const entity of entities) {
      for (const declared of [entity.name, ...entity.aliases]) {
        for (const key of entityNameKeys(declared)) addUnique(this.byName, key, entity);
      }
      addUnique(this.byFile, entity.file, entity);
      for (const field of entity.fields) {
        if (!field.pi) continue;
        for (const declared of [field.name, ...field.aliases]) {
          const key = squash(declared);
          const list = this.piFieldsByName.get(key);
          // Entities are added one after another, so one already listed is the last one listed
          // (searching the whole list was quadratic: a name like `mobile` is in thousands).
          if (!list) this.piFieldsByName.set(key, [{ entity, field }]);
          else if (list[list.length - 1].entity !== entity) list.push({ entity, field });
        }
      }
    }
    for (const list of this.byFile.values()) list.sort((a, b) => a.line - b.line);
  }

  /** Entities an identifier in code names (`memberRepository`, `db.members`, `` `t_member` ``). */
  named(identifier: string): EvidenceEntity[] {
    const found: EvidenceEntity[] = [];
    for (const key of codeNameKeys(identifier)) {
      for (const entity of this.byName.get(key) ?? []) if (!found.includes(entity)) found.push(entity);
    }
    return found;
  }

  /** The entity declared in `file` whose declaration is the last one at or before `line`. */
  enclosing(file: string, line: number): EvidenceEntity | undefined {
    const list = this.byFile.get(file);
    if (!list || list.length === 0 || list[0].line > line) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].line <= line) lo = mid;
      else hi = mid - 1;
    }
    return list[lo];
  }

  /** PI fields called `column` (any entity), with their entity. */
  piFieldsNamed(column: string): { entity: EvidenceEntity; field: EvidenceField }[] {
    return this.piFieldsByName.get(squash(column)) ?? [];
  }
}

/** Adds `value` under `key` once; values are added one after another, so a repeat is the last one added. */
function addUnique<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}
