/**
 * Reads model classes from a Python syntax tree: Django models, SQLAlchemy declarative classes
 * (classic `Column` and 2.0 `Mapped[...] = mapped_column(...)`), pydantic / SQLModel models,
 * dataclasses, attrs and marshmallow schemas.
 */
import type { Node } from 'web-tree-sitter';
import { descendantsOfTypes } from '../treeSitter/descendantsOfTypes';
import type { ExtractedEntity, ExtractedField } from '../model';
import {
  addAliases,
  failureProblem,
  joinDescriptions,
  namedChildrenOf,
  type TreeSitterRead,
} from '../treeSitter/syntaxHelpers';
import { fieldFlavor, NON_FIELD_CALLS, readFieldCall, type FieldCallInfo } from './fieldConstructors';
import { blockDocstring, calleeName, dictionaryEntries, docstringSummary, pythonLiteral, pythonString, statementString } from './pythonSyntax';

/** Inner classes that configure their model instead of being one. */
const CONFIGURATION_CLASSES = new Set(['Meta', 'Config']);
/** Node types `readPythonClasses` looks for. */
export const CLASS_DEFINITIONS = ['class_definition'];
/** Annotations that declare class-level constants, not instance fields. */
const CLASS_VARIABLE_TYPES = new Set(['ClassVar', 'Final']);

interface ClassSettings {
  aliases: string[];
  descriptions: string[];
  isTable: boolean;
}

export function readPythonClasses(context: TreeSitterRead): ExtractedEntity[] {
  const entities: ExtractedEntity[] = [];
  for (const classNode of context.nodes.of(CLASS_DEFINITIONS)) {
    const name = classNode.childForFieldName('name');
    if (!name || isConfigurationClass(classNode)) continue;
    try {
      const entity = readClass(classNode, name, context);
      if (entity) entities.push(entity);
    } catch (error) {
      context.problems.push(failureProblem(`class ${name.text}`, error, context.doc.at(name)));
    }
  }
  return entities;
}

function isConfigurationClass(classNode: Node): boolean {
  const name = classNode.childForFieldName('name')?.text ?? '';
  return CONFIGURATION_CLASSES.has(name) && enclosingClass(classNode) !== null;
}

function enclosingClass(node: Node): Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'class_definition') return current;
  }
  return null;
}

function readClass(classNode: Node, nameNode: Node, context: TreeSitterRead): ExtractedEntity | undefined {
  const { doc } = context;
  const body = classNode.childForFieldName('body');
  const settings: ClassSettings = { aliases: [], descriptions: [], isTable: false };
  const fields: ExtractedField[] = [];
  const statements = body ? namedChildrenOf(body) : [];
  for (const [index, statement] of statements.entries()) {
    // Reading a node's type is a call into WebAssembly: once per node.
    const type = statement.type;
    if (type === 'class_definition' && statement.childForFieldName('name')?.text === 'Meta') {
      readMetaClass(statement, settings);
      continue;
    }
    const assignment = type === 'expression_statement' ? statement.namedChild(0) : null;
    if (assignment?.type !== 'assignment') continue;
    if (readClassSetting(assignment, settings)) continue;
    try {
      const attribute = readAttribute(statement, assignment, context);
      if (!attribute) continue;
      const { field } = attribute;
      const description = joinDescriptions([field.description, docstringSummary(followingDocstring(statements, index))]);
      if (description !== undefined) field.description = description;
      fields.push(field);
      if (attribute.isColumn) settings.isTable = true;
    } catch (error) {
      context.problems.push(failureProblem(`an attribute of class ${nameNode.text}`, error, doc.at(statement)));
    }
  }
  if (fields.length === 0 && !settings.isTable) return undefined;

  const declaration = classNode.parent?.type === 'decorated_definition' ? classNode.parent : classNode;
  const colon = classNode.children.find((child) => child?.type === ':');
  const headerEnd = colon?.endIndex ?? nameNode.endIndex;
  const entity: ExtractedEntity = {
    name: nameNode.text,
    aliases: [],
    kind: settings.isTable ? 'model' : 'class',
    comments: doc.commentsAround(declaration.startIndex, headerEnd),
    ...doc.at(nameNode),
    fields,
  };
  addAliases(entity.aliases, entity.name, settings.aliases);
  const description = joinDescriptions([...settings.descriptions, docstringSummary(blockDocstring(body))]);
  if (description !== undefined) entity.description = description;
  const parent = enclosingClass(classNode)?.childForFieldName('name')?.text;
  if (parent !== undefined) entity.parent = parent;
  return entity;
}

/** `__tablename__`, `__table_args__` and mongoengine's `meta = {...}`; true when consumed. */
function readClassSetting(assignment: Node, settings: ClassSettings): boolean {
  const name = assignment.childForFieldName('left');
  const value = assignment.childForFieldName('right');
  if (name?.type !== 'identifier') return false;
  switch (name.text) {
    case '__tablename__':
    case '__collection__': {
      const table = pythonString(value);
      if (table !== undefined) settings.aliases.push(table);
      settings.isTable = true;
      return true;
    }
    case '__table_args__': {
      const options = value?.type === 'tuple' ? namedChildrenOf(value).find((item) => item.type === 'dictionary') : value;
      const comment = pythonString(dictionaryEntries(options).get('comment'));
      if (comment !== undefined) settings.descriptions.push(comment);
      return true;
    }
    case 'meta': {
      if (value?.type !== 'dictionary' || assignment.childForFieldName('type')) return false;
      const collection = pythonString(dictionaryEntries(value).get('collection'));
      if (collection !== undefined) settings.aliases.push(collection);
      return true;
    }
    default:
      return name.text.startsWith('__');
  }
}

