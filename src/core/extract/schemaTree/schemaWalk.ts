import type { ExtractedEntity, ExtractedField, ExtractionProblem, SourceComment } from '../model';
import { isObject, memberOf, stringAt, valueOf, type TreeMember, type TreeNode, type TreePosition } from './positionedTree';

/** Keywords whose value is a sub-schema or a list of them: their comments are not the schema's own. */
const SUBSCHEMA_KEYWORDS = new Set([
  'properties', 'patternProperties', 'additionalProperties', 'items', 'prefixItems', 'additionalItems', 'contains',
  'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas', '$defs', 'definitions',
]);
const COMPOSITION_KEYWORDS = ['allOf', 'anyOf', 'oneOf'] as const;
/** Keywords that hold a human or tool comment rather than documentation. */
const COMMENT_KEYWORDS = ['$comment', 'x-comment'];
/** Nesting beyond this is a pathological or generated file, not a data model. */
const MAX_NESTING = 64;

/** Where a named schema was found: its key, its position and the comments on that key. */
export interface SchemaName {
  name: string;
  aliases: string[];
  position: TreePosition;
  comments: SourceComment[];
}

/**
 * Turns JSON Schema objects (from a JSON Schema file or an OpenAPI document) into entities:
 * `properties` become fields, inline `allOf`/`anyOf`/`oneOf` members are merged in, and a
 * property that holds an object with properties (or an array of such objects) becomes an entity
 * of its own named by its key, with `parent` set. `$ref`s are not followed: a referenced schema
 * is an entity where it is defined, and the referring property is a field typed by its name.
 */
export class SchemaWalker {
  readonly entities: ExtractedEntity[] = [];

  constructor(private readonly problems: ExtractionProblem[]) {}

  /** The entity a named schema declares, if it declares properties; then its nested `$defs`. */
  entity(named: SchemaName, schema: TreeNode, parent?: string, depth = 0): void {
    if (depth > MAX_NESTING) {
      this.problems.push({ message: `Schema nesting deeper than ${MAX_NESTING} levels under ${named.name}; not read further`, ...named.position });
      return;
    }
    const objectSchema = objectSchemaOf(schema);
    if (objectSchema) {
      const entity: ExtractedEntity = {
        name: named.name,
        aliases: named.aliases,
        kind: 'object',
        comments: uniqueComments([...named.comments, ...ownComments(schema), ...(objectSchema === schema ? [] : ownComments(objectSchema))]),
        line: named.position.line,
        column: named.position.column,
        fields: [],
      };
      const description = describe(schema, named.name) ?? describe(objectSchema, named.name);
      if (description) entity.description = description;
      if (parent) entity.parent = parent;
      this.entities.push(entity);

      for (const property of propertiesOf(objectSchema, 0)) {
        if (objectSchemaOf(property.value)) {
          this.entity({ name: property.key, aliases: [], position: property.keyPosition, comments: property.comments }, property.value, entity.name, depth + 1);
        } else {
          entity.fields.push(field(property));
        }
      }
    }
    this.definitions(schema, depth);
  }

  /** `$defs` and `definitions` entries: entities named by their key. */
  definitions(schema: TreeNode, depth = 0): void {
    for (const keyword of ['$defs', 'definitions']) {
      const defs = valueOf(schema, keyword);
      if (!isObject(defs)) continue;
      for (const def of defs.members) {
        this.entity({ name: def.key, aliases: [], position: def.keyPosition, comments: def.comments }, def.value, undefined, depth + 1);
      }
    }
  }
}

/**
 * The schema whose properties make an entity: the schema itself when it (or an inline
 * `allOf`/`anyOf`/`oneOf` member) has properties, or its `items` for an array of such objects.
 */
export function objectSchemaOf(schema: TreeNode | undefined): TreeNode | undefined {
  if (!isObject(schema)) return undefined;
  if (hasProperties(schema, 0)) return schema;
  const items = valueOf(schema, 'items');
  return isObject(items) && hasProperties(items, 0) ? items : undefined;
}

function hasProperties(schema: TreeNode, depth: number): boolean {
  if (depth > MAX_NESTING || !isObject(schema)) return false;
  if (isObject(valueOf(schema, 'properties'))) return true;
  return compositionMembers(schema).some((member) => hasProperties(member, depth + 1));
}

function compositionMembers(schema: TreeNode): TreeNode[] {
  return COMPOSITION_KEYWORDS.flatMap((keyword) => {
    const members = valueOf(schema, keyword);
    return members?.kind === 'array' ? members.items : [];
  });
}

