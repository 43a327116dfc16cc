import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/core/stats/rng.js';
import { samplePoisson } from '../../src/core/stats/poisson.js';
import {
  DEFAULT_WINDOW,
  INDIVIDUAL_CELL,
  nearestRankQuantile,
  pairedQuantileBootstrap,
  planWindows,
  runPairedQuantileBootstrap,
  windowedReplicate,
} from '../../src/core/stats/paired-quantile-bootstrap.js';

/** Standard normal draws by Box–Muller (1 − u keeps the logarithm finite). */
function normals(rng: Rng, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  }
  return out;
}

/** Standard normal density. */
const normalDensity = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** Sample standard deviation (n − 1). */
function sd(values: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i]!;
  mean /= values.length;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i]! - mean) ** 2;
  return Math.sqrt(ss / (values.length - 1));
}

/**
 * Brute-force weighted nearest-rank quantile, written independently of the implementation: the smallest
 * value whose cumulative weight (in value order) reaches ceil(p·W). `order` is an argsort of `values`.
 */
function bruteQuantile(values: Float64Array, order: Int32Array, weights: Float64Array, p: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  // p·W is a multiple of 0.01 here, so the 1e-9 only absorbs floating-point error in the product.
  const target = Math.ceil(p * total - 1e-9);
  let cumulative = 0;
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    cumulative += weights[i]!;
    if (cumulative >= target) return values[i]!;
  }
  throw new Error('unreachable');
}

function argsort(values: Float64Array): Int32Array {
  return Int32Array.from(values.keys()).sort((x, y) => values[x]! - values[y]!);
}

/** Paired data: b = a + independent noise, so the pairing matters but the two windows do not coincide. */
function correlatedPairs(n: number, seed: string): { a: Float64Array; b: Float64Array } {
  const rng = createRng(seed);
  const a = normals(rng, n);
  const noise = normals(rng, n);
  const b = a.map((v, i) => v + 0.5 * noise[i]!);
  return { a, b };
}

describe('nearestRankQuantile', () => {
  const oneToHundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);

  it('matches hand-computed nearest-rank values', () => {
    expect(nearestRankQuantile(oneToHundred, 0.95)).toBe(95);
    expect(nearestRankQuantile(oneToHundred, 0.5)).toBe(50);
    expect(nearestRankQuantile(oneToHundred, 0.99)).toBe(99);
    expect(nearestRankQuantile(oneToHundred, 0.951)).toBe(96);
    expect(nearestRankQuantile(Float64Array.of(3, 1, 2), 0.5)).toBe(2);
    expect(nearestRankQuantile(Float64Array.of(4, 1, 3, 2), 0.5)).toBe(2);
    expect(nearestRankQuantile(Float64Array.of(7), 0.99)).toBe(7);
    expect(nearestRankQuantile(Float64Array.of(5, 5, 1, 5), 0.3)).toBe(5);
  });

  it('is not pushed a rank up by the binary representation of p (0.07 · 100 = 7.000000000000001)', () => {
    expect(nearestRankQuantile(oneToHundred, 0.07)).toBe(7);
    expect(nearestRankQuantile(oneToHundred, 0.29)).toBe(29);
  });

  it('does not mutate its input', () => {
    const values = Float64Array.of(3, 1, 2);
    nearestRankQuantile(values, 0.5);
    expect(Array.from(values)).toEqual([3, 1, 2]);
  });

  it('rejects empty input, p outside (0, 1) and non-finite values', () => {
    expect(() => nearestRankQuantile(new Float64Array(0), 0.5)).toThrow(/no values/);
    expect(() => nearestRankQuantile(oneToHundred, 0)).toThrow(/p must/);
    expect(() => nearestRankQuantile(oneToHundred, 1)).toThrow(/p must/);
    expect(() => nearestRankQuantile(oneToHundred, Number.NaN)).toThrow(/p must/);
    expect(() => nearestRankQuantile(Float64Array.of(1, Number.NaN), 0.5)).toThrow(/finite/);
  });
});

