/**
 * A tolerant SQL tokenizer shared by every dialect the SQL extractor reads (MySQL/MariaDB,
 * PostgreSQL, SQLite, SQL Server, Oracle, Hive). It never fails: an unterminated string,
 * quoted identifier or comment runs to the end of the file and is reported as a problem.
 *
 * It is a cursor rather than a token array so that statements the extractor does not read
 * (a 10k-row INSERT) are skipped by a plain character scan without creating tokens.
 */

export type SqlTokenKind =
  | 'word' // keyword or bare identifier
  | 'quoted' // `backtick`, "double-quoted" or [bracketed] identifier (or a MySQL "string")
  | 'string' // 'single-quoted', N'…', E'…', _utf8mb4'…', $$dollar-quoted$$
  | 'number'
  | 'punct'
  | 'terminator' // `;`, the current DELIMITER, a `DELIMITER x` line, a SQL Server `GO` line
  | 'comment'
  | 'eof';

export interface SqlToken {
  kind: SqlTokenKind;
  /** Identifier without quotes, string without quotes and escapes, comment without markers; otherwise the source text. */
  value: string;
  /** 0-based offsets of the token in the text (end exclusive). */
  start: number;
  end: number;
  /** Only whitespace precedes the token on its line. */
  atLineStart: boolean;
  /** `/*! … *\/` (MySQL versioned SQL) and `/*+ … *\/` (optimizer hints): SQL, not prose. */
  executable?: boolean;
}

export interface SqlTokenizerProblem {
  message: string;
  offset: number;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

/**
 * The sticky/global patterns the tokenizer matches at a position. They carry `lastIndex`, so
 * each tokenizer owns its own copies (no state shared between two scans).
 */
function createPatterns() {
  return {
    /** Lines that end the current statement even without a `;` (a missing terminator, SQL Server batches). */
    statementStart: /(?:CREATE\s|ALTER\s+TABLE\s|COMMENT\s+ON\s|INSERT\s+INTO\s|DELIMITER[ \t]|GO[ \t]*(?:\d+[ \t]*)?(?:\r|\n|$))/iy,
    delimiterDirective: /DELIMITER[ \t]+(\S+)[^\r\n]*/iy,
    goDirective: /GO[ \t]*(?:\d+[ \t]*)?(?=\r|\n|$)/iy,
    copyDataEnd: /^\\\.[ \t]*\r?$/gm,
    number: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y,
    dollarTag: /\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/y,
  };
}

/** Prefixes glued to a string literal: N'…' (national), E'…' (PG escapes), X'…' / B'…', _charset'…' (MySQL). */
const STRING_PREFIX = /^(?:[NnEeXxBb]|_[A-Za-z0-9]+)$/;

function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 64 /* @ */ || (c >= 0x80 && !isWideSpace(c));
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57) || c === 36 /* $ */ || c === 35 /* # */;
}

function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);
}

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || c === 11 || c === 12 || isWideSpace(c);
}

export class SqlTokenizer {
  private pos = 0;
  private lineStart = true;
  /** The statement terminator; MySQL scripts change it with `DELIMITER $$` around routine bodies. */
  private delimiter = ';';
  private readonly lookahead: SqlToken[] = [];
  private readonly patterns = createPatterns();
  readonly problems: SqlTokenizerProblem[] = [];

  constructor(private readonly text: string) {}

  next(): SqlToken {
    return this.lookahead.shift() ?? this.read();
  }

  /** The n-th token ahead (0 = the next one), comments included. */
  peek(n = 0): SqlToken {
    while (this.lookahead.length <= n) this.lookahead.push(this.read());
    return this.lookahead[n];
  }

  /** The n-th token ahead that is not a comment. */
  peekSignificant(n = 0): SqlToken {
    for (let i = 0, seen = 0; ; i++) {
      const token = this.peek(i);
      if (token.kind === 'eof') return token;
      if (token.kind === 'comment') continue;
      if (seen === n) return token;
      seen++;
    }
  }

