import type { Node } from 'web-tree-sitter';
import { descendantsOfTypes, typedDescendantsOfTypes, type TypedNode } from './descendantsOfTypes';

/**
 * The nodes of every type a reader looks for across the whole file, found in one walk. Each walk
 * of a tree visits every node (in WebAssembly, but still most of the cost of reading a small file),
 * and a reader asks for three or four sets (comments, declarations, constants, ERROR nodes); one
 * walk for their union, split by type here, gives each set exactly as its own walk would: the same
 * nodes in the same document order.
 */
export class SyntaxIndex {
  private readonly found: readonly TypedNode[];
  private readonly indexed: ReadonlySet<string>;

  constructor(private readonly root: Node, types: readonly string[]) {
    this.indexed = new Set(types);
    this.found = typedDescendantsOfTypes(root, [...this.indexed]);
  }

  /** `descendantsOfTypes(root, types)`; a type that was not indexed costs a walk of its own. */
  of(types: readonly string[]): Node[] {
    if (!types.every((type) => this.indexed.has(type))) return descendantsOfTypes(this.root, types);
    const wanted = new Set(types);
    const nodes: Node[] = [];
    for (const { type, node } of this.found) {
      if (wanted.has(type)) nodes.push(node);
    }
    return nodes;
  }
}