describe('pairedQuantileBootstrap: input checks', () => {
  const ok = Float64Array.of(1, 2, 3);
  const options = { resamples: 10, seed: 's' };

  it('throws clear errors', () => {
    expect(() => pairedQuantileBootstrap(ok, Float64Array.of(1, 2), 0.5, options)).toThrow(/same length/);
    expect(() => pairedQuantileBootstrap(new Float64Array(0), new Float64Array(0), 0.5, options)).toThrow(/no pairs/);
    expect(() => pairedQuantileBootstrap(ok, ok, 0, options)).toThrow(/p must/);
    expect(() => pairedQuantileBootstrap(ok, ok, 1.5, options)).toThrow(/p must/);
    expect(() => pairedQuantileBootstrap(ok, Float64Array.of(1, Infinity, 3), 0.5, options)).toThrow(/candidate\[1\]/);
    expect(() => pairedQuantileBootstrap(Float64Array.of(Number.NaN, 2, 3), ok, 0.5, options)).toThrow(
      /incumbent\[0\]/,
    );
    expect(() => pairedQuantileBootstrap(ok, ok, 0.5, { resamples: 1, seed: 's' })).toThrow(/resamples/);
    expect(() => pairedQuantileBootstrap(ok, ok, 0.5, { resamples: 2.5, seed: 's' })).toThrow(/resamples/);
  });
});

describe('pairedQuantileBootstrap', () => {
  it('is deterministic for a seed, and the seed matters', () => {
    const { a, b } = correlatedPairs(50_000, 'determinism');
    const first = pairedQuantileBootstrap(a, b, 0.95, { resamples: 200, seed: 'x' });
    const again = pairedQuantileBootstrap(a, b, 0.95, { resamples: 200, seed: 'x' });
    const other = pairedQuantileBootstrap(a, b, 0.95, { resamples: 200, seed: 'y' });
    expect(again).toEqual(first);
    expect(other.estimate).toBe(first.estimate);
    expect(other.standardError).not.toBe(first.standardError);
    expect(first.incumbent).toBe(nearestRankQuantile(a, 0.95));
    expect(first.candidate).toBe(nearestRankQuantile(b, 0.95));
    expect(first.estimate).toBe(first.candidate - first.incumbent);
    expect(first.resamples).toBe(200);
  });

  it('does not mutate its inputs', () => {
    const { a, b } = correlatedPairs(1000, 'mutation');
    const copyA = a.slice();
    const copyB = b.slice();
    pairedQuantileBootstrap(a, b, 0.5, { resamples: 20, seed: 's' });
    expect(a).toEqual(copyA);
    expect(b).toEqual(copyB);
  });

  it.each([0.5, 0.95, 0.99])(
    'p = %s: a constant shift gives exactly the shift with SE 0 (the pairing is kept)',
    (p) => {
      // Dyadic values, so that adding the shift is exact in floating point.
      const rng = createRng('shift');
      const a = normals(rng, 100_000).map((v) => Math.round(v * 1024) / 1024);
      const b = a.map((v) => v + 3);
      const result = pairedQuantileBootstrap(a, b, p, { resamples: 300, seed: 'shift' });
      expect(result.estimate).toBe(3);
      expect(result.standardError).toBe(0);
      // Unpaired resampling of the same data would give an SE far from 0, so this checks the pairing.
      expect(result.individualPairs).toBeLessThan(a.length / 5);
    },
  );

  // Asymptotic variance of the sample p-quantile: p(1 − p) / (n f(q_p)²) (e.g. Kendall & Stuart, The
  // Advanced Theory of Statistics, vol. 1, ch. 10; Serfling 1980, §2.3.3). For the N(0,1) median,
  // f(0)² = 1/(2π), so it is π/(2n). For independent samples the variances add: SE of the median
  // difference is √(π/n). The bootstrap SE of a quantile converges slowly (relative error of order
  // n^(−1/4), Hall & Martin 1988), hence a large n and the 10% tolerance.
  it.each([
    [0.5, 0],
    [0.95, 1.6448536269514722],
  ])('p = %s: SE for independent N(0,1) samples agrees with the asymptotic formula within 10%', (p, z) => {
    const n = 200_000;
    const rng = createRng(`asymptotic-${p}`);
    const a = normals(rng, n);
    const b = normals(rng, n);
    const result = pairedQuantileBootstrap(a, b, p, { resamples: 2000, seed: `asymptotic-${p}` });
    const asymptotic = Math.sqrt((2 * p * (1 - p)) / (n * normalDensity(z) ** 2));
    if (p === 0.5) expect(asymptotic).toBeCloseTo(Math.sqrt(Math.PI / n), 12);
    expect(Math.abs(result.standardError / asymptotic - 1)).toBeLessThan(0.1);
    expect(result.individualPairs).toBeLessThan(n / 10);
  });

  // The windows cover everything when p·n − h ≤ 1 (h = 6·√(n·p·(1−p)) + 20), e.g. n = 40 at p50.
  it.each([
    [40, 0.5],
    [30, 0.9],
  ])('n = %s, p = %s (windows cover everything): exactly the plain Poisson bootstrap, draw for draw', (n, p) => {
    const { a, b } = correlatedPairs(n, 'small');
    const resamples = 500;
    const run = runPairedQuantileBootstrap(a, b, p, { resamples, seed: 'small' }, DEFAULT_WINDOW);
    expect(run.result.individualPairs).toBe(n);

    // Reference: one Poisson(1) weight per pair, in pair order, redrawing an all-zero resample.
    const rng = createRng('small');
    const orderA = argsort(a);
    const orderB = argsort(b);
    const weights = new Float64Array(a.length);
    const expected = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) {
      let total = 0;
      while (total === 0) {
        total = 0;
        for (let i = 0; i < weights.length; i++) total += weights[i] = samplePoisson(rng, 1);
      }
      expected[r] = bruteQuantile(b, orderB, weights, p) - bruteQuantile(a, orderA, weights, p);
    }
    expect(run.replicates).toEqual(expected);
    expect(run.result.standardError).toBeCloseTo(sd(expected), 12);
  });
});

