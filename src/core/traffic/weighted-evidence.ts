import { weightedCohortName } from '../cohorts.js';
import type { CohortMetricEvidence } from '../compare/comparison-data.js';
import { cohortDifference } from '../compare/difference-variance.js';
import { metricSettings } from '../policy/effective-settings.js';
import type { Policy } from '../policy/policy-schema.js';
import { postStratifiedDifference } from '../stats/post-stratified.js';
import { productionMixes, type ProductionMix } from './production-mix.js';
import type { TrafficFile } from './traffic-file.js';
import type { TrafficWeighted } from './traffic-report.js';

/**
 * The traffic-weighted comparisons: for each gated metric and each dimension of the traffic file,
 * the overall difference re-weighted to production's mix, Δ_w = Σ w_c Δ_c, with the cohorts'
 * own variances (paired where the data are paired). They are handed to the decision as evidence
 * like any cohort's, so they share the multiplicity correction, the MDE and the findings.
 *
 * A dimension is weighted only where production is fully covered: every cohort production has
 * (count > 0) must have a result for the metric in the eval. Re-normalising over the covered cohorts
 * would silently answer a different question (production without the cohorts the eval lacks).
 */
export function trafficWeightedEvidence(
  traffic: TrafficFile,
  evidence: readonly CohortMetricEvidence[],
  policy: Policy,
): { evidence: CohortMetricEvidence[]; weighted: Map<string, TrafficWeighted[]> } {
  const byCohort = new Map<string, Map<string, CohortMetricEvidence>>();
  const gated = new Map<string, CohortMetricEvidence['kind']>();
  for (const item of evidence) {
    let metrics = byCohort.get(item.cohort);
    if (metrics === undefined) byCohort.set(item.cohort, (metrics = new Map()));
    metrics.set(item.metric, item);
    if (metricSettings(policy, item.metric, item.kind).gated) gated.set(item.metric, item.kind);
  }
  const metrics = [...gated.keys()].sort();
  const made: CohortMetricEvidence[] = [];
  const weighted = new Map<string, TrafficWeighted[]>();
  for (const mix of productionMixes(traffic)) {
    const entries = metrics.map((metric): TrafficWeighted => {
      const outcome = weightedItem(mix, metric, byCohort);
      if (typeof outcome === 'string') return { metric, cohort: null, reason: outcome };
      made.push(outcome);
      return { metric, cohort: outcome.cohort, reason: null };
    });
    weighted.set(mix.dimension, entries);
  }
  return { evidence: made, weighted };
}

/** The weighted evidence of one metric over one dimension, or why there is none. */
function weightedItem(
  mix: ProductionMix,
  metric: string,
  byCohort: ReadonlyMap<string, ReadonlyMap<string, CohortMetricEvidence>>,
): CohortMetricEvidence | string {
  if (mix.total === 0) return `production's ${mix.dimension} counts are all 0`;
  const seen = mix.cohorts.filter(({ count }) => count > 0);
  // Re-weighting to a single cohort would only repeat that cohort's own comparison.
  if (seen.length === 1)
    return `production has one ${mix.dimension} cohort, ${(seen[0] as (typeof seen)[number]).cohort}: its own comparison is the weighted one`;
  const uncovered: string[] = [];
  const unsupported: CohortMetricEvidence[] = [];
  const cells: { weight: number; item: CohortMetricEvidence; difference: CohortDifference }[] = [];
  for (const { cohort, count } of mix.cohorts) {
    if (count === 0) continue;
    const item = byCohort.get(cohort)?.get(metric);
    if (item?.data === undefined) {
      uncovered.push(`${cohort} (${percent(count / mix.total)} of production)`);
      continue;
    }
    const difference = cohortDifference(item.data);
    if (difference === undefined) unsupported.push(item);
    else cells.push({ weight: count / mix.total, item, difference });
  }
  if (unsupported.some((item) => item.data?.kind === 'paired-quantile'))
    return "a percentile of production's mix is not a weighted sum of per-cohort percentiles";
  if (unsupported.length > 0)
    return `${listed(unsupported.map((item) => item.cohort))} give${unsupported.length === 1 ? 's' : ''} ${metric} without an uncertainty, which a weighted difference needs`;
  if (uncovered.length > 0)
    return `${listed(uncovered)} ${uncovered.length === 1 ? 'has' : 'have'} no ${metric} result in the eval: production's ${mix.dimension} mix is not covered`;

  const { estimate, standardError } = postStratifiedDifference(
    cells.map(({ weight, difference }) => ({ weight, delta: difference.delta, variance: difference.variance })),
  );
  const weightedValue = (side: 'incumbent' | 'candidate'): number =>
    sum(cells.map((cell) => cell.weight * cell.difference[side]));
  const paired = cells.every((cell) => cell.item.nPaired !== undefined);
  return {
    cohort: weightedCohortName(mix.dimension),
    metric,
    kind: (cells[0] as (typeof cells)[number]).item.kind,
    nIncumbent: sum(cells.map((cell) => cell.item.nIncumbent)),
    nCandidate: sum(cells.map((cell) => cell.item.nCandidate)),
    nPaired: paired ? sum(cells.map((cell) => cell.item.nPaired ?? 0)) : undefined,
    data: {
      kind: 'post-stratified',
      dimension: mix.dimension,
      cohorts: cells.length,
      incumbent: weightedValue('incumbent'),
      candidate: weightedValue('candidate'),
      delta: estimate,
      standardError,
      paired,
    },
  };
}

type CohortDifference = NonNullable<ReturnType<typeof cohortDifference>>;

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A short list of names: the first three, then how many more. */
function listed(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
