import type { SqlToken } from './sqlTokenizer';

/** A schema name as written, `schema.table` or `db.schema.table`, with the token of each part. */
export interface QualifiedName {
  parts: string[];
  tokens: SqlToken[];
  /** Index (in `SqlStatement.tokens`) of the first token after the name. */
  next: number;
}

/** True for a bare word equal (case-insensitively) to one of `words`. */
export function isWord(token: SqlToken | undefined, ...words: string[]): boolean {
  if (token?.kind !== 'word') return false;
  const upper = token.value.toUpperCase();
  return words.includes(upper);
}

export function isPunct(token: SqlToken | undefined, punct: string): boolean {
  return token?.kind === 'punct' && token.value === punct;
}

/** The name a token stands for when it is used as an identifier (SQLite even accepts 'strings'); never empty. */
export function identifierOf(token: SqlToken | undefined): string | undefined {
  if (!token || token.value === '') return undefined;
  if (token.kind === 'word' || token.kind === 'quoted' || token.kind === 'string') return token.value;
  return undefined;
}

/** The value of a string literal, also accepting MySQL's double-quoted strings. */
export function stringOf(token: SqlToken | undefined): string | undefined {
  if (token?.kind === 'string' || token?.kind === 'quoted') return token.value;
  return undefined;
}

/**
 * The tokens of one statement, from its first word up to (not including) its terminator.
 * `all` keeps the comments in place, because column comments are found by their position
 * among the column definitions.
 */
export class SqlStatement {
  readonly tokens: SqlToken[];

  constructor(
    readonly all: SqlToken[],
    /** Ended by `;` (or the current delimiter) rather than by the end of the file or a new statement. */
    readonly terminated: boolean,
    /** Offset just after the statement, terminator included. */
    readonly end: number,
  ) {
    this.tokens = all.filter((token) => token.kind !== 'comment');
  }

  get start(): number {
    return this.all[0].start;
  }

  word(index: number, ...words: string[]): boolean {
    return isWord(this.tokens[index], ...words);
  }

  /** Index of the `)` matching the `(` at `open`, or undefined when the file ends first. */
  closingParen(open: number): number | undefined {
    let depth = 0;
    for (let i = open; i < this.tokens.length; i++) {
      const token = this.tokens[i];
      if (isPunct(token, '(')) depth++;
      else if (isPunct(token, ')') && --depth === 0) return i;
    }
    return undefined;
  }

  /** `[from, to)` ranges of token indexes separated by top-level commas. */
  splitTopLevel(from: number, to: number): Array<[number, number]> {
    const ranges: Array<[number, number]> = [];
    let depth = 0;
    let start = from;
    for (let i = from; i < to; i++) {
      const token = this.tokens[i];
      if (isPunct(token, '(')) depth++;
      else if (isPunct(token, ')')) depth = Math.max(0, depth - 1);
      else if (depth === 0 && isPunct(token, ',')) {
        if (i > start) ranges.push([start, i]);
        start = i + 1;
      }
    }
    if (to > start) ranges.push([start, to]);
    return ranges;
  }

  /** Reads `a`, `a.b` or `a.b.c` starting at `index`. */
  qualifiedName(index: number): QualifiedName | undefined {
    const isName = (token: SqlToken | undefined) => identifierOf(token) !== undefined && token?.kind !== 'string';
    const first = this.tokens[index];
    if (!isName(first)) return undefined;
    const tokens = [first];
    let i = index + 1;
    while (isPunct(this.tokens[i], '.') && isName(this.tokens[i + 1])) {
      tokens.push(this.tokens[i + 1]);
      i += 2;
    }
    return { parts: tokens.map((token) => token.value), tokens, next: i };
  }
}
