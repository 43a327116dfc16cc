import { InputError } from '../errors.js';
import type { CohortMetricEvidence } from './comparison-data.js';

/** The eval files behind the evidence, for naming them in an error. */
export interface EvidenceFiles {
  readonly incumbent: string;
  readonly candidate: string;
}

/**
 * Metric values near ±1.8e308 are finite, but their sums, means, variances and differences overflow to
 * ±Infinity (or NaN), after which every test is meaningless: it would pass, block or crash at random.
 * This refuses such a comparison as bad input, naming the cohort, the metric and the file, before any
 * statistic is computed from the overflowed numbers. The running means themselves are accumulated by
 * the loader; what it produced is checked here.
 */
export function requireFiniteStatistics(item: CohortMetricEvidence, files: EvidenceFiles | undefined): void {
  const data = item.data;
  if (data === undefined) return;
  const fail = (what: string, side?: 'incumbent' | 'candidate'): never => {
    throw overflowError(item, what, files, side);
  };
  switch (data.kind) {
    case 'paired-mean':
      if (!Number.isFinite(data.incumbentMean)) fail('mean', 'incumbent');
      if (!Number.isFinite(data.candidateMean)) fail('mean', 'candidate');
      if (!Number.isFinite(data.meanDiff)) fail('mean per-example difference');
      // A single pair has no sd (NaN by design); from two pairs on it must be a number.
      if (data.n > 1 && !Number.isFinite(data.sdDiff)) fail('variance of the per-example differences');
      return;
    case 'unpaired-mean':
      for (const side of ['incumbent', 'candidate'] as const) {
        const { mean, sd, n } = data[side];
        if (!Number.isFinite(mean)) fail('mean', side);
        if (Number.isFinite(sd) && !Number.isFinite((sd * sd) / n)) fail('variance', side);
      }
      if (!Number.isFinite(data.candidate.mean - data.incumbent.mean)) fail('difference of the means');
      return;
    case 'point':
      if (!Number.isFinite(data.candidate - data.incumbent)) fail('difference of the values');
      return;
    case 'post-stratified':
      if (!Number.isFinite(data.delta)) fail('traffic-weighted difference');
      if (!Number.isFinite(data.standardError)) fail('variance of the traffic-weighted difference');
      return;
    default:
      return;
  }
}

/** After the test: an estimate or standard error that overflowed (a quantile bootstrap's, for one). */
export function requireFiniteResult(
  item: CohortMetricEvidence,
  files: EvidenceFiles | undefined,
  result: { estimate: number; standardError: number },
): void {
  if (!Number.isFinite(result.estimate)) throw overflowError(item, 'difference', files);
  if (item.data?.kind === 'paired-quantile' && Math.abs(result.standardError) === Infinity) {
    throw overflowError(item, 'bootstrap variance of the difference', files);
  }
}

/** A metric shown for information only: its two values must be numbers too. */
export function requireFiniteReported<T extends { incumbent: number | null; candidate: number | null }>(
  item: CohortMetricEvidence,
  files: EvidenceFiles | undefined,
  reported: T,
): T {
  for (const side of ['incumbent', 'candidate'] as const) {
    const value = reported[side];
    if (value !== null && !Number.isFinite(value)) throw overflowError(item, 'mean', files, side);
  }
  return reported;
}

function overflowError(
  item: CohortMetricEvidence,
  what: string,
  files: EvidenceFiles | undefined,
  side?: 'incumbent' | 'candidate',
): InputError {
  const file =
    side === undefined
      ? files === undefined
        ? 'the incumbent and candidate files'
        : files.incumbent === files.candidate
          ? files.incumbent
          : `${files.incumbent} and ${files.candidate}`
      : (files?.[side] ?? `the ${side} file`);
  const problem = `values too large to sum: the ${side === undefined ? '' : `${side}'s `}${what} of metric "${item.metric}" in cohort "${item.cohort}" overflows double precision; rescale the metric (for example, report it in larger units)`;
  return new InputError(
    file,
    problem,
    item.nPaired === undefined ? { field: `cohorts.${item.cohort}.metrics.${item.metric}` } : {},
  );
}
