import type { Node } from 'web-tree-sitter';
import type { ExtractedEntity, ExtractedField } from '../model';
import { CLASS_NODE_TYPES } from './bindings';
import { CommentIndex, type IndexedComment } from './commentIndex';
import { columnOptions, decoratorCall, decoratorsOf, entityDecorator, entityOptions, type DecoratorCall } from './decorators';
import { makeEntity, makeField } from './entityParts';
import { plainComments, type SourceFile } from './sourceFile';
import { annotationText, childrenOf, fieldChildren, hasToken, literalValue, namedChildrenOf, propertyName } from './syntax';

/** Classes decorated as framework services rather than data shapes; their injected members are not data. */
const SERVICE_DECORATORS = new Set([
  'Injectable', 'Controller', 'Module', 'Resolver', 'Component', 'Directive', 'Pipe', 'NgModule',
  'Catch', 'WebSocketGateway', 'Processor', 'Middleware',
]);

/**
 * Entities declared as TypeScript/JavaScript types: ORM entity classes (`@Entity`, `@Table`,
 * `@Schema`), and plain classes, interfaces and object type aliases with typed properties (DTOs).
 * Inline object types of a property (`address: { city: string }`) are nested entities.
 */
export function readDeclaredTypes(file: SourceFile): ExtractedEntity[] {
  const entities: ExtractedEntity[] = [];
  for (const node of file.syntax.ofType(...CLASS_NODE_TYPES, 'ERROR', 'interface_declaration', 'type_alias_declaration')) {
    // Reading a node's type is a call into WebAssembly: once per node.
    const type = node.type;
    if (type === 'ERROR') entities.push(...salvageClasses(file, node));
    else if (type === 'interface_declaration') entities.push(...readInterface(file, node));
    else if (type === 'type_alias_declaration') entities.push(...readTypeAlias(file, node));
    else entities.push(...readClass(file, node));
  }
  return entities;
}

/** A property of a class, interface or object type, with what is declared about it. */
interface PropertyDeclaration {
  node: Node;
  nameNode: Node;
  name: string;
  typeNode?: Node;
  decorators: DecoratorCall[];
  value?: Node;
}

/** What a class declaration is made of, whether it came from an intact tree or from error recovery. */
interface ClassParts {
  node: Node;
  nameNode?: Node;
  /** The comments above the declaration. */
  leading: IndexedComment[];
  decorators: DecoratorCall[];
  members: Node[];
}

function readClass(file: SourceFile, node: Node): ExtractedEntity[] {
  const body = node.childForFieldName('body');
  if (!body) return [];
  const outer = node.parent?.type === 'export_statement' ? node.parent : node;
  return classEntity(file, {
    node,
    nameNode: node.childForFieldName('name') ?? undefined,
    leading: file.declarationComments(outer),
    decorators: outer === node ? decoratorsOf(node) : [...decoratorsOf(outer), ...decoratorsOf(node)],
    members: namedChildrenOf(body),
  });
}

function classEntity(file: SourceFile, parts: ClassParts): ExtractedEntity[] {
  const modelDecorator = entityDecorator(parts.decorators);
  if (!modelDecorator && parts.decorators.some((d) => SERVICE_DECORATORS.has(d.name))) return [];

  const properties = classProperties(file, parts.members);
  const declaresData = properties.some((p) => p.typeNode || p.decorators.length > 0);
  if (!modelDecorator && !declaresData) return [];

  const leading = parts.leading;
  const options = modelDecorator ? entityOptions(modelDecorator) : { tableNames: [] };
  const entity = makeEntity({
    name: parts.nameNode?.text ?? variableName(parts.node) ?? file.baseName,
    kind: modelDecorator ? 'model' : 'class',
    aliases: options.tableNames,
    description: options.description ?? CommentIndex.docDescription(leading),
    comments: plainComments(leading),
    at: file.position(parts.nameNode ?? parts.node),
  });
  return [entity, ...readProperties(file, entity, properties)];
}

