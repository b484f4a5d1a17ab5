/**
 * Prisma schema extractor (`schema.prisma`): models, views and composite types with their fields.
 *
 * Read with the hand tokenizer in `cStyleTokenizer.ts`: the only complete Prisma parser is the
 * ~10 MB WebAssembly build of prisma-engines, which gives no comment positions and stops at the
 * first error, while an audit has to read half-written schemas and keep every `//` comment.
 */
import { commentParts, commentText, type PlacedComment } from './commentPlacement';
import { describeToken, matchingClose, tokenize, type Token, type TokenizedSource } from './cStyleTokenizer';
import type { EntityKind, ExtractedEntity, ExtractedField, ExtractionProblem, ExtractionResult, Extractor } from './model';

/** Blocks that declare fields, and the entity kind each one becomes. */
const ENTITY_BLOCKS = new Map<string, EntityKind>([
  ['model', 'model'],
  ['view', 'model'],
  ['type', 'type'],
]);
/** Blocks that hold no personal-information fields (enums list values, not columns). */
const OTHER_BLOCKS = new Set(['enum', 'generator', 'datasource']);
/** Prisma's documentation comment; `//` comments are not part of the schema's docs. */
const DOC_MARKER = '///';

export class PrismaExtractor implements Extractor {
  readonly format = 'prisma' as const;

  accepts(filePath: string, _head?: string): boolean {
    return /\.prisma$/i.test(filePath);
  }

  extract(text: string, _filePath?: string): Promise<ExtractionResult> {
    try {
      return Promise.resolve(extractPrisma(text));
    } catch (error) {
      return Promise.resolve({
        format: this.format,
        entities: [],
        problems: [{ message: `Prisma extractor failed: ${String(error)}`, line: 1, column: 1 }],
      });
    }
  }
}

export function extractPrisma(text: string): ExtractionResult {
  const source = tokenize(text, { blockComments: false, singleQuotes: false, pairs: ['@@'] });
  const { tokens } = source;
  const entities: ExtractedEntity[] = [];
  const problems: ExtractionProblem[] = [...source.problems];

  let i = 0;
  while (i < tokens.length) {
    if (isBlockHeader(tokens, i)) {
      const keyword = tokens[i].text;
      const { end, closed } = blockEnd(tokens, i + 2);
      if (!closed) problems.push(at(tokens[i], `${keyword} ${tokens[i + 1].text} has no closing brace`));
      if (ENTITY_BLOCKS.has(keyword)) entities.push(readEntity(source, i, end, problems));
      i = closed ? end + 1 : end;
      continue;
    }
    problems.push(at(tokens[i], `Unexpected ${describeToken(tokens[i])} outside a block`));
    i = nextLine(tokens, i);
  }
  return { format: 'prisma', entities, problems };
}

/** `model Name {`, `enum Name {` … as the first thing on a line. */
function isBlockHeader(tokens: readonly Token[], i: number): boolean {
  const keyword = tokens[i];
  return (
    keyword.kind === 'ident' &&
    (ENTITY_BLOCKS.has(keyword.text) || OTHER_BLOCKS.has(keyword.text)) &&
    (i === 0 || tokens[i - 1].line < keyword.line) &&
    tokens[i + 1]?.kind === 'ident' &&
    tokens[i + 2]?.text === '{'
  );
}

/**
 * The `}` that closes the block opened at `open`. A half-written block ends where the next
 * block header starts, so one missing brace does not swallow the rest of the schema.
 */
function blockEnd(tokens: readonly Token[], open: number): { end: number; closed: boolean } {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const text = tokens[i].text;
    if (depth === 1 && i > open && isBlockHeader(tokens, i)) return { end: i, closed: false };
    if (text === '{') depth++;
    else if (text === '}' && --depth === 0) return { end: i, closed: true };
  }
  return { end: tokens.length, closed: false };
}

function readEntity(source: TokenizedSource, header: number, end: number, problems: ExtractionProblem[]): ExtractedEntity {
  const { tokens, comments } = source;
  const keyword = tokens[header];
  const name = tokens[header + 1];
  const around = [...comments.above(keyword.line), ...comments.trailing(keyword.line)];
  const entity: ExtractedEntity = {
    name: name.text,
    aliases: [],
    kind: ENTITY_BLOCKS.get(keyword.text) ?? 'model',
    description: docText(around),
    comments: commentParts(around),
    line: name.line,
    column: name.column,
    fields: [],
  };

  for (const line of logicalLines(tokens.slice(header + 3, end), problems)) {
    const first = line[0];
    if (first.text === '@@') {
      const alias = line[1]?.text === 'map' ? mapArgument(line.slice(2)) : undefined;
      if (alias) entity.aliases.push(alias);
    } else if (first.kind === 'ident') {
      entity.fields.push(readField(source, line, problems));
    } else if (first.text !== '}') {
      problems.push(at(first, `Unexpected ${describeToken(first)} in ${keyword.text} ${name.text}`));
    }
  }
  return entity;
}

