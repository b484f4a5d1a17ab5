/**
 * Helpers shared by the tree-sitter extractors (Python, Java, Go, C#): running a grammar over a
 * file without ever throwing, locating nodes, finding the comments that belong to a declaration,
 * and decoding string literals.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { LineIndex } from '../lineIndex';
import type { ExtractedEntity, ExtractionProblem, ExtractionResult, FormatId, SourceComment } from '../model';
import type { GrammarLoader, GrammarName } from './grammarLoader';
import { stoppedMessage } from './guardedParse';
import { SyntaxIndex } from './syntaxIndex';

/**
 * Healthy source parses into 0.2–0.3 syntax nodes per byte (measured: Go, Java, Python, C#), so a
 * 10 MB file has about 3 million. Reading walks the tree several times at a few µs per node: a
 * file beyond this (10 MB of `((((`, one node per byte) would take minutes and is not read.
 */
const MAX_SYNTAX_NODES = 3_000_000;
/** Syntax errors beyond this many are summarised in one problem: a binary file would list thousands. */
const MAX_SYNTAX_PROBLEMS = 20;

interface CommentSpan {
  start: number;
  end: number;
  startLine: number;
  startColumn: number;
  endLine: number;
  /** Made when first asked for: most comments of a file (on methods, in bodies) never are. */
  comment?: SourceComment;
}

/** The decoded text of one file with its line index and every comment the parser saw. */
export class SyntaxDocument {
  readonly lines: LineIndex;
  private readonly comments: CommentSpan[];
  private readonly commentsByLine = new Map<number, CommentSpan[]>();

  constructor(readonly text: string, commentNodes: readonly Node[]) {
    this.lines = new LineIndex(text);
    this.comments = commentNodes
      .map((node) => this.toSpan(node))
      .sort((a, b) => a.start - b.start);
    for (const span of this.comments) {
      for (let line = span.startLine; line <= span.endLine; line++) {
        const onLine = this.commentsByLine.get(line) ?? [];
        onLine.push(span);
        this.commentsByLine.set(line, onLine);
      }
    }
  }

  position(offset: number): { line: number; column: number } {
    return this.lines.position(offset);
  }

  /** Position of a node's first character. */
  at(node: Node): { line: number; column: number } {
    return this.lines.position(node.startIndex);
  }

  /**
   * The comments on a declaration: the unbroken run of whole-line comments just above `start`,
   * any comment inside [start, end), and comments after `end` on the same line.
   */
  commentsAround(start: number, end: number): SourceComment[] {
    const spans = [...this.leadingSpans(start), ...this.spansWithin(start, end), ...this.trailingSpans(end)];
    const unique = new Map<number, CommentSpan>();
    for (const span of spans) unique.set(span.start, span);
    return [...unique.values()].sort((a, b) => a.start - b.start).map((span) => this.commentOf(span));
  }

  /** Whole-line comments directly above the line holding `offset`; a blank line or code ends the run. */
  leadingComments(offset: number): SourceComment[] {
    return this.leadingSpans(offset).map((span) => this.commentOf(span));
  }

  /** Raw text (with markers) of the whole-line comments directly above `offset`. */
  leadingCommentTexts(offset: number): string[] {
    return this.leadingSpans(offset).map((span) => this.text.slice(span.start, span.end));
  }

  /** Comments that start on the same line right after `end` (only spaces, `,`, `;` or `)` between). */
  trailingComments(end: number): SourceComment[] {
    return this.trailingSpans(end).map((span) => this.commentOf(span));
  }

  private leadingSpans(offset: number): CommentSpan[] {
    const found: CommentSpan[] = [];
    let line = this.lines.position(offset).line;
    while (line > 1) {
      const above = line - 1;
      const onLine = this.commentsByLine.get(above);
      if (!onLine || !this.lineHoldsOnlyComments(above, onLine)) break;
      found.unshift(...onLine.filter((span) => !found.includes(span)));
      line = Math.min(...onLine.map((span) => span.startLine));
    }
    return found;
  }

