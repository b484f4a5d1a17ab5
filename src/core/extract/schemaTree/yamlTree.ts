import { Composer, isAlias, isNode, isMap, isScalar, isSeq, Parser, Scalar, visit, type Alias, type Document, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { CommentPlacement, commentParts, placeComment, type PlacedComment } from '../commentPlacement';
import { LineIndex } from '../lineIndex';
import { withoutStackTraces } from '../withoutStackTraces';
import type { ExtractionProblem } from '../model';
import type { ParsedTree, ScalarValue, TreeMember, TreeNode, TreePosition } from './positionedTree';

/** Nesting beyond this is not a schema a person wrote; deeper nodes are left out. */
const MAX_DEPTH = 200;
/**
 * Aliases are expanded into copies, which a hostile file can make exponential (`&a [*b, *b]`…);
 * past this many nodes in one document aliases are no longer expanded.
 */
const MAX_NODES = 200_000;
/** Syntax errors listed one by one; more are counted in one problem. */
const MAX_SYNTAX_PROBLEMS = 20;

/**
 * YAML (every document of the stream) as a positioned tree. `#` comments come from the CST
 * tokens, which carry offsets, where the Document API keeps only their text.
 */
export function yamlTree(original: string): ParsedTree {
  // The yaml lexer does not end a line at a lone \r (a mixed file); same length, so offsets hold.
  const text = original.replace(/\r(?!\n)/g, '\n');
  const index = new LineIndex(text);
  const { tokens, documents } = withoutStackTraces(() => {
    const cst = Array.from(new Parser().parse(text));
    return { tokens: cst, documents: Array.from(new Composer({ uniqueKeys: false }).compose(cst, true, text.length)) };
  });
  const comments = new CommentPlacement(cstComments(tokens, text, index));
  const problems: ExtractionProblem[] = [];
  const roots: TreeNode[] = [];
  let syntaxErrors = 0;
  for (const document of documents) {
    for (const error of document.errors) {
      // A binary or badly damaged file makes an error every few bytes: the first ones say enough.
      if (syntaxErrors++ >= MAX_SYNTAX_PROBLEMS) continue;
      // What follows `: ` in a yaml message can be source text (a block scalar header), which may be PI.
      problems.push({ message: `YAML: ${error.message.split('\n')[0].split(': ')[0]}`, ...index.position(error.pos[0]) });
    }
    if (document.contents) roots.push(new YamlConverter(document, text, index, comments, problems).node(document.contents, 0));
  }
  if (syntaxErrors > MAX_SYNTAX_PROBLEMS) {
    problems.push({ message: `YAML: ${syntaxErrors - MAX_SYNTAX_PROBLEMS} more syntax errors not listed`, line: 1, column: 1 });
  }
  return { roots, problems };
}

/** Every comment token anywhere in the CST. */
function cstComments(tokens: readonly unknown[], text: string, index: LineIndex): PlacedComment[] {
  const found: PlacedComment[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'comment' && typeof record.offset === 'number' && typeof record.source === 'string') {
        found.push(placeComment(text, index, record.offset, record.offset + record.source.length));
      } else {
        Object.values(record).forEach(visit);
      }
    }
  };
  visit(tokens);
  return found.sort((a, b) => a.line - b.line);
}

class YamlConverter {
  /** Collections on the current path: an alias to one of them is a cycle. */
  private readonly path = new Set<unknown>();
  private nodes = 0;
  private truncated = false;
  private readonly aliasTargets: ReadonlyMap<Alias, YamlNode | undefined>;

  constructor(
    document: Document.Parsed,
    private readonly text: string,
    private readonly index: LineIndex,
    private readonly comments: CommentPlacement,
    private readonly problems: ExtractionProblem[],
  ) {
    this.aliasTargets = aliasTargets(document);
  }

