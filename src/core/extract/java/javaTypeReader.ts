/**
 * Reads classes and records from a Java syntax tree: JPA / Hibernate entities, MyBatis-Plus
 * models, Swagger-annotated DTOs and plain classes with fields.
 */
import type { Node } from 'web-tree-sitter';
import type { ExtractedEntity, ExtractedField } from '../model';
import {
  addAliases,
  failureProblem,
  joinDescriptions,
  namedChildrenOf,
  type RecoveredDeclaration,
  type SyntaxDocument,
  type TreeSitterRead,
} from '../treeSitter/syntaxHelpers';
import type { SyntaxIndex } from '../treeSitter/syntaxIndex';
import { readTypeDeclarations } from '../treeSitter/typeDeclarations';
import {
  annotationsIn,
  annotationsOf,
  annotationStrings,
  hasModifier,
  javaLiteral,
  javaString,
  modifiersOf,
  type JavaAnnotation,
  type JavaConstants,
} from './javaAnnotations';
import { isJavadoc, javadocDescription, javadocParameters } from './javadoc';

const TYPE_DECLARATIONS = ['class_declaration', 'record_declaration', 'interface_declaration', 'enum_declaration'];
const READ_DECLARATIONS = ['class_declaration', 'record_declaration'];
const CONSTANT_DECLARATIONS = ['field_declaration', 'constant_declaration'];
/** Node types `readJavaTypes` looks for across the file. */
export const JAVA_NODE_TYPES = [...READ_DECLARATIONS, ...CONSTANT_DECLARATIONS];
/** Annotations that make a class a persisted entity even when it declares no field itself. */
const ENTITY_MARKERS = new Set(['Entity', 'Table', 'TableName', 'Document', 'MappedSuperclass', 'Embeddable']);

/** Annotation elements that rename a field (column, JSON or document key). */
const FIELD_NAMES: Readonly<Record<string, readonly string[]>> = {
  Column: ['name'],
  TableField: ['value'],
  TableId: ['value'],
  JoinColumn: ['name'],
  JsonProperty: ['value'],
  SerializedName: ['value'],
  JSONField: ['name'],
  JsonField: ['name'],
  Field: ['value', 'name'],
  ApiModelProperty: ['name'],
  Schema: ['name'],
};
/** Annotation elements that describe a field for people (Swagger, Excel headers, DB comments). */
const FIELD_DESCRIPTIONS: Readonly<Record<string, readonly string[]>> = {
  ApiModelProperty: ['value', 'notes'],
  Schema: ['title', 'description'],
  Comment: ['value'],
  ExcelProperty: ['value'],
  Excel: ['name'],
  JsonPropertyDescription: ['value'],
};
const ENTITY_NAMES: Readonly<Record<string, readonly string[]>> = {
  Table: ['name'],
  TableName: ['value'],
  Entity: ['name'],
  Document: ['collection', 'value', 'indexName'],
};
const ENTITY_DESCRIPTIONS: Readonly<Record<string, readonly string[]>> = {
  ApiModel: ['value', 'description'],
  Schema: ['title', 'description'],
  Comment: ['value'],
  Table: ['comment'],
};

/** What a class or record is made of, whether the parser closed it or it was recovered from an error. */
interface TypeParts {
  nameNode: Node;
  modifiers: Node | undefined;
  /** Where the declaration starts (its first annotation): comments above it belong to it. */
  start: number;
  /** Where its header ends (after `{` or `(`): comments up to there belong to it too. */
  headerEnd: number;
  members: Node[];
  recordParameters: Node | null;
  parent?: string;
}

export function readJavaTypes(context: TreeSitterRead): ExtractedEntity[] {
  const constants = fileConstants(context.nodes);
  return readTypeDeclarations(context, {
    declarationTypes: READ_DECLARATIONS,
    recovery: RECOVERY,
    noun: 'class',
    declared: declaredParts,
    recovered: recoveredParts,
    read: (parts) => readType(parts, constants, context),
  });
}

