import type { ExtractedEntity } from '../model';
import { isConstraintElement, readColumnDefinition } from './columnDefinition';
import type { SqlSchema } from './sqlSchema';
import { isPunct, isWord, stringOf, type SqlStatement } from './sqlStatement';
import type { SqlToken } from './sqlTokenizer';

/** Words allowed between CREATE and TABLE across dialects (`CREATE GLOBAL TEMPORARY TABLE`, Hive `EXTERNAL`). */
export const TABLE_MODIFIERS = new Set([
  'OR', 'REPLACE', 'GLOBAL', 'LOCAL', 'TEMPORARY', 'TEMP', 'UNLOGGED', 'EXTERNAL', 'TRANSIENT', 'VOLATILE', 'MULTISET',
  'SHARDED', 'DUPLICATED', 'IMMUTABLE', 'PRIVATE',
]);

/** A table element being collected: its tokens and the comments on or just above it. */
interface TableElement {
  tokens: SqlToken[];
  comments: SqlToken[];
}

/**
 * Reads `CREATE TABLE name (columns…) options`. Returns undefined for tables without a column
 * list (`AS SELECT`, `LIKE other`, `PARTITION OF`), which declare no columns of their own.
 */
export function readCreateTable(statement: SqlStatement, schema: SqlSchema): ExtractedEntity | undefined {
  const { tokens } = statement;
  let i = 1;
  while (tokens[i]?.kind === 'word' && TABLE_MODIFIERS.has(tokens[i].value.toUpperCase())) i++;
  if (!statement.word(i, 'TABLE')) return undefined;
  i++;
  if (statement.word(i, 'IF') && statement.word(i + 1, 'NOT') && statement.word(i + 2, 'EXISTS')) i += 3;
  const name = statement.qualifiedName(i);
  if (!name) {
    schema.problem('CREATE TABLE without a readable table name; the statement is skipped.', statement.start);
    return undefined;
  }
  const open = name.next;
  if (!isPunct(tokens[open], '(')) return undefined;
  const close = statement.closingParen(open);
  const entity = schema.addEntity(name);
  if (close === undefined) {
    schema.problem(`CREATE TABLE ${name.parts.join('.')}: the column list is not closed; the columns written so far are kept.`, tokens[open].start);
  }

  const bodyEnd = close === undefined ? statement.end : tokens[close].start;
  const body = statement.all.filter((token) => token.start > tokens[open].start && token.end <= bodyEnd);
  readTableBody(body, schema.line(tokens[open].start), entity, schema);

  if (close !== undefined) {
    for (let j = close + 1; j < tokens.length; j++) {
      if (!isWord(tokens[j], 'COMMENT')) continue;
      const description = stringOf(tokens[isPunct(tokens[j + 1], '=') ? j + 2 : j + 1]);
      if (description !== undefined) entity.description = description;
    }
  }
  return entity;
}

/**
 * Splits the column list at top-level commas and gives each column the comments on its lines
 * (`a int, -- 姓名` belongs to `a`) or in the block just above it. Comments on the line of the
 * opening parenthesis describe the table.
 */
function readTableBody(body: SqlToken[], openLine: number, entity: ExtractedEntity, schema: SqlSchema): void {
  const elements: TableElement[] = [];
  const tableComments: SqlToken[] = [];
  const loose: SqlToken[] = [];
  let current: TableElement = { tokens: [], comments: [] };
  let previous: TableElement | undefined;
  let previousEndLine = openLine;
  let parens = 0;
  let angles = 0; // Hive / Spark `map<string, string>`

  for (const token of body) {
    if (token.kind === 'comment') {
      if (current.tokens.length > 0) current.comments.push(token);
      else if (schema.line(token.start) === previousEndLine) (previous ? previous.comments : tableComments).push(token);
      else loose.push(token);
      continue;
    }
    if (parens === 0 && angles === 0 && isPunct(token, ',')) {
      if (current.tokens.length > 0) {
        elements.push(current);
        previous = current;
        previousEndLine = schema.endLine(current.tokens[current.tokens.length - 1]);
      }
      current = { tokens: [], comments: [] };
      continue;
    }
    if (current.tokens.length === 0) {
      current.comments.push(...schema.commentsAbove(loose, schema.line(token.start)));
      loose.length = 0;
    }
    if (isPunct(token, '(')) parens++;
    else if (isPunct(token, ')')) parens = Math.max(0, parens - 1);
    else if (parens === 0 && isPunct(token, '<')) angles++;
    else if (parens === 0 && isPunct(token, '>')) angles = Math.max(0, angles - 1);
    current.tokens.push(token);
  }
  if (current.tokens.length > 0) elements.push(current);

  entity.comments.push(...schema.sourceComments(tableComments));
  for (const element of elements) {
    if (isConstraintElement(element.tokens)) continue;
    const column = readColumnDefinition(element.tokens, schema.text);
    if (!column) {
      schema.problem(`Table ${entity.name}: could not read a column definition starting with "${element.tokens[0].value}".`, element.tokens[0].start);
      continue;
    }
    const field = schema.applyColumn(entity, column);
    field.comments.push(...schema.sourceComments(element.comments));
  }
}
