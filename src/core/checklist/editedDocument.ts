import { isScalar, type Document, type Scalar } from 'yaml';

/**
 * A checklist document being merged, with a record of what the merge changed. Every edit goes
 * through the helpers in `yamlNodes.ts`, which report it here: a scalar whose value was replaced
 * in place, or a change of structure of a collection (a node added, removed, replaced or moved, a
 * comment or a blank line moved). `renderChecklist.ts` uses the record to write back what did not
 * change as it was in the source instead of printing it again.
 */
export class EditedDocument {
  readonly doc: Document;
  private readonly scalars = new Set<Scalar>();
  private readonly collections = new Set<unknown>();

  constructor(doc: Document) {
    this.doc = doc;
  }

  /** `node`'s value was replaced; `parent` is the mapping it is the value of. */
  valueChanged(node: unknown, parent: { flow?: boolean }): void {
    // A flow context changes how a value must be quoted; such a value is printed with its collection.
    if (isScalar(node) && parent.flow !== true) this.scalars.add(node);
    else this.collections.add(parent);
  }

  /** The entries of `collection` (a mapping or sequence) changed, not just scalar values in it. */
  structureChanged(collection: unknown): void {
    this.collections.add(collection);
  }

  /** True when the merge did more than replace scalar values. */
  get structureWasChanged(): boolean {
    return this.collections.size > 0;
  }

  /** The collection's own entries changed (its descendants are not looked at). */
  wasRestructured(collection: unknown): boolean {
    return this.collections.has(collection);
  }

  get changedScalars(): ReadonlySet<Scalar> {
    return this.scalars;
  }
}
