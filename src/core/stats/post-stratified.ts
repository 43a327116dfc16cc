/**
 * The post-stratified difference: per-cohort differences re-weighted to a target mix (production's),
 * instead of the mix the eval happens to have.
 */

/** Tolerance on the weights' sum: they are shares computed in floating point. */
const WEIGHT_SUM_TOLERANCE = 1e-9;

/**
 * Δ_w = Σ w_c·Δ_c and its standard error √(Σ w_c²·Var(Δ_c)). The cohorts of one dimension are disjoint
 * sets of examples, so their estimates are independent and the covariances vanish; the weights are
 * production's shares, treated as known (production counts are large).
 *
 * Throws unless every weight is finite and ≥ 0 with a sum of 1 (± 1e-9), every Δ finite and every
 * variance finite and ≥ 0: callers validate their input, so those are programming errors.
 */
export function postStratifiedDifference(
  cells: readonly { readonly weight: number; readonly delta: number; readonly variance: number }[],
): { readonly estimate: number; readonly standardError: number } {
  let weightSum = 0;
  let estimate = 0;
  let variance = 0;
  cells.forEach(({ weight, delta, variance: cellVariance }, i) => {
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new Error(`postStratifiedDifference: weight ${i} must be finite and non-negative, got ${weight}`);
    }
    if (!Number.isFinite(delta)) throw new Error(`postStratifiedDifference: delta ${i} must be finite, got ${delta}`);
    if (!(Number.isFinite(cellVariance) && cellVariance >= 0)) {
      throw new Error(`postStratifiedDifference: variance ${i} must be finite and non-negative, got ${cellVariance}`);
    }
    weightSum += weight;
    estimate += weight * delta;
    variance += weight * weight * cellVariance;
  });
  if (!(Math.abs(weightSum - 1) <= WEIGHT_SUM_TOLERANCE)) {
    throw new Error(`postStratifiedDifference: the weights must sum to 1, got ${weightSum}`);
  }
  return { estimate, standardError: Math.sqrt(variance) };
}
