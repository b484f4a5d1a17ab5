/** SQLAlchemy Core tables: `members = Table("t_member", metadata, Column("xm", String(50), comment="姓名"))`. */
import type { Node } from 'web-tree-sitter';
import type { ExtractedEntity, ExtractedField } from '../model';
import { addAliases, failureProblem, joinDescriptions, type TreeSitterRead } from '../treeSitter/syntaxHelpers';
import { fieldFlavor, readColumn } from './fieldConstructors';
import { callArguments, calleeName, pythonString } from './pythonSyntax';

/** Node types `readCoreTables` looks for. */
export const TABLE_CALLS = ['call'];

export function readCoreTables(context: TreeSitterRead): ExtractedEntity[] {
  const entities: ExtractedEntity[] = [];
  for (const call of context.nodes.of(TABLE_CALLS)) {
    if (calleeName(call)?.at(-1) !== 'Table') continue;
    const args = callArguments(call);
    const tableName = pythonString(args.positional[0]);
    const columns = args.positional.filter((argument) => argument.type === 'call' && fieldFlavor(argument) === 'sqlalchemy');
    // `Table("Title")` of some other library declares no columns: not a table definition.
    if (tableName === undefined || columns.length === 0) continue;
    try {
      entities.push(readTable(call, args.positional[0], tableName, columns, context));
    } catch (error) {
      context.problems.push(failureProblem(`table ${tableName}`, error, context.doc.at(call)));
    }
  }
  return entities;
}

function readTable(call: Node, nameNode: Node, tableName: string, columns: Node[], context: TreeSitterRead): ExtractedEntity {
  const { doc } = context;
  const statement = call.parent?.type === 'assignment' ? call.parent.parent ?? call.parent : call;
  const variable = call.parent?.type === 'assignment' ? call.parent.childForFieldName('left') : null;
  const entity: ExtractedEntity = {
    name: tableName,
    aliases: [],
    kind: 'table',
    comments: doc.commentsAround(statement.startIndex, call.childForFieldName('arguments')?.startIndex ?? call.endIndex),
    ...doc.at(nameNode),
    fields: [],
  };
  addAliases(entity.aliases, tableName, [variable?.type === 'identifier' ? variable.text : undefined]);
  const description = pythonString(callArguments(call).keywords.get('comment'));
  if (description !== undefined) entity.description = description;
  for (const column of columns) {
    const field = readTableColumn(column, context);
    if (field) entity.fields.push(field);
  }
  return entity;
}

function readTableColumn(column: Node, context: TreeSitterRead): ExtractedField | undefined {
  const args = callArguments(column);
  const info = readColumn(args);
  if (info.positionalName === undefined) {
    context.problems.push({ message: 'a Column(...) inside Table(...) has no column name and was skipped', ...context.doc.at(column) });
    return undefined;
  }
  const field: ExtractedField = {
    name: info.positionalName,
    aliases: [],
    comments: context.doc.commentsAround(column.startIndex, column.endIndex),
    ...context.doc.at(args.positional[0]),
  };
  addAliases(field.aliases, field.name, info.aliases);
  if (info.type !== undefined) field.type = info.type;
  const description = joinDescriptions(info.descriptions);
  if (description !== undefined) field.description = description;
  if (info.defaultValue !== undefined) field.defaultValue = info.defaultValue;
  return field;
}
