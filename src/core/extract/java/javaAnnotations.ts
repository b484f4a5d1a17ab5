/** Reading Java annotations (`@Column(name = "xm")`, `@TableName("t_member")`) and constant expressions. */
import type { Node } from 'web-tree-sitter';
import { namedChildrenOf, unquoteStringLiteral } from '../treeSitter/syntaxHelpers';

export interface JavaAnnotation {
  /** Simple name: `@javax.persistence.Column` → `Column`. */
  name: string;
  /** Element values by key; a lone unnamed value is `value`, as in Java itself. */
  values: Map<string, Node>;
}

/** `static final String` constants of the file, so `@Table(name = TABLE)` can be resolved. */
export type JavaConstants = ReadonlyMap<string, string>;

/** The `modifiers` node of a declaration (annotations and keywords). */
export function modifiersOf(declaration: Node): Node | undefined {
  return namedChildrenOf(declaration).find((child) => child.type === 'modifiers');
}

/** The annotations among a declaration's modifiers. */
export function annotationsOf(declaration: Node): JavaAnnotation[] {
  return annotationsIn(modifiersOf(declaration));
}

/** The annotations in a `modifiers` node. */
export function annotationsIn(modifiers: Node | undefined): JavaAnnotation[] {
  if (!modifiers) return [];
  const annotations: JavaAnnotation[] = [];
  for (const node of namedChildrenOf(modifiers)) {
    // Reading a node's type is a call into WebAssembly: once per node.
    const type = node.type;
    if (type !== 'annotation' && type !== 'marker_annotation') continue;
    const nameNode = node.childForFieldName('name');
    const name = nameNode?.type === 'scoped_identifier' ? nameNode.childForFieldName('name')?.text : nameNode?.text;
    if (!name) continue;
    const values = new Map<string, Node>();
    const argumentList = node.childForFieldName('arguments');
    for (const argument of argumentList ? namedChildrenOf(argumentList) : []) {
      const argumentType = argument.type;
      if (argumentType === 'element_value_pair') {
        const key = argument.childForFieldName('key');
        const value = argument.childForFieldName('value');
        if (key && value) values.set(key.text, value);
      } else if (!argumentType.endsWith('comment')) {
        values.set('value', argument);
      }
    }
    annotations.push({ name, values });
  }
  return annotations;
}

/** Whether the declaration's modifiers contain the keyword (`static`, `final`, `public`). */
export function hasModifier(declaration: Node, keyword: string): boolean {
  return modifiersOf(declaration)?.children.some((child) => child?.type === keyword) ?? false;
}

/**
 * The string an element value stands for: a literal, a concatenation, a constant of this file,
 * or the items of `{"a", "b"}` joined by ` / `. Undefined when it cannot be known statically.
 */
export function javaString(node: Node | null | undefined, constants: JavaConstants): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string_literal':
      return unquoteStringLiteral(node.text);
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.type !== '+') return undefined;
      const left = javaString(node.childForFieldName('left'), constants);
      const right = javaString(node.childForFieldName('right'), constants);
      return left !== undefined && right !== undefined ? left + right : undefined;
    }
    case 'parenthesized_expression':
      return javaString(node.namedChild(0), constants);
    case 'identifier':
      return constants.get(node.text);
    case 'field_access':
      return constants.get(node.childForFieldName('field')?.text ?? '');
    case 'element_value_array_initializer': {
      const items = namedChildrenOf(node)
        .filter((item) => !item.type.endsWith('comment'))
        .map((item) => javaString(item, constants))
        .filter((item): item is string => item !== undefined && item !== '');
      return items.length > 0 ? items.join(' / ') : undefined;
    }
    default:
      return undefined;
  }
}

/** A literal initializer as text (strings unquoted); undefined for anything computed or `null`. */
export function javaLiteral(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const type = node.type;
  if (type === 'string_literal') return unquoteStringLiteral(node.text);
  if (type === 'character_literal') return unquoteStringLiteral(node.text);
  if (/_literal$/.test(type) && type !== 'null_literal') return node.text;
  if (type === 'true' || type === 'false') return node.text;
  if (type === 'unary_expression' && node.childForFieldName('operator')?.type === '-') {
    const operand = javaLiteral(node.childForFieldName('operand'));
    return operand !== undefined && /^[\d.]/.test(operand) ? `-${operand}` : undefined;
  }
  return undefined;
}

/** The values of the given keys of the first annotation with that name, as strings. */
export function annotationStrings(
  annotations: readonly JavaAnnotation[],
  wanted: Readonly<Record<string, readonly string[]>>,
  constants: JavaConstants,
): string[] {
  const found: string[] = [];
  for (const annotation of annotations) {
    for (const key of wanted[annotation.name] ?? []) {
      const text = javaString(annotation.values.get(key), constants)?.trim();
      if (text) found.push(text);
    }
  }
  return found;
}
