/** Reading C# attributes, modifiers and constant expressions from the tree-sitter-c-sharp syntax tree. */
import type { Node } from 'web-tree-sitter';
import { namedChildrenOf, unquoteStringLiteral } from '../treeSitter/syntaxHelpers';
import type { SyntaxIndex } from '../treeSitter/syntaxIndex';

export interface CSharpAttribute {
  /** Simple name without namespace and `Attribute` suffix: `[Schema.ColumnAttribute]` → `Column`. */
  name: string;
  positional: Node[];
  /** `Name = "…"` and `name: "…"` arguments, keyed in lower case. */
  named: Map<string, Node>;
}

/** Where an attribute applies: none given, or the targets that describe stored data. */
const DATA_TARGETS = new Set(['', 'property', 'field']);

/** `const string` values of the file, so `[Table(Tables.Member)]` can be resolved. */
export type CSharpConstants = ReadonlyMap<string, string>;

/** The attributes written on a declaration. */
export function attributesOf(declaration: Node): CSharpAttribute[] {
  return attributesIn(namedChildrenOf(declaration));
}

/** The attributes in a run of nodes (the attribute lists among them). */
export function attributesIn(nodes: readonly Node[]): CSharpAttribute[] {
  const attributes: CSharpAttribute[] = [];
  for (const list of nodes) {
    if (list.type !== 'attribute_list') continue;
    const target = namedChildrenOf(list).find((child) => child.type === 'attribute_target_specifier');
    const targetName = target ? target.text.replace(':', '').trim() : '';
    if (!DATA_TARGETS.has(targetName)) continue;
    for (const attribute of namedChildrenOf(list)) {
      if (attribute.type !== 'attribute') continue;
      const name = simpleName(attribute.childForFieldName('name'));
      if (!name) continue;
      const read: CSharpAttribute = { name: name.replace(/Attribute$/, ''), positional: [], named: new Map() };
      const argumentList = namedChildrenOf(attribute).find((child) => child.type === 'attribute_argument_list');
      for (const argument of argumentList ? namedChildrenOf(argumentList) : []) {
        if (argument.type !== 'attribute_argument') continue;
        const parts = namedChildrenOf(argument);
        const naming = parts.find((part) => part.type === 'name_equals' || part.type === 'name_colon');
        const value = parts.at(-1);
        if (!value || value === naming) continue;
        const key = naming ? namedChildrenOf(naming)[0]?.text.toLowerCase() : undefined;
        if (key) read.named.set(key, value);
        else read.positional.push(value);
      }
      attributes.push(read);
    }
  }
  return attributes;
}

/**
 * The strings an attribute gives for the wanted parameters. `0` is the first positional argument;
 * other keys match `Name = …` or `name: …` case-insensitively.
 */
export function attributeStrings(
  attributes: readonly CSharpAttribute[],
  wanted: Readonly<Record<string, readonly string[]>>,
  constants: CSharpConstants,
): string[] {
  const found: string[] = [];
  for (const attribute of attributes) {
    for (const key of wanted[attribute.name] ?? []) {
      const node = key === '0' ? attribute.positional[0] : attribute.named.get(key.toLowerCase());
      const text = csharpString(node, constants)?.trim();
      if (text) found.push(text);
    }
  }
  return found;
}

export function hasModifier(declaration: Node, keyword: string): boolean {
  return namedChildrenOf(declaration).some((child) => child.type === 'modifier' && child.text === keyword);
}

/** `Namespace.Type` / `global::Type` / `Type<T>` → `Type`. */
export function simpleName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'generic_name') return namedChildrenOf(node).find((child) => child.type === 'identifier')?.text;
  const last = namedChildrenOf(node).at(-1);
  return last ? simpleName(last) : undefined;
}

const LITERAL_STRINGS = new Set(['string_literal', 'verbatim_string_literal', 'raw_string_literal']);

/** A constant string expression: literals, `+`, `nameof(X.Y)` and `const string` members of this file. */
export function csharpString(node: Node | null | undefined, constants: CSharpConstants): string | undefined {
  if (!node) return undefined;
  if (LITERAL_STRINGS.has(node.type)) return unquoteStringLiteral(node.text, { tripleQuotedIsRaw: true });
  switch (node.type) {
    case 'identifier':
      return constants.get(node.text);
    case 'member_access_expression':
      return constants.get(node.childForFieldName('name')?.text ?? '');
    case 'parenthesized_expression':
      return csharpString(node.namedChild(0), constants);
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.type !== '+') return undefined;
      const left = csharpString(node.childForFieldName('left'), constants);
      const right = csharpString(node.childForFieldName('right'), constants);
      return left !== undefined && right !== undefined ? left + right : undefined;
    }
    case 'invocation_expression': {
      if (node.childForFieldName('function')?.text !== 'nameof') return undefined;
      const argument = node.childForFieldName('arguments')?.namedChild(0)?.namedChild(0);
      return simpleName(argument?.type === 'member_access_expression' ? argument.childForFieldName('name') : argument);
    }
    default:
      return undefined;
  }
}

/** A literal initializer as text (strings unquoted); undefined for `null` and computed values. */
export function csharpLiteral(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (LITERAL_STRINGS.has(node.type) || node.type === 'character_literal') return unquoteStringLiteral(node.text, { tripleQuotedIsRaw: true });
  if (node.type === 'integer_literal' || node.type === 'real_literal' || node.type === 'boolean_literal') return node.text;
  if (node.type === 'prefix_unary_expression' && node.text.trimStart().startsWith('-')) {
    const operand = csharpLiteral(node.namedChild(0));
    return operand !== undefined && /^[\d.]/.test(operand) ? `-${operand}` : undefined;
  }
  return undefined;
}

/** Node types `fileConstants` looks for. */
export const CONSTANT_DECLARATIONS = ['field_declaration'];

/** `const string Member = "t_member";` anywhere in the file. */
export function fileConstants(nodes: SyntaxIndex): Map<string, string> {
  const constants = new Map<string, string>();
  for (const member of nodes.of(CONSTANT_DECLARATIONS)) {
    if (!hasModifier(member, 'const') && !(hasModifier(member, 'static') && hasModifier(member, 'readonly'))) continue;
    const declaration = namedChildrenOf(member).find((child) => child.type === 'variable_declaration');
    for (const declarator of declaration ? namedChildrenOf(declaration) : []) {
      if (declarator.type !== 'variable_declarator') continue;
      const name = namedChildrenOf(declarator).find((child) => child.type === 'identifier')?.text;
      const initializer = namedChildrenOf(declarator).find((child) => child.type === 'equals_value_clause');
      const value = csharpString(initializer?.namedChild(0), constants);
      if (name && value !== undefined) constants.set(name, value);
    }
  }
  return constants;
}
