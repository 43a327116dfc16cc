import {
  BINARY_KEYS,
  CONTINUOUS_KEYS,
  BinaryPairedMetric,
  ContinuousPairedMetric,
  PairedSummaryFile,
  Report,
  checkBinary,
  checkContinuous,
  pairedSummaryHeaderSchema,
} from './paired-summary-schema.js';

/**
 * The paired summary file checked without zod for its cohorts, or undefined when anything is amiss.
 * zod costs about a quarter of a second and much garbage over the 10,000 cohorts a warehouse query
 * gives; a valid file (the usual case) needs none of its error reporting. This check accepts only
 * what pairedSummarySchema accepts (it is, if anything, stricter); on undefined the caller runs the
 * schema, whose errors name the field and line. test/paired-summary-fast.test.ts holds the two to
 * the same answers.
 */
export function fastPairedSummaryFile(value: Record<string, unknown>): PairedSummaryFile | undefined {
  const { cohorts, ...rest } = value;
  if (!isPlainObject(cohorts) || !validCohorts(cohorts)) return undefined;
  const header = pairedSummaryHeaderSchema.safeParse(rest);
  if (!header.success) return undefined;
  return { ...header.data, cohorts: cohorts as PairedSummaryFile['cohorts'] };
}

type Kinds = Map<string, boolean>;

function validCohorts(cohorts: Record<string, unknown>): boolean {
  const names = Object.keys(cohorts);
  if (names.length === 0) return false;
  // A metric is binary or continuous in every cohort (the schema's file-level rule).
  const binaryByMetric: Kinds = new Map();
  for (const name of names) if (name === '' || !validCohort(cohorts[name], binaryByMetric)) return false;
  return true;
}

const COHORT_KEYS = new Set(['n', 'n_incumbent', 'n_candidate', 'metrics']);
const BINARY = new Set(['n', ...BINARY_KEYS]);
const CONTINUOUS = new Set(['n', ...CONTINUOUS_KEYS]);

function validCohort(cohort: unknown, binaryByMetric: Kinds): boolean {
  if (!isPlainObject(cohort)) return false;
  for (const key of Object.keys(cohort)) if (!COHORT_KEYS.has(key)) return false;
  const { n, n_incumbent: nIncumbent, n_candidate: nCandidate, metrics } = cohort;
  if (!isCount(n) || n < 1) return false;
  for (const side of [nIncumbent, nCandidate]) if (side !== undefined && (!isCount(side) || side < n)) return false;
  if (!isPlainObject(metrics)) return false;
  const names = Object.keys(metrics);
  if (names.length === 0) return false;
  for (const name of names) {
    const metric = metrics[name];
    if (name === '' || !isPlainObject(metric)) return false;
    const binary = Object.hasOwn(metric, 'incumbent_successes');
    if (!(binary ? validBinary(metric, n) : validContinuous(metric, n))) return false;
    const seen = binaryByMetric.get(name);
    if (seen === undefined) binaryByMetric.set(name, binary);
    else if (seen !== binary) return false;
  }
  return true;
}

function validBinary(metric: Record<string, unknown>, cohortN: number): boolean {
  for (const key of Object.keys(metric)) if (!BINARY.has(key)) return false;
  for (const key of BINARY_KEYS) if (!isCount(metric[key])) return false;
  const n = metricN(metric, cohortN);
  return n !== undefined && passes((issue) => checkBinary(metric as BinaryPairedMetric, n, noPath, issue));
}

function validContinuous(metric: Record<string, unknown>, cohortN: number): boolean {
  for (const key of Object.keys(metric)) if (!CONTINUOUS.has(key)) return false;
  const { mean_diff: meanDiff, sd_diff: sdDiff, incumbent_mean: incumbentMean, candidate_mean: candidateMean } = metric;
  if (!isFiniteNumber(meanDiff) || !isFiniteNumber(incumbentMean) || !isFiniteNumber(candidateMean)) return false;
  if (sdDiff !== null && !(isFiniteNumber(sdDiff) && sdDiff >= 0)) return false;
  const n = metricN(metric, cohortN);
  return n !== undefined && passes((issue) => checkContinuous(metric as ContinuousPairedMetric, n, noPath, issue));
}

/** The metric's own n (at most the cohort's), or the cohort's; undefined when invalid. */
function metricN(metric: Record<string, unknown>, cohortN: number): number | undefined {
  if (!Object.hasOwn(metric, 'n')) return cohortN;
  const n = metric.n;
  return isCount(n) && n >= 1 && n <= cohortN ? n : undefined;
}

/** Whether the schema's cross-field check of a metric finds nothing to report. */
function passes(check: (issue: Report) => void): boolean {
  let valid = true;
  check(() => {
    valid = false;
  });
  return valid;
}

const noPath = (): PropertyKey[] => [];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
