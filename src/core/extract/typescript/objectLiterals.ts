import type { Node } from 'web-tree-sitter';
import { objectEntries, type ObjectEntry } from './syntax';

/**
 * The object literals of one file, each read once. A reader asks one options object for several
 * keys (`type`, `field`, `comment`, `defaultValue`…) and checks its shape more than once: each ask
 * read every entry again through the grammar runtime (a call into WebAssembly per node property),
 * most of the time spent on Mongoose and Sequelize models. Kept per node object: the same node
 * reached another way is read again, with the same result.
 */
export class ObjectLiterals {
  private readonly entriesByNode = new WeakMap<Node, readonly ObjectEntry[]>();
  private readonly isObjectByNode = new WeakMap<Node, boolean>();

  /** `objectEntries(object)`. */
  entries(object: Node): readonly ObjectEntry[] {
    let entries = this.entriesByNode.get(object);
    if (!entries) {
      entries = objectEntries(object);
      this.entriesByNode.set(object, entries);
    }
    return entries;
  }

  /** The value of `key: value` in an object literal (the last one wins, as in JavaScript). */
  value(object: Node | undefined, key: string): Node | undefined {
    if (!object || !this.isObject(object)) return undefined;
    let found: Node | undefined;
    for (const entry of this.entries(object)) {
      if (entry.key === key && entry.kind !== 'spread') found = entry.value;
    }
    return found;
  }

  hasKey(object: Node | undefined, key: string): boolean {
    return !!object && this.isObject(object) && this.entries(object).some((entry) => entry.key === key);
  }

  private isObject(node: Node): boolean {
    let isObject = this.isObjectByNode.get(node);
    if (isObject === undefined) {
      isObject = node.type === 'object';
      this.isObjectByNode.set(node, isObject);
    }
    return isObject;
  }
}