/** Django / peewee `class Meta:` with `db_table`, `verbose_name`, `db_table_comment`. */
function readMetaClass(meta: Node, settings: ClassSettings): void {
  const body = meta.childForFieldName('body');
  for (const statement of body ? namedChildrenOf(body) : []) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
    if (assignment?.type !== 'assignment') continue;
    const key = assignment.childForFieldName('left')?.text;
    const value = pythonString(assignment.childForFieldName('right'));
    if (value === undefined) continue;
    if (key === 'db_table' || key === 'table_name') {
      settings.aliases.push(value);
      settings.isTable = true;
    } else if (key === 'verbose_name' || key === 'db_table_comment') {
      settings.descriptions.push(value);
    }
  }
}

interface ModelAttribute {
  field: ExtractedField;
  /** Declared with an ORM column constructor (Django field, SQLAlchemy column): the class is a table. */
  isColumn: boolean;
}

/** A class attribute that is a field: a field constructor call, or any annotated attribute. */
function readAttribute(statement: Node, assignment: Node, context: TreeSitterRead): ModelAttribute | undefined {
  const nameNode = assignment.childForFieldName('left');
  const annotation = assignment.childForFieldName('type');
  const value = assignment.childForFieldName('right');
  const valueType = value?.type;
  if (nameNode?.type !== 'identifier' || valueType === 'assignment') return undefined;
  if (annotation && CLASS_VARIABLE_TYPES.has(annotationHead(annotation) ?? '')) return undefined;
  const callName = value && valueType === 'call' ? calleeName(value) : undefined;
  if (callName && NON_FIELD_CALLS.has(callName[callName.length - 1])) return undefined;

  const fromValue = value && valueType === 'call' ? readFieldCall(value, callName) : undefined;
  // pydantic's `Annotated[str, Field(description=...)]` carries the field options in the type.
  const fromAnnotation = annotation?.text.includes('(')
    ? descendantsOfTypes(annotation, ['call']).filter((call) => fieldFlavor(call) === 'pydantic').map((call) => readFieldCall(call))
    : [];
  const infos = [fromValue, ...fromAnnotation].filter((info): info is FieldCallInfo => info !== undefined);
  if (!annotation && !fromValue) return undefined;

  const field: ExtractedField = {
    name: nameNode.text,
    aliases: [],
    comments: context.doc.commentsAround(statement.startIndex, statement.endIndex),
    ...context.doc.at(nameNode),
  };
  addAliases(field.aliases, field.name, infos.flatMap((info) => [info.positionalName, ...info.aliases]));
  const type = fromValue?.type ?? (annotation ? annotationType(annotation) : undefined);
  if (type !== undefined) field.type = type;
  const description = joinDescriptions(infos.flatMap((info) => info.descriptions));
  if (description !== undefined) field.description = description;
  const defaultValue = fromValue ? infos.find((info) => info.defaultValue !== undefined)?.defaultValue : pythonLiteral(value);
  if (defaultValue !== undefined) field.defaultValue = defaultValue;
  return { field, isColumn: fromValue?.flavor === 'django' || fromValue?.flavor === 'sqlalchemy' };
}

/** The docstring written right under an attribute (comments in between are allowed). */
function followingDocstring(statements: readonly Node[], index: number): string | undefined {
  for (let next = index + 1; next < statements.length; next++) {
    if (statements[next].type === 'comment') continue;
    return statementString(statements[next]);
  }
  return undefined;
}

/** `ClassVar[int]` → `ClassVar`; `typing.Final` → `Final`. */
function annotationHead(annotation: Node): string | undefined {
  let node: Node | null = annotation.type === 'type' ? annotation.namedChild(0) : annotation;
  if (node?.type === 'generic_type' || node?.type === 'subscript') node = node.namedChild(0);
  if (node?.type === 'attribute') return node.childForFieldName('attribute')?.text;
  return node?.type === 'identifier' ? node.text : undefined;
}

/** Wrappers whose first parameter is the declared type: `Mapped[str]`, `Annotated[str, Field(...)]`. */
const TYPE_WRAPPERS = new Set(['Mapped', 'Annotated']);

/** The declared type, without the `Mapped[...]` / `Annotated[...]` wrapper. */
function annotationType(annotation: Node): string {
  const inner = annotation.type === 'type' ? annotation.namedChild(0) : annotation;
  if (inner?.type === 'generic_type' && TYPE_WRAPPERS.has(annotationHead(annotation) ?? '')) {
    const parameter = namedChildrenOf(inner).find((child) => child.type === 'type_parameter');
    const wrapped = parameter ? namedChildrenOf(parameter)[0] : undefined;
    if (wrapped) return wrapped.text;
  }
  return annotation.text;
}
