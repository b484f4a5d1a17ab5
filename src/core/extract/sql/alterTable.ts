import type { ExtractedEntity, ExtractedField } from '../model';
import { isConstraintElement, readColumnDefinition } from './columnDefinition';
import type { CommentTarget, SqlSchema } from './sqlSchema';
import { identifierOf, isPunct, isWord, stringOf, type SqlStatement } from './sqlStatement';
import type { SqlToken } from './sqlTokenizer';

/** What ADD / DROP can name besides a column. */
const NOT_A_COLUMN = new Set(['CONSTRAINT', 'PRIMARY', 'FOREIGN', 'INDEX', 'KEY', 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'CHECK', 'PARTITION', 'PERIOD', 'DEFAULT']);

/**
 * Reads `ALTER TABLE name action, action…`: ADD [COLUMN], MODIFY, CHANGE, ALTER COLUMN
 * (TYPE / SET DEFAULT), RENAME COLUMN, DROP COLUMN and MySQL's `COMMENT = '…'`. A migration
 * file often only alters tables declared elsewhere, so an unknown table is added here.
 * Returns where the comments above the statement belong: the one column it touches, or the
 * table when the statement introduced it.
 */
export function readAlterTable(statement: SqlStatement, schema: SqlSchema): CommentTarget | undefined {
  const { tokens } = statement;
  let i = 1;
  while (statement.word(i, 'ONLINE', 'OFFLINE', 'IGNORE')) i++;
  if (!statement.word(i, 'TABLE')) return undefined;
  i++;
  if (statement.word(i, 'IF') && statement.word(i + 1, 'EXISTS')) i += 2;
  if (statement.word(i, 'ONLY')) i++;
  const name = statement.qualifiedName(i);
  if (!name) {
    schema.problem('ALTER TABLE without a readable table name; the statement is skipped.', statement.start);
    return undefined;
  }
  const known = schema.find(name);
  const entity = known ?? schema.addEntity(name);
  const touched = new Set<ExtractedField>();
  const from = isPunct(tokens[name.next], '*') ? name.next + 1 : name.next;

  for (const [start, end] of statement.splitTopLevel(from, tokens.length)) {
    const action = tokens.slice(start, end);
    for (const field of readAction(action, entity, schema)) touched.add(field);
  }
  if (touched.size === 1) return [...touched][0];
  if (!known) return entity;
  return undefined;
}

function readAction(action: SqlToken[], entity: ExtractedEntity, schema: SqlSchema): ExtractedField[] {
  const verb = action[0]?.kind === 'word' ? action[0].value.toUpperCase() : '';
  let i = 1;
  const column = isWord(action[i], 'COLUMN');
  if (column) i++;
  switch (verb) {
    case 'ADD': {
      if (isWord(action[i], 'IF') && isWord(action[i + 1], 'NOT') && isWord(action[i + 2], 'EXISTS')) i += 3;
      if (isPunct(action[i], '(')) return addColumnList(action.slice(i + 1, closingIndex(action, i)), entity, schema);
      const rest = action.slice(i);
      if (!column && (isNotAColumn(rest[0]) || isConstraintElement(rest))) return [];
      return applyDefinition(rest, entity, schema);
    }
    case 'MODIFY':
      // Oracle: MODIFY (a varchar2(20), b number)
      if (isPunct(action[i], '(')) return addColumnList(action.slice(i + 1, closingIndex(action, i)), entity, schema);
      return applyDefinition(action.slice(i), entity, schema);
    case 'CHANGE': {
      const oldName = identifierOf(action[i]);
      const definition = readColumnDefinition(action.slice(i + 1), schema.text);
      if (oldName === undefined || !definition) return [];
      const existing = schema.findField(entity, oldName);
      if (existing) schema.renameField(existing, definition.nameToken);
      return [schema.applyColumn(entity, definition)];
    }
    case 'ALTER':
      if (!column && isNotAColumn(action[i])) return [];
      return alterColumn(action.slice(i), entity, schema);
    case 'RENAME':
      return rename(action.slice(1), column, entity, schema);
    case 'DROP': {
      if (!column && isNotAColumn(action[i])) return [];
      if (isWord(action[i], 'IF') && isWord(action[i + 1], 'EXISTS')) i += 2;
      const dropped = identifierOf(action[i]);
      if (dropped !== undefined) schema.removeField(entity, dropped);
      return [];
    }
    case 'COMMENT': {
      const description = stringOf(action[isPunct(action[1], '=') ? 2 : 1]);
      if (description !== undefined) entity.description = description;
      return [];
    }
    default:
      return [];
  }
}

