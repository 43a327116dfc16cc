import { z } from 'zod';
import { duration, isoDate, monitor, percent, version } from './manifest-values.js';

/**
 * The release manifest: how a model will be rolled out, rolled back and watched, and who answers
 * for it. Every section is optional in the schema; which ones a release needs is the policy's call
 * (per risk class), and a missing one is a finding, not a parse error. Unknown keys are errors:
 * they are almost always typos of real ones.
 */
const text = z.string().min(1, 'expected non-empty text');

export const manifestSchema = z.strictObject({
  model: z.strictObject({
    name: text,
    candidate: version,
    incumbent: version,
    registry: text.optional(),
    /** `generative` models must show faithfulness or groundedness checks in their eval. */
    kind: z.enum(['classifier', 'regressor', 'ranker', 'generative', 'other']).optional(),
  }),
  eval_set: z
    .strictObject({ name: text, version: version.optional(), sha256: text.optional(), frozen: isoDate.optional() })
    .optional(),
  risk_class: z.enum(['low', 'medium', 'high'], { error: 'expected risk_class: low, medium or high' }),
  owners: z
    .strictObject({
      on_call: text.optional(),
      rollback_authority: text.optional(),
      eval_suite: text.optional(),
      data_pipeline: text.optional(),
      runbook: text.optional(),
    })
    .optional(),
  rollout: z
    .strictObject({
      strategy: z.enum(['canary', 'staged', 'shadow', 'atomic'], {
        error: 'expected strategy: canary, staged, shadow or atomic',
      }),
      stages: z.array(z.strictObject({ traffic: percent, hold: duration.optional() })).optional(),
      abort_when: z
        .array(
          z
            .strictObject({ metric: text, below: z.number().optional(), above: z.number().optional() })
            .refine(
              (c) => (c.below === undefined) !== (c.above === undefined),
              'expected exactly one of below or above',
            ),
        )
        .optional(),
    })
    .optional(),
  kill_switch: z
    .strictObject({
      mechanism: text.optional(),
      last_known_good: version.optional(),
      drill: z
        .strictObject({
          date: isoDate,
          evidence: text.optional(),
          time_to_rollback: duration.optional(),
          target: duration.optional(),
        })
        .optional(),
    })
    .optional(),
  monitoring: z
    .strictObject({
      drift: z
        .strictObject({ inputs: monitor.optional(), outputs: monitor.optional(), outcomes: monitor.optional() })
        .optional(),
      alerts: z.array(z.strictObject({ on: text, route: text, time_to_detect: duration.optional() })).optional(),
      prediction_logging: z.union([z.strictObject({ fields: z.array(text) }), z.literal(false)]).optional(),
      cost_tracking: z.boolean().optional(),
    })
    .optional(),
  load_test: z
    .strictObject({
      peak_multiple: z.number().positive('expected the tested multiple of expected peak traffic (> 0)'),
      evidence: text.optional(),
    })
    .optional(),
  eval_coverage: z
    .strictObject({
      reflects_traffic_of: text.optional(),
      failure_modes: z.array(text).optional(),
      /** true, the names of the checks, false, or "n/a" (not a generative model). */
      faithfulness_checks: z.union([z.boolean(), z.literal('n/a'), z.array(text)]).optional(),
      /** A traffic file (production's cohort counts, repository-relative): the eval's mix is checked against it. */
      traffic: text.optional(),
    })
    .optional(),
  /** Checked one by one in the waiver rules: a malformed waiver is a finding, not a parse error. */
  waivers: z.array(z.unknown()).optional(),
});

export type Manifest = z.output<typeof manifestSchema>;
