// A small seeded pseudo-random generator (mulberry32): the same seed always yields the same tree.

/** Returns a generator of the sequence for `seed` with helpers for picking and sizing. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    /** An integer in [min, max]. */
    int,
    /** One element of a non-empty array. */
    pick: (items) => items[Math.floor(next() * items.length)],
    /** True with probability p. */
    chance: (p) => next() < p,
    /** `count` distinct elements (or all of them), in a stable order. */
    sample: (items, count) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, Math.min(count, copy.length));
    },
    /** A string of `length` decimal digits. */
    digits: (length) => Array.from({ length }, () => String(int(0, 9))).join(''),
    /** A child generator, so one part of the tree can change without shifting the others. */
    fork: (salt) => seededRandom((seed ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0),
  };
}
