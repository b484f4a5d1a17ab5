/** Reads struct types from a Go syntax tree: fields, struct tags, comments and nested anonymous structs. */
import type { Node } from 'web-tree-sitter';
import type { ExtractedEntity, ExtractedField, SourceComment } from '../model';
import {
  addAliases,
  descriptionFromComment,
  failureProblem,
  namedChildrenOf,
  recoverDeclarations,
  type TreeSitterRead,
} from '../treeSitter/syntaxHelpers';
import { readTagFacts, type TagFacts } from './structTags';
import { tableNameNodeTypes, tableNamesByStruct } from './tableNames';

/** Type constructors that can wrap an anonymous struct: `*struct{}`, `[]struct{}`, `map[string]struct{}`. */
const STRUCT_WRAPPERS = new Set(['pointer_type', 'slice_type', 'array_type', 'map_type', 'parenthesized_type']);

interface StructDeclaration {
  name: string;
  nameNode: Node;
  /** The field declarations between the braces. */
  members: Node[];
  aliases: string[];
  description?: string;
  comments: SourceComment[];
  parent?: string;
}

/** `type Member struct {` left unclosed: its intact fields are still read. */
const RECOVERY = { keywords: ['type'], nameTypes: ['identifier', 'type_identifier'], prefixTypes: [], afterName: 'struct' } as const;

/** Node types `readGoStructs` looks for across a file with this text. */
export function goNodeTypes(text: string): string[] {
  return ['type_spec', ...tableNameNodeTypes(text)];
}

export function readGoStructs(context: TreeSitterRead): ExtractedEntity[] {
  const { doc } = context;
  const tables = tableNamesByStruct(context.nodes, doc.text);
  const declarations: StructDeclaration[] = [];
  for (const spec of context.nodes.of(['type_spec'])) {
    const nameNode = spec.childForFieldName('name');
    const structType = spec.childForFieldName('type');
    if (!nameNode || structType?.type !== 'struct_type') continue;
    declarations.push(topLevel(nameNode, spec.startIndex, bodyStart(structType), structMembers(structType), context));
  }
  for (const recovered of recoverDeclarations(context.nodes, RECOVERY)) {
    const headerEnd = (recovered.open ?? recovered.name).endIndex;
    declarations.push(topLevel(recovered.name, recovered.keyword.startIndex, headerEnd, recovered.members, context));
  }
  const entities: ExtractedEntity[] = [];
  for (const declaration of declarations) {
    declaration.aliases = tables.get(declaration.name) ?? [];
    try {
      entities.push(...readStruct(declaration, context));
    } catch (error) {
      context.problems.push(failureProblem(`struct ${declaration.name}`, error, doc.at(declaration.nameNode)));
    }
  }
  return entities.sort((a, b) => a.line - b.line || a.column - b.column);
}

function topLevel(nameNode: Node, start: number, headerEnd: number, members: Node[], context: TreeSitterRead): StructDeclaration {
  const declaration: StructDeclaration = {
    name: nameNode.text,
    nameNode,
    members,
    aliases: [],
    comments: context.doc.commentsAround(start, headerEnd),
  };
  const description = docDescription(context.doc.leadingComments(start), nameNode.text);
  if (description !== undefined) declaration.description = description;
  return declaration;
}

function structMembers(structType: Node): Node[] {
  const fieldList = namedChildrenOf(structType).find((child) => child.type === 'field_declaration_list');
  return fieldList ? namedChildrenOf(fieldList) : [];
}

