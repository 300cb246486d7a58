/**
 * A small deterministic PRNG (mulberry32): the fault, crash and fuzz runs take
 * their seed from the environment when given, print it, and so reproduce.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed named by `variable`, or a fresh one; printed either way so a failure can be replayed. */
export function seedFromEnv(variable: string, label: string): number {
  const given = process.env[variable];
  const seed = given ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed)) throw new Error(`${variable} must be an integer, got ${given}`);
  console.log(`[${label}] seed ${seed} (replay with ${variable}=${seed})`);
  return seed;
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}
