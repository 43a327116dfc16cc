/**
 * Tango's score test and confidence interval for the difference of two paired proportions
 * (T. Tango, "Equivalence test and confidence interval for the difference in proportions for the
 * paired-sample design", Statistics in Medicine 17 (1998) 891–908; see also Tango, Statistics in
 * Medicine 18 (1999) 3511–3513).
 *
 * Both models are scored on the same examples, so accuracy differences must be judged on the
 * discordant pairs. Tango's statistic uses the variance of the observed difference under the null
 * value Δ0 itself (the restricted maximum-likelihood estimate), which keeps it well-behaved with few
 * or no discordant pairs and at Δ0 ≠ 0, where the Wald interval and the exact conditional McNemar test
 * are not usable (see the comparison by Fagerland, Lydersen & Laake, Statistics in Medicine 33 (2014)
 * 2850–2875).
 */

import { normalQuantile } from './normal.js';
import { findBracketedRoot } from './root.js';

/** Counts of the paired 2×2 table of correct (1) / wrong (0) outcomes, incumbent first. */
export interface PairedTable {
  /** Both models correct. */
  readonly n11: number;
  /** Incumbent correct, candidate wrong. */
  readonly n10: number;
  /** Incumbent wrong, candidate correct. */
  readonly n01: number;
  /** Both models wrong. */
  readonly n00: number;
}

export interface DifferenceInterval {
  readonly lower: number;
  readonly upper: number;
}

/** The observed difference p_candidate − p_incumbent = (n01 − n10)/n. */
export function pairedDifference(table: PairedTable): number {
  return (table.n01 - table.n10) / pairCount(table);
}

/**
 * Tango's score statistic z = (d̂ − Δ0)/σ̃(Δ0) for H0: p_candidate − p_incumbent = Δ0, Δ0 ∈ [−1, 1].
 * Large positive z is evidence that the true difference exceeds Δ0. At Δ0 = 0 it equals the asymptotic
 * (uncorrected) McNemar statistic (n01 − n10)/√(n01 + n10).
 *
 * Where the restricted variance is zero (no discordant pairs at Δ0 = 0, or Δ0 = ±1) the data either
 * agree exactly with Δ0 (z = 0) or are impossible under it (z = ±Infinity).
 */
export function tangoScoreZ(table: PairedTable, delta0: number): number {
  requireTable(table);
  if (!(delta0 >= -1 && delta0 <= 1)) {
    throw new RangeError(`tangoScoreZ: delta0 must be in [−1, 1], got ${delta0}`);
  }
  return scoreStatistic(table, delta0);
}

/**
 * The two-sided Tango score interval at the given confidence: all Δ0 with |z(Δ0)| ≤ z_{1−α/2}.
 * A one-sided (1 − α) bound is an end of the interval at confidence 1 − 2α.
 */
export function tangoInterval(table: PairedTable, confidence: number): DifferenceInterval {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`tangoInterval: confidence must be in (0, 1), got ${confidence}`);
  }
  const tail = (1 - confidence) / 2;
  return tangoBounds(table, tail, tail);
}

/**
 * One-sided Tango bounds: the lower bound holds with confidence 1 − lowerLevel, the upper with
 * 1 − upperLevel. Taking the tail areas themselves (not a confidence 1 − 2α) keeps a level of 1e-12
 * exact: 1 − 2e-12 would already have rounded it.
 *
 * The upper bound is below Δ0 exactly when the one-sided score test of H0: Δ ≥ Δ0 has p < upperLevel
 * (z(Δ0) falls as Δ0 rises), so a report can print it at the level its decision used.
 */
export function tangoBounds(table: PairedTable, lowerLevel: number, upperLevel: number): DifferenceInterval {
  requireTable(table);
  for (const level of [lowerLevel, upperLevel]) requireTangoLevel(level);
  return { lower: lowerBound(table, lowerLevel), upper: upperBound(table, upperLevel) };
}

