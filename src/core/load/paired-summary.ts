import type { CohortMetricEvidence, ComparisonData } from '../compare/comparison-data.js';
import { compareCohortNames } from '../compare/collect-summary.js';
import { InputError } from '../errors.js';
import { quantileOf } from '../policy/effective-settings.js';
import type { Statistic } from '../policy/policy-schema.js';
import {
  PAIRED_SUMMARY_FIELDS,
  PAIRED_SUMMARY_SCHEMA,
  PairedMetric,
  PairedSummaryFile,
  isBinary,
  pairedSummarySchema,
} from './paired-summary-schema.js';
import { parseLocated, validateLocated } from './structured-text.js';
import { TextSource, readAll } from './text-source.js';

/**
 * A paired summary: per cohort, what the per-example path would accumulate from the pairs (the 2×2
 * table of each binary metric, the moments of each continuous metric's differences), computed where
 * the examples live. It feeds the same paired statistics as per-example results.
 */
export interface PairedSummary {
  readonly kind: 'paired-summary';
  /** The file, named in errors found after loading (a statistic it cannot serve). */
  readonly path: string;
  readonly models: { readonly incumbent: ModelName | undefined; readonly candidate: ModelName | undefined };
  readonly dataset: PairedSummaryFile['dataset'];
  readonly cohorts: ReadonlyMap<string, PairedSummaryCohort>;
  /** Every metric any cohort gives, with its kind. */
  readonly metrics: ReadonlyMap<string, 'binary' | 'continuous'>;
}

export interface ModelName {
  readonly name: string;
  readonly version: string;
}

export interface PairedSummaryCohort {
  /** Pairs in the cohort. */
  readonly n: number;
  /** Examples of the cohort on each side, paired or not (n when the file does not say). */
  readonly nIncumbent: number;
  readonly nCandidate: number;
  readonly metrics: ReadonlyMap<string, PairedMetric>;
}

export async function loadPairedSummary(source: TextSource): Promise<PairedSummary> {
  return parsePairedSummaryText(source.path, await readAll(source));
}

/** Validates a paired summary's text; every error names the file, and the line and field when known. */
export function parsePairedSummaryText(path: string, text: string): PairedSummary {
  rejectNonJson(path, text);
  const document = parseLocated(path, text);
  if (typeof document.value !== 'object' || document.value === null || Array.isArray(document.value)) {
    throw new InputError(path, `expected a JSON object with "schema": "${PAIRED_SUMMARY_SCHEMA}"`);
  }
  const file = validateLocated(document, pairedSummarySchema, PAIRED_SUMMARY_FIELDS);
  const cohorts = new Map<string, PairedSummaryCohort>();
  const metrics = new Map<string, 'binary' | 'continuous'>();
  for (const [name, cohort] of Object.entries(file.cohorts)) {
    cohorts.set(name, {
      n: cohort.n,
      nIncumbent: cohort.n_incumbent ?? cohort.n,
      nCandidate: cohort.n_candidate ?? cohort.n,
      metrics: new Map(Object.entries(cohort.metrics)),
    });
    for (const [metric, value] of Object.entries(cohort.metrics))
      metrics.set(metric, isBinary(value) ? 'binary' : 'continuous');
  }
  return {
    kind: 'paired-summary',
    path,
    models: { incumbent: file.incumbent?.model, candidate: file.candidate?.model },
    dataset: file.dataset,
    cohorts,
    metrics,
  };
}

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

/**
 * The file is meant to be machine-written JSON: YAML-only syntax (which the located parser would
 * accept) and NaN are rejected up front, with the line JSON.parse stopped at.
 */
function rejectNonJson(file: string, text: string): void {
  if (text.trim().length === 0) throw new InputError(file, 'the file is empty: expected a JSON paired summary');
  try {
    JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column/.exec(reason)?.[1];
    const position = /position (\d+)/.exec(reason)?.[1];
    // Some engines' messages give no position; a NaN or Infinity (which Python and Spark write) is then the likely culprit.
    const nanAt = /(?<![\w"])-?(?:NaN|Infinity)(?![\w"])/.exec(text)?.index;
    const at = lineColumn !== undefined ? undefined : position !== undefined ? Number(position) : nanAt;
    const line =
      lineColumn !== undefined
        ? Number(lineColumn)
        : at !== undefined
          ? text.slice(0, at).split('\n').length
          : undefined;
    const nan =
      nanAt !== undefined ? ' (NaN and Infinity are not valid JSON numbers; write null for a missing sd_diff)' : '';
    throw new InputError(file, `invalid JSON${nan}: ${reason}`, line === undefined ? {} : { line });
  }
}
