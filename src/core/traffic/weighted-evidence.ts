import { OVERALL, weightedCohortName } from '../cohorts.js';
import type { CohortMetricEvidence } from '../compare/comparison-data.js';
import { cohortDifference } from '../compare/difference-variance.js';
import { metricSettings } from '../policy/effective-settings.js';
import type { Policy } from '../policy/policy-schema.js';
import { formatCount, formatValue } from '../format-number.js';
import { postStratifiedDifference } from '../stats/post-stratified.js';
import { dimensionOf, productionMixes, type ProductionMix } from './production-mix.js';
import type { TrafficFile } from './traffic-file.js';
import type { TrafficWeighted } from './traffic-report.js';

/** A share as the reports print it: one decimal of a percent. */
const percent = (share: number): string => formatValue(share, 'proportion');

/**
 * The traffic-weighted comparisons: for each gated metric and each dimension of the traffic file,
 * the overall difference re-weighted to production's mix, Δ_w = Σ w_c Δ_c, with the cohorts'
 * own variances (paired where the data are paired). They are handed to the decision as evidence
 * like any cohort's, so they share the multiplicity correction, the MDE and the findings.
 *
 * A dimension is weighted only where production is covered: every cohort production has (count > 0)
 * must have a result for the metric in the eval, except cohorts that together have less than
 * traffic.min_share of the dimension. Those the gate already lets the eval lack (no
 * traffic.cohort-absent); refusing the whole comparison for a handful of events would let a
 * regression on production's mix pass unseen. They are left out, the other cohorts re-weighted among
 * themselves, and the comparison's method names them. A larger uncovered share stops the comparison:
 * re-weighting would then answer a different question (production without much of its traffic).
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
      const outcome = weightedItem(mix, metric, byCohort, policy.traffic.min_share);
      if (typeof outcome === 'string') return { metric, cohort: null, reason: outcome, by_design: false };
      if ('byDesign' in outcome) return { metric, cohort: null, reason: outcome.reason, by_design: true };
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
  minShare: number,
): CohortMetricEvidence | string | { reason: string; byDesign: true } {
  if (mix.total === 0) return `production's ${mix.dimension} counts are all 0`;
  const seen = mix.cohorts.filter(({ count }) => count > 0);
  // Re-weighting to a single cohort would only repeat that cohort's own comparison.
  if (seen.length === 1)
    return {
      reason: `production has one ${mix.dimension} cohort, ${(seen[0] as (typeof seen)[number]).cohort}: its own comparison is the weighted one`,
      byDesign: true,
    };
  const overlap = overlappingCohorts(mix.dimension, metric, byCohort);
  if (overlap !== undefined) return overlap;
  const uncovered: { cohort: string; count: number }[] = [];
  const unsupported: CohortMetricEvidence[] = [];
  const cells: { count: number; item: CohortMetricEvidence; difference: CohortDifference }[] = [];
  for (const { cohort, count } of mix.cohorts) {
    if (count === 0) continue;
    const item = byCohort.get(cohort)?.get(metric);
    if (item?.data === undefined) {
      uncovered.push({ cohort, count });
      continue;
    }
    const difference = cohortDifference(item.data);
    if (difference === undefined) unsupported.push(item);
    else cells.push({ count, item, difference });
  }
  if (unsupported.some((item) => item.data?.kind === 'paired-quantile'))
    return {
      reason: "a percentile of production's mix is not a weighted sum of per-cohort percentiles",
      byDesign: true,
    };
  if (unsupported.length > 0)
    return `${listed(unsupported.map((item) => item.cohort))} give${unsupported.length === 1 ? 's' : ''} ${metric} without an uncertainty, which a weighted difference needs`;
  const uncoveredShare = sum(uncovered.map(({ count }) => count)) / mix.total;
  if (uncovered.length > 0 && (uncoveredShare >= minShare || cells.length < 2))
    return `${listed(uncovered.map(({ cohort, count }) => `${cohort} (${percent(count / mix.total)} of production)`))} ${uncovered.length === 1 ? 'has' : 'have'} no ${metric} result in the eval: production's ${mix.dimension} mix is not covered`;

  const covered = sum(cells.map(({ count }) => count));
  const weighted = cells.map((cell) => ({ ...cell, weight: cell.count / covered }));
  const { estimate, standardError } = postStratifiedDifference(
    weighted.map(({ weight, difference }) => ({ weight, delta: difference.delta, variance: difference.variance })),
  );
  const weightedValue = (side: 'incumbent' | 'candidate'): number =>
    sum(weighted.map((cell) => cell.weight * cell.difference[side]));
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
      ...(uncovered.length === 0
        ? {}
        : { leftOut: { cohorts: uncovered.map(({ cohort }) => cohort), share: uncoveredShare } }),
    },
  };
}

/**
 * Why the eval's cohorts of a dimension cannot be weighted when they are not disjoint: their examples
 * add up to more than the overall's, so some example is in two of them (`region:eu` and `region:na`).
 * Their differences would then be correlated, and the post-stratified variance, which adds the
 * cohorts' variances as independent, too small. undefined when they add up (or there is no overall).
 */
function overlappingCohorts(
  dimension: string,
  metric: string,
  byCohort: ReadonlyMap<string, ReadonlyMap<string, CohortMetricEvidence>>,
): string | undefined {
  const examples = (item: CohortMetricEvidence | undefined): number =>
    item === undefined ? 0 : (item.nPaired ?? Math.min(item.nIncumbent, item.nCandidate));
  const overall = byCohort.get(OVERALL)?.get(metric);
  if (overall === undefined) return undefined;
  let inCohorts = 0;
  for (const [cohort, metrics] of byCohort)
    if (dimensionOf(cohort) === dimension) inCohorts += examples(metrics.get(metric));
  return inCohorts > examples(overall)
    ? `the eval's ${dimension} cohorts overlap: their ${metric} examples add up to ${formatCount(inCohorts)}, more than the overall's ${formatCount(examples(overall))}, so some example is in two of them and their results are not independent`
    : undefined;
}

type CohortDifference = NonNullable<ReturnType<typeof cohortDifference>>;

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A short list of names: the first three, then how many more. */
function listed(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