/** `name Type? @attr(…) @attr …` on one line (attribute arguments may continue on the next lines). */
function readField(source: TokenizedSource, line: Token[], problems: ExtractionProblem[]): ExtractedField {
  const { comments } = source;
  const name = line[0];
  const last = line[line.length - 1];
  const around = [...comments.above(name.line), ...comments.trailing(name.line, last.line)];
  const field: ExtractedField = {
    name: name.text,
    aliases: [],
    description: docText(around),
    comments: commentParts(around),
    line: name.line,
    column: name.column,
  };

  let i = 1;
  while (i < line.length && line[i].text !== '@') i++;
  if (i > 1) field.type = line.slice(1, i).map((t) => t.text).join('');
  else problems.push(at(name, `Field ${name.text} has no type`));

  while (i < line.length) {
    // `@` attribute-name (`.` part)* [ `(` arguments `)` ]
    let next = i + 1;
    const attribute: string[] = [];
    while (line[next]?.kind === 'ident' || (line[next]?.text === '.' && attribute.length > 0)) attribute.push(line[next++].text);
    let args: Token[] = [];
    if (line[next]?.text === '(') {
      const close = Math.min(matchingClose(line, next), line.length);
      args = line.slice(next + 1, close);
      next = close + 1;
    }
    const attributeName = attribute.join('');
    if (attributeName === 'map') {
      const alias = mapArgument(args);
      if (alias) field.aliases.push(alias);
    } else if (attributeName === 'default') {
      field.defaultValue = literalDefault(args);
    } else if (!attributeName) {
      problems.push(at(line[i], `Attribute without a name on field ${name.text}`));
    }
    i = Math.max(next, i + 1);
    while (i < line.length && line[i].text !== '@') i++;
  }
  return field;
}

/**
 * Tokens grouped by line; a line goes on while a `(` or `[` is open, unless the next line
 * plainly starts a new declaration (`name Type`, `@@attr`): then the bracket was left open.
 */
function logicalLines(tokens: readonly Token[], problems: ExtractionProblem[]): Token[][] {
  const lines: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  tokens.forEach((token, i) => {
    const newLine = current.length > 0 && token.line > current[current.length - 1].line;
    if (newLine && depth > 0 && startsDeclaration(tokens, i)) {
      problems.push(at(current[0], `Unclosed bracket in the declaration of ${describeToken(current[0])}`));
      depth = 0;
    }
    if (newLine && depth <= 0) {
      lines.push(current);
      current = [];
      depth = 0;
    }
    current.push(token);
    if (token.text === '(' || token.text === '[') depth++;
    else if (token.text === ')' || token.text === ']') depth--;
  });
  if (current.length > 0) lines.push(current);
  return lines;
}

function startsDeclaration(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return tokens[i].text === '@@' || (tokens[i].kind === 'ident' && next?.kind === 'ident' && next.line === tokens[i].line);
}

/** The name in `("name")` or `(name: "name")`, with or without the parentheses. */
function mapArgument(tokens: readonly Token[]): string | undefined {
  const named = tokens.findIndex((t, i) => t.text === 'name' && tokens[i + 1]?.text === ':');
  const value = named >= 0 ? tokens[named + 2] : tokens.find((t) => t.kind === 'string');
  return value?.kind === 'string' ? value.value : undefined;
}

/** The literal of `@default(…)`: strings, numbers, booleans, enum values and lists of them; not `now()`. */
function literalDefault(args: readonly Token[]): string | undefined {
  const positional = args[1]?.text === ':' ? args.slice(2) : args;
  let depth = 0;
  let end = positional.length;
  for (let i = 0; i < positional.length && end === positional.length; i++) {
    const text = positional[i].text;
    if (text === '[' || text === '(') depth++;
    else if (text === ']' || text === ')') depth--;
    else if (depth === 0 && text === ',') end = i;
  }
  const value = positional.slice(0, end);
  if (value.length === 0 || value.some((t) => t.text === '(')) return undefined;
  if (value.length === 1 && value[0].kind === 'string') return value[0].value;
  return value.map((t) => t.text).join('');
}

function docText(comments: readonly PlacedComment[]): string | undefined {
  return commentText(comments.filter((c) => c.marker === DOC_MARKER));
}

function nextLine(tokens: readonly Token[], i: number): number {
  let next = i + 1;
  while (next < tokens.length && tokens[next].line === tokens[i].line) next++;
  return next;
}

function at(token: Token, message: string): ExtractionProblem {
  return { message, line: token.line, column: token.column };
}
