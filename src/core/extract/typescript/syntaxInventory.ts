import type { Node } from 'web-tree-sitter';

/** The node types the readers start from; everything else is reached from these. */
const STARTING_POINTS = new Set([
  'comment',
  'variable_declarator',
  'class_declaration',
  'abstract_class_declaration',
  'class',
  'interface_declaration',
  'type_alias_declaration',
  'call_expression',
  'new_expression',
  'ERROR',
]);

/**
 * The starting-point nodes of a file, found in one tree-cursor pass in document order. A cursor
 * only materializes the nodes we keep, which matters on big files: building a JS object for every
 * node of the tree costs more than parsing it.
 */
export class SyntaxInventory {
  private readonly found: { type: string; node: Node }[] = [];

  constructor(root: Node) {
    const cursor = root.walk();
    try {
      for (;;) {
        const type = cursor.nodeType;
        if (cursor.nodeIsNamed && STARTING_POINTS.has(type)) this.found.push({ type, node: cursor.currentNode });
        if (cursor.gotoFirstChild()) continue;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return;
        }
      }
    } finally {
      cursor.delete();
    }
  }

  /** Nodes of the given types, in document order. */
  ofType(...types: string[]): Node[] {
    return this.found.filter((entry) => types.includes(entry.type)).map((entry) => entry.node);
  }
}