  private spansWithin(start: number, end: number): CommentSpan[] {
    // Binary search for the first comment at or after `start`: this runs once per field.
    let lo = 0;
    let hi = this.comments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.comments[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    const found: CommentSpan[] = [];
    for (let i = lo; i < this.comments.length && this.comments[i].start < end; i++) found.push(this.comments[i]);
    return found;
  }

  private trailingSpans(end: number): CommentSpan[] {
    const line = this.lines.position(Math.max(end - 1, 0)).line;
    const candidates = (this.commentsByLine.get(line) ?? []).filter((span) => span.start >= end && span.startLine === line);
    const found: CommentSpan[] = [];
    let cursor = end;
    for (const span of candidates) {
      if (!onlySeparators(this.text, cursor, span.start)) break;
      found.push(span);
      cursor = span.end;
    }
    return found;
  }

  private lineHoldsOnlyComments(line: number, onLine: readonly CommentSpan[]): boolean {
    const from = this.lines.lineStart(line);
    const to = line < this.lines.lineCount ? this.lines.lineStart(line + 1) : this.text.length;
    for (let i = from; i < to; i++) {
      if (isBlank(this.text.charCodeAt(i))) continue;
      const inside = onLine.find((span) => span.start <= i && i < span.end);
      if (!inside) return false;
      i = inside.end - 1;
    }
    return true;
  }

  private toSpan(node: Node): CommentSpan {
    // Each position of a node but the start is a call into WebAssembly: read it once.
    const startIndex = node.startIndex;
    const endIndex = node.endIndex;
    const start = this.lines.position(startIndex);
    const end = this.lines.position(Math.max(endIndex - 1, startIndex));
    return { start: startIndex, end: endIndex, startLine: start.line, startColumn: start.column, endLine: end.line };
  }

  /** A copy of the comment of a span (the text the parser read is this text: its node's text). */
  private commentOf(span: CommentSpan): SourceComment {
    span.comment ??= { text: stripCommentMarkers(this.text.slice(span.start, span.end)), line: span.startLine, column: span.startColumn };
    return { ...span.comment };
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xfeff;
}

function onlySeparators(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isBlank(c) && c !== 44 /* , */ && c !== 59 /* ; */ && c !== 41 /* ) */) return false;
  }
  return true;
}

/** Comment text without `//`, `///`, `#`, `/* *\/`, `/** *\/` markers and the ` * ` margins of block comments. */
export function stripCommentMarkers(raw: string): string {
  if (raw.startsWith('/*')) {
    const body = raw.endsWith('*/') && raw.length >= 4 ? raw.slice(2, -2) : raw.slice(2);
    const lines = body.split(/\r\n|\r|\n/).map((line) => line.trim().replace(/^\*+\s?/, '').trimEnd());
    while (lines.length > 0 && lines[0].trim() === '') lines.shift();
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
    return lines.join('\n').trim();
  }
  for (const marker of ['///', '//', '#']) {
    if (raw.startsWith(marker)) return raw.slice(marker.length).trim();
  }
  return raw.trim();
}

/**
 * Turns comment text into a human description: drops doc block tags and `@pi` annotation lines
 * (`@author`, `@pi delete`), cuts an inline `@pi …` tail and folds the lines into one.
 */
export function descriptionFromComment(text: string): string | undefined {
  const kept = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('@'))
    .map((line) => {
      const annotation = line.search(/(^|\s)@pi\b/);
      return annotation >= 0 ? line.slice(0, annotation).trim() : line;
    })
    .filter((line) => line !== '');
  const joined = kept.join(' ').replace(/\s+/g, ' ').trim();
  return joined === '' ? undefined : joined;
}

/** Joins description parts, dropping empty and repeated ones; undefined when nothing is left. */
export function joinDescriptions(parts: ReadonlyArray<string | undefined>): string | undefined {
  const unique: string[] = [];
  for (const part of parts) {
    const trimmed = part?.trim();
    if (trimmed && !unique.includes(trimmed)) unique.push(trimmed);
  }
  return unique.length > 0 ? unique.join('; ') : undefined;
}

/** Adds names that differ from the declared name and from each other. */
export function addAliases(aliases: string[], declaredName: string, candidates: ReadonlyArray<string | undefined>): void {
  for (const candidate of candidates) {
    const alias = candidate?.trim();
    if (alias && alias !== declaredName && !aliases.includes(alias)) aliases.push(alias);
  }
}

export interface UnquoteOptions {
  /** C#: a literal opened by three or more quotes is a raw string (no escapes). */
  tripleQuotedIsRaw?: boolean;
}

/**
 * The value of a string literal as written in Python, Java, Go or C#: quotes, prefixes
 * (`r''`, `b''`, `@""`, `$""`) and `u8` suffixes removed, escapes decoded where the language
 * decodes them, text blocks de-indented. An unterminated literal yields what is there.
 */
