import type { SourceComment } from '../extract/model';
import { annotationProblemMessage, type AnnotationProblem, type AnnotationProblemCode } from './annotationMessages';
import { normalizeMechanism, ART38_MECHANISMS } from './mechanism';
import { DISPOSITION_ACTIONS, type AnnotationParse, type Disposition, type DispositionAction } from './model';
import { parsePeriod } from './period';

/**
 * The `@pi` annotation grammar:
 *
 *   @pi <action> [period] [key=value | key="quoted value"]…
 *
 * An annotation runs to the end of its line, or to `;`, or to a closing comment marker
 * (`*\/`, `-->`, `"""`). The parser is strict on purpose: a typo must surface as an
 * `invalid-annotation` diagnostic, never leave a field silently undeclared.
 */

export const ANNOTATION_KEYS = ['basis', 'until', 'then', 'to', 'contact', 'method', 'reason', 'owner', 'mechanism'] as const;
type AnnotationKey = (typeof ANNOTATION_KEYS)[number];

/** Actions a retention may end in (`then=destroy`). */
const THEN_ACTIONS: readonly string[] = ['delete', 'destroy', 'anonymize', 'transfer'];

const ACTIONS = DISPOSITION_ACTIONS.join(', ');

const CLOSING_QUOTE: Record<string, string> = { '"': '"', "'": "'", '\u201c': '\u201d', '\u300c': '\u300d' };

/** Comment closers that end an annotation written inside a one-line block comment or docstring. */
const CLOSERS = ['*/', '-->', '"""', "'''"];
/** Their first characters: the closers need looking for only where one of these is. */
const CLOSER_STARTS: ReadonlySet<string> = new Set(CLOSERS.map((closer) => closer[0]));

type Parsed = Omit<Disposition, 'source' | 'declaredAt'>;

interface Token {
  /** Offset in the annotation text. */
  start: number;
  /** The bare word, or the key of `key=value`. */
  word: string;
  value?: string;
  valueStart?: number;
}

class AnnotationError extends Error {
  readonly problem: AnnotationProblem;

  constructor(code: AnnotationProblemCode, params: Record<string, string>, readonly offset: number) {
    const problem = { code, params };
    super(annotationProblemMessage(problem, 'en'));
    this.problem = problem;
  }
}

/**
 * Finds and parses every `@pi` annotation in a comment.
 * `exact` is false when positions inside the text are unknown (a field description taken from a
 * SQL `COMMENT '…'` string or a docstring): then every position is the comment's own.
 */
export function parseAnnotations(comment: SourceComment, exact = true): AnnotationParse[] {
  return readAnnotations(comment, exact, parseSource);
}

/**
 * `parseAnnotations` for the comments of many fields (an audit's): what each annotation text
 * parses to is kept, so the same `@pi delete` on a thousand fields is parsed once. Every result
 * is a copy of its own. Use one per audit.
 */
export class AnnotationReader {
  private readonly bySource = new Map<string, SourceParse>();

  read(comment: SourceComment, exact = true): AnnotationParse[] {
    return readAnnotations(comment, exact, (source) => {
      let outcome = this.bySource.get(source);
      if (!outcome) {
        outcome = parseSource(source);
        this.bySource.set(source, outcome);
      }
      return copyOf(outcome);
    });
  }
}

/** What one annotation's text parses to, before it is placed in its comment. */
type SourceParse = { ok: true; disposition: Parsed } | { ok: false; message: string; problem: AnnotationProblem; offset: number };

function parseSource(source: string): SourceParse {
  try {
    return { ok: true, disposition: parseAnnotationSource(source) };
  } catch (error) {
    if (!(error instanceof AnnotationError)) throw error;
    return { ok: false, message: error.message, problem: error.problem, offset: error.offset };
  }
}

function copyOf(outcome: SourceParse): SourceParse {
  if (!outcome.ok) return { ...outcome, problem: { code: outcome.problem.code, params: { ...outcome.problem.params } } };
  const disposition: Parsed = Object.assign({}, outcome.disposition, { extra: { ...outcome.disposition.extra } });
  if (outcome.disposition.period) disposition.period = { ...outcome.disposition.period };
  return { ok: true, disposition };
}

