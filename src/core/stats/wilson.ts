/**
 * The Wilson score interval for a single binomial proportion (E. B. Wilson, "Probable inference, the
 * law of succession, and statistical inference", JASA 22 (1927) 209–212).
 *
 * It is the set of p not rejected by the score test, so, unlike the Wald interval, it stays inside
 * [0, 1] and does not collapse to a point when the count is 0 or n.
 */

import { normalQuantile } from './normal.js';

export interface ProportionInterval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Two-sided Wilson interval at the given confidence (e.g. 0.95) for `successes` out of `n`.
 * With n = 0 nothing is known and the interval is [0, 1].
 */
export function wilsonInterval(successes: number, n: number, confidence: number): ProportionInterval {
  if (!(n >= 0) || !(successes >= 0) || successes > n || !Number.isFinite(n)) {
    throw new RangeError(`wilsonInterval: need 0 ≤ successes ≤ n, got ${successes} of ${n}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`wilsonInterval: confidence must be in (0, 1), got ${confidence}`);
  }
  if (n === 0) return { lower: 0, upper: 1 };

  // z from the smaller tail, where normalQuantile's argument is exact.
  const z = -normalQuantile((1 - confidence) / 2);
  const zSquared = z * z;
  const proportion = successes / n;
  const denominator = 1 + zSquared / n;
  const centre = (proportion + zSquared / (2 * n)) / denominator;
  const halfWidth =
    (z * Math.sqrt((proportion * (1 - proportion)) / n + zSquared / (4 * n * n))) / denominator;
  // At 0 and n the matching end is exactly 0 or 1; the formula only gets there up to rounding.
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === n ? 1 : Math.min(1, centre + halfWidth),
  };
}