/** The upper of tangoBounds alone, for printing it again at a stricter level without redoing the lower. */
export function tangoUpperBound(table: PairedTable, level: number): number {
  requireTable(table);
  requireTangoLevel(level);
  return upperBound(table, level);
}

function requireTangoLevel(level: number): void {
  if (!(level > 0 && level < 0.5)) throw new RangeError(`tangoBounds: levels must be in (0, ½), got ${level}`);
}

// z(Δ0) falls from +Infinity at Δ0 = −1 through 0 at Δ0 = d̂ to −Infinity at Δ0 = 1, so each end is
// bracketed between d̂ and the matching end of [−1, 1] (and is that end when d̂ already sits on it).
// The tolerance is relative (Brent's own 2ε·|root|), so a bound of 1e-7 keeps all its digits.
const RELATIVE = { absoluteTolerance: 1e-300 };

function lowerBound(table: PairedTable, level: number): number {
  const estimate = pairedDifference(table);
  const critical = -normalQuantile(level);
  return estimate <= -1
    ? -1
    : findBracketedRoot((delta) => scoreStatistic(table, delta) - critical, -1, estimate, RELATIVE);
}

function upperBound(table: PairedTable, level: number): number {
  const estimate = pairedDifference(table);
  const critical = -normalQuantile(level);
  return estimate >= 1
    ? 1
    : findBracketedRoot((delta) => scoreStatistic(table, delta) + critical, estimate, 1, RELATIVE);
}

function scoreStatistic(table: PairedTable, delta: number): number {
  const n = pairCount(table);
  const excess = table.n01 - table.n10 - n * delta;
  const lossProbability = restrictedLossProbability(table, delta);
  // Var(d̂) under H0 is (π01 + π10 − Δ0²)/n with π01 = π10 + Δ0; scaled by n² to match `excess`.
  const scaledVariance = n * (2 * lossProbability + delta * (1 - delta));
  if (!(scaledVariance > 0)) return excess === 0 ? 0 : excess > 0 ? Infinity : -Infinity;
  return excess / Math.sqrt(scaledVariance);
}

/**
 * The maximum-likelihood estimate of π10 (incumbent right, candidate wrong) under the constraint
 * π01 − π10 = Δ0. Setting the derivative of the multinomial log-likelihood
 *   n01·log(π10 + Δ0) + n10·log π10 + (n11 + n00)·log(1 − 2π10 − Δ0)
 * to zero gives the quadratic 2n·π² + [(2n − n01 + n10)·Δ0 − (n01 + n10)]·π − n10·Δ0·(1 − Δ0) = 0,
 * whose larger root is the estimate (Tango 1998, section 3).
 */
function restrictedLossProbability(table: PairedTable, delta: number): number {
  const n = pairCount(table);
  const gains = table.n01;
  const losses = table.n10;
  const a = 2 * n;
  const b = (2 * n - gains + losses) * delta - (gains + losses);
  const c = -losses * delta * (1 - delta);
  const root = Math.sqrt(Math.max(0, b * b - 4 * a * c));
  // The two algebraically equal forms of the larger root; each avoids cancelling -b against root.
  const estimate = b <= 0 ? (root - b) / (2 * a) : (-2 * c) / (b + root);
  // Rounding must not push the estimate out of the parameter space: π10 ≥ 0, π01 = π10 + Δ0 ≥ 0 and
  // π11 + π00 = 1 − 2π10 − Δ0 ≥ 0.
  return Math.min(Math.max(estimate, Math.max(0, -delta)), (1 - delta) / 2);
}

function pairCount(table: PairedTable): number {
  return table.n11 + table.n10 + table.n01 + table.n00;
}

function requireTable(table: PairedTable): void {
  const counts = [table.n11, table.n10, table.n01, table.n00];
  if (!counts.every((count) => Number.isFinite(count) && count >= 0)) {
    throw new RangeError(`paired table counts must be finite and non-negative, got ${counts.join(', ')}`);
  }
  if (pairCount(table) === 0) throw new RangeError('paired table is empty: no pairs to compare');
}
