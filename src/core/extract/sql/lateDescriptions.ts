import type { SourceComment } from '../model';
import type { CommentTarget, SqlSchema } from './sqlSchema';
import { isPunct, isWord, type QualifiedName, type SqlStatement } from './sqlStatement';
import type { SqlToken } from './sqlTokenizer';

/**
 * A description given after the table: PostgreSQL/Oracle `COMMENT ON TABLE|COLUMN … IS '…'`
 * or SQL Server `sp_addextendedproperty 'MS_Description'`. They are applied once the whole
 * file is read, so that their order relative to CREATE TABLE does not matter.
 */
export interface LateDescription extends CommentTarget {
  table: QualifiedName;
  column?: SqlToken;
  /** null: `IS NULL`, which removes the description. */
  text: string | null;
  comments: SourceComment[];
}

const EXTENDED_PROPERTY_ARGUMENTS = ['name', 'value', 'level0type', 'level0name', 'level1type', 'level1name', 'level2type', 'level2name'];

/** `COMMENT ON TABLE t IS '…'`, `COMMENT ON COLUMN [schema.]t.c IS '…'` (other objects are ignored). */
export function readCommentOn(statement: SqlStatement, schema: SqlSchema): LateDescription | undefined {
  const { tokens } = statement;
  let i = 2;
  const onColumn = statement.word(i, 'COLUMN');
  if (!onColumn && !statement.word(i, 'TABLE')) return undefined;
  i++;
  const name = statement.qualifiedName(i);
  if (!name || !statement.word(name.next, 'IS')) {
    schema.problem('COMMENT ON: expected a name followed by IS; the statement is skipped.', statement.start);
    return undefined;
  }
  const valueToken = tokens[name.next + 1];
  const text = valueToken?.kind === 'string' ? valueToken.value : isWord(valueToken, 'NULL') ? null : undefined;
  if (text === undefined) {
    schema.problem('COMMENT ON: expected a string or NULL after IS.', valueToken?.start ?? statement.start);
    return undefined;
  }
  if (!onColumn) return { table: name, text, comments: [] };
  if (name.tokens.length < 2) {
    schema.problem('COMMENT ON COLUMN needs table.column.', name.tokens[0].start);
    return undefined;
  }
  const tableTokens = name.tokens.slice(0, -1);
  return {
    table: { parts: tableTokens.map((token) => token.value), tokens: tableTokens, next: name.next },
    column: name.tokens[name.tokens.length - 1],
    text,
    comments: [],
  };
}

/**
 * SQL Server: `EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'姓名',
 * @level0type=N'SCHEMA', @level0name=N'dbo', @level1type=N'TABLE', @level1name=N'T',
 * @level2type=N'COLUMN', @level2name=N'C'` (named or positional arguments).
 */
export function readExtendedProperty(statement: SqlStatement): LateDescription | undefined {
  const { tokens } = statement;
  const procedure = tokens.findIndex((token) => /^sp_(?:add|update)extendedproperty$/i.test(token.value));
  if (procedure < 0) return undefined;
  const args = new Map<string, SqlToken>();
  statement.splitTopLevel(procedure + 1, tokens.length).forEach(([start, end], position) => {
    const named = tokens[start].kind === 'word' && tokens[start].value.startsWith('@') && isPunct(tokens[start + 1], '=');
    const value = tokens[named ? start + 2 : start];
    const key = named ? tokens[start].value.slice(1).toLowerCase() : EXTENDED_PROPERTY_ARGUMENTS[position];
    if (value && key && start < end) args.set(key, value);
  });
  const text = (key: string): string | undefined => {
    const token = args.get(key);
    return token && (token.kind === 'string' || token.kind === 'word' || token.kind === 'quoted') ? token.value : undefined;
  };
  if (text('name')?.toLowerCase() !== 'ms_description') return undefined;
  const tableType = text('level1type')?.toUpperCase();
  const table = args.get('level1name');
  const description = text('value');
  if ((tableType !== 'TABLE' && tableType !== 'VIEW') || !table?.value || description === undefined) return undefined;
  const schemaName = text('level0type')?.toUpperCase() === 'SCHEMA' ? args.get('level0name') : undefined;
  const tableTokens = schemaName?.value ? [schemaName, table] : [table];
  const column = text('level2type')?.toUpperCase() === 'COLUMN' ? args.get('level2name') : undefined;
  if (column?.value === '') return undefined;
  return { table: { parts: tableTokens.map((token) => token.value), tokens: tableTokens, next: 0 }, column, text: description, comments: [] };
}

/** Applies the descriptions to their tables and columns, adding the ones declared elsewhere. */
export function applyLateDescriptions(descriptions: LateDescription[], schema: SqlSchema): void {
  for (const late of descriptions) {
    const entity = schema.findOrAddEntity(late.table);
    const target = late.column ? (schema.findField(entity, late.column.value) ?? schema.addField(entity, late.column)) : entity;
    if (late.text === null) delete target.description;
    else target.description = late.text;
    target.comments.push(...late.comments);
  }
}
