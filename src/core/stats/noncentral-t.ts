/**
 * The noncentral t distribution: T = (Z + δ)/√(V/ν) with Z standard normal and V ~ χ²_ν independent.
 * The power of a one-sided t test is a tail of it, so the minimum detectable effect of a mean needs it:
 * with the normal in its place, a 10-example cohort is promised about twice the power it has.
 *
 * For t ≥ 0 (Lenth, "Algorithm AS 243", Applied Statistics 38 (1989) 185–189):
 *   P(T ≤ t) = Φ(−δ) + ½ Σ_{i≥0} [p_i·I_x(i + ½, ν/2) + q_i·I_x(i + 1, ν/2)],   x = t²/(ν + t²),
 *   p_i = e^{−y}·y^i/i!,  q_i = (δ/√2)·e^{−y}·y^i/Γ(i + 3/2),  y = δ²/2,
 * and P(T ≤ t; ν, δ) = 1 − P(T ≤ −t; ν, −δ) for t < 0. Following Benton & Krishnamoorthy
 * (Computational Statistics & Data Analysis 43 (2003) 249–267), the sum starts at the largest Poisson
 * weight (i = ⌊y⌋), with both incomplete betas computed once there, and runs outwards in both
 * directions by the recurrences I_x(a + 1, b) = I_x(a, b) − g(a), g(a) = x^a·(1 − x)^b/(a·B(a, b)),
 * g(a + 1) = g(a)·x·(a + b)/(a + 1). The weights are formed in log space, so a large δ cannot underflow
 * them. Absolute accuracy about 1e-14.
 *
 * Past δ = 100 (y = 5,000) the sum needs thousands of terms. There the mixture is integrated the other
 * way, over Z: P(T ≤ t) = E[P(V/ν ≥ ((Z + δ)/t)²)] for t > 0, a smooth integrand once δ is that large,
 * by composite Simpson on [−12, 12] (absolute accuracy about 1e-10).
 */

import { regularizedUpperGamma } from './incomplete-gamma.js';
import { normalCdf, normalQuantile } from './normal.js';
import { findBracketedRoot } from './root.js';
import { incompleteBetaPair, logBeta, logGamma } from './special.js';
import { studentTCdf, studentTQuantile } from './student-t.js';

const TERM_NEGLIGIBLE = 1e-18;
const MAX_TERMS = 200_000;
const SUM_LIMIT_Y = 5000;
const SIMPSON_INTERVALS = 4800;
const Z_RANGE = 12;

/** P(T ≤ t) for the noncentral t with df > 0 degrees of freedom and noncentrality ncp; NaN for invalid arguments. */
export function noncentralTCdf(t: number, df: number, ncp: number): number {
  if ([t, df, ncp].some(Number.isNaN) || df <= 0 || !Number.isFinite(ncp)) return Number.NaN;
  if (ncp === 0) return studentTCdf(t, df);
  if (df === Number.POSITIVE_INFINITY) return normalCdf(t - ncp);
  if (t < 0) return clamp01(1 - nonNegativeCdf(-t, df, -ncp));
  return clamp01(nonNegativeCdf(t, df, ncp));
}

/**
 * The noncentrality λ at which a one-sided t test with df degrees of freedom, rejecting when T exceeds
 * its (1 − level) quantile, has the given power: P(T > t_{1−level, df}; df, λ) = power. The power rises
 * with λ, from `level` at λ = 0, so the root is bracketed by doubling.
 */
export function tTestNoncentrality(df: number, level: number, power: number): number {
  if (!(df > 0) || !(level > 0 && level < 0.5) || !(power > level && power < 1)) return Number.NaN;
  // The critical value from the lower tail, where the level is exact (1 − level would round it).
  const critical = -studentTQuantile(level, df);
  const shortfall = (lambda: number): number => 1 - noncentralTCdf(critical, df, lambda) - power;
  let upper = Math.max(1, critical + normalQuantile(power));
  while (shortfall(upper) < 0) upper *= 2;
  return findBracketedRoot(shortfall, 0, upper, { absoluteTolerance: 1e-12 * upper });
}

