/**
 * Exact Poisson sampling for the Poisson bootstrap.
 *
 * The bootstrap needs two kinds of draws: millions of Poisson(1) weights for single pairs, and a few
 * Poisson(m) weights per replicate for whole groups of m pairs (m up to the cohort size). One algorithm
 * is not good at both, so:
 * - mean < 10: inversion by sequential search of the CDF. It uses one uniform per draw and about
 *   mean + 1 comparisons, which makes it the fastest exact method for small means. The CDF table is
 *   cached for the last mean, so repeated Poisson(1) draws are a few comparisons each.
 * - mean ≥ 10: PTRS, the transformed rejection method with squeeze of W. Hörmann, "The transformed
 *   rejection method for generating Poisson random variables", Insurance: Mathematics and Economics
 *   12 (1993) 39–45. It needs about 2.3 uniforms per draw on average whatever the mean, so means up to
 *   1e7 and beyond cost the same. Hörmann gives the constants for mean ≥ 10.
 * Both are exact: the only error is floating-point rounding, with no normal approximation anywhere.
 */

import type { Rng } from './rng.js';

/** Below this mean, inversion is used. PTRS's constants are only valid from 10 upwards. */
const PTRS_THRESHOLD = 10;

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** log(k!) for small k, summed once. The Stirling series below is less accurate at small k. */
const LOG_FACTORIAL_TABLE_SIZE = 256;
const LOG_FACTORIAL_TABLE: Float64Array = (() => {
  const table = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
  for (let k = 2; k < LOG_FACTORIAL_TABLE_SIZE; k++) table[k] = (table[k - 1] ?? 0) + Math.log(k);
  return table;
})();

/**
 * log(k!) for a non-negative integer k. From the table for small k. Above that, the Stirling series
 * with three correction terms, whose error at k ≥ 256 is far below double precision.
 */
function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE_SIZE) return LOG_FACTORIAL_TABLE[k] ?? 0;
  const inv = 1 / k;
  const inv2 = inv * inv;
  return (k + 0.5) * Math.log(k) - k + HALF_LOG_TWO_PI + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/**
 * CDF table for inversion, cached for the last mean used. The bootstrap asks for Poisson(1) millions
 * of times, and recomputing exp(−mean) and the running products on every draw would cost about as much
 * as everything else in a replicate.
 */
let cachedMean = Number.NaN;
let cachedCdf: Float64Array = new Float64Array(0);

function inversionTable(mean: number): Float64Array {
  if (mean === cachedMean) return cachedCdf;
  cachedCdf = buildCdf(mean);
  cachedMean = mean;
  return cachedCdf;
}

function buildCdf(mean: number): Float64Array {
  const cdf: number[] = [];
  let probability = Math.exp(-mean);
  let cumulative = probability;
  cdf.push(cumulative);
  // Stop once the CDF can no longer grow in double precision. The tail beyond that has mass below
  // 1e-16, which no uniform with 32-bit resolution can reach.
  for (let k = 1; cumulative < 1; k++) {
    probability *= mean / k;
    const grown = cumulative + probability;
    if (grown === cumulative) break;
    cumulative = grown;
    cdf.push(cumulative);
  }
  return Float64Array.from(cdf);
}

/** Poisson(1), the bootstrap's per-pair weight, has its own table so other means never evict it. */
const POISSON_ONE_CDF = buildCdf(1);
const POISSON_ONE_LAST = POISSON_ONE_CDF.length - 1;

/** One draw from Poisson(1): the same draws as samplePoisson(rng, 1), without the checks and the cache lookup. */
export function samplePoissonOne(rng: Rng): number {
  const u = rng.next();
  let k = 0;
  while (k < POISSON_ONE_LAST && u >= POISSON_ONE_CDF[k]!) k++;
  return k;
}

/** Inversion: the smallest k with u < P(X ≤ k). */
function sampleByInversion(rng: Rng, mean: number): number {
  const cdf = inversionTable(mean);
  const u = rng.next();
  const last = cdf.length - 1;
  let k = 0;
  while (k < last && u >= cdf[k]!) k++;
  return k;
}

/** Hörmann's PTRS (1993), for mean ≥ 10. */
function sampleByPtrs(rng: Rng, mean: number): number {
  const sqrtMean = Math.sqrt(mean);
  const logMean = Math.log(mean);
  // Constants of the hat function and of the squeeze, as fitted by Hörmann (1993, algorithm PTRS).
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    // Squeeze: in this central region the hat lies under the distribution, so most draws are accepted
    // here without any logarithm.
    if (us >= 0.07 && v <= vr) return k;
    // Outside the support, or in the thin tails of the hat where the squeeze test cannot be used.
    if (k < 0 || (us < 0.013 && v > us)) continue;
    // Exact acceptance test against the Poisson probability, done in logs so that large means
    // neither overflow nor underflow.
    const logHat = Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b);
    if (logHat <= -mean + k * logMean - logFactorial(k)) return k;
  }
}

/**
 * One draw from Poisson(mean). mean = 0 gives 0 without using the generator. Throws for a negative or
 * non-finite mean.
 */
export function samplePoisson(rng: Rng, mean: number): number {
  if (!Number.isFinite(mean) || mean < 0) {
    throw new RangeError(`samplePoisson: the mean must be a finite number ≥ 0, got ${mean}`);
  }
  if (mean === 0) return 0;
  return mean < PTRS_THRESHOLD ? sampleByInversion(rng, mean) : sampleByPtrs(rng, mean);
}
