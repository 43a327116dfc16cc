/**
 * Bounds for the difference of two paired proportions that agree with the exact conditional McNemar
 * test, the test the gate uses at a zero margin.
 *
 * Write Δ = π01 − π10 = D·(1 − 2θ), with D = π01 + π10 the share of discordant pairs and θ = π10/D
 * the share of them the candidate loses. Given the m = n10 + n01 discordant pairs, n10 is
 * Binomial(m, θ), and the exact one-sided McNemar test of H0: Δ ≥ 0 (θ ≤ ½) rejects at level a
 * exactly when the Clopper–Pearson lower bound θ_L(a) exceeds ½ (C. J. Clopper & E. S. Pearson,
 * Biometrika 26 (1934) 404–413: θ_L solves P(X ≥ n10; m, θ) = a, a tail that rises with θ). So the
 * sign of 1 − 2θ_L(a) is the test's verdict, and the upper bound of Δ is
 *   (1 − 2θ_L)·D_U  when 1 − 2θ_L ≥ 0,   (1 − 2θ_L)·D_L  otherwise,
 * with D_L, D_U Clopper–Pearson bounds on D from m of n at the same level (the lower bound mirrors it
 * with θ_U). Its sign, and so "the bound is below 0", is exactly the exact test's; its size is
 * conservative: it holds whenever both Clopper–Pearson bounds do, so with probability at least 1 − 2a
 * (Bonferroni), and it never collapses to a point as the plug-in D̂ = m/n would with no discordant
 * pairs (40 agreeing pairs do not prove Δ = 0: the bounds are then ±D_U).
 */

import { binomialCdf, binomialUpperTail } from './binomial.js';
import type { DifferenceInterval, PairedTable } from './paired-proportions.js';
import { findBracketedRoot } from './root.js';

/** Lower bound with confidence 1 − lowerLevel, upper bound with 1 − upperLevel (tail areas in (0, ½)). */
export function exactConditionalBounds(table: PairedTable, lowerLevel: number, upperLevel: number): DifferenceInterval {
  const n = table.n11 + table.n10 + table.n01 + table.n00;
  const discordant = table.n10 + table.n01;
  if (!(n > 0)) throw new RangeError('exactConditionalBounds: the table is empty');

  const upper = exactUpper(table.n10, discordant, n, upperLevel);
  const lowerSign = 1 - 2 * clopperPearsonUpper(table.n10, discordant, lowerLevel);
  const lower =
    lowerSign *
    (lowerSign <= 0 ? clopperPearsonUpper(discordant, n, lowerLevel) : clopperPearsonLower(discordant, n, lowerLevel));
  return { lower, upper };
}

/** The upper of exactConditionalBounds alone, for printing it again at a stricter level without redoing the lower. */
export function exactConditionalUpperBound(table: PairedTable, level: number): number {
  const n = table.n11 + table.n10 + table.n01 + table.n00;
  if (!(n > 0)) throw new RangeError('exactConditionalBounds: the table is empty');
  return exactUpper(table.n10, table.n10 + table.n01, n, level);
}

function exactUpper(n10: number, discordant: number, n: number, level: number): number {
  const sign = 1 - 2 * clopperPearsonLower(n10, discordant, level);
  return sign * (sign >= 0 ? clopperPearsonUpper(discordant, n, level) : clopperPearsonLower(discordant, n, level));
}

const RELATIVE = { absoluteTolerance: 1e-300 };

/** The θ with P(X ≥ k; m, θ) = level (0 when k = 0): a one-sided (1 − level) lower bound for θ. */
export function clopperPearsonLower(k: number, m: number, level: number): number {
  if (k <= 0) return 0;
  return findBracketedRoot((theta) => binomialUpperTail(k, m, theta) - level, 0, 1, RELATIVE);
}

/** The θ with P(X ≤ k; m, θ) = level (1 when k = m): a one-sided (1 − level) upper bound for θ. */
export function clopperPearsonUpper(k: number, m: number, level: number): number {
  if (k >= m) return 1;
  return findBracketedRoot((theta) => level - binomialCdf(k, m, theta), 0, 1, RELATIVE);
}
