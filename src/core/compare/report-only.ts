import type { MetricSettings } from '../policy/effective-settings.js';
import type { Statistic } from '../policy/policy-schema.js';
import { nearestRankQuantile } from '../stats/paired-quantile-bootstrap.js';
import type { CohortMetricEvidence } from './comparison-data.js';
import type { ReportedMetric } from './comparison.js';

/** A metric the policy does not gate: each side's value, for information only. */
export function reportOnly(item: CohortMetricEvidence, metric: MetricSettings): ReportedMetric {
  const statistic: Statistic | 'proportion' = metric.statistic;
  let incumbent: number | null = null;
  let candidate: number | null = null;
  const data = item.data;
  if (data?.kind === 'paired-mean') {
    incumbent = data.incumbentMean;
    candidate = data.candidateMean;
  } else if (data?.kind === 'unpaired-mean') {
    incumbent = data.incumbent.mean;
    candidate = data.candidate.mean;
  } else if (data?.kind === 'point' || data?.kind === 'post-stratified') {
    incumbent = data.incumbent;
    candidate = data.candidate;
  } else if (data?.kind === 'paired-binary') {
    const { n11, n10, n01, n00 } = data.table;
    const n = n11 + n10 + n01 + n00;
    incumbent = (n11 + n10) / n;
    candidate = (n11 + n01) / n;
  } else if (data?.kind === 'unpaired-binary') {
    incumbent = data.incumbent.successes / data.incumbent.n;
    candidate = data.candidate.successes / data.candidate.n;
  } else if (data?.kind === 'paired-quantile') {
    incumbent = nearestRankQuantile(data.incumbent, data.p);
    candidate = nearestRankQuantile(data.candidate, data.p);
  }
  return { cohort: item.cohort, metric: item.metric, statistic, incumbent, candidate };
}
