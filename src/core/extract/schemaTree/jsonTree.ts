import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import { CommentPlacement, commentParts, placeComment, type PlacedComment } from '../commentPlacement';
import { LineIndex } from '../lineIndex';
import type { ParsedTree, TreeMember, TreeNode, TreePosition } from './positionedTree';

/**
 * JSON (and JSONC, with comments and trailing commas) as a positioned tree. jsonc-parser keeps
 * reading past errors, so a truncated file still yields every property written before the cut.
 */
const MAX_PROBLEMS = 50;

export function jsonTree(text: string): ParsedTree {
  const index = new LineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true });
  // One cut-off often yields several errors at the same offset; the first says what happened.
  const seenOffsets = new Set<number>();
  const firstAtOffset = errors.filter((e) => !seenOffsets.has(e.offset) && seenOffsets.add(e.offset));
  // A damaged file can hold an error per token; the first ones say what is wrong.
  const problems = firstAtOffset.slice(0, MAX_PROBLEMS).map((e) => ({ message: `JSON: ${printParseErrorCode(e.error)}`, ...index.position(e.offset) }));
  if (firstAtOffset.length > MAX_PROBLEMS) problems.push({ message: `${firstAtOffset.length - MAX_PROBLEMS} more JSON errors not listed.`, line: 1, column: 1 });
  const converter = new JsonConverter(index, new CommentPlacement(jsonComments(text, index)));
  return { roots: root ? [converter.node(root)] : [], problems };
}

function jsonComments(text: string, index: LineIndex): PlacedComment[] {
  const comments: PlacedComment[] = [];
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      const start = scanner.getTokenOffset();
      comments.push(placeComment(text, index, start, start + scanner.getTokenLength()));
    }
  }
  return comments;
}

class JsonConverter {
  constructor(
    private readonly index: LineIndex,
    private readonly comments: CommentPlacement,
  ) {}

  node(node: Node): TreeNode {
    const position = this.position(node);
    switch (node.type) {
      case 'object':
        return { kind: 'object', position, members: (node.children ?? []).flatMap((p) => this.member(p)) };
      case 'array':
        return { kind: 'array', position, items: (node.children ?? []).map((c) => this.node(c)) };
      default:
        return { kind: 'scalar', position, value: scalarValue(node.value) };
    }
  }

  /** A property; one cut off after its key (`"mobile":` at the end of the file) keeps its key with a null value. */
  private member(property: Node): TreeMember[] {
    const [key, value] = property.children ?? [];
    if (key?.type !== 'string' || typeof key.value !== 'string') return [];
    const keyPosition = this.position(key);
    return [
      {
        key: key.value,
        keyPosition,
        value: value ? this.node(value) : { kind: 'scalar', position: keyPosition, value: null },
        comments: commentParts([...this.comments.above(keyPosition.line), ...this.comments.trailing(keyPosition.line)]),
      },
    ];
  }

  private position(node: Node): TreePosition {
    return this.index.position(node.type === 'string' ? node.offset + 1 : node.offset);
  }
}

function scalarValue(value: unknown): string | number | boolean | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}
