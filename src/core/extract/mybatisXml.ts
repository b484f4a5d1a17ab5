/**
 * MyBatis (and iBatis 2) mapper XML extractor. Each `<resultMap>` maps columns onto a Java
 * class, so it is an entity: named by the simple class name of its `type`, with the full type,
 * the resultMap id and the tables its statements read as aliases. Its `<id>`, `<result>`,
 * `<association>` and `<collection>` children are fields (property, with the column as alias);
 * an inline association or collection with results of its own is a nested entity. XML comments
 * on or just above an element are its comments, and the first that is not an annotation is its
 * description (`<!-- 身份证号 -->`).
 *
 * saxes is used because it reports offsets while parsing (so every element and comment gets a
 * line and column) and keeps going after well-formedness errors, which mapper files have
 * (`<if test="a < b">`, `&nbsp;` in SQL).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { LineIndex } from './lineIndex';
import type { ExtractedEntity, ExtractedField, ExtractionProblem, ExtractionResult, Extractor, SourceComment } from './model';
import { withoutStackTraces } from './withoutStackTraces';

const MAPPER_HEAD = /<mapper[\s>]|mybatis\.org\/\/DTD Mapper|mybatis-3-mapper\.dtd|<sqlMap[\s>]|ibatis\.apache\.org\/\/DTD SQL Map/i;
/** saxes reports every error; a badly broken file should not bury the result under them. */
const MAX_PROBLEMS = 50;
/** Statement text kept to find the table a resultMap is read from (the head of the SQL is enough). */
const MAX_STATEMENT_TEXT = 4000;

const SCALAR_ELEMENTS = new Set(['id', 'result', 'idArg', 'arg']);
const NESTING_ELEMENTS = new Set(['association', 'collection']);
/** Elements inside a resultMap whose children still belong to it. */
const TRANSPARENT_ELEMENTS = new Set(['constructor', 'discriminator', 'case']);
const STATEMENT_ELEMENTS = new Set(['select', 'insert', 'update', 'delete']);

export class MyBatisXmlExtractor implements Extractor {
  readonly format = 'mybatis-xml' as const;

  accepts(filePath: string, head: string): boolean {
    return /\.xml$/i.test(filePath) && MAPPER_HEAD.test(head);
  }

  extract(text: string, _filePath: string): Promise<ExtractionResult> {
    const reader = new MapperReader(text);
    const { entities, problems } = reader.read();
    return Promise.resolve({ format: this.format, entities, problems });
  }
}

/** An element being read, and the entity its children's fields go to. */
interface Frame {
  name: string;
  entity?: ExtractedEntity;
  /** The entity this element created (resultMap, inline association), if any. */
  created?: ExtractedEntity;
  statement?: MappedStatement;
}

/** A `<select>`/`<insert>`/`<update>`/`<delete>`, kept to learn which table a resultMap reads. */
interface MappedStatement {
  kind: string;
  resultMaps: string[];
  resultType?: string;
  parameterType?: string;
  text: string;
}

interface XmlComment {
  comment: SourceComment;
  endLine: number;
}

/** Where a comment on the same line as an element's end goes. */
interface TrailingTarget {
  target: ExtractedEntity | ExtractedField;
  line: number;
}

