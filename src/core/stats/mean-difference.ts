/**
 * Estimates, standard errors and degrees of freedom for differences of means, to be turned into
 * t-based bounds and p-values by the caller.
 */

export interface MeanSummary {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (divisor n − 1). */
  readonly sd: number;
}

export interface MeanDifference {
  /** Candidate minus incumbent. */
  readonly estimate: number;
  readonly standardError: number;
  readonly df: number;
}

/**
 * The paired t statistic's ingredients from the per-example differences (candidate − incumbent):
 * estimate = mean difference, standard error = sd/√n, df = n − 1. A single pair gives df = 0, which
 * supports no t-based bound; the caller decides what that means.
 */
export function pairedMeanDifference(diff: MeanSummary): MeanDifference {
  requireSummary(diff, 'pairedMeanDifference');
  return { estimate: diff.mean, standardError: diff.sd / Math.sqrt(diff.n), df: diff.n - 1 };
}

/**
 * Welch's unequal-variance comparison of two independent samples (B. L. Welch, Biometrika 34 (1947)
 * 28–35): estimate = mean_candidate − mean_incumbent, standard error = √(s₁²/n₁ + s₂²/n₂), and the
 * Welch–Satterthwaite degrees of freedom
 *   df = (v₁ + v₂)² / (v₁²/(n₁ − 1) + v₂²/(n₂ − 1)),  vᵢ = sᵢ²/nᵢ.
 */
export function welchMeanDifference(incumbent: MeanSummary, candidate: MeanSummary): MeanDifference {
  requireSummary(incumbent, 'welchMeanDifference (incumbent)');
  requireSummary(candidate, 'welchMeanDifference (candidate)');
  const incumbentVariance = (incumbent.sd * incumbent.sd) / incumbent.n;
  const candidateVariance = (candidate.sd * candidate.sd) / candidate.n;
  const totalVariance = incumbentVariance + candidateVariance;
  const estimate = candidate.mean - incumbent.mean;
  if (incumbent.n < 2 || candidate.n < 2) {
    // A one-observation arm has no variance estimate of its own, so no t-based bound exists: df = 0.
    return { estimate, standardError: Math.sqrt(totalVariance), df: 0 };
  }
  if (totalVariance === 0) {
    // Both samples are constant: Satterthwaite's formula is 0/0. The standard error is 0 whatever the
    // df, so the pooled df n₁ + n₂ − 2 is reported rather than NaN.
    return { estimate, standardError: 0, df: incumbent.n + candidate.n - 2 };
  }
  const df =
    (totalVariance * totalVariance) /
    (welchDfTerm(incumbentVariance, incumbent.n) + welchDfTerm(candidateVariance, candidate.n));
  return { estimate, standardError: Math.sqrt(totalVariance), df };
}

/** vᵢ²/(nᵢ − 1), taken as 0 when the sample contributes no variance (it then adds no uncertainty). */
function welchDfTerm(variance: number, n: number): number {
  return variance === 0 ? 0 : (variance * variance) / (n - 1);
}

/**
 * n must be a positive integer and the mean finite. sd may be NaN (unknown, as for a single
 * observation), which propagates to a NaN standard error, but not negative or infinite.
 */
function requireSummary(summary: MeanSummary, where: string): void {
  if (!Number.isInteger(summary.n) || summary.n < 1) {
    throw new RangeError(`${where}: need at least 1 observation, got n = ${summary.n}`);
  }
  if (!Number.isFinite(summary.mean) || summary.sd < 0 || summary.sd === Number.POSITIVE_INFINITY) {
    throw new RangeError(`${where}: need a finite mean and 0 ≤ sd < ∞, got ${summary.mean}, ${summary.sd}`);
  }
}
