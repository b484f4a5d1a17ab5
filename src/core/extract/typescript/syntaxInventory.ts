import type { Node } from 'web-tree-sitter';
import { descendantsOfTypes, typedDescendantsOfTypes, type TypedNode } from '../treeSitter/descendantsOfTypes';

/** The node types the readers start from; everything else is reached from these. */
const STARTING_POINTS = [
  'comment',
  'variable_declarator',
  'class_declaration',
  'abstract_class_declaration',
  'class',
  'interface_declaration',
  'type_alias_declaration',
  'ERROR',
];
/** Where the readers of calls (Sequelize, Mongoose, `EntitySchema`) start. */
const CALLS = ['call_expression', 'new_expression'];

/**
 * The starting-point nodes of a file, found in one walk in document order. The walk
 * (`descendantsOfTypes`) only builds JS objects for the nodes kept, which matters on big files:
 * building a JS object for every node of the tree costs more than parsing it.
 */
export class SyntaxInventory {
  private readonly found: TypedNode[];
  private readonly collected: ReadonlySet<string>;

  /**
   * `withCalls`: whether calls are collected too. A file has many (every decorator is one), and
   * only the readers of calls start from them: without those, building them is wasted.
   */
  constructor(private readonly root: Node, withCalls: boolean) {
    const types = withCalls ? [...STARTING_POINTS, ...CALLS] : STARTING_POINTS;
    this.collected = new Set(types);
    this.found = typedDescendantsOfTypes(root, types);
  }

  /** Nodes of the given types, in document order; a type not collected costs a walk of its own. */
  ofType(...types: string[]): Node[] {
    if (!types.every((type) => this.collected.has(type))) return descendantsOfTypes(this.root, types);
    return this.found.filter((entry) => types.includes(entry.type)).map((entry) => entry.node);
  }
}
