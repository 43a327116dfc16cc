/**
 * Exact binomial tail probabilities, for the exact McNemar test.
 *
 * Both tails come from the regularized incomplete beta function (Abramowitz & Stegun 26.5.24):
 *   P(X ≥ k) = I_p(k, n − k + 1)   and   P(X ≤ k) = 1 − I_p(k + 1, n − k),
 * each computed directly (never as 1 minus the other), so a tiny tail keeps its relative precision and
 * large n costs no more than small n.
 */

import { incompleteBetaPair } from './special.js';

/**
 * P(X ≤ k) for X ~ Binomial(n, p). k is rounded down to an integer; n must be a non-negative integer
 * and p in [0, 1], otherwise the result is NaN.
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (!isValidBinomial(n, p) || Number.isNaN(k)) return Number.NaN;
  const successes = Math.floor(k);
  if (successes < 0) return 0;
  if (successes >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  return incompleteBetaPair(p, 1 - p, successes + 1, n - successes).upper;
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p). k is rounded up to an integer; n must be a non-negative integer
 * and p in [0, 1], otherwise the result is NaN.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (!isValidBinomial(n, p) || Number.isNaN(k)) return Number.NaN;
  const successes = Math.ceil(k);
  if (successes <= 0) return 1;
  if (successes > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  return incompleteBetaPair(p, 1 - p, successes, n - successes + 1).lower;
}

function isValidBinomial(n: number, p: number): boolean {
  return Number.isInteger(n) && n >= 0 && p >= 0 && p <= 1;
}