  /**
   * Skips the rest of the current statement by a character scan (no tokens are created):
   * up to and including its terminator, or up to a line that clearly starts a new statement.
   * Returns the offset where the skipped text ends.
   */
  skipStatement(): number {
    while (this.lookahead.length > 0) {
      const token = this.lookahead.shift()!;
      if (token.kind === 'terminator' || token.kind === 'eof') {
        this.lookahead.length = 0;
        return token.end;
      }
      if (this.lookahead.length === 0) break;
    }
    const { text } = this;
    let i = this.pos;
    let atLineStart = false;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) {
        atLineStart = true;
        i++;
        continue;
      }
      if (c === SPACE || c === TAB) {
        i++;
        continue;
      }
      if (atLineStart) {
        atLineStart = false;
        this.patterns.statementStart.lastIndex = i;
        if (this.patterns.statementStart.test(text)) {
          this.pos = i;
          this.lineStart = true;
          return i;
        }
      }
      if (this.delimiter === ';' ? c === 59 : text.startsWith(this.delimiter, i)) {
        this.pos = i + this.delimiter.length;
        this.lineStart = false;
        return this.pos;
      }
      i = this.skipLiteralOrComment(i) ?? i + 1;
    }
    this.pos = text.length;
    return this.pos;
  }

  /**
   * Skips the rows that follow PostgreSQL's `COPY … FROM stdin;` up to the `\.` line. The rows
   * are tab-separated data, not SQL: a quote or `--` in them must not be read as syntax.
   */
  skipCopyData(): void {
    this.lookahead.length = 0;
    this.patterns.copyDataEnd.lastIndex = this.pos;
    const end = this.patterns.copyDataEnd.exec(this.text);
    if (!end) this.problems.push({ message: 'COPY … FROM stdin data is not ended by a \\. line; the rest of the file is skipped.', offset: this.pos });
    this.pos = end ? end.index + end[0].length : this.text.length;
    this.lineStart = false;
  }

  /** If a string, quoted identifier or comment starts at i, the offset after it. */
  private skipLiteralOrComment(i: number): number | undefined {
    const { text } = this;
    const c = text.charCodeAt(i);
    switch (c) {
      case 39 /* ' */:
      case 34 /* " */:
      case 96 /* ` */:
        return this.endOfQuoted(i, c, c === 39).end;
      case 45 /* - */:
        return text.charCodeAt(i + 1) === 45 ? this.endOfLine(i) : undefined;
      case 35 /* # */:
        return this.isHashComment(i) ? this.endOfLine(i) : undefined;
      case 47 /* / */:
        return text.charCodeAt(i + 1) === 42 ? this.endOfBlockComment(i).end : undefined;
      case 36 /* $ */: {
        this.patterns.dollarTag.lastIndex = i;
        const tag = this.patterns.dollarTag.exec(text);
        return tag ? this.endOfDollarQuoted(i, tag[0]).end : undefined;
      }
      default:
        return undefined;
    }
  }

  private read(): SqlToken {
    const { text } = this;
    let i = this.pos;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (!isSpace(c)) break;
      if (c === LF || c === CR) this.lineStart = true;
      i++;
    }
    const atLineStart = this.lineStart;
    this.lineStart = false;
    if (i >= text.length) {
      this.pos = text.length;
      return { kind: 'eof', value: '', start: text.length, end: text.length, atLineStart };
    }
    const token = this.readAt(i, atLineStart);
    this.pos = token.end;
    return token;
  }

  private readAt(i: number, atLineStart: boolean): SqlToken {
    const { text } = this;
    const c = text.charCodeAt(i);
    const make = (kind: SqlTokenKind, end: number, value = text.slice(i, end)): SqlToken => ({ kind, value, start: i, end, atLineStart });

    if (atLineStart && (c === 68 || c === 100) /* D */) {
      this.patterns.delimiterDirective.lastIndex = i;
      const directive = this.patterns.delimiterDirective.exec(text);
      if (directive) {
        this.delimiter = directive[1];
        return make('terminator', i + directive[0].length);
      }
    }
    if (atLineStart && (c === 71 || c === 103) /* G */) {
      this.patterns.goDirective.lastIndex = i;
      const go = this.patterns.goDirective.exec(text);
      if (go) return make('terminator', i + go[0].length);
    }
    if (this.delimiterAt(i)) return make('terminator', i + this.delimiter.length);

    switch (c) {
      case 59 /* ; */:
        return make(this.delimiter === ';' ? 'terminator' : 'punct', i + 1);
      case 39 /* ' */: {
        const { end, closed } = this.endOfQuoted(i, c, true);
        return make('string', end, unescapeString(text.slice(i + 1, closed ? end - 1 : end)));
      }
      case 34 /* " */:
      case 96 /* ` */: {
        const { end, closed } = this.endOfQuoted(i, c, false);
        const quote = String.fromCharCode(c);
        return make('quoted', end, text.slice(i + 1, closed ? end - 1 : end).split(quote + quote).join(quote));
      }
      case 91 /* [ */: {
        // SQL Server [identifier]; an unclosed bracket on its line is a PG array subscript, not a name.
        const lineEnd = this.endOfLine(i);
        const close = text.indexOf(']', i + 1);
        if (close < 0 || close >= lineEnd) return make('punct', i + 1);
        return make('quoted', close + 1, text.slice(i + 1, close));
      }
      case 45 /* - */:
        if (text.charCodeAt(i + 1) === 45) {
          const end = this.endOfLine(i);
          return make('comment', end, text.slice(i + 2, end).trim());
        }
        break;
      case 35 /* # */:
        if (this.isHashComment(i)) {
          const end = this.endOfLine(i);
          return make('comment', end, text.slice(i + 1, end).trim());
        }
        break;
      case 47 /* / */:
        if (text.charCodeAt(i + 1) === 42) {
          const { end, closed } = this.endOfBlockComment(i);
          const body = text.slice(i + 2, closed ? end - 2 : end);
          const token = make('comment', end, blockCommentText(body));
          if (body.startsWith('!') || body.startsWith('+')) token.executable = true;
          return token;
        }
        break;
      case 36 /* $ */: {
        this.patterns.dollarTag.lastIndex = i;
        const tag = this.patterns.dollarTag.exec(text);
        if (tag) {
          const { end, closed } = this.endOfDollarQuoted(i, tag[0]);
          return make('string', end, text.slice(i + tag[0].length, closed ? end - tag[0].length : end));
        }
        break;
      }
      default:
        break;
    }

    if (isDigit(c) || (c === 46 /* . */ && isDigit(text.charCodeAt(i + 1)))) {
      this.patterns.number.lastIndex = i;
      const match = this.patterns.number.exec(text);
      let end = i + (match ? match[0].length : 1);
      // MySQL allows names that start with digits (`1st_contact`).
      if (end < text.length && isWordPart(text.charCodeAt(end))) {
        while (end < text.length && isWordPart(text.charCodeAt(end))) end++;
        return make('word', end);
      }
      return make('number', end);
    }
    if (isWordStart(c)) {
      let end = i + 1;
      // `END$$`: a custom delimiter ends the word even when it is made of name characters.
      while (end < text.length && isWordPart(text.charCodeAt(end)) && !this.delimiterAt(end)) end++;
      const word = text.slice(i, end);
      if (text.charCodeAt(end) === 39 /* ' */ && STRING_PREFIX.test(word)) {
        const quoted = this.endOfQuoted(end, 39, true);
        const value = text.slice(end + 1, quoted.closed ? quoted.end - 1 : quoted.end);
        return make('string', quoted.end, unescapeString(value));
      }
      return make('word', end);
    }
    // Surrogate pairs stay together so that no token splits a character.
    const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    return make('punct', i + width);
  }

  private delimiterAt(i: number): boolean {
    return this.delimiter !== ';' && this.text.startsWith(this.delimiter, i);
  }

  /**
   * `#` starts a MySQL comment, except inside a name (`a#b`) and in a SQL Server temp table
   * name right after a word (`CREATE TABLE #tmp`).
   */
  private isHashComment(i: number): boolean {
    const { text } = this;
    if (i > 0 && isWordPart(text.charCodeAt(i - 1))) return false;
    const after = text.charCodeAt(i + 1);
    if (!(after < 0x80 && isWordStart(after))) return true;
    let j = i - 1;
    while (j >= 0 && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j--;
    return j < 0 || !isWordPart(text.charCodeAt(j));
  }

  private endOfLine(i: number): number {
    const { text } = this;
    let end = i;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === LF || c === CR) break;
      end++;
    }
    return end;
  }

  private endOfBlockComment(i: number): Run {
    const close = this.text.indexOf('*/', i + 2);
    if (close < 0) {
      this.problems.push({ message: 'Unterminated /* comment: it runs to the end of the file.', offset: i });
      return { end: this.text.length, closed: false };
    }
    return { end: close + 2, closed: true };
  }

  /** End of a quoted run that starts at i; a doubled quote stays inside, as does a backslash escape when allowed. */
  private endOfQuoted(i: number, quote: number, backslashEscapes: boolean): Run {
    const { text } = this;
    let j = i + 1;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 92 /* \ */ && backslashEscapes) {
        j += 2;
        continue;
      }
      if (c === quote) {
        if (text.charCodeAt(j + 1) === quote) {
          j += 2;
          continue;
        }
        return { end: j + 1, closed: true };
      }
      j++;
    }
    const what = quote === 39 ? 'string' : 'quoted identifier';
    this.problems.push({ message: `Unterminated ${what} (${String.fromCharCode(quote)}): it runs to the end of the file.`, offset: i });
    return { end: text.length, closed: false };
  }

  private endOfDollarQuoted(i: number, tag: string): Run {
    const close = this.text.indexOf(tag, i + tag.length);
    if (close < 0) {
      this.problems.push({ message: `Unterminated dollar-quoted string (${tag}): it runs to the end of the file.`, offset: i });
      return { end: this.text.length, closed: false };
    }
    return { end: close + tag.length, closed: true };
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Where a string, quoted name or comment ends, and whether it was closed before the end of the file. */
interface Run {
  end: number;
  closed: boolean;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', Z: '\x1a' };

/** Undoes `''` and MySQL-style backslash escapes. */
function unescapeString(raw: string): string {
  if (!raw.includes("'") && !raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[++i];
      out += ESCAPES[next] ?? next;
    } else if (ch === "'" && raw[i + 1] === "'") {
      out += "'";
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Text of a block comment without the leading `*` of javadoc-style lines. */
function blockCommentText(body: string): string {
  return body
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^\s*\*+(?!\/)\s?/, '').trim())
    .filter((line, index, lines) => line !== '' || (index > 0 && index < lines.length - 1))
    .join('\n')
    .replace(/^[!+]\d*\s*/, '')
    .trim();
}
