/**
 * GraphQL SDL extractor (`.graphql`, `.gql`): object types, input types and interfaces (and
 * their `extend` forms) with their fields. Root operation types (Query, Mutation, Subscription)
 * declare operations, not stored data, and are skipped; so are enums, unions and scalars.
 *
 * Parsed with `graphql`'s own parser. It skips `#` comments, so those come from a scan of the
 * source (`graphqlSourceScan.ts`); when it rejects a half-written file, the definitions are
 * parsed one by one and broken lines are stepped over (`graphqlRecovery.ts`).
 */
import {
  Kind,
  TokenKind,
  type ConstValueNode,
  type DefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type Location,
} from 'graphql';
import { CommentPlacement, commentParts } from './commentPlacement';
import { isFieldContainer, parseTolerantly, type FieldContainer } from './graphqlRecovery';
import { scanGraphqlSource } from './graphqlSourceScan';
import { LineIndex } from './lineIndex';
import type { ExtractedEntity, ExtractedField, ExtractionProblem, ExtractionResult, Extractor } from './model';

const DEFAULT_ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];

export class GraphqlExtractor implements Extractor {
  readonly format = 'graphql' as const;

  accepts(filePath: string, _head?: string): boolean {
    return /\.(graphql|graphqls|gql)$/i.test(filePath);
  }

  extract(text: string, _filePath?: string): Promise<ExtractionResult> {
    try {
      return Promise.resolve(extractGraphql(text));
    } catch (error) {
      return Promise.resolve({
        format: this.format,
        entities: [],
        problems: [{ message: `GraphQL extractor failed: ${String(error)}`, line: 1, column: 1 }],
      });
    }
  }
}

export function extractGraphql(text: string): ExtractionResult {
  const index = new LineIndex(text);
  const scan = scanGraphqlSource(text, index);
  const { definitions, failures } = parseTolerantly(text, scan.definitionStarts);
  const problems: ExtractionProblem[] = failures.map((f) => ({ message: `GraphQL syntax error: ${f.message}`, ...index.position(f.offset) }));
  const converter = new EntityConverter(text, index, new CommentPlacement(scan.comments));

  const rootTypes = new Set(rootTypeNames(definitions.map((d) => d.node)));
  const entities: ExtractedEntity[] = [];
  const byName = new Map<string, ExtractedEntity>();
  for (const { node, base } of definitions) {
    if (!isFieldContainer(node) || rootTypes.has(node.name.value)) continue;
    const fields = (node.fields ?? []).map((f) => converter.field(f, base));
    const existing = byName.get(node.name.value);
    if (existing && isExtension(node)) {
      existing.fields.push(...fields);
      continue;
    }
    const entity = converter.entity(node, base, fields);
    byName.set(entity.name, entity);
    entities.push(entity);
  }
  return { format: 'graphql', entities, problems };
}

function isExtension(node: FieldContainer): boolean {
  return node.kind === Kind.OBJECT_TYPE_EXTENSION || node.kind === Kind.INTERFACE_TYPE_EXTENSION || node.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION;
}

/** The operation types named in `schema { query: … }`, or the default names when there is no schema block. */
function rootTypeNames(definitions: readonly DefinitionNode[]): string[] {
  const named = definitions.flatMap((d) =>
    d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION ? (d.operationTypes ?? []).map((o) => o.type.name.value) : [],
  );
  return named.length > 0 ? named : DEFAULT_ROOT_TYPES;
}

/** Turns parsed definitions into entities, with positions, comments and the type text as written. */
class EntityConverter {
  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
    private readonly comments: CommentPlacement,
  ) {}

  entity(node: FieldContainer, base: number, fields: ExtractedField[]): ExtractedEntity {
    const name = this.index.position(base + (node.name.loc?.start ?? 0));
    const entity: ExtractedEntity = {
      name: node.name.value,
      aliases: [],
      kind: 'type',
      comments: this.commentsAround(node.loc, name.line, base),
      ...name,
      fields,
    };
    const description = 'description' in node ? node.description?.value : undefined;
    if (description) entity.description = description;
    return entity;
  }

  field(node: FieldDefinitionNode | InputValueDefinitionNode, base: number): ExtractedField {
    const name = this.index.position(base + (node.name.loc?.start ?? 0));
    const field: ExtractedField = {
      name: node.name.value,
      aliases: [],
      type: this.sourceOf(node.type.loc, base),
      comments: this.commentsAround(node.loc, name.line, base),
      ...name,
    };
    if (node.description?.value) field.description = node.description.value;
    const defaultValue = node.kind === Kind.INPUT_VALUE_DEFINITION && node.defaultValue ? this.literal(node.defaultValue, base) : undefined;
    if (defaultValue !== undefined) field.defaultValue = defaultValue;
    return field;
  }

  /**
   * `#` comments just above the node (above its description too), between its description and
   * its name, and trailing any of its lines (`type X { # …`, `name: String # …`).
   */
  private commentsAround(loc: Location | undefined, nameLine: number, base: number) {
    if (!loc) return [];
    const startLine = this.index.position(base + loc.start).line;
    const headerEnd = Math.max(nameLine, this.lineOfFirstBraceOrEnd(loc, base));
    return commentParts([
      ...this.comments.above(startLine),
      ...this.comments.aloneBetween(startLine, nameLine),
      ...this.comments.trailing(nameLine, headerEnd),
    ]);
  }

  /** For a type, the line of its `{` (its fields' comments are theirs); for a field, its last line. */
  private lineOfFirstBraceOrEnd(loc: Location, base: number): number {
    let token = loc.startToken;
    while (token !== loc.endToken && token.kind !== TokenKind.BRACE_L && token.next) token = token.next;
    return this.index.position(base + (token.kind === TokenKind.BRACE_L ? token.start : loc.end - 1)).line;
  }

  private literal(value: ConstValueNode, base: number): string | undefined {
    switch (value.kind) {
      case Kind.STRING:
        return value.value;
      case Kind.NULL:
        return undefined;
      case Kind.INT:
      case Kind.FLOAT:
      case Kind.ENUM:
        return value.value;
      case Kind.BOOLEAN:
        return String(value.value);
      default:
        return this.sourceOf(value.loc, base);
    }
  }

  private sourceOf(loc: Location | undefined, base: number): string | undefined {
    return loc ? this.text.slice(base + loc.start, base + loc.end) : undefined;
  }
}
