import { z } from 'zod';
import { namedRecord } from '../named-record.js';

export const PAIRED_SUMMARY_SCHEMA = 'model-release-gate/paired-summary@1';

// Messages say what is expected; a missing field gets its own wording, since zod's default
// ("received undefined") reads like a type error.
const number = (what: string) =>
  z.number({ error: (issue) => (issue.input === undefined ? `missing: expected ${what}` : `expected ${what}`) });
const count = number('a count ≥ 0').int('expected a whole number').nonnegative('expected a count ≥ 0');
const pairs = number('a number of pairs ≥ 1')
  .int('expected a whole number')
  .positive('expected n ≥ 1 (a cohort of 0 pairs cannot be judged)');
const finite = number('a finite number');
const name = z.string().min(1);

const binaryMetric = z.strictObject({
  n: pairs.optional(),
  incumbent_successes: count,
  candidate_successes: count,
  /** Pairs the incumbent got right and the candidate wrong. */
  incumbent_only_successes: count,
  /** Pairs the candidate got right and the incumbent wrong. */
  candidate_only_successes: count,
});

const continuousMetric = z.strictObject({
  n: pairs.optional(),
  /** Mean of (candidate − incumbent) over the pairs. */
  mean_diff: finite,
  /** Sample (n − 1) standard deviation of those differences; null for a single pair, as SQL's STDDEV_SAMP gives. */
  sd_diff: finite.nonnegative('expected sd_diff ≥ 0').nullable(),
  incumbent_mean: finite,
  candidate_mean: finite,
});

export type BinaryPairedMetric = z.output<typeof binaryMetric>;
export type ContinuousPairedMetric = z.output<typeof continuousMetric>;
export type PairedMetric = BinaryPairedMetric | ContinuousPairedMetric;

export const BINARY_KEYS = [
  'incumbent_successes',
  'candidate_successes',
  'incumbent_only_successes',
  'candidate_only_successes',
];
export const CONTINUOUS_KEYS = ['mean_diff', 'sd_diff', 'incumbent_mean', 'candidate_mean'];
const SHAPES =
  'expected {"incumbent_successes", "candidate_successes", "incumbent_only_successes", "candidate_only_successes", "n"?} for a binary metric ' +
  'or {"mean_diff", "sd_diff", "incumbent_mean", "candidate_mean", "n"?} for a continuous one';

/**
 * The shape is chosen by the keys present, then validated alone: a z.union would report a typo in
 * one field as "matches neither shape" instead of naming the field.
 */
const metric = z.unknown().transform((value, ctx): PairedMetric => {
  const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  const binary = keys.some((key) => BINARY_KEYS.includes(key));
  const continuous = keys.some((key) => CONTINUOUS_KEYS.includes(key));
  if (binary === continuous) {
    ctx.addIssue({ code: 'custom', message: binary ? `mixes binary and continuous fields: ${SHAPES}` : SHAPES });
    return z.NEVER;
  }
  const result = (binary ? binaryMetric : continuousMetric).safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue({ ...issue });
  return z.NEVER;
});

export function isBinary(metric: PairedMetric): metric is BinaryPairedMetric {
  return 'incumbent_successes' in metric;
}

