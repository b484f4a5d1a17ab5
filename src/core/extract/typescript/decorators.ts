import type { Node } from 'web-tree-sitter';
import { ormTypeText } from './ormType';
import { callArguments, fieldChildren, literalValue, namedChildrenOf, objectEntries, stringValue } from './syntax';

/** A decorator as written: `@Column({ … })` → name `Column`, its arguments. */
export interface DecoratorCall {
  name: string;
  node: Node;
  args: Node[];
}

/** Class decorators that make a class a persisted model (TypeORM, MikroORM, sequelize-typescript, @nestjs/mongoose). */
const ENTITY_DECORATORS = new Set(['Entity', 'ViewEntity', 'ChildEntity', 'Table', 'Schema']);

/** Property decorators that declare a stored column besides the `…Column` family. */
const COLUMN_DECORATORS = new Set(['Property', 'PrimaryKey', 'SerializedPrimaryKey', 'Prop', 'Enum', 'Formula']);

/** Positional string arguments of these are not a type (`@PrimaryGeneratedColumn('uuid')` is a strategy). */
const STRATEGY_FIRST = new Set(['PrimaryGeneratedColumn']);

export function decoratorsOf(node: Node): DecoratorCall[] {
  const calls: DecoratorCall[] = [];
  for (const decorator of fieldChildren(node, 'decorator')) {
    const call = decoratorCall(decorator);
    if (call) calls.push(call);
  }
  return calls;
}

export function decoratorCall(decorator: Node): DecoratorCall | undefined {
  const expression = namedChildrenOf(decorator).find((child) => child.type !== 'comment');
  if (!expression) return undefined;
  if (expression.type === 'call_expression') {
    const callee = expression.childForFieldName('function');
    const name = callee ? simpleName(callee) : undefined;
    return name ? { name, node: decorator, args: callArguments(expression) } : undefined;
  }
  const name = simpleName(expression);
  return name ? { name, node: decorator, args: [] } : undefined;
}

function simpleName(node: Node): string | undefined {
  const type = node.type;
  if (type === 'identifier') return node.text;
  if (type === 'member_expression') return node.childForFieldName('property')?.text;
  return undefined;
}

export function entityDecorator(decorators: DecoratorCall[]): DecoratorCall | undefined {
  return decorators.find((d) => ENTITY_DECORATORS.has(d.name));
}

/** Table / collection name and description of `@Entity('t')`, `@Entity({ name, comment })`, `@Table({ tableName })`. */
export function entityOptions(decorator: DecoratorCall): { tableNames: string[]; description?: string } {
  const tableNames: string[] = [];
  let description: string | undefined;
  for (const arg of decorator.args) {
    const positional = stringValue(arg);
    if (positional !== undefined) tableNames.push(positional);
    if (arg.type !== 'object') continue;
    for (const entry of objectEntries(arg)) {
      const value = stringValue(entry.value);
      if (value === undefined) continue;
      if (entry.key === 'name' || entry.key === 'tableName' || entry.key === 'collection') tableNames.push(value);
      if (entry.key === 'comment' || entry.key === 'description') description ??= value;
    }
  }
  return { tableNames, description };
}

/** What the decorators of one property say about its column. */
export interface ColumnOptions {
  aliases: string[];
  type?: string;
  length?: string;
  description?: string;
  defaultValue?: string;
}

export function columnOptions(decorators: DecoratorCall[]): ColumnOptions {
  const options: ColumnOptions = { aliases: [] };
  for (const decorator of decorators) {
    const columnLike = decorator.name.endsWith('Column') || COLUMN_DECORATORS.has(decorator.name);
    if (decorator.name === 'Comment') options.description ??= stringValue(decorator.args[0]);
    if (decorator.name === 'Default') options.defaultValue ??= literalValue(decorator.args[0]);
    decorator.args.forEach((arg, index) => {
      if (arg.type === 'object') {
        readColumnObject(arg, columnLike, options);
      } else if (columnLike && index === 0 && !STRATEGY_FIRST.has(decorator.name) && isTypeExpression(arg)) {
        options.type ??= ormTypeText(arg);
      }
    });
  }
  return options;
}

function readColumnObject(object: Node, columnLike: boolean, options: ColumnOptions): void {
  for (const entry of objectEntries(object)) {
    const value = entry.value;
    if (!value || entry.kind !== 'pair') continue;
    switch (entry.key) {
      case 'name':
        if (columnLike) pushString(options.aliases, value);
        break;
      case 'field':
      case 'fieldName':
        pushString(options.aliases, value);
        break;
      case 'type':
        if (columnLike && isTypeExpression(value)) options.type ??= ormTypeText(value);
        break;
      case 'length':
        options.length ??= literalValue(value);
        break;
      case 'comment':
      case 'description':
        options.description ??= stringValue(value);
        break;
      case 'default':
      case 'defaultValue':
        options.defaultValue ??= literalValue(value);
        break;
    }
  }
}

function pushString(target: string[], node: Node): void {
  const value = stringValue(node);
  if (value !== undefined && value !== '') target.push(value);
}

/** A string, a name or a (called) member such as `DataType.STRING(18)`; not arrow functions or objects. */
function isTypeExpression(node: Node): boolean {
  return ['string', 'identifier', 'member_expression', 'call_expression', 'array'].includes(node.type);
}
