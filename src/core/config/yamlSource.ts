import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { KeyPath } from './keyPath';

/** A problem in a YAML source, located by line and column (1-based) and key path. */
export interface YamlProblem {
  line: number;
  column: number;
  path: KeyPath;
  message: string;
  severity: 'error' | 'warning';
}

export interface YamlSource {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain value with aliases expanded; `undefined` when the text could not be read. */
  value: unknown;
  problems: YamlProblem[];
}

export interface YamlSourceOptions {
  /** Alias expansions allowed before the text is refused as a YAML bomb (`yaml`'s `maxAliasCount`). */
  maxAliasCount: number;
}

/**
 * Parses YAML with positions kept, so every later problem (schema, semantics) can name a line.
 * Never throws: syntax errors, duplicate keys and alias bombs come back as problems.
 */
export function parseYamlSource(text: string, options: YamlSourceOptions): YamlSource {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The yaml parser recurses per nesting level: `: : : …` a million times deep overflows the stack.
    if (!(error instanceof RangeError)) throw error;
    const empty = parseDocument('', { lineCounter: new LineCounter() });
    return { doc: empty, lineCounter, value: undefined, problems: [{ line: 1, column: 1, path: [], message: 'nested too deeply to be read (a damaged file?)', severity: 'error' }] };
  }
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const problems: YamlProblem[] = [];
  // After the first syntax error the parser's later complaints mostly follow from it: show the first, count the rest.
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  if (errors.length > 0) {
    const more = errors.length - 1;
    const suffix = more > 0 ? ` (${more} more syntax error${more === 1 ? '' : 's'} after this one may follow from it)` : '';
    problems.push({ ...at(errors[0].pos[0]), path: [], message: firstLine(errors[0].message) + suffix, severity: 'error' });
  }
  for (const warning of doc.warnings) {
    problems.push({ ...at(warning.pos[0]), path: [], message: firstLine(warning.message), severity: 'warning' });
  }
  if (problems.some((p) => p.severity === 'error')) return { doc, lineCounter, value: undefined, problems };
  try {
    const value: unknown = doc.toJS({ maxAliasCount: options.maxAliasCount });
    return { doc, lineCounter, value, problems };
  } catch (error) {
    const alias = firstAliasOffset(doc.contents);
    const message = error instanceof ReferenceError
      ? `too many aliases (more than ${options.maxAliasCount} expansions); refused as a possible YAML bomb`
      : `cannot read the YAML: ${error instanceof Error ? error.message : String(error)}`;
    problems.push({ ...at(alias ?? 0), path: [], message, severity: 'error' });
    return { doc, lineCounter, value: undefined, problems };
  }
}

/** The node at a key path, and the pair whose value it is (for pointing at the key itself). */
export function nodeAtPath(doc: Document, path: KeyPath): { node: Node | null; pair?: Pair; depth: number } {
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    let nextPair: Pair | undefined;
    if (isSeq(node)) {
      next = node.items[Number(segment)];
    } else if (isMap(node)) {
      nextPair = node.items.find((item) => keyText(item.key) === String(segment));
      next = nextPair?.value;
    }
    if (next === undefined && nextPair === undefined) break;
    node = next;
    pair = nextPair;
    depth++;
  }
  return { node: isNodeLike(node) ? node : null, pair, depth };
}

/** Offset of the node at `path` (or of its key when `atKey`), falling back to the deepest ancestor found. */
export function offsetOfPath(doc: Document, path: KeyPath, atKey = false): number {
  const found = nodeAtPath(doc, path);
  if (found.depth === path.length) {
    const keyNode = found.pair?.key;
    if (atKey && isNodeLike(keyNode) && keyNode.range) return keyNode.range[0];
    if (found.node?.range) return found.node.range[0];
    if (isNodeLike(keyNode) && keyNode.range) return keyNode.range[0];
  }
  // The path goes deeper than the document (a missing key): point at the deepest part that exists.
  return found.node?.range?.[0] ?? 0;
}

export function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function isNodeLike(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function firstAliasOffset(node: unknown): number | undefined {
  if (isAlias(node)) return node.range?.[0];
  if (isSeq(node)) {
    for (const item of node.items) {
      const found = firstAliasOffset(item);
      if (found !== undefined) return found;
    }
  }
  if (isMap(node)) {
    for (const item of node.items) {
      const found = firstAliasOffset(item.key) ?? firstAliasOffset(item.value);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** `yaml` appends "at line 3, column 5" and a source excerpt; we print the position ourselves. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
