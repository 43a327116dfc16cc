import { compareCohortNames } from '../cohorts.js';
import { InputError } from '../errors.js';
import type { PairedSummary, PairedSummaryCohort } from '../load/paired-summary.js';
import { type PairedMetric, isBinary } from '../load/paired-summary-schema.js';
import { quantileOf } from '../policy/effective-settings.js';
import type { Statistic } from '../policy/policy-schema.js';
import type { CohortMetricEvidence, ComparisonData } from './comparison-data.js';

/**
 * One evidence entry per (cohort, metric), built as collect-paired builds it from per-example
 * pairs, so the two inputs reach the same statistics. A metric some cohorts lack is kept, as
 * missing there, rather than dropped without a word.
 */
export function pairedSummaryEvidence(
  summary: PairedSummary,
  statisticOf: (metric: string) => Statistic,
): CohortMetricEvidence[] {
  for (const [metric, kind] of summary.metrics) {
    const statistic = statisticOf(metric);
    if (kind === 'continuous' && quantileOf(statistic) !== undefined) {
      throw new InputError(
        summary.path,
        `the policy gates ${metric} on ${statistic}, but a paired summary carries means only; gate it on the mean, or give per-example results`,
        { field: `cohorts.${firstCohortWith(summary, metric)}.metrics.${metric}` },
      );
    }
  }
  const metricNames = [...summary.metrics.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const evidence: CohortMetricEvidence[] = [];
  for (const cohortName of [...summary.cohorts.keys()].sort(compareCohortNames)) {
    const cohort = summary.cohorts.get(cohortName) as PairedSummaryCohort;
    for (const metric of metricNames) {
      const kind = summary.metrics.get(metric) as 'binary' | 'continuous';
      const value = cohort.metrics.get(metric);
      if (value === undefined) {
        // No pair of this cohort has the metric: the decision reports it missing, as for a cohort
        // a per-example file lacks.
        evidence.push({ cohort: cohortName, metric, kind, nIncumbent: 0, nCandidate: 0, nPaired: 0, data: undefined });
        continue;
      }
      const n = value.n ?? cohort.n;
      evidence.push({
        cohort: cohortName,
        metric,
        kind,
        nIncumbent: cohort.nIncumbent,
        nCandidate: cohort.nCandidate,
        nPaired: n,
        data: comparisonData(value, n),
      });
    }
  }
  return evidence;
}

function comparisonData(value: PairedMetric, n: number): ComparisonData {
  if (isBinary(value)) {
    // n10 is incumbent right and candidate wrong, as PairedTable counts it.
    const n11 = value.incumbent_successes - value.incumbent_only_successes;
    const n10 = value.incumbent_only_successes;
    const n01 = value.candidate_only_successes;
    return { kind: 'paired-binary', table: { n11, n10, n01, n00: n - n11 - n10 - n01 } };
  }
  return {
    kind: 'paired-mean',
    n,
    meanDiff: value.mean_diff,
    // A single pair has no sample sd: NaN, as the per-example accumulator gives.
    sdDiff: value.sd_diff ?? Number.NaN,
    incumbentMean: value.incumbent_mean,
    candidateMean: value.candidate_mean,
  };
}

function firstCohortWith(summary: PairedSummary, metric: string): string {
  for (const [name, cohort] of summary.cohorts) if (cohort.metrics.has(metric)) return name;
  return '';
}
