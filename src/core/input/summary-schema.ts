import { z } from 'zod';
import { namedRecord } from '../named-record.js';

const count = z.number().int('expected a whole number').nonnegative('expected a count ≥ 0');
const positiveCount = z
  .number()
  .int('expected a whole number')
  .positive('expected n ≥ 1 (a cohort of 0 examples cannot be judged)');
const finite = z.number({ error: 'expected a finite number' });

const proportionMetric = z.strictObject({ successes: count, n: positiveCount.optional() });
const meanMetric = z.strictObject({
  mean: finite,
  sd: finite.nonnegative('expected sd ≥ 0'),
  n: positiveCount.optional(),
});
const valueMetric = z.strictObject({ value: finite });

const metricSummary = z.union([proportionMetric, meanMetric, valueMetric], {
  error:
    'expected {"successes", "n"?} for a proportion, {"mean", "sd", "n"?} for a continuous metric, or {"value"} for a point value',
});

const cohortSummary = z
  .strictObject({
    n: positiveCount,
    metrics: namedRecord(metricSummary),
  })
  .superRefine((cohort, ctx) => {
    for (const [name, metric] of Object.entries(cohort.metrics)) {
      if ('successes' in metric) {
        const of = metric.n ?? cohort.n;
        if (metric.successes > of) {
          ctx.addIssue({
            code: 'custom',
            path: ['metrics', name, 'successes'],
            message: `successes (${metric.successes}) is greater than n (${of})`,
          });
        }
      }
    }
  });

export const summarySchema = z.strictObject({
  schema: z.literal('model-release-gate/summary@1', { error: 'expected "model-release-gate/summary@1"' }),
  model: z.strictObject({ name: z.string().min(1), version: z.string().min(1) }).optional(),
  dataset: z
    .strictObject({ name: z.string().min(1), version: z.string().min(1).optional(), sha256: z.string().optional() })
    .optional(),
  cohorts: namedRecord(cohortSummary).refine(
    (cohorts) => Object.keys(cohorts).length > 0,
    'expected at least one cohort',
  ),
  /** Anything else the writer wants to keep (any JSON); ignored, so unknown keys can stay errors. */
  meta: z.unknown().optional(),
});

export type SummaryFile = z.output<typeof summarySchema>;
export type SummaryMetric = z.output<typeof metricSummary>;

/** Every field name of the format, for "did you mean" on an unknown key. */
export const SUMMARY_FIELDS = [
  'schema',
  'model',
  'dataset',
  'name',
  'version',
  'sha256',
  'cohorts',
  'n',
  'metrics',
  'successes',
  'mean',
  'sd',
  'value',
  'meta',
] as const;
