import type { Node } from 'web-tree-sitter';
import type { LineIndex } from '../lineIndex';
import type { SourceComment } from '../model';

/** A comment of the file with what is needed to attach it to a declaration. */
export interface IndexedComment {
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  /** Only whitespace before it on its first line. */
  startsLine: boolean;
  /** Only whitespace (or more comments) after it on its last line. */
  endsLine: boolean;
  /** A `/** … *\/` documentation comment. */
  isDoc: boolean;
  comment: SourceComment;
}

/**
 * Every comment of a file, indexed by position, so declarations can ask for the comments just
 * above them (`leading`), inside them (`within`) and after them on their last line (`trailing`).
 */
export class CommentIndex {
  private readonly all: IndexedComment[] = [];
  private readonly byEndLine = new Map<number, IndexedComment[]>();

  constructor(
    commentNodes: Node[],
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {
    for (const node of commentNodes) this.add(node);
    this.all.sort((a, b) => a.start - b.start);
  }

  /**
   * Comments on the lines directly above `start` (a run of comment-only lines, no blank line in
   * between) and comments before `start` on its own line. None when code precedes `start` on its
   * line: then the comments above belong to that code (`{ imei: String, ip: String }`).
   */
  leading(start: number): IndexedComment[] {
    const line = this.lines.position(start).line;
    const found = this.commentsBeforeOnLine(start);
    if (!found) return [];
    let top = found.length > 0 ? Math.min(...found.map((c) => c.startLine)) : line;
    for (;;) {
      const above = (this.byEndLine.get(top - 1) ?? []).filter((c) => c.startsLine && c.endsLine);
      if (above.length === 0) break;
      found.push(...above);
      top = Math.min(...above.map((c) => c.startLine));
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** True when only whitespace and comments precede `start` on its line. */
  startsLine(start: number): boolean {
    return this.commentsBeforeOnLine(start) !== undefined;
  }

  /** The comments before `start` on its line, or undefined when code precedes `start` there. */
  private commentsBeforeOnLine(start: number): IndexedComment[] | undefined {
    const found: IndexedComment[] = [];
    let cursor = this.lines.lineStart(this.lines.position(start).line);
    for (let i = this.firstAtOrAfter(cursor); i < this.all.length && this.all[i].end <= start; i++) {
      if (this.text.slice(cursor, this.all[i].start).trim() !== '') return undefined;
      found.push(this.all[i]);
      cursor = this.all[i].end;
    }
    return this.text.slice(cursor, start).trim() === '' ? found : undefined;
  }

  /** Comments entirely inside [start, end). */
  within(start: number, end: number): IndexedComment[] {
    const found: IndexedComment[] = [];
    for (let i = this.firstAtOrAfter(start); i < this.all.length && this.all[i].start < end; i++) {
      if (this.all[i].end <= end) found.push(this.all[i]);
    }
    return found;
  }

  /**
   * Comments that follow `end` on the same line, with nothing but `,`, `;`, whitespace or other
   * comments in between: `os: String, // 操作系统`.
   */
  trailing(end: number): IndexedComment[] {
    const line = this.lines.position(end).line;
    const found: IndexedComment[] = [];
    let cursor = end;
    for (let i = this.firstAtOrAfter(end); i < this.all.length; i++) {
      const c = this.all[i];
      if (c.startLine !== line) break;
      if (!onlySeparators(this.text, cursor, c.start)) break;
      found.push(c);
      cursor = c.end;
    }
    return found;
  }

  /** The documentation text of the closest `/** … *\/` among `comments`, without `@tag` lines. */
  static docDescription(comments: IndexedComment[]): string | undefined {
    const doc = [...comments].reverse().find((c) => c.isDoc);
    if (!doc) return undefined;
    const prose: string[] = [];
    for (const line of doc.comment.text.split('\n')) {
      if (line.trimStart().startsWith('@')) break;
      prose.push(line);
    }
    const text = prose.join('\n').trim();
    return text.length > 0 ? text : undefined;
  }

  /** Index of the first comment starting at or after `offset` (binary search). */
  private firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.all[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private add(node: Node): void {
    const raw = node.text.replace(/[\r\n]+$/, '');
    const start = node.startIndex;
    const end = start + raw.length;
    const startPos = this.lines.position(start);
    const endLine = this.lines.position(end).line;
    const indexed: IndexedComment = {
      start,
      end,
      startLine: startPos.line,
      endLine,
      startsLine: this.text.slice(this.lines.lineStart(startPos.line), start).trim() === '',
      endsLine: this.restOfLineIsBlankOrComment(end),
      isDoc: raw.startsWith('/**') && !raw.startsWith('/**/'),
      comment: { text: stripMarkers(raw), line: startPos.line, column: startPos.column },
    };
    this.all.push(indexed);
    const sameEnd = this.byEndLine.get(endLine);
    if (sameEnd) sameEnd.push(indexed);
    else this.byEndLine.set(endLine, [indexed]);
  }

  private restOfLineIsBlankOrComment(end: number): boolean {
    let lineEnd = end;
    while (lineEnd < this.text.length && this.text[lineEnd] !== '\n' && this.text[lineEnd] !== '\r') lineEnd++;
    const rest = this.text.slice(end, lineEnd).trim();
    return rest === '' || rest.startsWith('//') || rest.startsWith('/*');
  }
}

function onlySeparators(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== ',' && c !== ';' && c.trim() !== '') return false;
  }
  return true;
}

/** Comment text without `//`, `/*`, `/**`, `*\/` and the ` * ` gutter of block comments. */
export function stripMarkers(raw: string): string {
  if (raw.startsWith('//')) return raw.replace(/^\/\/+/, '').trim();
  if (raw.startsWith('#!')) return raw.slice(2).trim();
  const body = raw.replace(/^\/\*+/, '').replace(/\*+\/$/, '');
  const lines = body.split(/\r\n|\r|\n/).map((line) => line.replace(/^\s*\*(?!\/)/, '').trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
