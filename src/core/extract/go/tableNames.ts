/**
 * Table names declared by methods: `func (Branch) TableName() string { return "tb_branch" }`
 * (GORM, beego, xorm), including the `const TableNameBranch = "tb_branch"` form that gorm/gen writes.
 */
import type { Node } from 'web-tree-sitter';
import { descendantsOfTypes } from '../treeSitter/descendantsOfTypes';
import { namedChildrenOf, unquoteStringLiteral } from '../treeSitter/syntaxHelpers';
import type { SyntaxIndex } from '../treeSitter/syntaxIndex';

/** Method names that return the table or collection a struct is stored in. */
const TABLE_NAME_METHODS = new Set(['TableName', 'CollectionName']);

/** Node types `tableNamesByStruct` looks for across a file with this text. */
export function tableNameNodeTypes(text: string): string[] {
  return mayDeclareTableNames(text) ? ['method_declaration', 'const_spec'] : [];
}

/** Struct name → table names returned by its `TableName()` method(s). */
export function tableNamesByStruct(nodes: SyntaxIndex, text: string): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  // Finding methods takes every method of the file: skip it when no such method can be there.
  if (!mayDeclareTableNames(text)) return tables;
  const constants = stringConstants(nodes);
  for (const method of nodes.of(['method_declaration'])) {
    if (!TABLE_NAME_METHODS.has(method.childForFieldName('name')?.text ?? '')) continue;
    const receiver = receiverTypeName(method.childForFieldName('receiver'));
    const body = method.childForFieldName('body');
    if (!receiver || !body) continue;
    for (const statement of descendantsOfTypes(body, ['return_statement'])) {
      const list = namedChildrenOf(statement).find((child) => child.type === 'expression_list');
      const value = goString(list?.namedChild(0) ?? null, constants);
      if (value === undefined || value === '') continue;
      const names = tables.get(receiver) ?? [];
      if (!names.includes(value)) names.push(value);
      tables.set(receiver, names);
    }
  }
  return tables;
}

function mayDeclareTableNames(text: string): boolean {
  return [...TABLE_NAME_METHODS].some((method) => text.includes(method));
}

/** `(s *Store)`, `(Branch)`, `(p *Page[T])` → the receiver's type name. */
function receiverTypeName(receiver: Node | null): string | undefined {
  const parameter = receiver ? namedChildrenOf(receiver).find((child) => child.type === 'parameter_declaration') : undefined;
  const type = parameter?.childForFieldName('type');
  if (!type) return undefined;
  if (type.type === 'type_identifier') return type.text;
  return descendantsOfTypes(type, ['type_identifier'])[0]?.text;
}

/** The value of a string expression: literals, `+` concatenations and constants of this file. */
export function goString(node: Node | null, constants: ReadonlyMap<string, string>): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'interpreted_string_literal':
    case 'raw_string_literal':
      return unquoteStringLiteral(node.text);
    case 'identifier':
      return constants.get(node.text);
    case 'parenthesized_expression':
      return goString(node.namedChild(0), constants);
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.type !== '+') return undefined;
      const left = goString(node.childForFieldName('left'), constants);
      const right = goString(node.childForFieldName('right'), constants);
      return left !== undefined && right !== undefined ? left + right : undefined;
    }
    default:
      return undefined;
  }
}

/** `const TableNameBranch = "tb_branch"` anywhere in the file, in declaration order. */
function stringConstants(nodes: SyntaxIndex): Map<string, string> {
  const constants = new Map<string, string>();
  for (const spec of nodes.of(['const_spec'])) {
    const names = spec.childrenForFieldName('name').filter((name): name is Node => name !== null);
    const values = spec.childForFieldName('value');
    const expressions = values ? namedChildrenOf(values) : [];
    names.forEach((name, index) => {
      const value = goString(expressions[index] ?? null, constants);
      if (value !== undefined) constants.set(name.text, value);
    });
  }
  return constants;
}
