/**
 * A small tokenizer for the brace-and-semicolon schema languages read by hand (Prisma, protobuf).
 *
 * Why by hand: the real parsers do not fit an audit tool. Prisma's own parser ships as a ~10 MB
 * WebAssembly module and gives no positions for comments; protobufjs drops comment positions
 * and rejects half-written files. Both languages have a tiny lexical grammar, so a tokenizer
 * that keeps every comment with its line and column, and never gives up, is the cheaper path.
 */
import { CommentPlacement, placeComment, type PlacedComment } from './commentPlacement';
import { LineIndex } from './lineIndex';
import type { ExtractionProblem } from './model';

export type TokenKind = 'ident' | 'number' | 'string' | 'punct';

export interface Token {
  kind: TokenKind;
  /** The source text of the token (for strings, with quotes). */
  text: string;
  /** Unescaped content for strings; same as `text` otherwise. */
  value: string;
  start: number;
  end: number;
  line: number;
  column: number;
}

export interface TokenizerOptions {
  /** `/* … *\/` comments (protobuf); Prisma has only line comments. */
  blockComments: boolean;
  /** `'…'` strings (protobuf); Prisma only has `"…"`. */
  singleQuotes: boolean;
  /** Punctuation pairs read as one token, e.g. `@@` in Prisma. */
  pairs: readonly string[];
}

export interface TokenizedSource {
  tokens: Token[];
  comments: CommentPlacement;
  index: LineIndex;
  problems: ExtractionProblem[];
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const NUMBER_PART = /[A-Za-z0-9_.]/;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', '"': '"', "'": "'" };

export function tokenize(text: string, options: TokenizerOptions): TokenizedSource {
  const index = new LineIndex(text);
  const tokens: Token[] = [];
  const comments: PlacedComment[] = [];
  const problems: ExtractionProblem[] = [];
  const push = (kind: TokenKind, start: number, end: number, value = text.slice(start, end)): void => {
    tokens.push({ kind, text: text.slice(start, end), value, start, end, ...index.position(start) });
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF') {
      i++;
    } else if (text.startsWith('//', i)) {
      const end = lineEnd(text, i);
      comments.push(placeComment(text, index, i, end));
      i = end;
    } else if (options.blockComments && text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      if (close < 0) problems.push({ message: 'Unterminated block comment', ...index.position(i) });
      comments.push(placeComment(text, index, i, end));
      i = end;
    } else if (c === '"' || (options.singleQuotes && c === "'")) {
      const { end, value, closed } = readString(text, i);
      if (!closed) problems.push({ message: 'Unterminated string', ...index.position(i) });
      push('string', i, end, value);
      i = end;
    } else if (IDENT_START.test(c)) {
      let end = i + 1;
      while (end < text.length && IDENT_PART.test(text[end])) end++;
      push('ident', i, end);
      i = end;
    } else if (c >= '0' && c <= '9') {
      let end = i + 1;
      // Exponents carry a sign: 1e-5.
      while (end < text.length && (NUMBER_PART.test(text[end]) || (/[+-]/.test(text[end]) && /[eE]/.test(text[end - 1])))) end++;
      push('number', i, end);
      i = end;
    } else {
      const pair = options.pairs.find((p) => text.startsWith(p, i));
      const length = pair?.length ?? (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) < 0xdc00 ? 2 : 1);
      push('punct', i, i + length);
      i += length;
    }
  }
  return { tokens, comments: new CommentPlacement(comments), index, problems };
}

function lineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/** A quoted string up to its closing quote; strings never span lines, so a missing quote ends at the line end. */
function readString(text: string, start: number): { end: number; value: string; closed: boolean } {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === quote) return { end: i + 1, value, closed: true };
    if (c === '\n' || c === '\r') break;
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1];
      const hex = /^[xX]([0-9a-fA-F]{1,2})/.exec(text.slice(i + 1, i + 4));
      const unicode = /^u([0-9a-fA-F]{4})/.exec(text.slice(i + 1, i + 6));
      if (hex) {
        value += String.fromCharCode(parseInt(hex[1], 16));
        i += 1 + hex[0].length;
      } else if (unicode) {
        value += String.fromCharCode(parseInt(unicode[1], 16));
        i += 1 + unicode[0].length;
      } else {
        value += ESCAPES[next] ?? next;
        i += 2;
      }
      continue;
    }
    value += c;
    i++;
  }
  return { end: i, value, closed: false };
}

/**
 * Index of the token that closes the bracket opened at `open` (`{`/`}`, `(`/`)`, `[`/`]`, `<`/`>`),
 * or `tokens.length` when the file ends first.
 */
export function matchingClose(tokens: readonly Token[], open: number): number {
  const opener = tokens[open].text;
  const closer = ({ '{': '}', '(': ')', '[': ']', '<': '>' } as Record<string, string>)[opener];
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].kind !== 'punct') continue;
    if (tokens[i].text === opener) depth++;
    else if (tokens[i].text === closer && --depth === 0) return i;
  }
  return tokens.length;
}

/**
 * A token as problem messages may show it: names and punctuation as written, strings and
 * numbers only by kind, since a literal in a schema can be a personal-information value.
 */
export function describeToken(token: Token): string {
  if (token.kind === 'string') return 'string literal';
  if (token.kind === 'number') return 'number';
  return `\`${token.text}\``;
}
