import { GIANT_MUTATIONS, MUTATIONS, type Mutation } from './mutations';
import type { FuzzTarget } from './fuzzTargets';
import type { SeedInput } from './seedInputs';
import { SeededRandom } from './seededRandom';

/** Every this many inputs, one gets a giant mutation (10 MB line or 10,000-deep nesting). */
export const GIANT_EVERY = 500;

export interface FuzzInput {
  index: number;
  target: FuzzTarget;
  /** The seed mutated, or `random` for bytes from nowhere. */
  seedName: string;
  mutations: string[];
  bytes: Buffer;
  rng: SeededRandom;
}

/**
 * Input `index` of a run: a pure function of the seed, the index, the seed files and the target
 * list, so `--only index` rebuilds exactly the input that failed.
 */
export function buildInput(seed: number, index: number, seeds: readonly SeedInput[], targets: readonly FuzzTarget[]): FuzzInput {
  const rng = SeededRandom.forInput(seed, index);
  const target = targets[index % targets.length];
  const wanted = seeds.filter((s) => target.wants(s));
  let seedName = 'random';
  let bytes: Buffer;
  const draw = rng.next();
  if (draw < 0.04 || seeds.length === 0) {
    bytes = rng.bytes(rng.between(0, 4096));
  } else {
    const chosen = draw < 0.85 && wanted.length > 0 ? rng.pick(wanted) : rng.pick(seeds);
    seedName = chosen.name;
    bytes = chosen.bytes;
  }
  const others = seeds.map((s) => s.bytes);
  const mutations: string[] = [];
  const apply = (mutation: Mutation): void => {
    bytes = mutation.apply(bytes, rng, { others });
    mutations.push(mutation.name);
  };
  if (index % GIANT_EVERY === GIANT_EVERY - 1) apply(GIANT_MUTATIONS[Math.floor(index / GIANT_EVERY) % GIANT_MUTATIONS.length]);
  const count = rng.chance(0.03) ? 0 : rng.between(1, 3);
  for (let i = 0; i < count; i++) apply(rng.pick(MUTATIONS));
  return { index, target, seedName, mutations, bytes, rng };
}