class MapperReader {
  private readonly lines: LineIndex;
  private readonly entities: ExtractedEntity[] = [];
  private readonly problems: ExtractionProblem[] = [];
  private readonly stack: Frame[] = [];
  private readonly statements: MappedStatement[] = [];
  private pending: XmlComment[] = [];
  private trailing: TrailingTarget | undefined;
  private tagStart = 0;
  private droppedProblems = 0;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
  }

  read(): { entities: ExtractedEntity[]; problems: ExtractionProblem[] } {
    const parser = new SaxesParser({ xmlns: false, position: true } as const);
    parser.on('opentagstart', () => {
      this.tagStart = Math.max(0, this.text.lastIndexOf('<', parser.position - 1));
    });
    parser.on('opentag', (tag) => this.open(tag, parser.position));
    parser.on('closetag', (tag) => this.close(tag));
    parser.on('comment', (comment) => this.comment(comment, parser.position));
    parser.on('text', (text) => this.appendText(text));
    parser.on('cdata', (text) => this.appendText(text));
    // saxes prefixes its messages with `line:column:`; the problem carries the position itself.
    parser.on('error', (error) => this.problem(`XML: ${error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}`, parser.position));
    try {
      withoutStackTraces(() => parser.write(this.text).close());
    } catch (error) {
      // saxes keeps going after errors when a handler is set; anything else is a defect worth reporting.
      this.problem(`XML reading stopped: ${error instanceof Error ? error.message : String(error)}`, parser.position);
    }
    if (this.droppedProblems > 0) {
      this.problems.push({ message: `${this.droppedProblems} more XML errors not listed.`, line: 1, column: 1 });
    }
    this.linkTables();
    return { entities: this.entities, problems: this.problems };
  }

  private open(tag: SaxesTagPlain, endOffset: number): void {
    const name = localName(tag.name);
    const position = this.lines.position(this.tagStart);
    const leading = this.takeComments(position.line);
    const parent = this.stack[this.stack.length - 1];
    const frame: Frame = { name };
    const attributes = tag.attributes;
    const endLine = this.lines.position(Math.max(this.tagStart, endOffset - 1)).line;
    this.trailing = undefined;

    if (name === 'resultMap') {
      frame.entity = frame.created = this.addResultMap(attributes, position, leading);
      this.trailing = { target: frame.entity, line: endLine };
    } else if (parent?.entity && (SCALAR_ELEMENTS.has(name) || NESTING_ELEMENTS.has(name))) {
      const field = this.addField(parent.entity, name, attributes, position, leading);
      if (field) this.trailing = { target: field, line: endLine };
      if (NESTING_ELEMENTS.has(name) && !tag.isSelfClosing && attributes.resultMap === undefined) {
        frame.entity = frame.created = this.addNested(parent.entity, attributes, position);
      }
    } else if (parent?.entity && TRANSPARENT_ELEMENTS.has(name)) {
      frame.entity = parent.entity;
    } else if (STATEMENT_ELEMENTS.has(name)) {
      frame.statement = {
        kind: name,
        resultMaps: (attributes.resultMap ?? '').split(',').map((id) => id.trim()).filter(Boolean),
        resultType: attributes.resultType ?? attributes.resultClass,
        parameterType: attributes.parameterType ?? attributes.parameterClass,
        text: '',
      };
      this.statements.push(frame.statement);
    } else if (parent?.statement) {
      frame.statement = parent.statement;
    }
    this.stack.push(frame);
  }

  private close(tag: SaxesTagPlain): void {
    const frame = this.stack.pop();
    this.pending = [];
    if (!tag.isSelfClosing) this.trailing = undefined;
    // An inline association whose children were not results is just a field of its parent.
    if (frame?.created && frame.name !== 'resultMap' && frame.created.fields.length === 0) {
      this.entities.splice(this.entities.indexOf(frame.created), 1);
    }
  }

  private comment(body: string, endOffset: number): void {
    const start = Math.max(0, this.text.lastIndexOf('<!--', endOffset - 1));
    const comment: SourceComment = { text: commentText(body), ...this.lines.position(start) };
    const endLine = this.lines.position(Math.max(start, endOffset - 1)).line;
    if (this.trailing && comment.line === this.trailing.line) {
      const target = this.trailing.target;
      target.comments.push(comment);
      target.description ??= descriptionOf([comment]);
      return;
    }
    this.pending.push({ comment, endLine });
  }

  private appendText(text: string): void {
    const statement = this.stack[this.stack.length - 1]?.statement;
    if (statement && statement.text.length < MAX_STATEMENT_TEXT) statement.text += text;
  }

  /** The comments just above `line` (no blank line in between); the others are dropped. */
  private takeComments(line: number): SourceComment[] {
    const block: SourceComment[] = [];
    let anchor = line;
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const { comment, endLine } = this.pending[i];
      if (endLine < anchor - 1) break;
      block.unshift(comment);
      anchor = comment.line;
    }
    this.pending = [];
    return block.filter((comment) => comment.text !== '');
  }

  private addResultMap(attributes: Record<string, string>, position: { line: number; column: number }, comments: SourceComment[]): ExtractedEntity {
    const type = attributes.type ?? attributes.class;
    const id = attributes.id;
    const name = simpleName(type) ?? id ?? 'resultMap';
    const entity: ExtractedEntity = {
      name,
      aliases: unique([type, id].filter((alias): alias is string => alias !== undefined && alias !== name)),
      kind: 'class',
      description: descriptionOf(comments),
      comments,
      ...position,
      fields: [],
    };
    this.entities.push(entity);
    return entity;
  }

  private addNested(parent: ExtractedEntity, attributes: Record<string, string>, position: { line: number; column: number }): ExtractedEntity {
    const type = attributes.ofType ?? attributes.javaType;
    const name = simpleName(type) ?? attributes.property ?? 'nested';
    const entity: ExtractedEntity = {
      name,
      aliases: type !== undefined && type !== name ? [type] : [],
      kind: 'class',
      comments: [],
      parent: parent.name,
      ...position,
      fields: [],
    };
    this.entities.push(entity);
    return entity;
  }

  private addField(
    entity: ExtractedEntity,
    element: string,
    attributes: Record<string, string>,
    position: { line: number; column: number },
    comments: SourceComment[],
  ): ExtractedField | undefined {
    const column = attributes.column?.trim();
    const name = attributes.property ?? attributes.name ?? column;
    if (name === undefined || name === '') {
      this.problem(`<${element}> in resultMap ${entity.name} has neither property nor column.`, this.tagStart);
      return undefined;
    }
    // A composite column (`{id=user_id}`) is not a column name.
    const aliases = column && column !== name && !/[{},=]/.test(column) ? [column] : [];
    const type = NESTING_ELEMENTS.has(element)
      ? (attributes.ofType ?? attributes.javaType ?? attributes.resultMap)
      : (attributes.jdbcType ?? attributes.javaType);
    const field: ExtractedField = { name, aliases, type, description: descriptionOf(comments), comments, ...position };
    entity.fields.push(field);
    return field;
  }

  /** Adds to each resultMap the table its statements read (`select … from crm_customer`). */
  private linkTables(): void {
    // Top-level entities by every name a statement may use for them (kept up to date as tables
    // are added): one lookup per statement rather than a pass over every entity, and a statement
    // repeated word for word is looked at once. A 5 MB mapper of 4,000 result maps and statements
    // took 22 s before.
    const byName = new Map<string, Set<ExtractedEntity>>();
    const index = (name: string, entity: ExtractedEntity): void => {
      const entities = byName.get(name) ?? new Set<ExtractedEntity>();
      entities.add(entity);
      byName.set(name, entities);
    };
    for (const entity of this.entities) {
      if (entity.parent !== undefined) continue;
      for (const name of [entity.name, ...entity.aliases]) index(name, entity);
    }
    const seen = new Set<string>();
    for (const statement of this.statements) {
      const table = mainTable(statement.kind, statement.text);
      if (!table) continue;
      const types = [statement.resultType, statement.parameterType].filter((type): type is string => type !== undefined);
      const names = statement.kind === 'select' ? [...statement.resultMaps, ...types] : types;
      const key = JSON.stringify([table, names]);
      if (seen.has(key)) continue;
      seen.add(key);
      for (const entity of new Set(names.flatMap((name) => [...(byName.get(name) ?? [])]))) {
        if (entity.aliases.some((alias) => alias.toLowerCase() === table.toLowerCase())) continue;
        entity.aliases.push(table);
        index(table, entity);
      }
    }
  }

  private problem(message: string, offset: number): void {
    if (this.problems.length >= MAX_PROBLEMS) {
      this.droppedProblems++;
      return;
    }
    this.problems.push({ message, ...this.lines.position(Math.min(offset, this.text.length)) });
  }
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** `com.x.FinanceVoucher` → `FinanceVoucher`; `Outer$Inner` → `Inner`. */
function simpleName(type: string | undefined): string | undefined {
  const trimmed = type?.trim();
  if (!trimmed) return undefined;
  return trimmed.slice(Math.max(trimmed.lastIndexOf('.'), trimmed.lastIndexOf('$')) + 1) || trimmed;
}

