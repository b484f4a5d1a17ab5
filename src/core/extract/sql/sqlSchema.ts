import type { LineIndex } from '../lineIndex';
import type { ExtractedEntity, ExtractedField, ExtractionProblem, SourceComment } from '../model';
import type { ColumnDefinition } from './columnDefinition';
import type { QualifiedName } from './sqlStatement';
import type { SqlToken } from './sqlTokenizer';

/** Anything comments can be attached to: an entity, a field, a pending description. */
export interface CommentTarget {
  comments: SourceComment[];
}

/** Lines a statement or comment occupies. */
export interface LineSpan {
  startLine: number;
  endLine: number;
}

/** A comment carries information when it has a letter or digit (not a `-- -----` ruler). */
const INFORMATIVE = /[\p{L}\p{N}]/u;

/**
 * The tables of one SQL file as the statements build them up: CREATE TABLE declares,
 * ALTER TABLE changes, COMMENT ON describes. Names are matched case-insensitively, as
 * MySQL (on Windows and macOS), SQL Server and unquoted PostgreSQL names are.
 */
export class SqlSchema {
  readonly entities: ExtractedEntity[] = [];
  readonly problems: ExtractionProblem[] = [];

  constructor(
    readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  line(offset: number): number {
    return this.lines.position(offset).line;
  }

  /** Last line a token occupies. */
  endLine(token: SqlToken): number {
    return this.line(Math.max(token.start, token.end - 1));
  }

  problem(message: string, offset: number): void {
    this.problems.push({ message, ...this.lines.position(offset) });
  }

  sourceComment(token: SqlToken): SourceComment {
    return { text: token.value, ...this.lines.position(token.start) };
  }

  /** Informative comments as `SourceComment`s; rulers and MySQL `/*!…*\/` SQL are left out. */
  sourceComments(tokens: SqlToken[]): SourceComment[] {
    return tokens.filter((token) => !token.executable && INFORMATIVE.test(token.value)).map((token) => this.sourceComment(token));
  }

  /**
   * The comments of `candidates` that sit just above `line`: a block with no blank line
   * between its comments nor between it and the line.
   */
  commentsAbove(candidates: SqlToken[], line: number): SqlToken[] {
    return blockAbove(candidates.map((token) => ({ token, startLine: this.line(token.start), endLine: this.endLine(token) })), line).map(
      (span) => span.token,
    );
  }

  find(name: QualifiedName | string[]): ExtractedEntity | undefined {
    const parts = Array.isArray(name) ? name : name.parts;
    const table = parts[parts.length - 1].toLowerCase();
    const qualified = parts.join('.').toLowerCase();
    let byName: ExtractedEntity | undefined;
    for (let i = this.entities.length - 1; i >= 0; i--) {
      const entity = this.entities[i];
      if (entity.name.toLowerCase() !== table) continue;
      if (parts.length === 1 || entity.aliases.some((alias) => alias.toLowerCase() === qualified)) return entity;
      byName ??= entity;
    }
    return byName;
  }

  /** A table: name without schema, `schema.table` as an alias. */
  addEntity(name: QualifiedName): ExtractedEntity {
    const nameToken = name.tokens[name.tokens.length - 1];
    const entity: ExtractedEntity = {
      name: nameToken.value,
      aliases: name.parts.length > 1 ? [name.parts.join('.')] : [],
      kind: 'table',
      comments: [],
      ...this.lines.position(nameToken.start),
      fields: [],
    };
    this.entities.push(entity);
    return entity;
  }

  findOrAddEntity(name: QualifiedName): ExtractedEntity {
    return this.find(name) ?? this.addEntity(name);
  }

  findField(entity: ExtractedEntity, name: string): ExtractedField | undefined {
    const lower = name.toLowerCase();
    return entity.fields.find((field) => field.name.toLowerCase() === lower);
  }

  addField(entity: ExtractedEntity, nameToken: SqlToken): ExtractedField {
    const field: ExtractedField = { name: nameToken.value, aliases: [], comments: [], ...this.lines.position(nameToken.start) };
    entity.fields.push(field);
    return field;
  }

  /** Adds the column, or updates the one of the same name (ALTER TABLE MODIFY, a repeated ADD). */
  applyColumn(entity: ExtractedEntity, column: ColumnDefinition): ExtractedField {
    const field = this.findField(entity, column.name) ?? this.addField(entity, column.nameToken);
    if (column.type !== undefined) field.type = column.type;
    if (column.defaultValue !== undefined) field.defaultValue = column.defaultValue;
    if (column.comment !== undefined) field.description = column.comment;
    return field;
  }

  /** Moves a field to its new name and to the position where the new name is written. */
  renameField(field: ExtractedField, nameToken: SqlToken): void {
    field.name = nameToken.value;
    Object.assign(field, this.lines.position(nameToken.start));
  }

  removeField(entity: ExtractedEntity, name: string): void {
    const field = this.findField(entity, name);
    if (field) entity.fields.splice(entity.fields.indexOf(field), 1);
  }
}

/** The items that end just above `line`, each just above the next (no blank line in between). */
export function blockAbove<T extends LineSpan>(items: T[], line: number): T[] {
  const block: T[] = [];
  let anchor = line;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item.endLine < anchor - 1 || item.startLine > anchor) break;
    block.unshift(item);
    anchor = item.startLine;
  }
  return block;
}
