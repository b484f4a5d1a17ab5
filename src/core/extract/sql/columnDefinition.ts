import { identifierOf, isPunct, isWord, stringOf } from './sqlStatement';
import type { SqlToken } from './sqlTokenizer';

/** One column as declared in CREATE TABLE or ALTER TABLE ADD/MODIFY/CHANGE. */
export interface ColumnDefinition {
  nameToken: SqlToken;
  name: string;
  /** The type as written (`varchar(18)`, `int(11) unsigned`, `timestamp with time zone`). */
  type?: string;
  /** A literal default (string, number, boolean); NULL, CURRENT_TIMESTAMP and calls are not literals. */
  defaultValue?: string;
  /** MySQL / Hive / ClickHouse inline `COMMENT '…'`. */
  comment?: string;
}

/** Words that end the type and start the column's constraints and attributes. */
const TYPE_END = new Set([
  'NOT', 'NULL', 'DEFAULT', 'PRIMARY', 'UNIQUE', 'KEY', 'COMMENT', 'AUTO_INCREMENT', 'AUTOINCREMENT', 'IDENTITY',
  'REFERENCES', 'CHECK', 'CONSTRAINT', 'COLLATE', 'GENERATED', 'AS', 'ON', 'CHARSET', 'VISIBLE', 'INVISIBLE',
  'STORED', 'VIRTUAL', 'COLUMN_FORMAT', 'STORAGE', 'SRID', 'ENCODE', 'SORTKEY', 'DISTKEY', 'ENCRYPTED', 'MASKED',
  'SPARSE', 'ROWGUIDCOL', 'FILESTREAM', 'USING', 'FIRST', 'AFTER', 'CODEC', 'TTL', 'MATERIALIZED', 'ALIAS', 'EPHEMERAL',
]);

/** First words of table elements that are constraints or indexes, never columns. */
const ALWAYS_CONSTRAINT = new Set(['CONSTRAINT', 'PRIMARY', 'FOREIGN', 'CHECK', 'EXCLUDE', 'PERIOD', 'LIKE']);
/** First words that start an index in MySQL, but are also legal SQLite column names (`key TEXT`). */
const INDEX_WORDS = new Set(['KEY', 'INDEX', 'UNIQUE', 'FULLTEXT', 'SPATIAL']);

/**
 * True when the table element is a constraint or index (`PRIMARY KEY (id)`, `KEY idx (a)`,
 * `UNIQUE KEY uk (a)`) rather than a column. `key varchar(10)` is a column: its parentheses
 * hold a length, not column names.
 */
export function isConstraintElement(tokens: SqlToken[]): boolean {
  const first = tokens[0];
  if (first?.kind !== 'word') return false;
  const upper = first.value.toUpperCase();
  if (ALWAYS_CONSTRAINT.has(upper)) return true;
  if (!INDEX_WORDS.has(upper)) return false;
  const open = tokens.findIndex((token) => isPunct(token, '('));
  if (open < 0) return false;
  for (let i = open + 1; i < tokens.length && !isPunct(tokens[i], ')'); i++) {
    if (tokens[i].kind === 'word' || tokens[i].kind === 'quoted') return true;
  }
  return false;
}

/** Reads `name type [attributes…]`; undefined when the element does not start with a name. */
export function readColumnDefinition(tokens: SqlToken[], text: string): ColumnDefinition | undefined {
  const nameToken = tokens[0];
  const name = identifierOf(nameToken);
  if (!nameToken || name === undefined) return undefined;
  const definition: ColumnDefinition = { nameToken, name };

  let i = 1;
  let depth = 0;
  let typeEnd = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i];
    if (depth === 0 && endsType(tokens, i)) break;
    // Parentheses (`decimal(10,2)`) and angle brackets (`array<string>`) only occur in pairs inside a type.
    if (isPunct(token, '(') || isPunct(token, '<')) depth++;
    else if (isPunct(token, ')') || isPunct(token, '>')) depth = Math.max(0, depth - 1);
    typeEnd = i;
  }
  if (typeEnd >= 1) {
    definition.type = text.slice(tokens[1].start, tokens[typeEnd].end).replace(/\s+/g, ' ');
  }

  depth = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i];
    if (isPunct(token, '(')) depth++;
    else if (isPunct(token, ')')) depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (isWord(token, 'DEFAULT')) {
      const value = literalAt(tokens, i + 1);
      if (value !== undefined) definition.defaultValue = value;
    } else if (isWord(token, 'COMMENT')) {
      const at = isPunct(tokens[i + 1], '=') ? i + 2 : i + 1;
      const comment = stringOf(tokens[at]);
      if (comment !== undefined) definition.comment = comment;
    }
  }
  return definition;
}

function endsType(tokens: SqlToken[], i: number): boolean {
  const token = tokens[i];
  if (token.kind === 'string') return true;
  if (token.kind !== 'word') return false;
  const upper = token.value.toUpperCase();
  if (TYPE_END.has(upper)) return true;
  // `CHARACTER SET utf8mb4` ends the type; `character varying(20)` is one.
  return upper === 'CHARACTER' && isWord(tokens[i + 1], 'SET');
}

/** A literal after DEFAULT: `'x'`, `-1`, `('x')`, `'x'::varchar`, `true`. */
function literalAt(tokens: SqlToken[], index: number): string | undefined {
  let i = index;
  while (isPunct(tokens[i], '(')) i++;
  const token = tokens[i];
  if (!token) return undefined;
  if (token.kind === 'string' || token.kind === 'quoted') return token.value;
  if (token.kind === 'number') return token.value;
  if ((isPunct(token, '-') || isPunct(token, '+')) && tokens[i + 1]?.kind === 'number') {
    return (token.value === '-' ? '-' : '') + tokens[i + 1].value;
  }
  if (isWord(token, 'TRUE', 'FALSE')) return token.value.toLowerCase();
  return undefined;
}
