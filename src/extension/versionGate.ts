/**
 * Keeps results for an older version of a document from overwriting a newer one: analyses
 * finish in any order, and only one for a version at least as new as the last applied is taken.
 */
export class VersionGate {
  private readonly applied = new Map<string, number>();

  /** True (and remembered) when `version` is not older than what was applied for `key`. */
  accept(key: string, version: number): boolean {
    const last = this.applied.get(key);
    if (last !== undefined && version < last) return false;
    this.applied.set(key, version);
    return true;
  }

  /** A closed document starts again at version 1 when reopened. */
  forget(key: string): void {
    this.applied.delete(key);
  }
}