function nonNegativeCdf(t: number, df: number, delta: number): number {
  const base = normalCdf(-delta);
  if (t === 0) return base;
  if (t === Number.POSITIVE_INFINITY) return 1;
  const y = (delta * delta) / 2;
  if (y > SUM_LIMIT_Y) return integratedOverZ(t, df, delta);
  // x = t²/(ν + t²) and 1 − x = ν/(ν + t²), each formed without subtraction (nor overflow of t²).
  const ratio = df / t / t;
  const x = 1 / (1 + ratio);
  const complement = ratio / (1 + ratio);
  return base + 0.5 * mixtureSum(x, complement, df / 2, delta, y);
}

function mixtureSum(x: number, complement: number, b: number, delta: number, y: number): number {
  const k = Math.floor(y);
  const logX = complement < 0.5 ? Math.log1p(-complement) : Math.log(x);
  const logComplement = Math.log(complement);
  const logPowerOfY = y === 0 ? 0 : k * Math.log(y);
  const p0 = Math.exp(-y + logPowerOfY - logGamma(k + 1));
  const q0 = (delta / Math.SQRT2) * Math.exp(-y + logPowerOfY - logGamma(k + 1.5));
  const betaTerm = (a: number): number => Math.exp(a * logX + b * logComplement - Math.log(a) - logBeta(a, b));
  const aP = k + 0.5;
  const aQ = k + 1;
  const iP0 = incompleteBetaPair(x, complement, aP, b).lower;
  const iQ0 = incompleteBetaPair(x, complement, aQ, b).lower;
  const gP0 = betaTerm(aP);
  const gQ0 = betaTerm(aQ);
  let sum = p0 * iP0 + q0 * iQ0;

  // Outwards to larger i: the incomplete betas shrink by g, the weights by y/(i + 1) and y/(i + 3/2).
  let [p, q, iP, iQ, gP, gQ] = [p0, q0, iP0, iQ0, gP0, gQ0];
  for (let i = k + 1; i < k + MAX_TERMS; i++) {
    iP -= gP;
    iQ -= gQ;
    gP *= (x * (i - 0.5 + b)) / (i + 0.5);
    gQ *= (x * (i + b)) / (i + 1);
    p *= y / i;
    q *= y / (i + 0.5);
    sum += p * Math.max(0, iP) + q * Math.max(0, iQ);
    if (p < TERM_NEGLIGIBLE && Math.abs(q) < TERM_NEGLIGIBLE) break;
  }
  // Inwards to i = 0: g(a − 1) = g(a)·a/(x·(a − 1 + b)), I_x(a − 1, b) = I_x(a, b) + g(a − 1).
  [p, q, iP, iQ, gP, gQ] = [p0, q0, iP0, iQ0, gP0, gQ0];
  for (let i = k - 1; i >= 0; i--) {
    gP *= (i + 1.5) / (x * (i + 0.5 + b));
    gQ *= (i + 2) / (x * (i + 1 + b));
    iP += gP;
    iQ += gQ;
    p *= (i + 1) / y;
    q *= (i + 1.5) / y;
    sum += p * Math.min(1, iP) + q * Math.min(1, iQ);
    if (p < TERM_NEGLIGIBLE && Math.abs(q) < TERM_NEGLIGIBLE) break;
  }
  return sum;
}

/** P(T ≤ t) for t > 0 as ∫ φ(z)·P(χ²_ν ≥ ν((z + δ)/t)²) dz, with P(…) = 1 where z + δ ≤ 0. */
function integratedOverZ(t: number, df: number, delta: number): number {
  const integrand = (z: number): number => {
    const w = (z + delta) / t;
    const tail = z + delta <= 0 ? 1 : regularizedUpperGamma(df / 2, (df * w * w) / 2);
    return Math.exp(-0.5 * z * z) * tail;
  };
  // The kink at z = −δ, if inside the range, is an end of a piece; below it the integrand is φ alone.
  const kink = -delta;
  let total = 0;
  if (kink > -Z_RANGE) total += normalCdf(Math.min(kink, Z_RANGE)) - normalCdf(-Z_RANGE);
  const start = Math.max(-Z_RANGE, kink);
  if (start < Z_RANGE) total += simpson(integrand, start, Z_RANGE) / Math.sqrt(2 * Math.PI);
  return total;
}

function simpson(f: (z: number) => number, from: number, to: number): number {
  const h = (to - from) / SIMPSON_INTERVALS;
  let sum = f(from) + f(to);
  for (let i = 1; i < SIMPSON_INTERVALS; i++) sum += (i % 2 === 1 ? 4 : 2) * f(from + i * h);
  return (sum * h) / 3;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
