/**
 * A small seeded PRNG (mulberry32): the same seed gives the same sequence on every machine, so the
 * demo dataset is identical everywhere. Returns numbers in [0, 1).
 *
 * @example
 * ```ts
 * const random = mulberry32(2026);
 * random(); // always the same first value
 * ```
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A 32-bit FNV-1a hash of a string, to derive one seed per area so adding an area never shifts the
 * data of another.
 *
 * @example
 * ```ts
 * const random = mulberry32(seedFor('calls'));
 * ```
 */
export function seedFor(name: string, base = 2026): number {
  let hash = 0x811c9dc5 ^ base;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