function commentText(body: string): string {
  return body
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

/** The human text of the comments: `@pi` and other `@` annotations are not a description. */
function descriptionOf(comments: SourceComment[]): string | undefined {
  const text = comments
    .map((comment) => comment.text)
    .filter((text) => text !== '' && !text.startsWith('@'))
    .join(' ');
  return text === '' ? undefined : text;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const TABLE_NAME = '[`"\\[]?([A-Za-z_\\u0080-\\uffff][\\w$\\u0080-\\uffff]*)[`"\\]]?';
const QUALIFIED_TABLE = `(?:${TABLE_NAME}\\.)?${TABLE_NAME}`;
const TABLE_PATTERNS: Record<string, RegExp> = {
  select: new RegExp(`\\bfrom\\s+${QUALIFIED_TABLE}`, 'i'),
  insert: new RegExp(`\\binsert\\s+(?:ignore\\s+)?into\\s+${QUALIFIED_TABLE}`, 'i'),
  update: new RegExp(`\\bupdate\\s+${QUALIFIED_TABLE}`, 'i'),
  delete: new RegExp(`\\bdelete\\s+from\\s+${QUALIFIED_TABLE}`, 'i'),
};

/** The first table a statement names (without schema); undefined for `${table}` placeholders and subqueries. */
function mainTable(kind: string, sql: string): string | undefined {
  const match = TABLE_PATTERNS[kind]?.exec(sql);
  return match ? (match[2] ?? match[1]) : undefined;
}