/** `properties` plus those of inline composition members, first declaration of a name winning. */
function propertiesOf(schema: TreeNode, depth: number): TreeMember[] {
  if (depth > MAX_NESTING) return [];
  const properties = valueOf(schema, 'properties');
  const own = isObject(properties) ? properties.members : [];
  const merged = [...own, ...compositionMembers(schema).flatMap((member) => propertiesOf(member, depth + 1))];
  const seen = new Set<string>();
  return merged.filter((p) => !seen.has(p.key) && seen.add(p.key));
}

function field(property: TreeMember): ExtractedField {
  const schema = property.value;
  const result: ExtractedField = {
    name: property.key,
    aliases: [],
    comments: uniqueComments([...property.comments, ...ownComments(schema)]),
    line: property.keyPosition.line,
    column: property.keyPosition.column,
  };
  const type = typeOf(schema, 0);
  if (type) result.type = type;
  const description = describe(schema);
  if (description) result.description = description;
  const defaultValue = valueOf(schema, 'default');
  if (defaultValue?.kind === 'scalar' && defaultValue.value !== null) result.defaultValue = String(defaultValue.value);
  return result;
}

/** `title` and `description` together: both are documentation written for people (a title used as the entity's name is not repeated). */
function describe(schema: TreeNode, name?: string): string | undefined {
  const parts = [stringAt(schema, 'title'), stringAt(schema, 'description')]
    .map((s) => s?.trim())
    .filter((s): s is string => !!s && s !== name);
  const unique = parts.filter((part, i) => parts.indexOf(part) === i);
  return unique.length > 0 ? unique.join(' — ') : undefined;
}

/**
 * A readable type: `string`, `string($date-time)`, `integer | null`, `array<Address>`, a
 * `$ref` as the referenced name, `A & B` for `allOf`, `A | B` for `oneOf`/`anyOf`.
 */
export function typeOf(schema: TreeNode | undefined, depth: number): string | undefined {
  if (!isObject(schema) || depth > MAX_NESTING) return undefined;
  const ref = stringAt(schema, '$ref');
  if (ref !== undefined) return refName(ref);

  for (const keyword of COMPOSITION_KEYWORDS) {
    const members = valueOf(schema, keyword);
    if (members?.kind !== 'array') continue;
    const types = members.items.map((m) => typeOf(m, depth + 1)).filter((t): t is string => !!t);
    if (types.length > 0) return types.join(keyword === 'allOf' ? ' & ' : ' | ');
  }

  const declared = valueOf(schema, 'type');
  let names: string[] = [];
  if (declared?.kind === 'scalar' && typeof declared.value === 'string') names = [declared.value];
  else if (declared?.kind === 'array') names = declared.items.flatMap((t) => (t.kind === 'scalar' && typeof t.value === 'string' ? [t.value] : []));
  const items = valueOf(schema, 'items');
  if (items && !names.includes('array')) names = names.length === 0 ? ['array'] : names;
  const format = stringAt(schema, 'format');
  const rendered = names.map((name) => {
    if (name === 'array') return `array<${typeOf(items, depth + 1) ?? 'any'}>`;
    return format && name !== 'null' ? `${name}($${format})` : name;
  });
  if (rendered.length > 0) return rendered.join(' | ');
  if (memberOf(schema, 'enum')) return 'enum';
  return format;
}

/** `#/components/schemas/Address`, `#/$defs/Address`, `common.yaml#/Address` → `Address`. */
function refName(ref: string): string {
  const tail = ref.split(/[/#]/).filter((part) => part.length > 0);
  return tail.length > 0 ? decodeURIComponent(tail[tail.length - 1].replace(/~1/g, '/').replace(/~0/g, '~')) : ref;
}

/** Comments on the schema's own keywords (`type:`, `description:`…) and its `$comment` / `x-comment` values. */
function ownComments(schema: TreeNode): SourceComment[] {
  if (!isObject(schema)) return [];
  const comments: SourceComment[] = [];
  for (const member of schema.members) {
    if (SUBSCHEMA_KEYWORDS.has(member.key)) continue;
    comments.push(...member.comments);
    if (COMMENT_KEYWORDS.includes(member.key)) comments.push(...commentValues(member.value));
  }
  return comments;
}

function commentValues(value: TreeNode): SourceComment[] {
  if (value.kind === 'array') return value.items.flatMap(commentValues);
  if (value.kind === 'scalar' && typeof value.value === 'string' && value.value.trim()) {
    return [{ text: value.value.trim(), ...value.position }];
  }
  return [];
}

/** A comment trailing a one-line object reaches the key and each keyword on that line: keep it once. */
function uniqueComments(comments: readonly SourceComment[]): SourceComment[] {
  const seen = new Set<string>();
  return comments.filter((c) => {
    const key = `${c.line}:${c.column}`;
    return !seen.has(key) && !!seen.add(key);
  });
}