/** The struct as an entity, followed by the entities of its nested anonymous structs. */
function readStruct(declaration: StructDeclaration, context: TreeSitterRead): ExtractedEntity[] {
  const entity: ExtractedEntity = {
    name: declaration.name,
    aliases: [],
    kind: 'struct',
    comments: declaration.comments,
    ...context.doc.at(declaration.nameNode),
    fields: [],
  };
  if (declaration.description !== undefined) entity.description = declaration.description;
  if (declaration.parent !== undefined) entity.parent = declaration.parent;
  const nested: ExtractedEntity[] = [];
  const tableAliases: Array<string | undefined> = [...declaration.aliases];
  for (const member of declaration.members) {
    if (member.type !== 'field_declaration') continue;
    try {
      const tag = member.childForFieldName('tag');
      const facts: TagFacts = tag ? readTagFacts(tag.text) : { aliases: [] };
      const names = member.childrenForFieldName('name').filter((name): name is Node => name !== null);
      // Embedded structs (`gorm.Model`, `*Base`) add no field of their own here.
      if (names.length === 0) {
        tableAliases.push(facts.table);
        continue;
      }
      for (const nameNode of names) {
        const { field, nestedStruct } = readField(member, nameNode, facts, context);
        entity.fields.push(field);
        if (nestedStruct) {
          const nestedDeclaration: StructDeclaration = {
            name: field.name,
            nameNode,
            members: structMembers(nestedStruct),
            aliases: field.aliases,
            comments: field.comments.map((comment) => ({ ...comment })),
            parent: declaration.name,
          };
          if (field.description !== undefined) nestedDeclaration.description = field.description;
          nested.push(...readStruct(nestedDeclaration, context));
        }
      }
    } catch (error) {
      context.problems.push(failureProblem(`a field of struct ${declaration.name}`, error, context.doc.at(member)));
    }
  }
  addAliases(entity.aliases, entity.name, tableAliases);
  return [entity, ...nested];
}

function readField(member: Node, nameNode: Node, facts: TagFacts, context: TreeSitterRead): { field: ExtractedField; nestedStruct?: Node } {
  const { doc } = context;
  const typeNode = member.childForFieldName('type');
  const nestedStruct = typeNode ? anonymousStruct(typeNode) : undefined;
  // A nested struct's own fields carry their own comments: stop at its opening brace.
  const ownEnd = nestedStruct ? bodyStart(nestedStruct) : member.endIndex;
  const comments = mergeComments(doc.commentsAround(member.startIndex, ownEnd), doc.trailingComments(member.endIndex));
  const field: ExtractedField = { name: nameNode.text, aliases: [], comments, ...doc.at(nameNode) };
  addAliases(field.aliases, field.name, facts.aliases);
  if (typeNode) field.type = typeText(typeNode, nestedStruct);
  const description =
    facts.description ??
    docDescription(doc.trailingComments(member.endIndex), field.name) ??
    docDescription(doc.leadingComments(member.startIndex), field.name);
  if (description !== undefined) field.description = description;
  if (facts.defaultValue !== undefined) field.defaultValue = facts.defaultValue;
  return nestedStruct ? { field, nestedStruct } : { field };
}

/** The anonymous struct a field type declares, through pointers, slices, arrays and map values. */
function anonymousStruct(type: Node): Node | undefined {
  if (type.type === 'struct_type') return type;
  if (!STRUCT_WRAPPERS.has(type.type)) return undefined;
  const inner = type.type === 'map_type' ? type.childForFieldName('value') : type.childForFieldName('element') ?? type.namedChildren.at(-1);
  return inner ? anonymousStruct(inner) : undefined;
}

/** The type as written, with a nested struct body shortened to `struct{…}`. */
function typeText(type: Node, nestedStruct: Node | undefined): string {
  if (!nestedStruct) return type.text;
  const before = type.text.slice(0, nestedStruct.startIndex - type.startIndex);
  const after = type.text.slice(nestedStruct.endIndex - type.startIndex);
  return `${before}struct{…}${after}`;
}

/** Offset just past a struct's `{`, where its header ends. */
function bodyStart(structType: Node): number {
  const list = namedChildrenOf(structType).find((child) => child.type === 'field_declaration_list');
  return list ? list.startIndex + 1 : structType.endIndex;
}

/** Go doc comments start with the name they document (`// Store 门店`): keep what follows it. */
function docDescription(comments: readonly SourceComment[], name: string): string | undefined {
  const text = descriptionFromComment(comments.map((comment) => comment.text).join('\n'));
  if (text === undefined) return undefined;
  if (text === name) return undefined;
  return text.startsWith(`${name} `) ? text.slice(name.length + 1).trim() || undefined : text;
}

function mergeComments(...lists: SourceComment[][]): SourceComment[] {
  const byPosition = new Map<string, SourceComment>();
  for (const comment of lists.flat()) byPosition.set(`${comment.line}:${comment.column}`, comment);
  return [...byPosition.values()].sort((a, b) => a.line - b.line || a.column - b.column);
}
