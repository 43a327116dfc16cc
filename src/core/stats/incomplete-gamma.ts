/**
 * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a), i.e. the upper tail of a
 * Gamma(a, 1) variable: P(χ²_ν > x) = Q(ν/2, x/2). The noncentral t needs it for its far-tail route.
 *
 * Below x = a + 1 the power series of the lower function P (Abramowitz & Stegun 6.5.29) converges fast;
 * Q is not small there (above about 0.08), so Q = 1 − P costs no relative accuracy. Above it, the
 * continued fraction of Γ(a, x) (A&S 6.5.31) gives the tail Q directly, keeping its relative accuracy.
 */

import { logGamma } from './special.js';

const EPSILON = 1e-16;
const MAX_TERMS = 100_000;
const TINY = 1e-300;

/** Q(a, x) for a > 0 and x ≥ 0; NaN otherwise. */
export function regularizedUpperGamma(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || !(a > 0) || x < 0) return Number.NaN;
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const logPrefactor = -x + a * Math.log(x);
  if (x < a + 1) {
    // P(a, x) = e^{−x}·x^a/Γ(a + 1) · Σ_{k≥0} x^k / ((a + 1)(a + 2)…(a + k)).
    let term = 1;
    let sum = 1;
    for (let k = 1; k <= MAX_TERMS; k++) {
      term *= x / (a + k);
      sum += term;
      if (term < EPSILON * sum) break;
    }
    const lower = Math.exp(logPrefactor - logGamma(a + 1)) * sum;
    return Math.max(0, 1 - lower);
  }
  // Γ(a, x) = e^{−x}·x^a · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …))),
  // evaluated front to back by the modified Lentz method.
  let denominator = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / denominator;
  let value = d;
  for (let i = 1; i <= MAX_TERMS; i++) {
    const numerator = -i * (i - a);
    denominator += 2;
    d = numerator * d + denominator;
    if (Math.abs(d) < TINY) d = TINY;
    c = denominator + numerator / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    value *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(logPrefactor - logGamma(a)) * value;
}