export function unquoteStringLiteral(literal: string, options: UnquoteOptions = {}): string {
  let text = literal.trim();
  if (text.endsWith('u8')) text = text.slice(0, -2);
  let prefixLength = 0;
  while (prefixLength < text.length && prefixLength < 4 && /[rRbBuUfF@$]/.test(text[prefixLength])) prefixLength++;
  const prefix = text.slice(0, prefixLength);
  text = text.slice(prefixLength);
  const quote = text[0];
  if (quote !== '"' && quote !== "'" && quote !== '`') return literal.trim();

  let quoteRun = 1;
  while (text[quoteRun] === quote && quoteRun < text.length) quoteRun++;
  // `""` is an empty literal, not an opening run of two.
  if (quoteRun === 2) return '';
  const rawTriple = quoteRun >= 3 && quote === '"' && options.tripleQuotedIsRaw === true;
  // Only C# raw strings may open with more than three quotes.
  const fence = quoteRun >= 3 ? quote.repeat(rawTriple ? quoteRun : 3) : quote;
  let body = text.slice(fence.length);
  if (body.endsWith(fence) && text.length >= fence.length * 2) body = body.slice(0, -fence.length);

  const verbatim = prefix.includes('@');
  const raw = /[rR]/.test(prefix) || verbatim || quote === '`' || rawTriple;
  if (verbatim) body = body.split('""').join('"');
  if (quoteRun >= 3) body = dedentBlock(body);
  return raw ? body : decodeEscapes(body);
}

/** Text blocks and raw strings start on the line after the fence and share an indentation. */
function dedentBlock(body: string): string {
  if (!/^[ \t]*(\r\n|\r|\n)/.test(body)) return body;
  const lines = body.split(/\r\n|\r|\n/).slice(1);
  if (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', '0': '\0', s: ' ',
  '\\': '\\', "'": "'", '"': '"', '`': '`',
};

function decodeEscapes(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const next = body[i + 1];
    const hexLength = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (hexLength > 0 && body[i + 2] === '{') {
      const close = body.indexOf('}', i + 3);
      const code = close > 0 ? parseInt(body.slice(i + 3, close), 16) : NaN;
      if (Number.isFinite(code) && code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i = close;
        continue;
      }
    }
    if (hexLength > 0) {
      const digits = body.slice(i + 2, i + 2 + hexLength);
      const code = /^[0-9a-fA-F]+$/.test(digits) && digits.length === hexLength ? parseInt(digits, 16) : NaN;
      if (Number.isFinite(code) && code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i += 1 + hexLength;
        continue;
      }
    }
    if (/[0-7]/.test(next) && /[0-7]/.test(body[i + 2] ?? '')) {
      const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0] ?? next;
      out += String.fromCharCode(parseInt(octal, 8));
      i += octal.length;
      continue;
    }
    if (next === '\n' || next === '\r') {
      // A backslash at the end of a line continues the literal on the next one.
      i += next === '\r' && body[i + 2] === '\n' ? 2 : 1;
      continue;
    }
    const simple = SIMPLE_ESCAPES[next];
    out += simple ?? c + next;
    i += 1;
  }
  return out;
}

/** Named children of a node, without the nulls the binding may return. */
export function namedChildrenOf(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}

/** All children (named and anonymous) of a node. */
function childrenOf(node: Node): Node[] {
  return node.children.filter((child): child is Node => child !== null);
}

/** Syntax errors and missing tokens the parser recovered from, as extraction problems. */
function syntaxProblems(root: Node, doc: SyntaxDocument): ExtractionProblem[] {
  const problems: ExtractionProblem[] = [];
  let more = 0;
  const visit = (node: Node): void => {
    // Go's grammar wants a newline after the last declaration: a file without one is fine.
    if (node.isMissing && node.type.trim() === '') return;
    if (node.isError || node.isMissing) {
      if (problems.length >= MAX_SYNTAX_PROBLEMS) {
        more++;
        return;
      }
      // The message never quotes source text: it may hold a personal value.
      const start = doc.at(node);
      const endLine = doc.position(Math.max(node.endIndex - 1, node.startIndex)).line;
      const message = node.isMissing
        ? `syntax error: missing ${JSON.stringify(node.type)}; the declarations around it may be incomplete`
        : endLine > start.line
          ? `syntax error: the code from here to line ${endLine} could not be fully parsed; only its intact declarations were read`
          : 'syntax error: this part could not be parsed and was skipped';
      problems.push({ message, ...start });
      return;
    }
    for (const child of childrenOf(node)) {
      if (child.hasError || child.isMissing) visit(child);
    }
  };
  if (root.hasError) visit(root);
  if (more > 0) {
    problems.push({ message: `${more} more syntax errors not listed`, line: 1, column: 1 });
  }
  return problems;
}

/** Problem for an unexpected failure while reading one declaration; the rest of the file is still read. */
export function failureProblem(what: string, error: unknown, position: { line: number; column: number }): ExtractionProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return { message: `could not read ${what}: ${reason}`, ...position };
}

