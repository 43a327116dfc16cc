import { compareCohortNames } from '../cohorts.js';
import { InputError } from '../errors.js';
import type { SummaryData, SummarySide, SummaryValue } from '../input/summary-data.js';
import type { CohortMetricEvidence, ComparisonData } from './comparison-data.js';

/**
 * Turns two per-cohort summaries into evidence entries. A metric's kind comes from how the files give
 * it: `successes` make it binary, `mean` continuous; a metric given only as `value` is binary when it
 * is `accuracy`, continuous otherwise.
 */
export function collectSummaryEvidence(
  data: SummaryData,
  files: { incumbent: string; candidate: string },
  statisticOf: (metric: string) => string,
): CohortMetricEvidence[] {
  const kinds = metricKinds(data, files);
  const cohorts = sortedUnion([...data.incumbent.cohorts.keys()], [...data.candidate.cohorts.keys()]);
  const evidence: CohortMetricEvidence[] = [];
  for (const cohort of cohorts) {
    const incumbent = data.incumbent.cohorts.get(cohort);
    const candidate = data.candidate.cohorts.get(cohort);
    const metrics = sortedUnion([...(incumbent?.metrics.keys() ?? [])], [...(candidate?.metrics.keys() ?? [])]);
    for (const metric of metrics) {
      const a = incumbent?.metrics.get(metric);
      const b = candidate?.metrics.get(metric);
      const kind = kinds.get(metric) ?? 'continuous';
      evidence.push({
        cohort,
        metric,
        kind,
        nIncumbent: a === undefined ? 0 : sizeOf(a, incumbent?.n ?? 0),
        nCandidate: b === undefined ? 0 : sizeOf(b, candidate?.n ?? 0),
        nPaired: undefined,
        data:
          a === undefined || b === undefined
            ? undefined
            : pairUp(a, b, metric, cohort, files.candidate, statisticOf(metric)),
      });
    }
  }
  return evidence;
}

function pairUp(
  a: SummaryValue,
  b: SummaryValue,
  metric: string,
  cohort: string,
  file: string,
  statistic: string,
): ComparisonData {
  if (a.kind === 'proportion' && b.kind === 'proportion') {
    return {
      kind: 'unpaired-binary',
      incumbent: { successes: a.successes, n: a.n },
      candidate: { successes: b.successes, n: b.n },
    };
  }
  if (a.kind === 'mean' && b.kind === 'mean') {
    if (statistic !== 'mean') {
      throw new InputError(
        file,
        `the policy gates ${metric} on ${statistic}, but the summaries give its mean; give {"value": …} for the ${statistic} or gate on the mean`,
        {
          field: `cohorts.${cohort}.metrics.${metric}`,
        },
      );
    }
    return { kind: 'unpaired-mean', incumbent: a, candidate: b };
  }
  const incumbentValue = pointValue(a);
  const candidateValue = pointValue(b);
  return { kind: 'point', incumbent: incumbentValue, candidate: candidateValue };
}

function pointValue(value: SummaryValue): number {
  if (value.kind === 'proportion') return value.successes / value.n;
  if (value.kind === 'mean') return value.mean;
  return value.value;
}

function sizeOf(value: SummaryValue, cohortN: number): number {
  return value.kind === 'value' ? cohortN : value.n;
}

function metricKinds(
  data: SummaryData,
  files: { incumbent: string; candidate: string },
): Map<string, 'binary' | 'continuous'> {
  const seen = new Map<string, { kind: SummaryValue['kind']; file: string; cohort: string }>();
  const kinds = new Map<string, 'binary' | 'continuous'>();
  const visit = (side: SummarySide, file: string): void => {
    for (const [cohort, entry] of side.cohorts) {
      for (const [metric, value] of entry.metrics) {
        const earlier = seen.get(metric);
        if (value.kind !== 'value') {
          if (earlier !== undefined && earlier.kind !== 'value' && earlier.kind !== value.kind) {
            throw new InputError(
              file,
              `${metric} is given as a ${value.kind === 'proportion' ? 'proportion (successes)' : 'mean'} here but as a ${earlier.kind === 'proportion' ? 'proportion' : 'mean'} in ${earlier.file} (cohort ${earlier.cohort}); a metric must have one kind`,
              { field: `cohorts.${cohort}.metrics.${metric}` },
            );
          }
          seen.set(metric, { kind: value.kind, file, cohort });
          kinds.set(metric, value.kind === 'proportion' ? 'binary' : 'continuous');
        } else if (!kinds.has(metric)) {
          kinds.set(metric, metric === 'accuracy' ? 'binary' : 'continuous');
        }
      }
    }
  };
  visit(data.incumbent, files.incumbent);
  visit(data.candidate, files.candidate);
  return kinds;
}

function sortedUnion(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort(compareCohortNames);
}
