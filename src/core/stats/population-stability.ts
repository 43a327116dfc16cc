/**
 * The population stability index (PSI) between two mixes over the same categories: how far the eval's
 * cohort mix sits from production's. PSI = Σ (e_i − p_i)·ln(e_i / p_i), a symmetrised Kullback–Leibler
 * divergence; each term is ≥ 0, so the terms say which cohorts drive the shift.
 */

/**
 * The floor applied to every share before the logarithm. A share of 0 (a cohort the eval lacks, or one
 * production never sees) would make its term infinite; flooring it at 1e-4 (one in ten thousand) keeps
 * the term finite but large, so that cohort still dominates the index. The shares are not renormalised
 * after flooring: the floor is a stated convention, not an estimate.
 */
export const PSI_EPSILON = 1e-4;

/**
 * PSI of the eval shares against the production shares, category by category, with each share floored
 * at PSI_EPSILON (see there). Throws on arrays of different lengths or a negative or non-finite share:
 * callers validate their input, so those are programming errors.
 */
export function populationStabilityIndex(
  evalShares: readonly number[],
  productionShares: readonly number[],
): { readonly psi: number; readonly terms: number[] } {
  if (evalShares.length !== productionShares.length) {
    throw new Error(
      `populationStabilityIndex: ${evalShares.length} eval shares against ${productionShares.length} production shares`,
    );
  }
  requireShares('eval', evalShares);
  requireShares('production', productionShares);
  const terms = evalShares.map((share, i) => {
    const e = Math.max(share, PSI_EPSILON);
    const p = Math.max(productionShares[i] ?? 0, PSI_EPSILON);
    return (e - p) * Math.log(e / p);
  });
  return { psi: terms.reduce((sum, term) => sum + term, 0), terms };
}

function requireShares(side: string, shares: readonly number[]): void {
  shares.forEach((share, i) => {
    if (!(Number.isFinite(share) && share >= 0)) {
      throw new Error(`populationStabilityIndex: ${side} share ${i} must be finite and non-negative, got ${share}`);
    }
  });
}
