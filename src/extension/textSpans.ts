import { parseAnnotations } from '../core/disposition/annotation';

/** A span of one line, in UTF-16 code units, end exclusive (what VS Code positions count). */
export interface LineSpan {
  start: number;
  end: number;
}

const QUOTES = ['`', '"', "'", '['];
const WORD = /^[\p{L}\p{N}_$.-]+/u;

/**
 * Where a diagnostic or hover sits on its line: the `@pi` annotation starting at `column`, else
 * the field name (or one of its aliases, possibly quoted) at `column`, else the word there, else
 * the rest of the line. `column` is the engine's 1-based column.
 */
export function spanAt(lineText: string, column: number, names: readonly string[] = []): LineSpan {
  const start = Math.min(Math.max(column - 1, 0), lineText.length);
  if (lineText.startsWith('@pi', start)) {
    const annotation = annotationSpanOnLine(lineText, start);
    if (annotation) return annotation;
  }
  const offset = QUOTES.includes(lineText[start]) ? start + 1 : start;
  const named = [...names].filter((n) => n.length > 0).sort((a, b) => b.length - a.length).find((name) => lineText.startsWith(name, offset));
  if (named) return { start: offset, end: offset + named.length };
  const word = WORD.exec(lineText.slice(offset));
  if (word) return { start: offset, end: offset + word[0].length };
  const rest = lineText.slice(start).trimEnd();
  if (rest.length > 0) return { start, end: start + rest.length };
  return { start, end: Math.min(start + 1, lineText.length) };
}

/**
 * The `@pi …` annotation on a line: the one starting at `offset` when given, else the only one
 * on the line. Null when there is none, or several and no offset says which.
 */
export function annotationSpanOnLine(lineText: string, offset?: number): LineSpan | null {
  const parses = parseAnnotations({ text: lineText, line: 1, column: 1 });
  const spans = parses.map((p) => {
    const start = p.comment.column - 1;
    // An annotation inside a string (`COMMENT '… @pi delete'`) ends where the string does.
    const string = enclosingString(lineText, start);
    const end = start + p.comment.text.length;
    return { start, end: string && string.close < end ? lineText.slice(start, string.close).trimEnd().length + start : end };
  });
  if (offset !== undefined) {
    const at = spans.find((s) => s.start === offset);
    if (at) return at;
  }
  return spans.length === 1 ? spans[0] : null;
}

/** The leading whitespace of a line. */
export function indentationOf(lineText: string): string {
  return /^[ \t]*/.exec(lineText)?.[0] ?? '';
}

/**
 * The string literal that `offset` lies in — `'…'` (SQL doubles `''`), `"…"` or `` `…` `` (a
 * backslash escapes) — with the index of its closing quote; null when `offset` is outside any
 * string, after a comment marker, or the string does not close on the line.
 */
export function enclosingString(lineText: string, offset: number): { quote: string; close: number } | null {
  let quote: string | null = null;
  let opened = -1;
  for (let i = 0; i < lineText.length; i++) {
    const c = lineText[i];
    if (quote === null) {
      if (i >= offset) return null;
      if (lineText.startsWith('--', i) || lineText.startsWith('//', i) || lineText.startsWith('/*', i) || lineText.startsWith('<!--', i) || c === '#') return null;
      if (c === "'" || c === '"' || c === '`') {
        quote = c;
        opened = i;
      }
      continue;
    }
    if (c === '\\' && quote !== "'") {
      i++;
      continue;
    }
    if (c !== quote) continue;
    if (quote === "'" && lineText[i + 1] === "'") {
      i++;
      continue;
    }
    if (offset > opened && offset < i) return { quote, close: i };
    quote = null;
  }
  return null;
}
