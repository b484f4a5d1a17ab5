import type { ExtractedEntity } from '../model';
import type { SqlSchema } from './sqlSchema';
import { identifierOf, isPunct, type SqlStatement } from './sqlStatement';

const INSERT_MODIFIERS = ['LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'IGNORE', 'OR', 'REPLACE', 'ROLLBACK', 'ABORT', 'FAIL', 'INTO'];

/**
 * Reads the column list of `INSERT INTO t (a, b) …` or `COPY t (a, b) FROM stdin` (only the
 * head of the statement: the data is skipped by the scanner). Used for data files whose
 * tables are declared elsewhere, and only when those tables are not declared in this file.
 * `fromData` holds the entities this reader made, which later statements may extend.
 */
export function readInsertColumns(statement: SqlStatement, schema: SqlSchema, fromData: Set<ExtractedEntity>): ExtractedEntity | undefined {
  const { tokens } = statement;
  let i = 1;
  while (statement.word(i, ...INSERT_MODIFIERS)) i++;
  const name = statement.qualifiedName(i);
  if (!name || !isPunct(tokens[name.next], '(')) return undefined;
  const existing = schema.find(name);
  if (existing && !fromData.has(existing)) return undefined;
  const entity = existing ?? schema.addEntity(name);
  fromData.add(entity);
  const close = statement.closingParen(name.next) ?? tokens.length;
  for (const [start, end] of statement.splitTopLevel(name.next + 1, close)) {
    const column = identifierOf(tokens[start]);
    if (column !== undefined && end === start + 1 && !schema.findField(entity, column)) schema.addField(entity, tokens[start]);
  }
  return entity;
}