const RECOVERY = { keywords: ['class'], nameTypes: ['identifier'], prefixTypes: ['modifiers'] } as const;

function declaredParts(declaration: Node, nameNode: Node): TypeParts {
  const body = declaration.childForFieldName('body');
  // A record's header ends at its component list: comments inside belong to the components.
  const recordParameters = declaration.childForFieldName('parameters');
  const headerEnd = recordParameters ? recordParameters.startIndex + 1 : body?.type === 'class_body' ? body.startIndex + 1 : nameNode.endIndex;
  const parts: TypeParts = {
    nameNode,
    modifiers: modifiersOf(declaration),
    start: declaration.startIndex,
    headerEnd,
    members: body ? namedChildrenOf(body) : [],
    recordParameters,
  };
  const parent = enclosingTypeName(declaration);
  if (parent !== undefined) parts.parent = parent;
  return parts;
}

function recoveredParts(recovered: RecoveredDeclaration): TypeParts {
  return {
    nameNode: recovered.name,
    modifiers: recovered.prefix.find((node) => node.type === 'modifiers'),
    start: (recovered.prefix[0] ?? recovered.keyword).startIndex,
    headerEnd: (recovered.open ?? recovered.name).endIndex,
    members: recovered.members,
    recordParameters: null,
  };
}

function readType(parts: TypeParts, constants: JavaConstants, context: TreeSitterRead): ExtractedEntity | undefined {
  const { doc } = context;
  const { nameNode } = parts;
  const annotations = annotationsIn(parts.modifiers);
  const javadoc = javadocAbove(doc, parts.start);
  const fields = parts.recordParameters
    ? readRecordComponents(parts.recordParameters, javadoc ? javadocParameters(javadoc) : new Map<string, string>(), constants, doc)
    : readFields(parts.members, constants, context);
  if (fields.length === 0 && !annotations.some((annotation) => ENTITY_MARKERS.has(annotation.name))) return undefined;

  const entity: ExtractedEntity = {
    name: nameNode.text,
    aliases: [],
    kind: 'class',
    comments: doc.commentsAround(parts.start, parts.headerEnd),
    ...doc.at(nameNode),
    fields,
  };
  addAliases(entity.aliases, entity.name, annotationStrings(annotations, ENTITY_NAMES, constants));
  // `@ApiModel("MemberInfo")` often just repeats the class name: that describes nothing.
  const described = annotationStrings(annotations, ENTITY_DESCRIPTIONS, constants).filter((text) => text !== entity.name);
  const description = joinDescriptions([...described, javadoc ? javadocDescription(javadoc) : undefined]);
  if (description !== undefined) entity.description = description;
  if (parts.parent !== undefined) entity.parent = parts.parent;
  return entity;
}

function readFields(members: readonly Node[], constants: JavaConstants, context: TreeSitterRead): ExtractedField[] {
  const fields: ExtractedField[] = [];
  for (const member of members) {
    // Constants, loggers and serialVersionUID are not data of an instance.
    if (member.type !== 'field_declaration' || hasModifier(member, 'static')) continue;
    try {
      fields.push(...readFieldDeclaration(member, constants, context.doc));
    } catch (error) {
      context.problems.push(failureProblem('a field', error, context.doc.at(member)));
    }
  }
  return fields;
}