function readAnnotations(comment: SourceComment, exact: boolean, parse: (source: string) => SourceParse): AnnotationParse[] {
  // Every annotation starts with `@`: most comments have none, and need not be split into lines.
  if (!comment.text.includes('@')) return [];
  const results: AnnotationParse[] = [];
  const lines = comment.text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, lineIndex) => {
    for (const start of annotationStarts(lineText)) {
      const end = annotationEnd(lineText, start);
      const source = lineText.slice(start, end);
      // Continuation lines of a block comment are assumed to keep their original indentation.
      const lineColumn = lineIndex === 0 ? comment.column : 1;
      const at = (offset: number): number => (exact ? lineColumn + start + offset : comment.column);
      const site: SourceComment = { text: source.trimEnd(), line: exact ? comment.line + lineIndex : comment.line, column: at(0) };
      const outcome = parse(source);
      if (outcome.ok) results.push({ ok: true, disposition: outcome.disposition, comment: site });
      else results.push({ ok: false, message: outcome.message, comment: site, column: at(outcome.offset), problem: outcome.problem });
    }
  });
  return results;
}

/** True when the text holds something that looks like a `@pi` annotation. */
export function mentionsAnnotation(text: string): boolean {
  return annotationStarts(text).length > 0;
}

/** Removes `@pi …` annotations from a text, so that their words are not read as field words. */
export function withoutAnnotations(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const starts = annotationStarts(line);
      return starts.length === 0 ? line : line.slice(0, starts[0]);
    })
    .join('\n');
}

function annotationStarts(line: string): number[] {
  const starts: number[] = [];
  let from = 0;
  for (;;) {
    const at = line.indexOf('@', from);
    if (at < 0) return starts;
    from = at + 1;
    if (line.slice(at + 1, at + 3).toLowerCase() !== 'pi') continue;
    const before = at === 0 ? '' : line[at - 1];
    const after = line[at + 3] ?? '';
    // `dpo@pi.example` and `@pipeline` are not annotations.
    if (/[\w.@-]/.test(before) || (after !== '' && !/\s/.test(after) && !CLOSERS.some((c) => line.startsWith(c, at + 3)))) continue;
    starts.push(at);
  }
}

/** The annotation ends at the line end, `;`, a closing comment marker or the next `@pi`, outside quotes. */
function annotationEnd(line: string, start: number): number {
  let quote: string | null = null;
  for (let i = start + 3; i < line.length; i++) {
    const c = line[i];
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '=' && CLOSING_QUOTE[line[i + 1]] !== undefined) {
      quote = CLOSING_QUOTE[line[i + 1]];
      i++;
      continue;
    }
    if (c === ';') return i;
    if (CLOSER_STARTS.has(c) && CLOSERS.some((closer) => line.startsWith(closer, i))) return i;
    if (c === '@' && i > start + 3 && /\s/.test(line[i - 1]) && line.slice(i + 1, i + 3).toLowerCase() === 'pi') return i;
  }
  return line.length;
}

