/**
 * Pearson's chi-square goodness-of-fit test of the eval's cohort counts against production's mix.
 *
 * Production counts run to hundreds of thousands of events while the eval has hundreds or thousands of
 * examples, so production's shares are treated as known and only the eval's sampling noise enters the
 * test: a shift that noise explains gives a large p-value.
 */

import { regularizedUpperGamma } from './incomplete-gamma.js';
import { PSI_EPSILON } from './population-stability.js';

/**
 * X² = Σ (O_i − E_i)²/E_i with E_i = N·share_i, N = Σ O_i, on df = k − 1 degrees of freedom, and its
 * upper-tail p-value P(χ²_df > X²) = Q(df/2, X²/2).
 *
 * The expected shares are normalised to sum to 1 first: they are shares of the cohorts listed here, and
 * a caller who passes production counts or shares computed over a wider set of cohorts means the mix
 * among these. A normalised share below PSI_EPSILON (in particular 0: a cohort production never sees)
 * is raised to PSI_EPSILON, so such a cohort in the eval adds a large but finite term, as in the PSI.
 *
 * With fewer than two categories, or no observations, there is nothing to test: X² 0, p 1 (df 0 for
 * k < 2). Throws on arrays of different lengths, a negative or non-finite count or share, or shares
 * that sum to 0: callers validate their input, so those are programming errors.
 */
export function chiSquareGoodnessOfFit(
  observed: readonly number[],
  expectedShares: readonly number[],
): { readonly statistic: number; readonly df: number; readonly pValue: number } {
  if (observed.length !== expectedShares.length) {
    throw new Error(`chiSquareGoodnessOfFit: ${observed.length} counts against ${expectedShares.length} shares`);
  }
  requireNonNegative('count', observed);
  requireNonNegative('share', expectedShares);
  const k = observed.length;
  if (k < 2) return { statistic: 0, df: 0, pValue: 1 };
  const shareTotal = sum(expectedShares);
  if (!(shareTotal > 0)) throw new Error('chiSquareGoodnessOfFit: the expected shares sum to 0');
  const df = k - 1;
  const total = sum(observed);
  if (total === 0) return { statistic: 0, df, pValue: 1 };
  let statistic = 0;
  observed.forEach((count, i) => {
    const expected = total * Math.max((expectedShares[i] ?? 0) / shareTotal, PSI_EPSILON);
    statistic += (count - expected) ** 2 / expected;
  });
  return { statistic, df, pValue: regularizedUpperGamma(df / 2, statistic / 2) };
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, value) => acc + value, 0);
}

function requireNonNegative(what: string, values: readonly number[]): void {
  values.forEach((value, i) => {
    if (!(Number.isFinite(value) && value >= 0)) {
      throw new Error(`chiSquareGoodnessOfFit: ${what} ${i} must be finite and non-negative, got ${value}`);
    }
  });
}
