/**
 * What a field constructor call says about a model attribute, for the ORMs and schema libraries
 * whose models are Python classes: Django (and peewee, mongoengine), SQLAlchemy, pydantic /
 * SQLModel, dataclasses / attrs and marshmallow.
 */
import type { Node } from 'web-tree-sitter';
import { callArguments, calleeName, dictionaryEntries, pythonLiteral, pythonString, type CallArguments } from './pythonSyntax';

export type FieldFlavor = 'django' | 'sqlalchemy' | 'pydantic' | 'dataclass' | 'marshmallow';

export interface FieldCallInfo {
  flavor: FieldFlavor;
  /** The column type when the call declares one (`CharField`, `String(18)`). */
  type?: string;
  /** A column name given by position: `Column('sfzh', String(18))`. */
  positionalName?: string;
  aliases: string[];
  descriptions: string[];
  defaultValue?: string;
}

/** Django-style relations take the target model first, not a verbose name. */
const RELATION_FIELDS = new Set([
  'ForeignKey', 'OneToOneField', 'ManyToManyField', 'ForeignObject', 'ParentalKey', 'ParentalManyToManyField',
  'GenericRelation', 'ReferenceField', 'LazyReferenceField', 'CachedReferenceField', 'ForeignKeyField',
]);
const OTHER_DJANGO_FIELDS = new Set(['ForeignKey', 'ForeignObject', 'GenericForeignKey', 'GenericRelation', 'ParentalKey', 'TaggableManager']);
/** Positional arguments of `Column(...)` that are constraints or generators, not the column type. */
const COLUMN_NON_TYPES = new Set(['ForeignKey', 'Sequence', 'Identity', 'Computed', 'FetchedValue', 'CheckConstraint', 'DefaultClause']);
/** Attributes that are relationships or derived values, not stored fields. */
export const NON_FIELD_CALLS = new Set(['relationship', 'relation', 'backref', 'association_proxy', 'synonym', 'composite', 'dynamic_loader', 'column_property', 'query_expression']);

/** Which library a call belongs to, by the callee's name alone. */
export function fieldFlavor(call: Node): FieldFlavor | undefined {
  return flavorOfCallee(calleeName(call));
}

function flavorOfCallee(name: string[] | undefined): FieldFlavor | undefined {
  if (!name) return undefined;
  const last = name[name.length - 1];
  if (last === 'Column' || last === 'mapped_column') return 'sqlalchemy';
  if (last === 'Field') return 'pydantic';
  if (last === 'field' || last === 'ib' || last === 'attrib') return 'dataclass';
  if (name.length >= 2 && name[name.length - 2] === 'fields') return 'marshmallow';
  if (last.endsWith('Field') || OTHER_DJANGO_FIELDS.has(last)) return 'django';
  return undefined;
}

/** Reads a field constructor call (whose `calleeName` the caller may know); undefined when the call is not one. */
export function readFieldCall(call: Node, callee = calleeName(call)): FieldCallInfo | undefined {
  const flavor = flavorOfCallee(callee);
  if (!flavor) return undefined;
  const name = callee ?? [];
  const args = callArguments(call);
  switch (flavor) {
    case 'django':
      return readDjangoField(name[name.length - 1], args);
    case 'sqlalchemy':
      return readColumn(args);
    case 'pydantic':
      return readPydanticField(args);
    case 'dataclass':
      return readDataclassField(args);
    case 'marshmallow':
      return readMarshmallowField(name[name.length - 1], args);
  }
}

function readDjangoField(type: string, args: CallArguments): FieldCallInfo {
  const info: FieldCallInfo = { flavor: 'django', type, aliases: [], descriptions: [] };
  const positionalName = RELATION_FIELDS.has(type) ? undefined : pythonString(args.positional[0]);
  pushText(info.descriptions, positionalName ?? pythonString(args.keywords.get('verbose_name')));
  pushText(info.descriptions, pythonString(args.keywords.get('help_text')));
  pushText(info.descriptions, pythonString(args.keywords.get('db_comment')));
  // db_column (Django), column_name (peewee), db_field (mongoengine).
  for (const key of ['db_column', 'column_name', 'db_field']) pushText(info.aliases, pythonString(args.keywords.get(key)));
  info.defaultValue = pythonLiteral(args.keywords.get('default'));
  return info;
}

