/**
 * Seeded pseudo-random numbers for the resampling methods.
 *
 * Why not Math.random: a release decision has to be reproducible. Rerunning the gate on the same data
 * with the same seed must give the same bounds on every machine, so the generator is seeded and uses
 * only 32-bit integer operations (Math.imul, shifts, `>>> 0`), which JavaScript defines exactly on
 * every platform. No floating-point rounding goes into the state, so the sequence is the same everywhere.
 *
 * Design:
 * - The seed string is hashed into 128 bits. Four lanes each absorb every UTF-16 code unit with their
 *   own odd multiplier and rotation. The lanes are then cross-mixed and passed through the murmur3
 *   32-bit finalizer so that seeds differing in one character give unrelated states.
 * - Those 128 bits seed xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number
 *   generators", 2018). It has period 2^128 − 1, passes BigCrush, and needs a handful of integer
 *   operations per draw, which matters because the bootstrap draws millions of Poisson weights.
 * - `next()` returns a 32-bit integer scaled by 2^-32, so every value is an exact multiple of 2^-32 in
 *   [0, 1). That resolution is plenty for resampling weights, and code that needs an exact uniform
 *   integer can rely on it (see the paired quantile bootstrap).
 */

export interface Rng {
  /** A uniform draw in [0, 1). */
  next(): number;
}

const TWO_POW_MINUS_32 = 2 ** -32;

/** Rotate a 32-bit integer left by `r` bits. */
function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** murmur3's fmix32: full avalanche, so every input bit affects every output bit. */
function fmix32(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash a seed string into four 32-bit words (the xoshiro128** state). */
function hashSeed(seed: string): [number, number, number, number] {
  // The lanes start from different constants (hex digits of irrational numbers, so nothing is hidden in
  // them) and include the length, so "" and "\0" hash differently.
  let h0 = 0x9e3779b9 ^ seed.length;
  let h1 = 0x243f6a88;
  let h2 = 0xb7e15162;
  let h3 = 0x6a09e667;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    // Different multipliers and rotations per lane keep the lanes from being copies of each other.
    h0 = rotl(Math.imul(h0 ^ c, 0x85ebca77), 13);
    h1 = rotl(Math.imul(h1 ^ c, 0xc2b2ae3d), 17);
    h2 = rotl(Math.imul(h2 ^ c, 0x27d4eb2f), 11);
    h3 = rotl(Math.imul(h3 ^ c, 0x165667b1), 19);
  }
  // Mix the lanes into each other: each output word depends on the whole string.
  const s0 = fmix32(h0 ^ rotl(h3, 7));
  const s1 = fmix32(h1 ^ s0);
  const s2 = fmix32(h2 ^ s1);
  const s3 = fmix32(h3 ^ s2);
  return [s0, s1, s2, s3];
}

/**
 * A deterministic generator for a seed. A number seed is hashed through its decimal string, so `1` and
 * `"1"` give the same sequence.
 */
export function createRng(seed: string | number): Rng {
  const text = typeof seed === 'number' ? String(seed) : seed;
  const state = Int32Array.from(hashSeed(text));
  // The all-zero state is the one fixed point of xoshiro. The hash essentially never lands on it, but
  // it must not be possible at all.
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;

  // The state lives in an Int32Array, not in four closure variables. V8 would store 32-bit values
  // above 2^30 as heap numbers, so the typed array makes a draw about three times faster.
  const nextUint32 = (): number => {
    const s0 = state[0]!;
    const s1 = state[1]!;
    const s2 = state[2]! ^ s0;
    const s3 = state[3]! ^ s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    state[0] = s0 ^ s3;
    state[1] = s1 ^ s2;
    state[2] = s2 ^ (s1 << 9);
    state[3] = rotl(s3, 11);
    return result;
  };

  // Skip a few outputs. The hash already avalanches, but this is cheap insurance against structure in
  // the first draws of nearby seeds.
  for (let i = 0; i < 8; i++) nextUint32();

  return {
    next: () => nextUint32() * TWO_POW_MINUS_32,
  };
}