/**
 * A file cut off inside a class leaves the parser with one ERROR node holding the class's
 * pieces side by side: decorators, the `class` keyword, the name, the complete properties.
 * Reassembling them keeps the fields read before the break.
 */
function salvageClasses(file: SourceFile, error: Node): ExtractedEntity[] {
  const classes: ClassParts[] = [];
  let pending: Node[] = [];
  let exportToken: Node | undefined;
  let current: ClassParts | undefined;
  for (const child of childrenOf(error)) {
    if (child.type === 'decorator') {
      pending.push(child);
    } else if (!child.isNamed && child.type === 'export') {
      exportToken = child;
    } else if (!child.isNamed && (child.type === 'class' || child.type === 'abstract')) {
      const justOpened = current && !current.nameNode && current.members.length === 0; // `abstract class`
      if (!justOpened) {
        const head = pending[0] ?? exportToken ?? child;
        current = { node: child, leading: file.comments.leading(head.startIndex), decorators: decoratorCalls(pending), members: [] };
        classes.push(current);
      }
      pending = [];
      exportToken = undefined;
    } else if (current && !current.nameNode && (child.type === 'identifier' || child.type === 'type_identifier')) {
      current.nameNode = child;
    } else if (current && (child.type === 'public_field_definition' || child.type === 'field_definition')) {
      current.members.push(child);
    } else if (child.type.endsWith('_statement') || child.type.endsWith('_declaration')) {
      current = undefined;
      pending = [];
      exportToken = undefined;
    }
  }
  return classes.filter((parts) => parts.nameNode).flatMap((parts) => classEntity(file, parts));
}

function decoratorCalls(decorators: Node[]): DecoratorCall[] {
  return decorators.map(decoratorCall).filter((call): call is DecoratorCall => call !== undefined);
}

function classProperties(file: SourceFile, members: Node[]): PropertyDeclaration[] {
  const properties: PropertyDeclaration[] = [];
  for (const member of members) {
    const type = member.type;
    if (type !== 'public_field_definition' && type !== 'field_definition') continue;
    if (hasToken(member, 'static')) continue;
    const nameNode = member.childForFieldName('name') ?? member.childForFieldName('property');
    const declaration = propertyDeclaration(file, member, nameNode);
    if (declaration) properties.push(declaration);
  }
  return properties;
}

function readInterface(file: SourceFile, node: Node): ExtractedEntity[] {
  const body = node.childForFieldName('body');
  return body ? readTypeShape(file, node, [body]) : [];
}

function readTypeAlias(file: SourceFile, node: Node): ExtractedEntity[] {
  const value = node.childForFieldName('value');
  if (!value) return [];
  if (value.type === 'object_type') return readTypeShape(file, node, [value]);
  if (value.type === 'intersection_type') {
    return readTypeShape(file, node, namedChildrenOf(value).filter((part) => part.type === 'object_type'));
  }
  return [];
}

/** An interface or `type X = { … }`: one entity of kind `type` when it declares at least one property. */
function readTypeShape(file: SourceFile, node: Node, bodies: Node[]): ExtractedEntity[] {
  const properties = bodies.flatMap((body) => signatureProperties(file, body));
  if (properties.length === 0) return [];
  const outer = node.parent?.type === 'export_statement' ? node.parent : node;
  const nameNode = node.childForFieldName('name');
  const leading = file.declarationComments(outer);
  const entity = makeEntity({
    name: nameNode?.text ?? file.baseName,
    kind: 'type',
    description: CommentIndex.docDescription(leading),
    comments: plainComments(leading),
    at: file.position(nameNode ?? node),
  });
  return [entity, ...readProperties(file, entity, properties)];
}

function signatureProperties(file: SourceFile, body: Node): PropertyDeclaration[] {
  const properties: PropertyDeclaration[] = [];
  for (const member of namedChildrenOf(body)) {
    if (member.type !== 'property_signature') continue;
    const declaration = propertyDeclaration(file, member, member.childForFieldName('name'));
    if (declaration) properties.push(declaration);
  }
  return properties;
}