export interface TreeSitterRead {
  doc: SyntaxDocument;
  root: Node;
  /** The nodes of the reader's `nodeTypes` (and comments and ERROR nodes), found in one walk. */
  nodes: SyntaxIndex;
  /** Problems found while reading; syntax errors are already recorded. */
  problems: ExtractionProblem[];
}

export interface TreeSitterExtraction {
  loader: GrammarLoader;
  grammar: GrammarName;
  format: FormatId;
  /** Node types this grammar uses for comments. */
  commentTypes: readonly string[];
  /** Node types the reader looks for across the whole file (`context.nodes.of`). */
  nodeTypes: readonly string[];
}

/**
 * Parses `text` and hands the tree to `read`; never throws. A grammar that cannot load, a parse
 * that fails or a reader that throws becomes a problem, and whatever was read is kept.
 */
export async function extractWithTreeSitter(
  setup: TreeSitterExtraction,
  original: string,
  read: (context: TreeSitterRead) => ExtractedEntity[],
): Promise<ExtractionResult> {
  // tree-sitter ends rows only at \n: a lone \r (classic Mac, or a mixed file) would shift every
  // later line. Same length, so every offset and column stays that of the original text.
  const text = original.replace(/\r(?!\n)/g, '\n');
  const result: ExtractionResult = { format: setup.format, entities: [], problems: [] };
  let tree: Tree | null = null;
  try {
    const parsed = await setup.loader.parse(setup.grammar, text);
    tree = parsed.tree;
    if (!tree) {
      result.problems.push({ message: parsed.stopped ? stoppedMessage(setup.grammar, parsed) : `the ${setup.grammar} parser produced no syntax tree`, line: 1, column: 1 });
      return result;
    }
    const root = tree.rootNode;
    if (root.descendantCount > MAX_SYNTAX_NODES) {
      result.problems.push({ message: `the file parses into ${root.descendantCount} syntax nodes, more than ${MAX_SYNTAX_NODES} (a damaged or generated file); it is not read`, line: 1, column: 1 });
      return result;
    }
    const nodes = new SyntaxIndex(root, [...setup.commentTypes, ...setup.nodeTypes, 'ERROR']);
    const doc = new SyntaxDocument(text, nodes.of(setup.commentTypes));
    result.problems.push(...syntaxProblems(root, doc));
    result.entities.push(...read({ doc, root, nodes, problems: result.problems }));
  } catch (error) {
    result.problems.push(failureProblem(`the file with the ${setup.grammar} grammar`, error, { line: 1, column: 1 }));
  } finally {
    tree?.delete();
  }
  return result;
}

/** A type declaration the parser could not close (a file cut off or being typed), rebuilt from its pieces. */
export interface RecoveredDeclaration {
  /** The keyword that opens it (`class`, `record`, `type`). */
  keyword: Node;
  name: Node;
  /** Nodes just before the keyword that belong to it (modifiers, annotations, attribute lists). */
  prefix: Node[];
  /** The opening `{`, when it was reached. */
  open?: Node;
  /** Named nodes after the `{`, up to the next recovered declaration. */
  members: Node[];
}

export interface RecoveryPattern {
  keywords: readonly string[];
  nameTypes: readonly string[];
  prefixTypes: readonly string[];
  /** A token that must follow the name (Go: `type Member struct {`). */
  afterName?: string;
}

/**
 * Declarations that ended up inside ERROR nodes. tree-sitter keeps the intact members of an
 * unclosed class as children of the ERROR node, so they can still be read.
 */
export function recoverDeclarations(nodes: SyntaxIndex, pattern: RecoveryPattern): RecoveredDeclaration[] {
  const recovered: RecoveredDeclaration[] = [];
  for (const error of nodes.of(['ERROR'])) {
    const children = childrenOf(error);
    let current: RecoveredDeclaration | undefined;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      const name = children[i + 1];
      const after = children[i + 2];
      const opens = !child.isNamed && pattern.keywords.includes(child.type) && name && pattern.nameTypes.includes(name.type);
      if (opens && (!pattern.afterName || after?.type === pattern.afterName)) {
        const prefix: Node[] = [];
        for (let j = i - 1; j >= 0 && pattern.prefixTypes.includes(children[j].type); j--) prefix.unshift(children[j]);
        current = { keyword: child, name, prefix, members: [] };
        recovered.push(current);
        i += pattern.afterName ? 2 : 1;
      } else if (current && !current.open && child.type === '{') {
        current.open = child;
      } else if (current?.open && child.isNamed) {
        current.members.push(child);
      }
    }
  }
  return recovered;
}