const cohort = z
  .strictObject({
    /** Pairs: examples of this cohort whose id is in both models' results. */
    n: pairs,
    /** Examples of this cohort in each model's results, paired or not; default n. */
    n_incumbent: count.optional(),
    n_candidate: count.optional(),
    metrics: namedRecord(metric).refine((metrics) => Object.keys(metrics).length > 0, 'expected at least one metric'),
  })
  .superRefine((cohort, ctx) => {
    const issue = (path: PropertyKey[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
    for (const side of ['n_incumbent', 'n_candidate'] as const) {
      const value = cohort[side];
      if (value !== undefined && value < cohort.n)
        issue([side], `${side} (${value}) is less than the ${cohort.n} pairs (n): a pair has an example on each side`);
    }
    for (const [metricName, m] of Object.entries(cohort.metrics)) {
      const path = (field: string): PropertyKey[] => ['metrics', metricName, field];
      const n = m.n ?? cohort.n;
      if (n > cohort.n) issue(path('n'), `n (${n}) is greater than the cohort's ${cohort.n} pairs`);
      if (isBinary(m)) checkBinary(m, n, path, issue);
      else checkContinuous(m, n, path, issue);
    }
  });

export type Report = (path: PropertyKey[], message: string) => void;

/** The four cells of the 2×2 table are implied by the counts given; each must be a count. */
export function checkBinary(
  m: BinaryPairedMetric,
  n: number,
  path: (field: string) => PropertyKey[],
  issue: Report,
): void {
  for (const side of ['incumbent', 'candidate'] as const) {
    const successes = m[`${side}_successes`];
    const only = m[`${side}_only_successes`];
    if (successes > n) {
      issue(path(`${side}_successes`), `${side}_successes (${successes}) is greater than n (${n})`);
      return;
    }
    if (only > successes) {
      issue(
        path(`${side}_only_successes`),
        `${side}_only_successes (${only}) is greater than ${side}_successes (${successes})`,
      );
      return;
    }
  }
  const bothRight = m.incumbent_successes - m.incumbent_only_successes;
  if (bothRight !== m.candidate_successes - m.candidate_only_successes) {
    issue(
      path('candidate_only_successes'),
      `the counts disagree on the pairs both models got right: incumbent_successes − incumbent_only_successes = ${bothRight}, ` +
        `candidate_successes − candidate_only_successes = ${m.candidate_successes - m.candidate_only_successes}`,
    );
    return;
  }
  const bothWrong = n - bothRight - m.incumbent_only_successes - m.candidate_only_successes;
  if (bothWrong < 0) {
    issue(
      path('candidate_only_successes'),
      `the counts imply ${bothWrong} pairs both models got wrong (n ${n} − both right ${bothRight} − incumbent only ${m.incumbent_only_successes} − candidate only ${m.candidate_only_successes}); expected ≥ 0`,
    );
  }
}

export function checkContinuous(
  m: ContinuousPairedMetric,
  n: number,
  path: (field: string) => PropertyKey[],
  issue: Report,
): void {
  if (n === 1 && m.sd_diff !== null)
    issue(path('sd_diff'), 'expected null for a single pair: a sample standard deviation needs n ≥ 2');
  if (n > 1 && m.sd_diff === null)
    issue(path('sd_diff'), `missing: expected the sample standard deviation of the ${n} differences`);
  // The mean of the differences is the difference of the means; a mismatch is most often the
  // difference taken the other way round (incumbent − candidate), which would flip the verdict.
  const expected = m.candidate_mean - m.incumbent_mean;
  const scale = Math.max(Math.abs(m.incumbent_mean), Math.abs(m.candidate_mean), Math.abs(m.mean_diff));
  if (Math.abs(m.mean_diff - expected) > 1e-6 * scale + 1e-12) {
    issue(
      path('mean_diff'),
      `mean_diff (${m.mean_diff}) should be candidate_mean − incumbent_mean (${expected}): give candidate − incumbent, at full precision`,
    );
  }
}

const model = z.strictObject({ name, version: name });
const side = z.strictObject({ model: model.optional() });

const fileShape = z.strictObject({
  schema: z.literal(PAIRED_SUMMARY_SCHEMA, { error: `expected "${PAIRED_SUMMARY_SCHEMA}"` }),
  incumbent: side.optional(),
  candidate: side.optional(),
  dataset: z.strictObject({ name, version: name.optional(), sha256: z.string().optional() }).optional(),
  cohorts: namedRecord(cohort).refine((cohorts) => Object.keys(cohorts).length > 0, 'expected at least one cohort'),
  /** Anything else the writer wants to keep (any JSON); ignored, so unknown keys can stay errors. */
  meta: z.unknown().optional(),
});

/** Every field but the cohorts, for the fast check of a valid file (paired-summary-fast.ts). */
export const pairedSummaryHeaderSchema = fileShape.omit({ cohorts: true });

export const pairedSummarySchema = fileShape.superRefine((file, ctx) => {
  // A metric is binary or continuous everywhere: the report and the policy treat it as one kind.
  const first = new Map<string, { binary: boolean; cohort: string }>();
  for (const [cohortName, c] of Object.entries(file.cohorts)) {
    for (const [metricName, m] of Object.entries(c.metrics)) {
      const seen = first.get(metricName);
      if (seen === undefined) first.set(metricName, { binary: isBinary(m), cohort: cohortName });
      else if (seen.binary !== isBinary(m)) {
        ctx.addIssue({
          code: 'custom',
          path: ['cohorts', cohortName, 'metrics', metricName],
          message: `${metricName} is ${isBinary(m) ? 'binary' : 'continuous'} here but ${seen.binary ? 'binary' : 'continuous'} in cohort ${seen.cohort}; a metric must have one kind`,
        });
        return;
      }
    }
  }
});

export type PairedSummaryFile = z.output<typeof pairedSummarySchema>;

/** Every field name of the format, for "did you mean" on an unknown key. */
export const PAIRED_SUMMARY_FIELDS = [
  'schema',
  'incumbent',
  'candidate',
  'model',
  'dataset',
  'name',
  'version',
  'sha256',
  'cohorts',
  'n',
  'n_incumbent',
  'n_candidate',
  'metrics',
  'meta',
  ...BINARY_KEYS,
  ...CONTINUOUS_KEYS,
] as const;
