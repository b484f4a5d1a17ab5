import type { LineIndex } from './lineIndex';
import type { SourceComment } from './model';

/**
 * A comment found by a hand scanner (Prisma, protobuf, GraphQL, JSON, YAML) and where it sits,
 * so that extractors can tell a comment block just above a declaration from a trailing one.
 */
export interface PlacedComment {
  /** The marker as written: `//`, `///`, `/*`, `/**`, `#`. */
  marker: string;
  /** First and last line the comment covers (block comments span lines). */
  line: number;
  endLine: number;
  /** Nothing but whitespace before and after it on its lines: a comment line of its own. */
  alone: boolean;
  /** Marker-stripped text, one entry per non-empty line of the comment. */
  parts: SourceComment[];
}

const BLOCK_START = /^\/\*+/;
const BLOCK_END = /\*+\/$/;
const LINE_MARKER = /^(\/\/\/?|#)/;

/**
 * Builds a PlacedComment from the comment's source span `[start, end)`. Each part's column is
 * the column of its first character after the marker, so an `@pi` found at index i of the text
 * sits at column + i.
 */
export function placeComment(text: string, index: LineIndex, start: number, end: number): PlacedComment {
  const raw = text.slice(start, end);
  const first = index.position(start);
  const last = index.position(Math.max(start, end - 1));
  const alone = onlyWhitespaceBefore(text, start) && onlyWhitespaceAfter(text, end);
  if (raw.startsWith('/*')) {
    const marker = raw.startsWith('/**') && !raw.startsWith('/**/') ? '/**' : '/*';
    return { marker, line: first.line, endLine: last.line, alone, parts: blockParts(raw, start, index) };
  }
  const marker = LINE_MARKER.exec(raw)?.[1] ?? '';
  const body = raw.slice(marker.length);
  const lead = body.length - body.trimStart().length;
  const trimmed = body.trim();
  const parts = trimmed ? [{ text: trimmed, ...index.position(start + marker.length + lead) }] : [];
  return { marker, line: first.line, endLine: first.line, alone, parts };
}

function blockParts(raw: string, start: number, index: LineIndex): SourceComment[] {
  const parts: SourceComment[] = [];
  if (/^\/\*+\/$/.test(raw)) return parts; // `/**/`: empty
  let offset = 0;
  for (const lineText of raw.split(/\r\n|\r|\n/)) {
    let body = lineText;
    let skipped = 0;
    const open = offset === 0 ? BLOCK_START.exec(body) : null;
    if (open) {
      body = body.slice(open[0].length);
      skipped += open[0].length;
    }
    body = body.replace(BLOCK_END, '');
    // Javadoc-style continuation lines: ` * text`.
    const star = offset === 0 ? null : /^\s*\*(?!\/)\s?/.exec(body);
    if (star) {
      body = body.slice(star[0].length);
      skipped += star[0].length;
    }
    const lead = body.length - body.trimStart().length;
    const trimmed = body.trim();
    if (trimmed) parts.push({ text: trimmed, ...index.position(start + offset + skipped + lead) });
    offset += lineText.length + lineBreakLength(raw, offset + lineText.length);
  }
  return parts;
}

function lineBreakLength(raw: string, at: number): number {
  if (raw.startsWith('\r\n', at)) return 2;
  return at < raw.length ? 1 : 0;
}

function onlyWhitespaceBefore(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t' && c !== '\uFEFF') return false;
  }
  return true;
}

function onlyWhitespaceAfter(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/**
 * Answers "which comments belong to the declaration on line L": the run of comment lines just
 * above it (no blank or code line in between) and the comments trailing code on its lines.
 */
export class CommentPlacement {
  private readonly aloneByEndLine = new Map<number, PlacedComment>();
  private readonly aloneByLine = new Map<number, PlacedComment>();
  private readonly trailingByLine = new Map<number, PlacedComment[]>();

  constructor(comments: readonly PlacedComment[]) {
    for (const comment of comments) {
      if (comment.alone) {
        this.aloneByEndLine.set(comment.endLine, comment);
        this.aloneByLine.set(comment.line, comment);
      } else {
        const list = this.trailingByLine.get(comment.line) ?? [];
        list.push(comment);
        this.trailingByLine.set(comment.line, list);
      }
    }
  }

  /** The contiguous block of own-line comments ending on the line just above `line`, in source order. */
  above(line: number): PlacedComment[] {
    const run: PlacedComment[] = [];
    let current = line - 1;
    for (let comment = this.aloneByEndLine.get(current); comment; comment = this.aloneByEndLine.get(current)) {
      run.unshift(comment);
      current = comment.line - 1;
    }
    return run;
  }

  /** Own-line comments that start on a line in `[fromLine, toLine)`, e.g. between a GraphQL description and its field. */
  aloneBetween(fromLine: number, toLine: number): PlacedComment[] {
    const found: PlacedComment[] = [];
    for (let line = fromLine; line < toLine; line++) {
      const comment = this.aloneByLine.get(line);
      if (comment) found.push(comment);
    }
    return found;
  }

  /** Comments that share a line in `[fromLine, toLine]` with code. */
  trailing(fromLine: number, toLine: number = fromLine): PlacedComment[] {
    const found: PlacedComment[] = [];
    for (let line = fromLine; line <= toLine; line++) found.push(...(this.trailingByLine.get(line) ?? []));
    return found;
  }
}

/** The marker-stripped parts of several comments, in order. */
export function commentParts(comments: readonly PlacedComment[]): SourceComment[] {
  return comments.flatMap((c) => c.parts);
}

/**
 * The comments' text joined into a description, or undefined when they hold no text. Tag lines
 * (`@pi …`, `@deprecated`) are annotations, not documentation, and stay out of it.
 */
export function commentText(comments: readonly PlacedComment[]): string | undefined {
  const text = commentParts(comments)
    .map((p) => p.text)
    .filter((t) => !/^@[A-Za-z]/.test(t))
    .join('\n');
  return text || undefined;
}
