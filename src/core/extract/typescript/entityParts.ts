import type { EntityKind, ExtractedEntity, ExtractedField, SourceComment } from '../model';

/** What a reader knows about an entity; turned into an `ExtractedEntity` without empty optional keys. */
export interface EntityParts {
  name: string;
  kind: EntityKind;
  aliases?: (string | undefined)[];
  description?: string;
  comments: SourceComment[];
  parent?: string;
  at: { line: number; column: number };
}

export function makeEntity(parts: EntityParts): ExtractedEntity {
  const entity: ExtractedEntity = {
    name: parts.name,
    aliases: distinctAliases(parts.name, parts.aliases ?? []),
    kind: parts.kind,
    comments: parts.comments,
    line: parts.at.line,
    column: parts.at.column,
    fields: [],
  };
  if (parts.description) entity.description = parts.description;
  if (parts.parent) entity.parent = parts.parent;
  return entity;
}

export interface FieldParts {
  name: string;
  aliases?: (string | undefined)[];
  type?: string;
  description?: string;
  comments: SourceComment[];
  defaultValue?: string;
  at: { line: number; column: number };
}

export function makeField(parts: FieldParts): ExtractedField {
  const field: ExtractedField = {
    name: parts.name,
    aliases: distinctAliases(parts.name, parts.aliases ?? []),
    comments: parts.comments,
    line: parts.at.line,
    column: parts.at.column,
  };
  if (parts.type) field.type = parts.type;
  if (parts.description) field.description = parts.description;
  if (parts.defaultValue !== undefined) field.defaultValue = parts.defaultValue;
  return field;
}

/** Aliases without the name itself, blanks or repeats, in first-seen order. */
export function distinctAliases(name: string, aliases: (string | undefined)[]): string[] {
  const seen = new Set([name]);
  const result: string[] = [];
  for (const alias of aliases) {
    if (!alias || seen.has(alias)) continue;
    seen.add(alias);
    result.push(alias);
  }
  return result;
}

/** Comments of both, in source order, each once. */
export function mergeComments(a: SourceComment[], b: SourceComment[]): SourceComment[] {
  const byPosition = new Map<string, SourceComment>();
  for (const c of [...a, ...b]) byPosition.set(`${c.line}:${c.column}`, c);
  return [...byPosition.values()].sort((x, y) => x.line - y.line || x.column - y.column);
}

/**
 * Folds a model declared twice into one, e.g. a TypeScript `class Member extends Model` with
 * `declare` properties and its `Member.init({…})` attributes. `extra` wins on position, type and
 * description of a field because it carries the column definition.
 */
export function mergeEntity(target: ExtractedEntity, extra: ExtractedEntity): void {
  target.aliases = distinctAliases(target.name, [...target.aliases, extra.name, ...extra.aliases]);
  target.kind = extra.kind;
  target.description ??= extra.description;
  target.comments = mergeComments(target.comments, extra.comments);
  for (const field of extra.fields) {
    const existing = target.fields.find((f) => f.name === field.name);
    if (!existing) {
      target.fields.push(field);
      continue;
    }
    existing.aliases = distinctAliases(existing.name, [...existing.aliases, ...field.aliases]);
    existing.comments = mergeComments(existing.comments, field.comments);
    if (field.type) existing.type = field.type;
    if (field.description) existing.description = field.description;
    if (field.defaultValue !== undefined) existing.defaultValue = field.defaultValue;
    existing.line = field.line;
    existing.column = field.column;
  }
}
