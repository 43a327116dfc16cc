import { describe, expect, it } from 'vitest';
import { cohortDifference } from '../../src/core/compare/difference-variance.js';
import type { PairedTable } from '../../src/core/stats/paired-proportions.js';
import { normalQuantile } from '../../src/core/stats/normal.js';
import { postStratifiedDifference } from '../../src/core/stats/post-stratified.js';
import { createRng, type Rng } from '../../src/core/stats/rng.js';

describe('postStratifiedDifference', () => {
  it('is Σ w·Δ with standard error √(Σ w²·Var) on a small case worked by hand', () => {
    // w = (0.5, 0.3, 0.2), Δ = (0.02, −0.10, 0.08), Var = (0.0004, 0.0025, 0.0001):
    // Δ_w = 0.01 − 0.03 + 0.016 = −0.004 (the unweighted mean would be 0); Var_w = 0.25·0.0004 + 0.09·0.0025 + 0.04·0.0001
    //     = 0.0001 + 0.000225 + 0.000004 = 0.000329.
    const result = postStratifiedDifference([
      { weight: 0.5, delta: 0.02, variance: 0.0004 },
      { weight: 0.3, delta: -0.1, variance: 0.0025 },
      { weight: 0.2, delta: 0.08, variance: 0.0001 },
    ]);
    expect(result.estimate).toBeCloseTo(-0.004, 15);
    expect(result.standardError).toBeCloseTo(Math.sqrt(0.000329), 15);
  });

  it('weights paired-binary cohorts through cohortDifference, worked by hand', () => {
    // Cohort A, n = 100: n11 60, n10 10, n01 4, n00 26 → Δ = −0.06, Var = (0.14 − 0.0036)/100 = 0.001364.
    // Cohort B, n = 50: n11 40, n10 1, n01 3, n00 6 → Δ = 0.04, Var = (0.08 − 0.0016)/50 = 0.001568.
    // Production weights 0.7 / 0.3: Δ_w = −0.042 + 0.012 = −0.03;
    // Var_w = 0.49·0.001364 + 0.09·0.001568 = 0.00066836 + 0.00014112 = 0.00080948.
    const a = cohortDifference({ kind: 'paired-binary', table: { n11: 60, n10: 10, n01: 4, n00: 26 } });
    const b = cohortDifference({ kind: 'paired-binary', table: { n11: 40, n10: 1, n01: 3, n00: 6 } });
    if (a === undefined || b === undefined) throw new Error('paired-binary data has a variance');
    const result = postStratifiedDifference([
      { weight: 0.7, delta: a.delta, variance: a.variance },
      { weight: 0.3, delta: b.delta, variance: b.variance },
    ]);
    expect(result.estimate).toBeCloseTo(-0.03, 15);
    expect(result.standardError).toBeCloseTo(Math.sqrt(0.00080948), 15);
  });

  it('refuses weights that are negative, non-finite or do not sum to 1, and non-finite cells', () => {
    const cell = { delta: 0, variance: 0 };
    expect(() =>
      postStratifiedDifference([
        { weight: 1.1, ...cell },
        { weight: -0.1, ...cell },
      ]),
    ).toThrow(/weight 1/);
    expect(() =>
      postStratifiedDifference([
        { weight: 0.5, ...cell },
        { weight: 0.4, ...cell },
      ]),
    ).toThrow(/sum to 1/);
    expect(() => postStratifiedDifference([])).toThrow(/sum to 1/);
    expect(() => postStratifiedDifference([{ weight: Number.NaN, ...cell }])).toThrow(/weight 0/);
    expect(() => postStratifiedDifference([{ weight: 1, delta: Number.NaN, variance: 0 }])).toThrow(/delta 0/);
    expect(() => postStratifiedDifference([{ weight: 1, delta: 0, variance: -1e-9 }])).toThrow(/variance 0/);
    // Within the tolerance of floating-point shares, the weights are accepted.
    expect(
      postStratifiedDifference([
        { weight: 0.1 + 0.2, ...cell },
        { weight: 0.7, ...cell },
      ]).estimate,
    ).toBe(0);
    expect(() =>
      postStratifiedDifference([
        { weight: 0.3, ...cell },
        { weight: 0.7 + 2e-9, ...cell },
      ]),
    ).toThrow();
  });
});

/** One cohort's joint outcome probabilities (incumbent right/wrong × candidate right/wrong), eval size and weight. */
interface SimulatedCohort {
  readonly n: number;
  readonly weight: number;
  readonly p11: number;
  readonly p10: number;
  readonly p01: number;
}

// Sizes and accuracies differ across cohorts, and production's weights are far from the eval's mix
// (80/400/1500 examples is 4% / 20% / 76% of the eval): the small cohort carries 40% of production.
// The models agree on most examples, as real model pairs do, so the paired variance is much smaller
// than the unpaired one and a variance that ignored the pairing would over-cover badly.
const COHORTS: readonly SimulatedCohort[] = [
  { n: 80, weight: 0.4, p11: 0.6, p10: 0.12, p01: 0.06 },
  { n: 400, weight: 0.35, p11: 0.75, p10: 0.05, p01: 0.07 },
  { n: 1500, weight: 0.25, p11: 0.85, p10: 0.04, p01: 0.03 },
];
const TRUE_DELTA = COHORTS.reduce((sum, c) => sum + c.weight * (c.p01 - c.p10), 0);
const REPLICATES = 2000;
const ALPHA = 0.05;

function drawTable(rng: Rng, cohort: SimulatedCohort): PairedTable {
  const counts = { n11: 0, n10: 0, n01: 0, n00: 0 };
  for (let i = 0; i < cohort.n; i++) {
    const u = rng.next();
    if (u < cohort.p11) counts.n11++;
    else if (u < cohort.p11 + cohort.p10) counts.n10++;
    else if (u < cohort.p11 + cohort.p10 + cohort.p01) counts.n01++;
    else counts.n00++;
  }
  return counts;
}

describe('post-stratified one-sided bounds by simulation', () => {
  it(`cover the true production-weighted Δ in 95% ± 2 points of ${REPLICATES} seeded replicates`, () => {
    const rng = createRng('post-stratified-coverage');
    const z = normalQuantile(1 - ALPHA);
    let lowerCovers = 0;
    let upperCovers = 0;
    for (let r = 0; r < REPLICATES; r++) {
      const cells = COHORTS.map((cohort) => {
        const difference = cohortDifference({ kind: 'paired-binary', table: drawTable(rng, cohort) });
        if (difference === undefined) throw new Error('paired-binary data has a variance');
        return { weight: cohort.weight, delta: difference.delta, variance: difference.variance };
      });
      const { estimate, standardError } = postStratifiedDifference(cells);
      if (estimate - z * standardError <= TRUE_DELTA) lowerCovers++;
      if (estimate + z * standardError >= TRUE_DELTA) upperCovers++;
    }
    // Monte Carlo standard error of a 95% coverage over 2000 replicates: √(0.95·0.05/2000) ≈ 0.5 points.
    expect(Math.abs(lowerCovers / REPLICATES - (1 - ALPHA))).toBeLessThanOrEqual(0.02);
    expect(Math.abs(upperCovers / REPLICATES - (1 - ALPHA))).toBeLessThanOrEqual(0.02);
  });
});
