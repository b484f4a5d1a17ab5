/**
 * Protocol Buffers extractor (`.proto`, proto2, proto3 and editions): messages, nested messages
 * (entities with `parent`), their fields, `oneof` members and `map<…>` fields.
 *
 * Read with the hand tokenizer in `cStyleTokenizer.ts`: protobufjs drops the positions of
 * comments (where the field docs and `@pi` annotations live) and rejects a file at its first
 * error, while an audit has to read partial files. Enums, services and extensions hold no
 * stored fields and are skipped.
 */
import { commentParts, commentText, type PlacedComment } from './commentPlacement';
import { describeToken, matchingClose, tokenize, type Token, type TokenizedSource } from './cStyleTokenizer';
import type { ExtractedEntity, ExtractedField, ExtractionProblem, ExtractionResult, Extractor } from './model';

const FIELD_LABELS = new Set(['repeated', 'optional', 'required']);
/** Blocks whose content is not a message's fields. */
const SKIPPED_BLOCKS = new Set(['enum', 'service', 'extend']);
/** Statements ending with `;` that declare no field. */
const SKIPPED_STATEMENTS = new Set(['syntax', 'edition', 'package', 'import', 'option', 'reserved', 'extensions']);

export class ProtobufExtractor implements Extractor {
  readonly format = 'protobuf' as const;

  accepts(filePath: string, _head?: string): boolean {
    return /\.proto$/i.test(filePath);
  }

  extract(text: string, _filePath?: string): Promise<ExtractionResult> {
    try {
      return Promise.resolve(extractProtobuf(text));
    } catch (error) {
      return Promise.resolve({
        format: this.format,
        entities: [],
        problems: [{ message: `Protobuf extractor failed: ${String(error)}`, line: 1, column: 1 }],
      });
    }
  }
}

export function extractProtobuf(text: string): ExtractionResult {
  const source = tokenize(text, { blockComments: true, singleQuotes: true, pairs: [] });
  const reader = new ProtoReader(source);
  reader.readScope(0, source.tokens.length, undefined);
  return { format: 'protobuf', entities: reader.entities, problems: [...source.problems, ...reader.problems] };
}

/** Reads a token range as top-level or message-body declarations; one instance per file. */
class ProtoReader {
  readonly entities: ExtractedEntity[] = [];
  readonly problems: ExtractionProblem[] = [];
  private readonly tokens: readonly Token[];

  constructor(private readonly source: TokenizedSource) {
    this.tokens = source.tokens;
  }

  /** Declarations in `[from, to)`; `message` is the enclosing entity, or undefined at the top level. */
  readScope(from: number, to: number, message: ExtractedEntity | undefined): void {
    let i = from;
    while (i < to) {
      const token = this.tokens[i];
      const next = this.tokens[i + 1];
      if (token.text === ';') {
        i++;
      } else if (token.text === 'message' && next?.kind === 'ident' && this.tokens[i + 2]?.text === '{') {
        i = this.readMessage(i, to, message);
      } else if (SKIPPED_BLOCKS.has(token.text) && this.openBraceAfter(i, to) >= 0) {
        i = Math.min(matchingClose(this.tokens, this.openBraceAfter(i, to)), to) + 1;
      } else if (SKIPPED_STATEMENTS.has(token.text)) {
        i = this.statementEnd(i, to);
      } else if (message && token.text === 'oneof' && next?.kind === 'ident' && this.tokens[i + 2]?.text === '{') {
        const close = Math.min(matchingClose(this.tokens, i + 2), to);
        if (close === to) this.problems.push(at(token, `oneof ${next.text} has no closing brace`));
        this.readScope(i + 3, close, message);
        i = close + 1;
      } else if (message && token.kind === 'ident') {
        i = this.readField(i, to, message);
      } else {
        this.problems.push(at(token, `Unexpected ${describeToken(token)}${message ? ` in message ${message.name}` : ''}`));
        i = this.statementEnd(i, to);
      }
    }
  }

  /** `message Name { … }`: pushes the entity, then its nested messages; returns the index after `}`. */
  private readMessage(keywordIndex: number, to: number, parent: ExtractedEntity | undefined): number {
    const { comments } = this.source;
    const keyword = this.tokens[keywordIndex];
    const name = this.tokens[keywordIndex + 1];
    const around = [...comments.above(keyword.line), ...comments.trailing(keyword.line)];
    const entity: ExtractedEntity = {
      name: name.text,
      aliases: [],
      kind: 'message',
      description: docText(comments.above(keyword.line), comments.trailing(keyword.line)),
      comments: commentParts(around),
      line: name.line,
      column: name.column,
      fields: [],
    };
    if (parent) entity.parent = parent.name;
    this.entities.push(entity);

    const close = Math.min(matchingClose(this.tokens, keywordIndex + 2), to);
    if (close === to) this.problems.push(at(keyword, `message ${name.text} has no closing brace`));
    this.readScope(keywordIndex + 3, close, entity);
    return close + 1;
  }