/** Parses one annotation starting with `@pi`. Throws AnnotationError with an offset into `source`. */
function parseAnnotationSource(source: string): Parsed {
  const tokens = tokenize(source, 3);
  if (tokens.length === 0) {
    throw new AnnotationError('missing-action', { actions: ACTIONS }, 3);
  }
  const [first, ...rest] = tokens;
  if (first.value !== undefined) {
    throw new AnnotationError('key-before-action', { key: first.word, actions: ACTIONS }, first.start);
  }
  const action = first.word.toLowerCase() as DispositionAction;
  if (!DISPOSITION_ACTIONS.includes(action)) {
    throw new AnnotationError('unknown-action', { word: first.word, actions: ACTIONS, hint: nearest(first.word.toLowerCase(), DISPOSITION_ACTIONS) }, first.start);
  }
  const parsed: Parsed = { action, extra: {} };
  let keys = rest;
  if (keys.length > 0 && keys[0].value === undefined && looksLikePeriod(keys[0].word)) {
    const token = keys[0];
    if (action !== 'retain') {
      throw new AnnotationError('period-not-retain', { word: token.word, action }, token.start);
    }
    const period = parsePeriod(token.word);
    if (!period) {
      throw new AnnotationError('bad-period', { word: token.word }, token.start);
    }
    parsed.period = period;
    keys = keys.slice(1);
  }
  const seen = new Set<string>();
  for (const token of keys) {
    if (token.value === undefined) {
      throw new AnnotationError('unexpected-token', { word: token.word }, token.start);
    }
    const key = token.word.toLowerCase();
    if (seen.has(key)) throw new AnnotationError('duplicate-key', { key }, token.start);
    seen.add(key);
    const valueOffset = token.valueStart ?? token.start;
    if (token.value.trim() === '') throw new AnnotationError('empty-value', { key }, valueOffset);
    if (key.startsWith('x-') && key.length > 2) {
      parsed.extra[key] = token.value;
      continue;
    }
    if (!(ANNOTATION_KEYS as readonly string[]).includes(key)) {
      throw new AnnotationError('unknown-key', { key: token.word, keys: ANNOTATION_KEYS.join(', '), hint: nearest(key, ANNOTATION_KEYS) }, token.start);
    }
    setKey(parsed, key as AnnotationKey, token.value, valueOffset);
  }
  return parsed;
}

function setKey(parsed: Parsed, key: AnnotationKey, value: string, offset: number): void {
  switch (key) {
    case 'until':
      if (!isIsoDate(value)) throw new AnnotationError('bad-until', { value }, offset);
      parsed.until = value;
      return;
    case 'then':
      if (!THEN_ACTIONS.includes(value.toLowerCase())) {
        throw new AnnotationError('bad-then', { value, actions: THEN_ACTIONS.join(', ') }, offset);
      }
      parsed.then = value.toLowerCase();
      return;
    case 'mechanism': {
      const mechanism = normalizeMechanism(value);
      if (!mechanism) {
        throw new AnnotationError('bad-mechanism', { value, mechanisms: ART38_MECHANISMS.join(', ') }, offset);
      }
      parsed.mechanism = mechanism;
      return;
    }
    default:
      parsed[key] = value;
  }
}

function tokenize(source: string, from: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
  while (i < source.length) {
    while (isSpace(source[i])) i++;
    if (i >= source.length) break;
    const start = i;
    while (i < source.length && !isSpace(source[i]) && source[i] !== '=') i++;
    const word = source.slice(start, i);
    if (source[i] !== '=') {
      tokens.push({ start, word });
      continue;
    }
    if (word === '') throw new AnnotationError('missing-key', {}, start);
    i++;
    const close = CLOSING_QUOTE[source[i]];
    if (close === undefined) {
      const valueStart = i;
      while (i < source.length && !isSpace(source[i])) i++;
      tokens.push({ start, word, value: source.slice(valueStart, i), valueStart });
      continue;
    }
    const quoteAt = i;
    i++;
    let value = '';
    for (;;) {
      if (i >= source.length) throw new AnnotationError('unterminated-quote', { key: word, quote: close }, quoteAt);
      const c = source[i];
      if (c === '\\' && close === '"' && (source[i + 1] === '"' || source[i + 1] === '\\')) {
        value += source[i + 1];
        i += 2;
        continue;
      }
      if (c === close) break;
      value += c;
      i++;
    }
    i++;
    if (i < source.length && !isSpace(source[i])) {
      throw new AnnotationError('space-after-quote', { key: word }, i);
    }
    tokens.push({ start, word, value, valueStart: quoteAt });
  }
  return tokens;
}

function looksLikePeriod(word: string): boolean {
  return /^\d/.test(word);
}

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** The candidate nearest to a misspelling (edit distance ≤ 2), or empty. */
function nearest(word: string, candidates: readonly string[]): string {
  let best: string | null = null;
  // Short words are too easily "near" anything: allow one edit per three letters, at most two.
  let bestDistance = Math.min(2, Math.max(1, Math.floor(word.length / 3))) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ?? '';
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
