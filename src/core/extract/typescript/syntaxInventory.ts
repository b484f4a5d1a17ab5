import type { Node } from 'web-tree-sitter';
import { descendantsOfTypes } from '../treeSitter/syntaxHelpers';

/** The node types the readers start from; everything else is reached from these. */
const STARTING_POINTS = [
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
];

/**
 * The starting-point nodes of a file, found in one walk in document order. The walk
 * (`descendantsOfTypes`) only builds JS objects for the nodes kept, which matters on big files:
 * building a JS object for every node of the tree costs more than parsing it.
 */
export class SyntaxInventory {
  private readonly found: { type: string; node: Node }[];

  constructor(root: Node) {
    this.found = descendantsOfTypes(root, STARTING_POINTS).map((node) => ({ type: node.type, node }));
  }

  /** Nodes of the given types, in document order. */
  ofType(...types: string[]): Node[] {
    return this.found.filter((entry) => types.includes(entry.type)).map((entry) => entry.node);
  }
}
