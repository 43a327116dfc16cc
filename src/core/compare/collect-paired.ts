import type { PairedData } from '../load/paired-data.js';
import type { Statistic } from '../policy/policy-schema.js';
import { quantileOf } from '../policy/effective-settings.js';
import type { CohortMetricEvidence } from './comparison-data.js';

/** Turns paired accumulators into one evidence entry per (cohort, metric both files carry). */
export function collectPairedEvidence(
  data: PairedData,
  statisticOf: (metric: string) => Statistic,
): CohortMetricEvidence[] {
  const evidence: CohortMetricEvidence[] = [];
  data.cohortNames.forEach((cohort, index) => {
    const accumulator = data.cohorts[index];
    const nIncumbent = data.incumbentCounts[index] ?? 0;
    const nCandidate = data.candidateCounts[index] ?? 0;
    const nPaired = accumulator?.nPaired ?? 0;
    data.binaryMetrics.forEach((metric, m) => {
      const cell = (offset: number): number => accumulator?.tables[m * 4 + offset] ?? 0;
      evidence.push({
        cohort,
        metric,
        kind: 'binary',
        nIncumbent,
        nCandidate,
        nPaired,
        data:
          accumulator === undefined
            ? undefined
            : { kind: 'paired-binary', table: { n11: cell(3), n10: cell(2), n01: cell(1), n00: cell(0) } },
      });
    });
    data.continuousMetrics.forEach((metric, m) => {
      const p = quantileOf(statisticOf(metric));
      const raw = accumulator?.quantileValues[m];
      let entry: CohortMetricEvidence['data'];
      if (accumulator === undefined) entry = undefined;
      else if (p !== undefined && raw !== undefined) {
        entry = { kind: 'paired-quantile', p, incumbent: raw.incumbent.view(), candidate: raw.candidate.view() };
      } else {
        entry = {
          kind: 'paired-mean',
          n: accumulator.nPaired,
          meanDiff: accumulator.diffMean[m] ?? Number.NaN,
          sdDiff: accumulator.diffSd(m),
          incumbentMean: accumulator.incumbentMean[m] ?? Number.NaN,
          candidateMean: accumulator.candidateMean[m] ?? Number.NaN,
        };
      }
      evidence.push({ cohort, metric, kind: 'continuous', nIncumbent, nCandidate, nPaired, data: entry });
    });
  });
  return evidence;
}
