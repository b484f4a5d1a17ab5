/**
 * Reads classes, records and structs from a C# syntax tree: auto-properties, public fields and
 * record parameters with their EF Core / data-annotation / JSON attributes and `///` docs.
 */
import type { Node } from 'web-tree-sitter';
import type { EntityKind, ExtractedEntity, ExtractedField } from '../model';
import {
  addAliases,
  failureProblem,
  joinDescriptions,
  namedChildrenOf,
  type RecoveredDeclaration,
  type SyntaxDocument,
  type TreeSitterRead,
} from '../treeSitter/syntaxHelpers';
import { readTypeDeclarations } from '../treeSitter/typeDeclarations';
import {
  attributesIn,
  attributesOf,
  attributeStrings,
  csharpLiteral,
  hasModifier,
  type CSharpAttribute,
  type CSharpConstants,
} from './csharpSyntax';
import { xmlDocOf, xmlDocParameters, xmlDocSummary } from './xmlDocComment';

const TYPE_DECLARATIONS: Readonly<Record<string, EntityKind>> = {
  class_declaration: 'class',
  record_declaration: 'class',
  record_struct_declaration: 'struct',
  struct_declaration: 'struct',
};
/** Node types `readCSharpTypes` looks for. */
export const CSHARP_TYPE_DECLARATIONS = Object.keys(TYPE_DECLARATIONS);
const ENCLOSING_TYPES = [...CSHARP_TYPE_DECLARATIONS, 'interface_declaration'];
const TABLE_ATTRIBUTES = new Set(['Table', 'BsonCollection', 'Collection', 'DynamoDBTable']);
/** Visibility that makes a plain field part of the type's data (private fields back properties). */
const VISIBLE = ['public', 'internal', 'protected'];

const ENTITY_NAMES: Readonly<Record<string, readonly string[]>> = {
  Table: ['0', 'Name'],
  BsonCollection: ['0'],
  Collection: ['0', 'Name'],
  DynamoDBTable: ['0'],
};
const DESCRIPTIONS: Readonly<Record<string, readonly string[]>> = {
  Comment: ['0'],
  Display: ['Name', 'Description'],
  Description: ['0'],
  DisplayName: ['0'],
  SwaggerSchema: ['0', 'Title', 'Description'],
};
const FIELD_NAMES: Readonly<Record<string, readonly string[]>> = {
  Column: ['0', 'Name'],
  JsonPropertyName: ['0'],
  JsonProperty: ['0', 'PropertyName'],
  BsonElement: ['0', 'ElementName'],
  DataMember: ['Name'],
  XmlElement: ['0', 'ElementName'],
  XmlAttribute: ['0', 'AttributeName'],
};

/** What a type is made of, whether the parser closed it or it was recovered from an error. */
interface TypeParts {
  nameNode: Node;
  kind: EntityKind;
  /** Attribute lists and modifiers. */
  prefix: Node[];
  /** Where the declaration starts (its first attribute): comments above it belong to it. */
  start: number;
  /** Where its header ends (after `{` or `(`): comments up to there belong to it too. */
  headerEnd: number;
  members: Node[];
  recordParameters: Node | null;
  parent?: string;
}

const RECOVERY = {
  keywords: ['class', 'record', 'struct'],
  nameTypes: ['identifier'],
  prefixTypes: ['attribute_list', 'modifier'],
} as const;

export function readCSharpTypes(context: TreeSitterRead, constants: CSharpConstants): ExtractedEntity[] {
  return readTypeDeclarations(context, {
    declarationTypes: CSHARP_TYPE_DECLARATIONS,
    recovery: RECOVERY,
    noun: 'type',
    declared: declaredParts,
    recovered: recoveredParts,
    read: (parts) => readType(parts, constants, context),
  });
}

function declaredParts(declaration: Node, nameNode: Node): TypeParts {
  const recordParameters = declaration.childForFieldName('parameters');
  const body = declaration.childForFieldName('body');
  // A record's header ends at its parameter list: comments inside belong to the parameters.
  const headerEnd = recordParameters ? recordParameters.startIndex + 1 : body?.type === 'declaration_list' ? body.startIndex + 1 : nameNode.endIndex;
  const parts: TypeParts = {
    nameNode,
    kind: TYPE_DECLARATIONS[declaration.type] ?? 'class',
    prefix: namedChildrenOf(declaration).filter((child) => child.type === 'attribute_list' || child.type === 'modifier'),
    start: declaration.startIndex,
    headerEnd,
    members: body?.type === 'declaration_list' ? namedChildrenOf(body) : [],
    recordParameters,
  };
  const parent = enclosingTypeName(declaration);
  if (parent !== undefined) parts.parent = parent;
  return parts;
}

function recoveredParts(recovered: RecoveredDeclaration): TypeParts {
  return {
    nameNode: recovered.name,
    kind: recovered.keyword.type === 'struct' ? 'struct' : 'class',
    prefix: recovered.prefix,
    start: (recovered.prefix[0] ?? recovered.keyword).startIndex,
    headerEnd: (recovered.open ?? recovered.name).endIndex,
    members: recovered.members,
    recordParameters: null,
  };
}