  /**
   * `[label] type name = number [options];` or `map<K, V> name = number;`, or a proto2
   * `[label] group Name = number { … }` (a nested message). Returns the index after the field.
   */
  private readField(start: number, to: number, message: ExtractedEntity): number {
    const tokens = this.tokens;
    let i = start;
    if (FIELD_LABELS.has(tokens[i].text) && tokens[i + 1]?.kind === 'ident') i++;
    if (tokens[i].text === 'group' && tokens[i + 1]?.kind === 'ident') return this.readGroup(start, i, to, message);

    let typeEnd = i + 1;
    if (tokens[i].text === 'map' && tokens[i + 1]?.text === '<') {
      typeEnd = Math.min(matchingClose(tokens, i + 1), to - 1) + 1;
    } else {
      // Qualified names: `google.protobuf.Timestamp`, `.pkg.Msg`.
      while (tokens[typeEnd]?.text === '.' && tokens[typeEnd + 1]?.kind === 'ident') typeEnd += 2;
    }
    const name = tokens[typeEnd];
    // On a half-written line (`string` alone) the next line's first word is not this field's name.
    const sameStatement = name?.line === tokens[typeEnd - 1].line || tokens[typeEnd + 1]?.text === '=';
    if (typeEnd >= to || name?.kind !== 'ident' || !sameStatement) {
      this.problems.push(at(tokens[start], `Incomplete field in message ${message.name}`));
      return this.statementEnd(start, to);
    }

    const field: ExtractedField = {
      name: name.text,
      aliases: [],
      type: typeText(tokens.slice(start, typeEnd)),
      comments: [],
      line: name.line,
      column: name.column,
    };
    let next = typeEnd + 1;
    if (next < to && tokens[next].text === '=') next++;
    if (next < to && tokens[next].kind === 'number') next++;
    else this.problems.push(at(name, `Field ${name.text} has no number`));
    if (next < to && tokens[next].text === '[') {
      const close = matchingClose(tokens, next);
      if (close >= to) this.problems.push(at(tokens[next], `Unclosed \`[\` in the options of field ${name.text}`));
      this.readOptions(tokens.slice(next + 1, Math.min(close, to)), field);
      next = Math.min(close + 1, to);
    }
    let end = next;
    if (next < to && tokens[next].text === ';') end = next + 1;
    else this.problems.push(at(tokens[next - 1], `Missing \`;\` after field ${name.text}`));

    const lastLine = tokens[end - 1].line;
    const leading = this.source.comments.above(tokens[start].line);
    const trailing = this.source.comments.trailing(tokens[start].line, lastLine);
    field.description = docText(leading, trailing);
    field.comments = commentParts([...leading, ...trailing]);
    message.fields.push(field);
    return end;
  }

  /** A proto2 group declares a nested message and a field at once; the message carries its fields. */
  private readGroup(start: number, groupIndex: number, to: number, message: ExtractedEntity): number {
    const open = this.openBraceAfter(groupIndex, to);
    if (open < 0) {
      this.problems.push(at(this.tokens[start], `Incomplete group in message ${message.name}`));
      return this.statementEnd(start, to);
    }
    const name = this.tokens[groupIndex + 1];
    const entity: ExtractedEntity = {
      name: name.text,
      aliases: [],
      kind: 'message',
      comments: commentParts([...this.source.comments.above(this.tokens[start].line), ...this.source.comments.trailing(this.tokens[start].line)]),
      parent: message.name,
      line: name.line,
      column: name.column,
      fields: [],
    };
    this.entities.push(entity);
    const close = Math.min(matchingClose(this.tokens, open), to);
    this.readScope(open + 1, close, entity);
    return close + 1;
  }

  /** `default = …` becomes the default value, `json_name = "…"` an alias; custom options are ignored. */
  private readOptions(options: readonly Token[], field: ExtractedField): void {
    for (let i = 0; i + 2 < options.length; i++) {
      if (options[i + 1].text !== '=' || (i > 0 && options[i - 1].text !== ',')) continue;
      const value = options[i + 2];
      const negative = value.text === '-' && options[i + 3] ? `-${options[i + 3].text}` : undefined;
      if (options[i].text === 'default') field.defaultValue = value.kind === 'string' ? value.value : (negative ?? value.text);
      else if (options[i].text === 'json_name' && value.kind === 'string' && value.value !== field.name) field.aliases.push(value.value);
    }
  }

  /** Index of the `{` that opens the block of the declaration at `i`, or -1 if a `;` or the scope end comes first. */
  private openBraceAfter(i: number, to: number): number {
    for (let j = i + 1; j < to; j++) {
      if (this.tokens[j].text === '{') return j;
      if (this.tokens[j].text === ';' || this.tokens[j].text === '}') return -1;
    }
    return -1;
  }

  /**
   * Index after the statement starting at `i`: past its `;`, or at the first token of a later
   * line that is not inside brackets (so a forgotten `;` costs one line), or at a `}`.
   */
  private statementEnd(i: number, to: number): number {
    let depth = 0;
    for (let j = i; j < to; j++) {
      const text = this.tokens[j].text;
      if (depth === 0 && text === ';') return j + 1;
      if (depth === 0 && text === '}') return j === i ? j + 1 : j;
      if (depth === 0 && j > i && this.tokens[j].line > this.tokens[j - 1].line && !['=', ','].includes(this.tokens[j - 1].text)) return j;
      if (text === '{' || text === '[' || text === '(') depth++;
      else if (text === '}' || text === ']' || text === ')') depth = Math.max(0, depth - 1);
    }
    return to;
  }
}

/** The type as written, with spacing normalised: `repeated ShopSummary`, `map<string, int32>`. */
function typeText(tokens: readonly Token[]): string {
  let text = '';
  tokens.forEach((token, k) => {
    const previous = tokens[k - 1];
    const glued = !previous || token.text === '.' || previous.text === '.' || token.text === '<' || previous.text === '<' || token.text === '>' || token.text === ',';
    text += (glued ? '' : ' ') + token.text;
  });
  return text;
}

/** The protobuf convention: the leading comment documents a declaration; a trailing one does when there is none. */
function docText(leading: readonly PlacedComment[], trailing: readonly PlacedComment[]): string | undefined {
  return commentText(leading) ?? commentText(trailing);
}

function at(token: Token, message: string): ExtractionProblem {
  return { message, line: token.line, column: token.column };
}
