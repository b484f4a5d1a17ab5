import { LineIndex } from '../lineIndex';
import type { ExtractedEntity, ExtractionProblem } from '../model';
import { readAlterTable } from './alterTable';
import { readCreateTable, TABLE_MODIFIERS } from './createTable';
import { readInsertColumns } from './insertColumns';
import { applyLateDescriptions, readCommentOn, readExtendedProperty, type LateDescription } from './lateDescriptions';
import { blockAbove, SqlSchema, type CommentTarget, type LineSpan } from './sqlSchema';
import { isPunct, isWord, SqlStatement } from './sqlStatement';
import { SqlTokenizer, type SqlToken } from './sqlTokenizer';

export interface SqlScanOptions {
  /**
   * Also make entities from the column lists of INSERT and COPY statements, for tables that
   * the file does not declare (seed data, dumps with data only). Off by default: data files
   * are the value detector's business.
   */
  entitiesFromInserts?: boolean;
}

export interface SqlScanResult {
  entities: ExtractedEntity[];
  problems: ExtractionProblem[];
}

/** A comment waiting for the statement below it, or a statement it may look past (DROP TABLE, `/*!…*\/`). */
interface PendingItem extends LineSpan {
  comment?: SqlToken;
}

/** Words after which an INSERT/COPY head ends and its data begins. */
const DATA_START = ['VALUES', 'VALUE', 'SELECT', 'SET', 'WITH', 'DEFAULT', 'FROM', 'TABLE'];
/** An INSERT head longer than this is not an INSERT head. */
const MAX_HEAD_TOKENS = 5000;

/** Scans a SQL file statement by statement and builds its tables. */
export function scanSql(text: string, options: SqlScanOptions = {}): SqlScanResult {
  return new SqlScanner(text, options).run();
}

class SqlScanner {
  private readonly lines: LineIndex;
  private readonly tokenizer: SqlTokenizer;
  private readonly schema: SqlSchema;
  private readonly late: LateDescription[] = [];
  private readonly fromData = new Set<ExtractedEntity>();
  private pending: PendingItem[] = [];

  constructor(
    text: string,
    private readonly options: SqlScanOptions,
  ) {
    this.lines = new LineIndex(text);
    this.tokenizer = new SqlTokenizer(text);
    this.schema = new SqlSchema(text, this.lines);
  }

  run(): SqlScanResult {
    for (;;) {
      const token = this.tokenizer.next();
      if (token.kind === 'eof') break;
      if (token.kind === 'terminator') continue;
      if (token.kind === 'comment') {
        this.pending.push({ comment: token.executable ? undefined : token, startLine: this.line(token.start), endLine: this.schema.endLine(token) });
        continue;
      }
      this.statement(token);
    }
    applyLateDescriptions(this.late, this.schema);
    const problems = [
      ...this.tokenizer.problems.map((problem) => ({ message: problem.message, ...this.lines.position(problem.offset) })),
      ...this.schema.problems,
    ].sort((a, b) => a.line - b.line || a.column - b.column);
    return { entities: this.schema.entities, problems };
  }

  private statement(first: SqlToken): void {
    const startLine = this.line(first.start);
    if (isWord(first, 'DROP')) {
      // `DROP TABLE IF EXISTS t;` between a table's comment block and its CREATE TABLE.
      const end = this.tokenizer.skipStatement();
      this.pending.push({ startLine, endLine: this.line(Math.max(first.start, end - 1)) });
      return;
    }
    const leading = this.schema.sourceComments(
      blockAbove(this.pending, startLine).flatMap((item) => (item.comment ? [item.comment] : [])),
    );
    this.pending = [];

    const { end, target } = this.readStatement(first);
    target?.comments.unshift(...leading);
    // Comments after the terminator on the statement's last line belong to it.
    const lastLine = this.line(Math.max(first.start, end - 1));
    while (this.tokenizer.peek().kind === 'comment' && this.line(this.tokenizer.peek().start) === lastLine) {
      const trailing = this.tokenizer.next();
      if (target && !trailing.executable) target.comments.push(...this.schema.sourceComments([trailing]));
    }
  }