function readType(parts: TypeParts, constants: CSharpConstants, context: TreeSitterRead): ExtractedEntity | undefined {
  const { doc } = context;
  const { nameNode } = parts;
  const attributes = attributesIn(parts.prefix);
  const xml = xmlDocOf(doc.leadingCommentTexts(parts.start));
  const fields = [
    ...(parts.recordParameters
      ? readRecordParameters(parts.recordParameters, xml ? xmlDocParameters(xml) : new Map<string, string>(), constants, doc)
      : []),
    ...readMembers(parts.members, constants, context),
  ];
  if (fields.length === 0 && !attributes.some((attribute) => TABLE_ATTRIBUTES.has(attribute.name))) return undefined;

  const entity: ExtractedEntity = {
    name: nameNode.text,
    aliases: [],
    kind: parts.kind,
    comments: doc.commentsAround(parts.start, parts.headerEnd),
    ...doc.at(nameNode),
    fields,
  };
  addAliases(entity.aliases, entity.name, attributeStrings(attributes, ENTITY_NAMES, constants));
  const description = joinDescriptions([...attributeStrings(attributes, DESCRIPTIONS, constants), xml ? xmlDocSummary(xml) : undefined]);
  if (description !== undefined) entity.description = description;
  if (parts.parent !== undefined) entity.parent = parts.parent;
  return entity;
}

function readMembers(members: readonly Node[], constants: CSharpConstants, context: TreeSitterRead): ExtractedField[] {
  const fields: ExtractedField[] = [];
  for (const member of members) {
    try {
      // Reading a node's type is a call into WebAssembly: once per member.
      const type = member.type;
      if (type === 'property_declaration') {
        const field = readProperty(member, constants, context.doc);
        if (field) fields.push(field);
      } else if (type === 'field_declaration') {
        fields.push(...readFieldDeclaration(member, constants, context.doc));
      }
    } catch (error) {
      context.problems.push(failureProblem('a member', error, context.doc.at(member)));
    }
  }
  return fields;
}

/** Stored properties only: static and computed (`=> …`, getter with a body and no setter) ones are skipped. */
function readProperty(member: Node, constants: CSharpConstants, doc: SyntaxDocument): ExtractedField | undefined {
  const nameNode = member.childForFieldName('name');
  if (!nameNode || hasModifier(member, 'static') || isComputed(member)) return undefined;
  const field = describeMember(member, nameNode, attributesOf(member), constants, doc);
  const typeNode = member.childForFieldName('type');
  if (typeNode) field.type = typeNode.text;
  const defaultValue = csharpLiteral(member.childForFieldName('value'));
  if (defaultValue !== undefined) field.defaultValue = defaultValue;
  return field;
}

function isComputed(property: Node): boolean {
  if (property.childForFieldName('value')?.type === 'arrow_expression_clause') return true;
  const accessors = property.childForFieldName('accessors');
  if (!accessors) return false;
  const declared = namedChildrenOf(accessors).filter((accessor) => accessor.type === 'accessor_declaration');
  const keywords = declared.map((accessor) => accessor.child(0)?.type ?? '');
  const hasBody = declared.some((accessor) => accessor.childForFieldName('body') !== null);
  return hasBody && !keywords.includes('set') && !keywords.includes('init');
}

/** `public string Name, Mobile;` declares two fields; constants, statics and private fields are skipped. */
function readFieldDeclaration(member: Node, constants: CSharpConstants, doc: SyntaxDocument): ExtractedField[] {
  if (hasModifier(member, 'static') || hasModifier(member, 'const') || !VISIBLE.some((keyword) => hasModifier(member, keyword))) return [];
  const declaration = namedChildrenOf(member).find((child) => child.type === 'variable_declaration');
  if (!declaration) return [];
  const attributes = attributesOf(member);
  const typeNode = declaration.childForFieldName('type');
  const fields: ExtractedField[] = [];
  for (const declarator of namedChildrenOf(declaration)) {
    if (declarator.type !== 'variable_declarator') continue;
    const nameNode = declarator.childForFieldName('name') ?? namedChildrenOf(declarator).find((child) => child.type === 'identifier');
    if (!nameNode) continue;
    const field = describeMember(member, nameNode, attributes, constants, doc);
    if (typeNode) field.type = typeNode.text;
    const initializer = namedChildrenOf(declarator).find((child) => child.type === 'equals_value_clause');
    const defaultValue = csharpLiteral(initializer?.namedChild(0));
    if (defaultValue !== undefined) field.defaultValue = defaultValue;
    fields.push(field);
  }
  return fields;
}

/** `record Member(string Name, [property: Column("sjhm")] string Mobile)`. */
function readRecordParameters(parameters: Node, parameterDocs: Map<string, string>, constants: CSharpConstants, doc: SyntaxDocument): ExtractedField[] {
  const fields: ExtractedField[] = [];
  for (const parameter of namedChildrenOf(parameters)) {
    const nameNode = parameter.childForFieldName('name');
    if (parameter.type !== 'parameter' || !nameNode) continue;
    const field = describeMember(parameter, nameNode, attributesOf(parameter), constants, doc, parameterDocs.get(nameNode.text));
    const typeNode = parameter.childForFieldName('type');
    if (typeNode) field.type = typeNode.text;
    fields.push(field);
  }
  return fields;
}

function describeMember(
  member: Node,
  nameNode: Node,
  attributes: readonly CSharpAttribute[],
  constants: CSharpConstants,
  doc: SyntaxDocument,
  documentation?: string,
): ExtractedField {
  const field: ExtractedField = {
    name: nameNode.text,
    aliases: [],
    comments: doc.commentsAround(member.startIndex, member.endIndex),
    ...doc.at(nameNode),
  };
  addAliases(field.aliases, field.name, attributeStrings(attributes, FIELD_NAMES, constants));
  const xml = xmlDocOf(doc.leadingCommentTexts(member.startIndex));
  const description = joinDescriptions([
    ...attributeStrings(attributes, DESCRIPTIONS, constants),
    xml ? xmlDocSummary(xml) : undefined,
    documentation,
  ]);
  if (description !== undefined) field.description = description;
  return field;
}

function enclosingTypeName(declaration: Node): string | undefined {
  for (let current = declaration.parent; current; current = current.parent) {
    if (ENCLOSING_TYPES.includes(current.type)) return current.childForFieldName('name')?.text;
  }
  return undefined;
}