function propertyDeclaration(file: SourceFile, member: Node, nameNode: Node | null): PropertyDeclaration | undefined {
  const name = propertyName(nameNode);
  if (!nameNode || name === undefined) {
    file.problem('A property with a computed name was not read: its name is only known at run time.', member);
    return undefined;
  }
  return {
    node: member,
    nameNode,
    name,
    typeNode: member.childForFieldName('type') ?? undefined,
    decorators: decoratorsOf(member),
    value: member.childForFieldName('value') ?? undefined,
  };
}

/** Fields of `entity` (pushed onto it) and the nested entities of inline object types (returned). */
function readProperties(file: SourceFile, entity: ExtractedEntity, properties: PropertyDeclaration[]): ExtractedEntity[] {
  const nested: ExtractedEntity[] = [];
  for (const property of properties) {
    const objectType = inlineObjectType(property.typeNode);
    if (objectType) nested.push(...readNestedType(file, entity, property, objectType));
    else entity.fields.push(readField(file, property));
  }
  return nested;
}

function readField(file: SourceFile, property: PropertyDeclaration): ExtractedField {
  const options = columnOptions(property.decorators);
  let type = options.type ?? annotationText(property.typeNode);
  if (type && options.length !== undefined && !type.includes('(')) type = `${type}(${options.length})`;
  const comments = file.fieldComments(property.node);
  return makeField({
    name: property.name,
    aliases: options.aliases,
    type,
    description: options.description ?? CommentIndex.docDescription(comments),
    comments: plainComments(comments),
    defaultValue: options.defaultValue ?? literalValue(property.value),
    at: file.position(property.nameNode),
  });
}

function readNestedType(file: SourceFile, parent: ExtractedEntity, property: PropertyDeclaration, objectType: Node): ExtractedEntity[] {
  const comments = file.nestedObjectComments(property.node, property.nameNode);
  const entity = makeEntity({
    name: property.name,
    kind: 'type',
    description: CommentIndex.docDescription(comments),
    comments: plainComments(comments),
    parent: parent.name,
    at: file.position(property.nameNode),
  });
  return [entity, ...readProperties(file, entity, signatureProperties(file, objectType))];
}

/** `{ … }`, `{ … }[]` or `Array<{ … }>` as the type of a property: the object type, if it has properties. */
function inlineObjectType(annotation: Node | undefined): Node | undefined {
  const type = annotation ? namedChildrenOf(annotation).find((child) => child.type !== 'comment') : undefined;
  const objectType = type ? unwrapArray(type) : undefined;
  if (objectType?.type !== 'object_type') return undefined;
  return namedChildrenOf(objectType).some((member) => member.type === 'property_signature') ? objectType : undefined;
}

function unwrapArray(type: Node): Node | undefined {
  if (type.type === 'object_type') return type;
  if (type.type === 'array_type') {
    const element = namedChildrenOf(type)[0];
    return element ? unwrapArray(element) : undefined;
  }
  if (type.type === 'parenthesized_type') {
    const inner = namedChildrenOf(type)[0];
    return inner ? unwrapArray(inner) : undefined;
  }
  if (type.type === 'generic_type') {
    const name = type.childForFieldName('name')?.text;
    const args = fieldChildren(type, 'type_arguments')[0] ?? namedChildrenOf(type).find((c) => c.type === 'type_arguments');
    const first = args ? namedChildrenOf(args)[0] : undefined;
    if ((name === 'Array' || name === 'ReadonlyArray') && first) return unwrapArray(first);
  }
  return undefined;
}

/** `const Member = class { … }` → `Member`. */
function variableName(node: Node): string | undefined {
  const parent = node.parent;
  if (parent?.type !== 'variable_declarator') return undefined;
  return parent.childForFieldName('name')?.text;
}