/** One field per declarator: `private String xm, xb;` declares two. */
function readFieldDeclaration(member: Node, constants: JavaConstants, doc: SyntaxDocument): ExtractedField[] {
  const annotations = annotationsOf(member);
  const typeNode = member.childForFieldName('type');
  const javadoc = javadocAbove(doc, member.startIndex);
  const comments = doc.commentsAround(member.startIndex, member.endIndex);
  const fields: ExtractedField[] = [];
  for (const declarator of member.childrenForFieldName('declarator')) {
    const nameNode = declarator?.childForFieldName('name');
    if (!declarator || !nameNode) continue;
    const dimensions = declarator.childForFieldName('dimensions')?.text ?? '';
    const field = describeField(nameNode, annotations, constants, javadoc ? javadocDescription(javadoc) : undefined, doc);
    field.comments = comments.map((comment) => ({ ...comment }));
    if (typeNode) field.type = typeNode.text + dimensions;
    const defaultValue = javaLiteral(declarator.childForFieldName('value'));
    if (defaultValue !== undefined) field.defaultValue = defaultValue;
    fields.push(field);
  }
  return fields;
}

/** `record Member(@JsonProperty("xm") String name, …)`: components are the fields. */
function readRecordComponents(parameters: Node, parameterDocs: Map<string, string>, constants: JavaConstants, doc: SyntaxDocument): ExtractedField[] {
  const fields: ExtractedField[] = [];
  for (const parameter of namedChildrenOf(parameters)) {
    const nameNode = parameter.childForFieldName('name');
    if (parameter.type !== 'formal_parameter' || !nameNode) continue;
    const field = describeField(nameNode, annotationsOf(parameter), constants, parameterDocs.get(nameNode.text), doc);
    field.comments = doc.commentsAround(parameter.startIndex, parameter.endIndex);
    const typeNode = parameter.childForFieldName('type');
    if (typeNode) field.type = typeNode.text + (parameter.childForFieldName('dimensions')?.text ?? '');
    fields.push(field);
  }
  return fields;
}

function describeField(
  nameNode: Node,
  annotations: readonly JavaAnnotation[],
  constants: JavaConstants,
  documentation: string | undefined,
  doc: SyntaxDocument,
): ExtractedField {
  const field: ExtractedField = { name: nameNode.text, aliases: [], comments: [], ...doc.at(nameNode) };
  addAliases(field.aliases, field.name, annotationStrings(annotations, FIELD_NAMES, constants));
  const description = joinDescriptions([
    ...annotationStrings(annotations, FIELD_DESCRIPTIONS, constants),
    columnDefinitionComment(annotations, constants),
    documentation,
  ]);
  if (description !== undefined) field.description = description;
  return field;
}

/** `@Column(columnDefinition = "varchar(18) COMMENT '身份证号'")` carries the DDL comment. */
function columnDefinitionComment(annotations: readonly JavaAnnotation[], constants: JavaConstants): string | undefined {
  const column = annotations.find((annotation) => annotation.name === 'Column');
  const definition = javaString(column?.values.get('columnDefinition'), constants);
  const match = definition ? /\bcomment\s+'((?:[^']|'')*)'/i.exec(definition) : null;
  return match ? match[1].replace(/''/g, "'") : undefined;
}

/** The javadoc closest above a declaration (annotations included), raw. */
function javadocAbove(doc: SyntaxDocument, offset: number): string | undefined {
  return doc.leadingCommentTexts(offset).filter(isJavadoc).pop();
}

function enclosingTypeName(declaration: Node): string | undefined {
  for (let current = declaration.parent; current; current = current.parent) {
    if (TYPE_DECLARATIONS.includes(current.type)) return current.childForFieldName('name')?.text;
  }
  return undefined;
}

/** `static final String NAME = "…"` anywhere in the file. */
function fileConstants(nodes: SyntaxIndex): Map<string, string> {
  const constants = new Map<string, string>();
  for (const member of nodes.of(CONSTANT_DECLARATIONS)) {
    if (member.type === 'field_declaration' && !(hasModifier(member, 'static') && hasModifier(member, 'final'))) continue;
    for (const declarator of member.childrenForFieldName('declarator')) {
      const name = declarator?.childForFieldName('name')?.text;
      const value = javaString(declarator?.childForFieldName('value'), constants);
      if (name && value !== undefined) constants.set(name, value);
    }
  }
  return constants;
}
