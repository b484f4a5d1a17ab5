import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import { LineIndex } from '../lineIndex';
import type { ExtractionProblem, SourceComment } from '../model';
import { Bindings, CLASS_NODE_TYPES } from './bindings';
import { CommentIndex, type IndexedComment } from './commentIndex';
import { ObjectLiterals } from './objectLiterals';
import { SyntaxInventory } from './syntaxInventory';

/** One parsed file and what every model reader needs from it: positions, comments, names, problems. */
export class SourceFile {
  readonly lines: LineIndex;
  readonly syntax: SyntaxInventory;
  readonly comments: CommentIndex;
  readonly bindings: Bindings;
  readonly problems: ExtractionProblem[] = [];
  readonly objects = new ObjectLiterals();

  /** `readsCalls`: whether a reader of calls (Sequelize, Mongoose, `EntitySchema`) will run. */
  constructor(
    readonly text: string,
    readonly filePath: string,
    readonly root: Node,
    readsCalls = true,
  ) {
    this.lines = new LineIndex(text);
    this.syntax = new SyntaxInventory(root, readsCalls);
    this.comments = new CommentIndex(this.syntax.ofType('comment'), text, this.lines);
    this.bindings = new Bindings(this.syntax.ofType('variable_declarator', ...CLASS_NODE_TYPES));
  }

  position(node: Node): { line: number; column: number } {
    return this.lines.position(node.startIndex);
  }

  problem(message: string, node?: Node): void {
    const at = node ? this.position(node) : { line: 1, column: 1 };
    this.problems.push({ message, ...at });
  }

  /** File name without directory and extensions (`member.model.ts` → `member`), for anonymous declarations. */
  get baseName(): string {
    return path.basename(this.filePath).split('.')[0] || 'default';
  }

  /**
   * Comments above a declaration (class, schema, model call). A declaration that starts mid-line
   * (`const userSchema = new Schema(`, `export class`) takes the comments above its line.
   */
  declarationComments(node: Node): IndexedComment[] {
    let head = node;
    while (!this.comments.startsLine(head.startIndex) && head.parent) head = head.parent;
    return this.comments.leading(head.startIndex);
  }

  /**
   * Comments of a field: the ones just above it, inside it (between decorators, inside its
   * options object) and after it on its last line.
   */
  fieldComments(node: Node): IndexedComment[] {
    return [
      ...this.comments.leading(node.startIndex),
      ...this.comments.within(node.startIndex, node.endIndex),
      ...this.comments.trailing(node.endIndex),
    ];
  }

  /**
   * Comments of a nested object written as `key: { … }`: above the key, after the opening brace
   * on the key's line, and after the closing brace. Comments on inner lines belong to inner fields.
   */
  nestedObjectComments(entry: Node, key: Node): IndexedComment[] {
    const keyLine = this.position(key).line;
    const onKeyLine = this.comments
      .within(key.endIndex, entry.endIndex)
      .filter((c) => c.startLine === keyLine && !c.startsLine);
    return [...this.comments.leading(entry.startIndex), ...onKeyLine, ...this.comments.trailing(entry.endIndex)];
  }
}

export function plainComments(comments: IndexedComment[]): SourceComment[] {
  const seen = new Set<number>();
  const result: SourceComment[] = [];
  for (const c of [...comments].sort((a, b) => a.start - b.start)) {
    if (seen.has(c.start)) continue;
    seen.add(c.start);
    result.push({ ...c.comment });
  }
  return result;
}
