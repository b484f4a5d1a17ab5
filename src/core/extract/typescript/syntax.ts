import type { Node } from 'web-tree-sitter';

/** Small, grammar-aware helpers over tree-sitter nodes of the typescript, tsx and javascript grammars. */

export function namedChildrenOf(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}

export function childrenOf(node: Node): Node[] {
  return node.children.filter((child): child is Node => child !== null);
}

export function fieldChildren(node: Node, field: string): Node[] {
  return node.childrenForFieldName(field).filter((child): child is Node => child !== null);
}

/** Depth-first, in source order; when `visit` returns false the node's subtree is skipped. */
export function walk(root: Node, visit: (node: Node) => boolean | void): void {
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (visit(node) === false) continue;
    const children = namedChildrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** True when the node has an anonymous child token such as `static`, `declare` or `readonly`. */
export function hasToken(node: Node, token: string): boolean {
  // The type first: each read is a call into WebAssembly, and the type rules out most children.
  return childrenOf(node).some((child) => child.type === token && !child.isNamed);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

function decodeEscape(sequence: string): string {
  const body = sequence.slice(1);
  if (body.startsWith('u{') && body.endsWith('}')) return safeCodePoint(parseInt(body.slice(2, -1), 16), sequence);
  if (body.startsWith('u') || body.startsWith('x')) return safeCodePoint(parseInt(body.slice(1), 16), sequence);
  if (body.startsWith('\r') || body.startsWith('\n')) return ''; // line continuation
  return SIMPLE_ESCAPES[body] ?? body;
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** The value of a string literal, or of a template literal without `${}`; undefined for anything else. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const type = node.type;
  if (type !== 'string' && type !== 'template_string') return undefined;
  let value = '';
  for (const child of childrenOf(node)) {
    const childType = child.type;
    if (childType === 'template_substitution') return undefined;
    if (childType === 'string_fragment') value += child.text;
    else if (childType === 'escape_sequence') value += decodeEscape(child.text);
  }
  return value;
}

/** A literal default as written: strings (unquoted), numbers, booleans, negative numbers. */
export function literalValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string':
    case 'template_string':
      return stringValue(node);
    case 'number':
    case 'true':
    case 'false':
      return node.text;
    case 'unary_expression': {
      const argument = node.childForFieldName('argument');
      return argument?.type === 'number' ? node.text.replace(/\s+/g, '') : undefined;
    }
    case 'parenthesized_expression': {
      const inner = namedChildrenOf(node);
      return inner.length === 1 ? literalValue(inner[0]) : undefined;
    }
    default:
      return undefined;
  }
}

/** The name of an object key or class member name; undefined for computed names (`[key]`). */
export function propertyName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'property_identifier':
    case 'identifier':
    case 'private_property_identifier':
    case 'shorthand_property_identifier':
    case 'type_identifier':
    case 'number':
      return node.text;
    case 'string':
      return stringValue(node);
    default:
      return undefined;
  }
}

/** One entry of an object literal. `key` is undefined for computed keys and spreads. */
export interface ObjectEntry {
  node: Node;
  kind: 'pair' | 'shorthand' | 'spread' | 'method' | 'other';
  key?: string;
  keyNode?: Node;
  value?: Node;
}

export function objectEntries(object: Node): ObjectEntry[] {
  const entries: ObjectEntry[] = [];
  for (const child of namedChildrenOf(object)) {
    switch (child.type) {
      case 'pair': {
        const keyNode = child.childForFieldName('key') ?? undefined;
        const value = child.childForFieldName('value') ?? undefined;
        entries.push({ node: child, kind: 'pair', key: propertyName(keyNode), keyNode, value });
        break;
      }
      case 'shorthand_property_identifier':
        entries.push({ node: child, kind: 'shorthand', key: child.text, keyNode: child, value: child });
        break;
      case 'spread_element':
        entries.push({ node: child, kind: 'spread', value: namedChildrenOf(child)[0] });
        break;
      case 'method_definition': {
        const keyNode = child.childForFieldName('name') ?? undefined;
        entries.push({ node: child, kind: 'method', key: propertyName(keyNode), keyNode });
        break;
      }
      case 'comment':
        break;
      default:
        entries.push({ node: child, kind: 'other' });
    }
  }
  return entries;
}

/** Arguments of a call or `new` expression, without punctuation and comments. */
export function callArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  return namedChildrenOf(args).filter((arg) => arg.type !== 'comment');
}

/**
 * The callee of a call/new expression or decorator call, split into the called name and the
 * object it is called on: `sequelize.define` → { name: 'define', receiver: <sequelize> }.
 */
export function calleeOf(call: Node): { name?: string; receiver?: Node } {
  const callee = call.childForFieldName('function') ?? call.childForFieldName('constructor');
  if (!callee) return {};
  if (callee.type === 'identifier') return { name: callee.text };
  if (callee.type === 'member_expression') {
    const property = callee.childForFieldName('property');
    return { name: property?.text, receiver: callee.childForFieldName('object') ?? undefined };
  }
  return {};
}

/** The type written after `:` in a type annotation, e.g. `string | null`. */
export function annotationText(annotation: Node | null | undefined): string | undefined {
  if (!annotation) return undefined;
  const type = namedChildrenOf(annotation).find((child) => child.type !== 'comment');
  return type ? collapseWhitespace(type.text) : undefined;
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Last segment of a dotted expression: `Sequelize.DataTypes` → `DataTypes`. */
export function lastSegment(node: Node): string {
  if (node.type === 'member_expression') return node.childForFieldName('property')?.text ?? node.text;
  return node.text;
}
