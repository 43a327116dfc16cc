/**
 * One cohort's difference and its sampling variance, as a post-stratified (traffic-weighted) comparison
 * adds them up across cohorts. The same variances the per-cohort standard errors use: paired for
 * per-example data (the two models are scored on the same examples, so their errors are correlated and
 * the paired variance is the smaller one), unpaired for summaries.
 */

import type { ComparisonData } from './comparison-data.js';

type CohortDifference = {
  readonly incumbent: number;
  readonly candidate: number;
  readonly delta: number;
  readonly variance: number;
};

/**
 * Each side's value, Δ = candidate − incumbent, and Var(Δ), all in the raw orientation (as the files
 * give them; the caller flips the sign for a lower-is-better metric, which leaves the variance alone):
 * - paired-binary: Δ = (n01 − n10)/n (n10: incumbent right, candidate wrong), Var = (p01 + p10 − Δ²)/n,
 *   but never below the variance of a single discordant pair (see below);
 * - unpaired-binary: Var = p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂, each p(1 − p) at least (1/n)(1 − 1/n);
 * - paired-mean: Δ = mean of the per-example differences candidate − incumbent, Var = sd_diff²/n;
 * - unpaired-mean: Var = sd₁²/n₁ + sd₂²/n₂.
 * undefined for a percentile (the percentile of a mix of cohorts is not the weighted sum of their
 * percentiles), for a point value (no uncertainty to add up), for a post-stratified overall (not a
 * cohort), and wherever the evidence gives no finite variance (an empty side, a single pair), so that
 * nothing is weighted on a variance that was not there.
 */
export function cohortDifference(data: ComparisonData): CohortDifference | undefined {
  switch (data.kind) {
    case 'paired-binary': {
      const { n11, n10, n01, n00 } = data.table;
      const n = n11 + n10 + n01 + n00;
      const delta = (n01 - n10) / n;
      const discordance = (n01 + n10) / n;
      // Rounding could take p01 + p10 − Δ² a hair below 0 when every discordant pair goes one way.
      // No discordant pair is not certainty: 20 examples on which both models agree say little, and
      // with a large production weight a variance of 0 would make the weighted bound far too tight.
      // So no cohort counts as surer than one with a single discordant pair.
      const observed = Math.max(0, discordance - delta * delta) / n;
      return finite((n11 + n10) / n, (n11 + n01) / n, delta, Math.max(observed, onePairVariance(n)));
    }
    case 'unpaired-binary': {
      const p1 = data.incumbent.successes / data.incumbent.n;
      const p2 = data.candidate.successes / data.candidate.n;
      // The same floor for a side at 0% or 100%: as if one example had gone the other way.
      const side = (p: number, n: number): number => Math.max(p * (1 - p), (1 / n) * (1 - 1 / n)) / n;
      return finite(p1, p2, p2 - p1, side(p1, data.incumbent.n) + side(p2, data.candidate.n));
    }
    case 'paired-mean':
      // meanDiff is the mean of candidate − incumbent per example (src/core/load/paired-accumulator.ts;
      // the paired-summary reader checks mean_diff = candidate_mean − incumbent_mean).
      return finite(data.incumbentMean, data.candidateMean, data.meanDiff, data.sdDiff ** 2 / data.n);
    case 'unpaired-mean': {
      const { incumbent, candidate } = data;
      return finite(
        incumbent.mean,
        candidate.mean,
        candidate.mean - incumbent.mean,
        incumbent.sd ** 2 / incumbent.n + candidate.sd ** 2 / candidate.n,
      );
    }
    // A post-stratified overall is already a weighted sum over one dimension: not a cohort to weight again.
    case 'paired-quantile':
    case 'point':
    case 'post-stratified':
      return undefined;
  }
}

/** The paired variance of Δ with exactly one discordant pair among n: (1/n − 1/n²)/n. */
function onePairVariance(n: number): number {
  return (1 / n - 1 / (n * n)) / n;
}

function finite(incumbent: number, candidate: number, delta: number, variance: number): CohortDifference | undefined {
  return [incumbent, candidate, delta, variance].every(Number.isFinite) && variance >= 0
    ? { incumbent, candidate, delta, variance }
    : undefined;
}