function isNotAColumn(token: SqlToken | undefined): boolean {
  return token?.kind === 'word' && NOT_A_COLUMN.has(token.value.toUpperCase());
}

function closingIndex(tokens: SqlToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isPunct(tokens[i], '(')) depth++;
    else if (isPunct(tokens[i], ')') && --depth === 0) return i;
  }
  return tokens.length;
}

/** MySQL `ADD (a int, b int)`, Oracle `MODIFY (…)`. */
function addColumnList(list: SqlToken[], entity: ExtractedEntity, schema: SqlSchema): ExtractedField[] {
  const fields: ExtractedField[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= list.length; i++) {
    const token = list[i];
    if (isPunct(token, '(')) depth++;
    else if (isPunct(token, ')')) depth--;
    if (i === list.length || (depth === 0 && isPunct(token, ','))) {
      const element = list.slice(start, i);
      if (element.length > 0 && !isConstraintElement(element)) fields.push(...applyDefinition(element, entity, schema));
      start = i + 1;
    }
  }
  return fields;
}

function applyDefinition(tokens: SqlToken[], entity: ExtractedEntity, schema: SqlSchema): ExtractedField[] {
  const definition = readColumnDefinition(tokens, schema.text);
  if (!definition) {
    if (tokens[0]) schema.problem(`ALTER TABLE ${entity.name}: could not read the column definition.`, tokens[0].start);
    return [];
  }
  return [schema.applyColumn(entity, definition)];
}

/** `ALTER [COLUMN] c TYPE t`, `… SET DATA TYPE t`, `… SET DEFAULT x`, SQL Server `ALTER COLUMN c nvarchar(50)`. */
function alterColumn(tokens: SqlToken[], entity: ExtractedEntity, schema: SqlSchema): ExtractedField[] {
  const nameToken = tokens[0];
  if (identifierOf(nameToken) === undefined) return [];
  let definition: SqlToken[];
  if (isWord(tokens[1], 'TYPE')) definition = [nameToken, ...tokens.slice(2)];
  else if (isWord(tokens[1], 'SET') && isWord(tokens[2], 'DATA') && isWord(tokens[3], 'TYPE')) definition = [nameToken, ...tokens.slice(4)];
  else if (isWord(tokens[1], 'SET') && isWord(tokens[2], 'DEFAULT')) definition = [nameToken, ...tokens.slice(2)];
  else if (isWord(tokens[1], 'SET', 'DROP', 'ADD', 'RESTART', 'RESET', 'OPTIONS')) definition = [nameToken];
  else definition = tokens;
  return applyDefinition(definition, entity, schema);
}

/** `RENAME COLUMN a TO b`, PostgreSQL `RENAME a TO b`, and the table's own `RENAME [TO|AS] new`. */
function rename(tokens: SqlToken[], column: boolean, entity: ExtractedEntity, schema: SqlSchema): ExtractedField[] {
  const rest = column ? tokens.slice(1) : tokens;
  if (!column && (isWord(rest[0], 'TO', 'AS') || rest.length === 1)) {
    const newName = rest[rest.length - 1];
    const value = identifierOf(newName);
    if (value !== undefined && value.toLowerCase() !== entity.name.toLowerCase()) {
      entity.aliases.push(entity.name);
      entity.name = value.includes('.') ? value.slice(value.lastIndexOf('.') + 1) : value;
    }
    return [];
  }
  const from = identifierOf(rest[0]);
  const to = isWord(rest[1], 'TO') ? rest[2] : undefined;
  if (from === undefined || identifierOf(to) === undefined || !to) return [];
  const field = schema.findField(entity, from) ?? schema.addField(entity, rest[0]);
  schema.renameField(field, to);
  return [field];
}