describe('windowing', () => {
  // With the same per-pair weights, the windowed replicate must give exactly the brute-force quantile
  // whenever it gives a value, and report "outside" (NaN) only when the brute-force quantile is
  // outside the window. The aggregate cells get the sums of their members' weights, which is the same
  // law as the Poisson(count) draw used in production. A narrow window makes both cases frequent. The
  // "tied" data has about 30 distinct values, so the windows' edge values are tied with thousands of
  // pairs that must be split between inside and outside.
  const narrow = { k: 0.5, c: 0 };
  it.each([
    { kind: 'continuous', p: 0.5, width: DEFAULT_WINDOW },
    { kind: 'continuous', p: 0.95, width: DEFAULT_WINDOW },
    { kind: 'continuous', p: 0.99, width: DEFAULT_WINDOW },
    { kind: 'continuous', p: 0.5, width: narrow },
    { kind: 'continuous', p: 0.95, width: narrow },
    { kind: 'continuous', p: 0.99, width: { k: 1, c: 2 } },
    { kind: 'tied', p: 0.5, width: DEFAULT_WINDOW },
    { kind: 'tied', p: 0.95, width: DEFAULT_WINDOW },
    { kind: 'tied', p: 0.95, width: narrow },
  ])('$kind data, p = $p, window $width: equals brute force with the same per-pair weights', ({ kind, p, width }) => {
    // Large enough that the windows hold a small part of the pairs (at p = 0.5 the default window
    // is about 2 × 6√(n/4) + 40 ≈ 470 of 5,000), small enough for 300 brute-force replicates.
    const n = 5_000;
    const pairs = correlatedPairs(n, `window-${p}`);
    const a = kind === 'tied' ? pairs.a.map((v) => Math.round(v * 4)) : pairs.a;
    const b = kind === 'tied' ? pairs.b.map((v) => Math.round(v * 4)) : pairs.b;
    const plan = planWindows(a, b, p, width);
    for (const side of [plan.incumbent, plan.candidate]) {
      expect(side.insideSlots.length).toBe(side.highRank - side.lowRank + 1);
    }
    expect(plan.individual.length).toBeLessThanOrEqual(
      plan.incumbent.insideSlots.length + plan.candidate.insideSlots.length,
    );
    const orderA = argsort(a);
    const orderB = argsort(b);
    const rng = createRng(`weights-${p}`);
    const weights = new Float64Array(n);
    const cellWeights = new Float64Array(4);
    const slotWeights = new Float64Array(plan.individual.length);
    const out = new Float64Array(2);
    let inside = 0;
    let outside = 0;
    for (let r = 0; r < 300; r++) {
      cellWeights.fill(0);
      for (let i = 0; i < n; i++) {
        const w = samplePoisson(rng, 1);
        weights[i] = w;
        const cell = plan.cellOf[i]!;
        if (cell !== INDIVIDUAL_CELL) cellWeights[cell]! += w;
      }
      for (let s = 0; s < slotWeights.length; s++) slotWeights[s] = weights[plan.individual[s]!]!;
      expect(windowedReplicate(plan, cellWeights, slotWeights, out)).toBeGreaterThan(0);
      const sides = [
        [out[0]!, bruteQuantile(a, orderA, weights, p), plan.incumbent] as const,
        [out[1]!, bruteQuantile(b, orderB, weights, p), plan.candidate] as const,
      ];
      for (const [windowed, brute, side] of sides) {
        if (Number.isNaN(windowed)) {
          outside++;
          // Without ties the quantile must lie strictly outside. With ties it may equal an edge value
          // when the tie split put the deciding pair outside.
          if (kind === 'continuous') expect(brute < side.low || brute > side.high).toBe(true);
          else expect(brute <= side.low || brute >= side.high).toBe(true);
        } else {
          inside++;
          expect(windowed).toBe(brute);
        }
      }
    }
    if (width === DEFAULT_WINDOW) {
      expect(outside).toBe(0);
    } else {
      expect(outside).toBeGreaterThan(20);
      expect(inside).toBeGreaterThan(20);
    }
  });

  it('keeps O(√n) individual pairs on constant (fully tied) data', () => {
    const n = 100_000;
    const a = new Float64Array(n).fill(5);
    const b = new Float64Array(n).fill(7);
    const result = pairedQuantileBootstrap(a, b, 0.95, { resamples: 200, seed: 'constant' });
    expect(result.estimate).toBe(2);
    expect(result.standardError).toBe(0);
    const h = DEFAULT_WINDOW.k * Math.sqrt(n * 0.95 * 0.05) + DEFAULT_WINDOW.c;
    expect(result.individualPairs).toBeLessThanOrEqual(2 * (2 * h + 2));
  });

  // The exact fallback splits each cell's Poisson(count) total over its members. That must reproduce
  // the plain Poisson bootstrap in law. On a tiny sample with a one-rank window almost every replicate
  // goes through the fallback, and the distribution of the replicate differences (a few dozen distinct
  // values) is compared with a brute-force Poisson bootstrap. A wrong split, e.g. all of a cell's
  // weight on one member, moves the total variation distance far beyond the bound.
  it('the exact fallback reproduces the plain Poisson bootstrap distribution', () => {
    const a = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    const b = Float64Array.of(2.5, 1.5, 4.5, 3.5, 6.5, 9.5, 5.5, 10.5, 8.5, 7.5);
    const p = 0.5;
    const resamples = 40_000;
    const run = runPairedQuantileBootstrap(a, b, p, { resamples, seed: 'fallback' }, { k: 0, c: 0 });
    expect(run.result.individualPairs).toBeLessThan(a.length);
    expect(run.fallbackReplicates).toBeGreaterThan(resamples / 2);

    const rng = createRng('fallback-reference');
    const orderA = argsort(a);
    const orderB = argsort(b);
    const weights = new Float64Array(a.length);
    const reference = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) {
      let total = 0;
      while (total === 0) {
        total = 0;
        for (let i = 0; i < weights.length; i++) total += weights[i] = samplePoisson(rng, 1);
      }
      reference[r] = bruteQuantile(b, orderB, weights, p) - bruteQuantile(a, orderA, weights, p);
    }

    const histogram = (values: Float64Array): Map<number, number> => {
      const counts = new Map<number, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1 / values.length);
      return counts;
    };
    const got = histogram(run.replicates);
    const want = histogram(reference);
    let totalVariation = 0;
    for (const key of new Set([...got.keys(), ...want.keys()])) {
      totalVariation += Math.abs((got.get(key) ?? 0) - (want.get(key) ?? 0)) / 2;
    }
    expect(totalVariation).toBeLessThan(0.02);
    expect(Math.abs(run.result.standardError / sd(reference) - 1)).toBeLessThan(0.03);
  });

  it('a narrow window (heavy fallback) and the default window agree on a moderate sample', () => {
    const { a, b } = correlatedPairs(5000, 'narrow-vs-default');
    const options = { resamples: 2000, seed: 'narrow-vs-default' };
    const narrow = runPairedQuantileBootstrap(a, b, 0.95, options, { k: 0.5, c: 0 });
    const wide = runPairedQuantileBootstrap(a, b, 0.95, options, DEFAULT_WINDOW);
    expect(narrow.fallbackReplicates).toBeGreaterThan(options.resamples / 4);
    expect(wide.fallbackReplicates).toBe(0);
    expect(Math.abs(narrow.result.standardError / wide.result.standardError - 1)).toBeLessThan(0.05);
  });
});
