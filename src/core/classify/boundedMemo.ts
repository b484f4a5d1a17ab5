/**
 * Remembers the results of a pure function of a string. Field names, types and comments repeat
 * across the files of a code base (`id`, `create_time`, `手机号`), so the classifier's
 * tokenisation and lexicon lookups are worked out once per distinct input. Each classifier holds
 * its own memos (never shared between engines); a memo that reaches `capacity` entries starts
 * over, so an editor session that sees ever new names does not grow without bound.
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity = 50_000) {}

  get(key: string, compute: (key: string) => V): V {
    const known = this.entries.get(key);
    if (known !== undefined || this.entries.has(key)) return known as V;
    const value = compute(key);
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
