import { z } from 'zod';

const count = z.number().int('expected a whole number').nonnegative('expected a count ≥ 0');
const positiveCount = z.number().int('expected a whole number').positive('expected n ≥ 1 (a cohort of 0 examples cannot be judged)');
const finite = z.number({ error: 'expected a finite number' });

const proportionMetric = z.strictObject({ successes: count, n: positiveCount.optional() });
const meanMetric = z.strictObject({ mean: finite, sd: finite.nonnegative('expected sd ≥ 0'), n: positiveCount.optional() });
const valueMetric = z.strictObject({ value: finite });

const metricSummary = z.union([proportionMetric, meanMetric, valueMetric], {
  error: 'expected {"successes", "n"?} for a proportion, {"mean", "sd", "n"?} for a continuous metric, or {"value"} for a point value',
});

const cohortSummary = z
  .strictObject({
    n: positiveCount,
    metrics: z.record(z.string().min(1), metricSummary),
  })
  .superRefine((cohort, ctx) => {
    for (const [name, metric] of Object.entries(cohort.metrics)) {
      if ('successes' in metric) {
        const of = metric.n ?? cohort.n;
        if (metric.successes > of) {
          ctx.addIssue({ code: 'custom', path: ['metrics', name, 'successes'], message: `successes (${metric.successes}) is greater than n (${of})` });
        }
      }
    }
  });

export const summarySchema = z.strictObject({
  schema: z.literal('model-release-gate/summary@1', { error: 'expected "model-release-gate/summary@1"' }),
  model: z.strictObject({ name: z.string().min(1), version: z.string().min(1) }).optional(),
  dataset: z.strictObject({ name: z.string().min(1), version: z.string().min(1).optional(), sha256: z.string().optional() }).optional(),
  cohorts: z.record(z.string().min(1), cohortSummary).refine((cohorts) => Object.keys(cohorts).length > 0, 'expected at least one cohort'),
});

export type SummaryFile = z.output<typeof summarySchema>;
export type SummaryMetric = z.output<typeof metricSummary>;