/** SQLAlchemy `Column(...)` / `mapped_column(...)`. */
export function readColumn(args: CallArguments): FieldCallInfo {
  const info: FieldCallInfo = { flavor: 'sqlalchemy', aliases: [], descriptions: [] };
  for (const [index, argument] of args.positional.entries()) {
    const text = index === 0 ? pythonString(argument) : undefined;
    if (text !== undefined) {
      info.positionalName = text;
      continue;
    }
    if (info.type === undefined && isColumnType(argument)) info.type = argument.text;
  }
  const typeKeyword = args.keywords.get('type_');
  if (info.type === undefined && typeKeyword) info.type = typeKeyword.text;
  pushText(info.aliases, pythonString(args.keywords.get('name')));
  pushText(info.descriptions, pythonString(args.keywords.get('comment')));
  pushText(info.descriptions, pythonString(args.keywords.get('doc')));
  info.defaultValue = pythonLiteral(args.keywords.get('default')) ?? pythonLiteral(args.keywords.get('server_default'));
  return info;
}

function isColumnType(argument: Node): boolean {
  const type = argument.type;
  if (type === 'identifier' || type === 'attribute') return true;
  if (type !== 'call') return false;
  const name = calleeName(argument);
  return name !== undefined && !COLUMN_NON_TYPES.has(name[name.length - 1]);
}

function readPydanticField(args: CallArguments): FieldCallInfo {
  const info: FieldCallInfo = { flavor: 'pydantic', aliases: [], descriptions: [] };
  for (const key of ['alias', 'validation_alias', 'serialization_alias']) pushText(info.aliases, pythonString(args.keywords.get(key)));
  pushText(info.descriptions, pythonString(args.keywords.get('title')));
  pushText(info.descriptions, pythonString(args.keywords.get('description')));
  info.defaultValue = pythonLiteral(args.keywords.get('default')) ?? pythonLiteral(args.positional[0]);
  // SQLModel: the column is described by `sa_column=Column(...)` or `sa_column_kwargs={...}`.
  const saColumn = args.keywords.get('sa_column');
  if (saColumn?.type === 'call' && fieldFlavor(saColumn) === 'sqlalchemy') {
    const column = readColumn(callArguments(saColumn));
    info.type = column.type;
    pushText(info.aliases, column.positionalName);
    info.aliases.push(...column.aliases);
    info.descriptions.push(...column.descriptions);
    info.defaultValue ??= column.defaultValue;
  }
  const columnOptions = dictionaryEntries(args.keywords.get('sa_column_kwargs'));
  pushText(info.aliases, pythonString(columnOptions.get('name')));
  pushText(info.descriptions, pythonString(columnOptions.get('comment')));
  return info;
}

function readDataclassField(args: CallArguments): FieldCallInfo {
  const info: FieldCallInfo = { flavor: 'dataclass', aliases: [], descriptions: [] };
  info.defaultValue = pythonLiteral(args.keywords.get('default'));
  pushText(info.aliases, pythonString(args.keywords.get('alias')));
  readMetadata(info, args.keywords.get('metadata'));
  return info;
}

function readMarshmallowField(type: string, args: CallArguments): FieldCallInfo {
  const info: FieldCallInfo = { flavor: 'marshmallow', type, aliases: [], descriptions: [] };
  pushText(info.aliases, pythonString(args.keywords.get('data_key')));
  pushText(info.aliases, pythonString(args.keywords.get('attribute')));
  pushText(info.descriptions, pythonString(args.keywords.get('description')));
  readMetadata(info, args.keywords.get('metadata'));
  for (const key of ['load_default', 'dump_default', 'missing', 'default']) {
    info.defaultValue ??= pythonLiteral(args.keywords.get(key));
  }
  return info;
}

/** `metadata={"description": "…", "verbose_name": "…"}` on dataclass and marshmallow fields. */
function readMetadata(info: FieldCallInfo, metadata: Node | undefined): void {
  const entries = dictionaryEntries(metadata);
  for (const key of ['title', 'verbose_name', 'description', 'comment', 'help_text', 'doc']) {
    pushText(info.descriptions, pythonString(entries.get(key)));
  }
  for (const key of ['column', 'db_column', 'alias', 'data_key']) pushText(info.aliases, pythonString(entries.get(key)));
}

function pushText(target: string[], value: string | undefined): void {
  if (value !== undefined && value.trim() !== '') target.push(value.trim());
}
