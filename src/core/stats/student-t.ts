/**
 * Student's t distribution, for the paired and Welch mean-difference methods.
 */

import { normalCdf, normalQuantile } from './normal.js';
import { incompleteBetaPair, logGamma } from './special.js';

/** Above this df the normal approximation A&S 26.7.8 is more accurate than the continued fraction. */
const LARGE_DF = 1e8;

/**
 * P(T ≤ t) for T with df degrees of freedom (df > 0, not necessarily an integer; Infinity gives the
 * standard normal). NaN for invalid arguments.
 *
 * Uses the symmetric form P(T ≤ t) = I_z(df/2, df/2) with z = ½(1 + t/√(t² + df)). It follows from the
 * usual P(|T| > |t|) = I_{df/(df + t²)}(df/2, ½) (Abramowitz & Stegun 26.7.1 with 26.5.27) and the
 * identity I_z(a, a) = ½·I_{4z(1−z)}(a, ½) for z ≤ ½. The usual form puts the argument next to the
 * beta mean when df is large, where the continued fraction subtracts nearly equal numbers and loses
 * about df·1e-16 (1e-8 at df = 1e8); with equal parameters the loss is only about √df·1e-16. z and
 * 1 − z are both formed without subtraction, so neither tail loses relative precision.
 *
 * Beyond df = 1e8 the continued fraction needs too many terms, and the normal approximation of
 * A&S 26.7.8, Φ(t(1 − 1/(4df)) / √(1 + t²/(2df))), takes over: its relative error falls as 1/df² and
 * is already below 1e-13 for |t| ≤ 5 (1e-11 at |t| = 10) at df = 1e8.
 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || df <= 0) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalCdf(t);
  if (t === 0) return 0.5;
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  if (df > LARGE_DF) {
    const correction = 1 / (4 * df);
    return normalCdf((t * (1 - correction)) / Math.sqrt(1 + t * t * 2 * correction));
  }

  const absT = Math.abs(t);
  // r = √(t² + df), without overflowing t² for |t| beyond 1e154.
  const r = absT > Math.sqrt(df) ? absT * Math.sqrt(1 + df / absT / absT) : Math.sqrt(absT * absT + df);
  // ½(1 − |t|/r), rewritten as df / (2r(r + |t|)) so that it does not cancel in the tail.
  const tailArgument = df / r / (2 * (r + absT));
  const centralArgument = 0.5 * (1 + absT / r);
  const { lower, upper } = incompleteBetaPair(tailArgument, centralArgument, df / 2, df / 2);
  return t < 0 ? lower : upper;
}

/** The density of Student's t, the derivative Newton's method needs. */
function studentTDensity(t: number, df: number): number {
  const logNormalizer = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logNormalizer - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Relative accuracy asked of the quantile's iteration. The result is limited by the cdf's accuracy
 * (about 1e-14 for moderate df, 1e-11 near df = 1e8) divided by the slope there.
 */
const QUANTILE_RELATIVE_TOLERANCE = 1e-14;
const QUANTILE_MAX_ITERATIONS = 200;
/** Doubling the bracket this many times reaches beyond 1e300, enough for any df and p > 0. */
const BRACKET_MAX_DOUBLINGS = 1100;

/**
 * The p-quantile of Student's t with df degrees of freedom: −Infinity at 0, Infinity at 1, NaN outside
 * [0, 1] or for df ≤ 0.
 *
 * Solves cdf(t) = min(p, 1 − p) for t < 0 by Newton's method, safeguarded by bisection inside a bracket
 * that always holds the root, then mirrors the answer for p > ½. Working in the lower tail keeps full
 * relative precision for tiny p (the cdf there is computed without subtraction). Starting from the
 * normal quantile, which is always less extreme than t's, the bracket is widened by doubling until it
 * encloses the root.
 */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || p < 0 || p > 1 || df <= 0) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p);

  // 1 − p is exact for p ≥ ½, so the target tail area is exact.
  const tailArea = p < 0.5 ? p : 1 - p;
  const lowerTailQuantile = solveLowerTail(tailArea, df);
  return p < 0.5 ? lowerTailQuantile : -lowerTailQuantile;
}

/** The t < 0 with P(T ≤ t) = tailArea, for 0 < tailArea < ½. */
function solveLowerTail(tailArea: number, df: number): number {
  // Bracket [low, high] with cdf(low) ≤ tailArea ≤ cdf(high).
  let high = Math.min(normalQuantile(tailArea), -Number.MIN_VALUE);
  let low = 2 * high;
  for (let i = 0; i < BRACKET_MAX_DOUBLINGS && studentTCdf(low, df) > tailArea; i++) {
    high = low;
    low *= 2;
  }
  if (!Number.isFinite(low)) return Number.NEGATIVE_INFINITY;

  let t = 0.5 * (low + high);
  for (let iteration = 0; iteration < QUANTILE_MAX_ITERATIONS; iteration++) {
    const excess = studentTCdf(t, df) - tailArea;
    if (excess === 0) return t;
    if (excess > 0) high = t;
    else low = t;

    const density = studentTDensity(t, df);
    let next = t - excess / density;
    // Newton steps that leave the bracket (or a vanishing density) fall back to bisection.
    if (!(next > low && next < high)) next = 0.5 * (low + high);
    if (Math.abs(next - t) <= QUANTILE_RELATIVE_TOLERANCE * Math.abs(next)) return next;
    if (high - low <= QUANTILE_RELATIVE_TOLERANCE * Math.abs(high)) return 0.5 * (low + high);
    t = next;
  }
  return t;
}
