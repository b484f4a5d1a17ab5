import { commentLine, type CommentSyntax } from './commentSyntax';
import { annotationText, type Decision } from './decision';
import { annotationSpanOnLine, enclosingString, indentationOf } from './textSpans';

/** A line to insert before line `line` (0-based), without its line break. */
export interface LineInsert {
  line: number;
  text: string;
}

/** Text replacing `start`..`end` of line `line` (0-based line, UTF-16 offsets). */
export interface LineReplace {
  line: number;
  start: number;
  end: number;
  text: string;
}

/** Markers that would end the comment or docstring an annotation sits in. */
const CLOSERS = ['*/', '-->', '"""', "'''"];

/** Decorators / annotations / attributes (`@Column(…)`, `[Column("x")]`) that may precede a field. */
const DECORATED = /\.(?:[cm]?[jt]sx?|java|cs)$/i;
/** A decorator spread over several lines is looked for this many lines up at most. */
const MAX_DECORATOR_LINES = 12;

/**
 * The comment line that declares `decision` for a field, inserted just above it — above its
 * decorators, annotations or attributes when it has some, where people write such comments —
 * with the indentation of the line it goes above: `  -- @pi delete`. `lineAt` gives a line's
 * text (1-based). Null when the file has no comment syntax for it (JSON, CSV), when another
 * field shares the line (the annotation would cover both), or when the annotation cannot be
 * written in that syntax.
 */
export function annotationInsertion(lineAt: (line: number) => string, fileName: string, fieldLine: number, sharesLine: boolean, syntax: CommentSyntax | null, decision: Decision): LineInsert | null {
  if (!syntax || sharesLine) return null;
  const line = commentLine(syntax, annotationText(decision));
  if (line === null) return null;
  const above = DECORATED.test(fileName) ? decoratorStart(lineAt, fieldLine) : fieldLine;
  return { line: above - 1, text: `${indentationOf(lineAt(above))}${line}` };
}

/** The first line of the decorators right above `fieldLine` (1-based), or `fieldLine` when there are none. */
export function decoratorStart(lineAt: (line: number) => string, fieldLine: number): number {
  let start = fieldLine;
  let line = fieldLine - 1;
  while (line >= 1) {
    const text = lineAt(line).trim();
    if (isDecoratorStart(text)) {
      start = line;
      line--;
      continue;
    }
    // The last line of a decorator written over several lines (`})`, `)`, `]`): find where it starts.
    if (!/[)\]]\s*,?$/.test(text)) break;
    let top = line - 1;
    while (top >= 1 && line - top < MAX_DECORATOR_LINES) {
      const above = lineAt(top).trim();
      if (isDecoratorStart(above)) break;
      if (above === '' || above.endsWith(';') || above.startsWith('//') || above.startsWith('*') || above.startsWith('/*')) {
        top = 0;
        break;
      }
      top--;
    }
    if (top < 1 || line - top >= MAX_DECORATOR_LINES) break;
    start = top;
    line = top - 1;
  }
  return start;
}

function isDecoratorStart(text: string): boolean {
  return (text.startsWith('@') && !/^@pi\b/i.test(text)) || /^\[[A-Z][\w.]*(\(|\]|,)/.test(text);
}

/**
 * Replaces the `@pi` annotation that starts at `column` (1-based) of a line — or the only one
 * on the line — with one declaring `decision`. Inside a SQL string (`COMMENT '… @pi …'`) single
 * quotes are doubled. Null when there is no annotation to replace or the new one cannot be
 * written there.
 */
export function annotationReplacement(lineText: string, line: number, column: number, decision: Decision): LineReplace | null {
  const span = annotationSpanOnLine(lineText, column - 1);
  if (!span) return null;
  let text = annotationText(decision);
  if (CLOSERS.some((closer) => text.includes(closer))) return null;
  if (enclosingString(lineText, span.start)?.quote === "'") text = text.replace(/'/g, "''");
  return { line: line - 1, start: span.start, end: span.end, text };
}

/**
 * Removes the annotation at `column` of a line: the whole line when nothing but a comment
 * marker would remain, else just the annotation.
 */
export function annotationRemoval(lineText: string, line: number, column: number): LineReplace | { deleteLine: number } | null {
  const span = annotationSpanOnLine(lineText, column - 1);
  if (!span) return null;
  const rest = `${lineText.slice(0, span.start)}${lineText.slice(span.end)}`.trim();
  if (/^(--|\/\/+|#|\/\*+\s*\*\/|<!--\s*-->|\*)?$/.test(rest)) return { deleteLine: line - 1 };
  const start = span.start > 0 && lineText[span.start - 1] === ' ' ? span.start - 1 : span.start;
  return { line: line - 1, start, end: span.end, text: '' };
}