  /** Reads (or skips) the statement that starts with `first`; `target` receives the comments around it. */
  private readStatement(first: SqlToken): { end: number; target?: CommentTarget } {
    const word = first.kind === 'word' ? first.value.toUpperCase() : '';
    const next = this.tokenizer.peekSignificant(0);
    if (word === 'CREATE' && this.createTableAhead()) {
      const statement = this.collect(first);
      return { end: statement.end, target: readCreateTable(statement, this.schema) };
    }
    if (word === 'ALTER' && isWord(next, 'TABLE', 'ONLINE', 'OFFLINE', 'IGNORE')) {
      const statement = this.collect(first);
      return { end: statement.end, target: readAlterTable(statement, this.schema) };
    }
    if (word === 'COMMENT' && isWord(next, 'ON')) {
      const statement = this.collect(first);
      return { end: statement.end, target: this.later(readCommentOn(statement, this.schema)) };
    }
    if ((word === 'EXEC' || word === 'EXECUTE') && this.extendedPropertyAhead()) {
      const statement = this.collect(first);
      return { end: statement.end, target: this.later(readExtendedProperty(statement)) };
    }
    if ((word === 'INSERT' || word === 'REPLACE' || word === 'COPY') && this.options.entitiesFromInserts) {
      return this.readDataHead(first);
    }
    if (word === 'COPY') {
      const statement = this.collect(first);
      if (statement.tokens.some((token) => isWord(token, 'STDIN'))) this.tokenizer.skipCopyData();
      return { end: statement.end };
    }
    return { end: this.tokenizer.skipStatement() };
  }

  private later(description: LateDescription | undefined): LateDescription | undefined {
    if (description) this.late.push(description);
    return description;
  }

  private createTableAhead(): boolean {
    let i = 0;
    while (isWord(this.tokenizer.peekSignificant(i), ...TABLE_MODIFIERS)) i++;
    return isWord(this.tokenizer.peekSignificant(i), 'TABLE');
  }

  private extendedPropertyAhead(): boolean {
    for (let i = 0; i < 3; i++) {
      if (/^sp_(?:add|update)extendedproperty$/i.test(this.tokenizer.peekSignificant(i).value)) return true;
    }
    return false;
  }

  /**
   * The tokens of a statement up to its terminator. A line that starts a new statement also
   * ends it, so that a missing `;` (or SQL Server's `GO` batches) costs one statement at most.
   */
  private collect(first: SqlToken): SqlStatement {
    const all = [first];
    for (;;) {
      const next = this.tokenizer.peek();
      if (next.kind === 'eof') return new SqlStatement(all, false, all[all.length - 1].end);
      if (next.kind === 'terminator') {
        this.tokenizer.next();
        return new SqlStatement(all, true, next.end);
      }
      if (next.atLineStart && this.startsStatement(next)) return new SqlStatement(all, false, all[all.length - 1].end);
      all.push(this.tokenizer.next());
    }
  }

  private startsStatement(token: SqlToken): boolean {
    if (isWord(token, 'CREATE')) return true;
    const after = this.tokenizer.peekSignificant(1);
    return (isWord(token, 'ALTER') && isWord(after, 'TABLE')) || (isWord(token, 'COMMENT') && isWord(after, 'ON')) || (isWord(token, 'INSERT') && isWord(after, 'INTO'));
  }

  /** INSERT / COPY: reads the head up to the data, then skips the data without tokenizing it. */
  private readDataHead(first: SqlToken): { end: number; target?: ExtractedEntity } {
    const all = [first];
    let depth = 0;
    let terminated = false;
    let end = first.end;
    for (;;) {
      const next = this.tokenizer.peek();
      if (next.kind === 'eof') break;
      if (next.kind === 'terminator') {
        this.tokenizer.next();
        terminated = true;
        end = next.end;
        break;
      }
      if ((depth === 0 && isWord(next, ...DATA_START)) || all.length > MAX_HEAD_TOKENS) {
        end = this.tokenizer.skipStatement();
        terminated = true;
        break;
      }
      if (isPunct(next, '(')) depth++;
      else if (isPunct(next, ')')) depth--;
      all.push(this.tokenizer.next());
      end = next.end;
    }
    const statement = new SqlStatement(all, terminated, end);
    const entity = readInsertColumns(statement, this.schema, this.fromData);
    if (isWord(first, 'COPY') && /\bFROM\s+STDIN\b/i.test(this.schema.text.slice(first.start, end))) this.tokenizer.skipCopyData();
    return { end, target: entity };
  }

  private line(offset: number): number {
    return this.lines.position(offset).line;
  }
}