  node(node: unknown, depth: number): TreeNode {
    const position = this.position(node);
    this.nodes++;
    if (depth > MAX_DEPTH) return this.leftOut(position, `YAML nesting deeper than ${MAX_DEPTH} levels; not read further`);
    if (isAlias(node)) {
      const target = this.aliasTargets.get(node);
      if (!target) return { kind: 'scalar', position, value: null };
      if (this.path.has(target)) return this.leftOut(position, `YAML alias *${node.source} refers to its own ancestor; not expanded`);
      if (this.nodes > MAX_NODES) return this.leftOut(position, `YAML aliases expand past ${MAX_NODES} nodes; not expanded further`);
      return this.node(target, depth + 1);
    }
    if (isMap(node) || isSeq(node)) {
      this.path.add(node);
      const collection = this.collection(node, position, depth);
      this.path.delete(node);
      return collection;
    }
    if (isScalar(node)) return { kind: 'scalar', position, value: scalarValue(node.value) };
    return { kind: 'scalar', position, value: null };
  }

  private collection(node: YAMLMap | YAMLSeq, position: TreePosition, depth: number): TreeNode {
    if (isMap(node)) {
      const members: TreeMember[] = [];
      for (const pair of node.items) {
        const keyPosition = this.position(pair.key);
        const key = isScalar(pair.key) ? String(pair.key.value) : this.complexKey(pair.key);
        const value: TreeNode = pair.value ? this.node(pair.value, depth + 1) : { kind: 'scalar', position: keyPosition, value: null };
        // YAML 1.1 merge keys (`<<: *base`) are common in hand-written OpenAPI files.
        if (key === '<<' && value.kind !== 'scalar') {
          const merged = value.kind === 'object' ? [value] : value.items;
          for (const source of merged) if (source.kind === 'object') members.push(...source.members);
          continue;
        }
        members.push({
          key,
          keyPosition,
          value,
          comments: commentParts([...this.comments.above(keyPosition.line), ...this.comments.trailing(keyPosition.line)]),
        });
      }
      return { kind: 'object', position, members };
    }
    return { kind: 'array', position, items: node.items.map((item) => this.node(item, depth + 1)) };
  }

  /**
   * A mapping or sequence used as a key (`? {a: 1}`, or `{{{…` in a broken file) is no property
   * name: its source text stands for it. Stringifying it with the yaml library costs time
   * exponential in its nesting.
   */
  private complexKey(key: unknown): string {
    const range = (key as YamlNode | null | undefined)?.range;
    return range ? this.text.slice(range[0], Math.min(range[1], range[0] + 80)) : '';
  }

  /** A null in place of what is not read, with one problem per document saying why. */
  private leftOut(position: TreePosition, message: string): TreeNode {
    if (!this.truncated) this.problems.push({ message, ...position });
    this.truncated = true;
    return { kind: 'scalar', position, value: null };
  }

  /** Start of the node; inside the quotes for a quoted scalar. */
  private position(node: unknown): TreePosition {
    const range = (node as YamlNode | null | undefined)?.range;
    if (!range) return { line: 1, column: 1 };
    const quoted = isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE);
    return this.index.position(range[0] + (quoted ? 1 : 0));
  }
}

/**
 * What every alias of a document stands for: the last node anchored with its name before it, as
 * yaml's `Alias.resolve` has it. Found in one walk; `resolve` walks the whole document for every
 * alias it is asked about, and expanding a bomb asks hundreds of thousands of times (1 KB: 19 s).
 */
function aliasTargets(document: Document.Parsed): Map<Alias, YamlNode | undefined> {
  const targets = new Map<Alias, YamlNode | undefined>();
  const anchored = new Map<string, YamlNode>();
  visit(document, {
    Node: (_key, node) => {
      if (isAlias(node)) targets.set(node, anchored.get(node.source));
      else if (isNode(node) && node.anchor) anchored.set(node.anchor, node);
    },
  });
  return targets;
}

function scalarValue(value: unknown): ScalarValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // The core schema yields only the types above (and bigint with `intAsBigInt`); custom tags keep strings.
  return typeof value === 'bigint' ? value.toString() : null;
}
