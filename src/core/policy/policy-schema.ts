import { z } from 'zod';
import { namedRecord } from '../named-record.js';

/** A tolerated drop: an absolute amount in the metric's own unit, or a percentage of the incumbent's value. */
export type Margin =
  { readonly kind: 'absolute'; readonly value: number } | { readonly kind: 'relative'; readonly value: number };

const margin = z
  .union([z.number(), z.string()], { error: 'expected a margin: a number ≥ 0 (absolute) or a percentage such as "5%"' })
  .transform((raw, ctx): Margin => {
    if (typeof raw === 'number') {
      if (!Number.isFinite(raw) || raw < 0) {
        ctx.addIssue({ code: 'custom', message: `expected a margin ≥ 0 (the drop that is tolerated), got ${raw}` });
        return z.NEVER;
      }
      return { kind: 'absolute', value: raw };
    }
    const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(raw);
    if (match?.[1] === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a percentage such as "5%" (≥ 0), got ${JSON.stringify(raw)}` });
      return z.NEVER;
    }
    return { kind: 'relative', value: Number(match[1]) / 100 };
  });

export const STATISTICS = ['mean', 'p50', 'p95', 'p99'] as const;
export type Statistic = (typeof STATISTICS)[number];

const metricPolicy = z.strictObject({
  direction: z.enum(['higher', 'lower']).optional(),
  margin: margin.optional(),
  statistic: z.enum(STATISTICS).optional(),
  /** false: report the metric but never let it decide the verdict. */
  gate: z.boolean().optional(),
});

const inconclusive = z.enum(['warn', 'block']);

const cohortOverride = z.strictObject({
  inconclusive: inconclusive.optional(),
  min_n: z.number().int().positive().optional(),
  metrics: namedRecord(z.strictObject({ margin })).optional(),
});

const patterns = z.array(z.string().min(1, 'expected a non-empty cohort name or glob pattern'));

/** The readiness items a manifest can have; the policy says which each risk class requires. */
export const READINESS_ITEMS = [
  'owners',
  'rollout',
  'kill_switch',
  'monitoring',
  'load_test',
  'eval_coverage',
] as const;
export type ReadinessItemName = (typeof READINESS_ITEMS)[number];

const itemList = z.array(
  z.enum(READINESS_ITEMS, { error: `expected readiness items among: ${READINESS_ITEMS.join(', ')}` }),
);

const readinessPolicy = z
  .strictObject({
    /** true: a run without a manifest is a blocking finding. */
    require_manifest: z.boolean().default(false),
    required: z
      .strictObject({
        low: itemList.default(['owners', 'rollout', 'kill_switch']),
        medium: itemList.default(['owners', 'rollout', 'kill_switch', 'monitoring', 'eval_coverage']),
        high: itemList.default([...READINESS_ITEMS]),
      })
      .prefault({}),
    /** The largest traffic share the first rollout stage may take, in percent. */
    first_stage_max: z.number().gt(0).max(100).default(10),
    /** How old the rollback drill may be, in days, per risk class. */
    drill_max_age_days: z
      .strictObject({
        low: z.number().int().positive().default(90),
        medium: z.number().int().positive().default(90),
        high: z.number().int().positive().default(30),
      })
      .prefault({}),
    /** The load test must cover at least this multiple of expected peak traffic. */
    load_test_min_multiple: z.number().positive().default(2),
    /** How far ahead a waiver may expire, in days. */
    waiver_max_days: z.number().int().positive().default(30),
    /**
     * Whether a waiver counts without a verified approval. Unset: the caller decides (the Action
     * requires verification, the CLI, which cannot verify, does not).
     */
    require_verified_waivers: z.boolean().optional(),
  })
  .prefault({});

export const policySchema = z.strictObject({
  // Below 1e-6 the corrected per-comparison levels (alpha/m over thousands of cohorts) leave the
  // range where the normal and t quantiles are computed to full precision.
  alpha: z.number().min(1e-6, 'expected 1e-6 ≤ alpha < 0.5').lt(0.5, 'expected 1e-6 ≤ alpha < 0.5').default(0.05),
  correction: z.enum(['holm', 'bonferroni', 'bh', 'none']).default('holm'),
  inconclusive: inconclusive.default('warn'),
  /** Power at which the minimum detectable effect is reported. */
  power: z.number().gt(0.5, 'expected 0.5 < power < 1').lt(1, 'expected 0.5 < power < 1').default(0.8),
  /** Ids present in one file only: a warning, or a blocking finding. */
  unmatched_ids: z.enum(['warn', 'block']).default('warn'),
  /** The largest share of either file's ids that may lack a partner before the run blocks, whatever unmatched_ids says. */
  max_unmatched_share: z
    .number()
    .min(0, 'expected 0 ≤ max_unmatched_share ≤ 1')
    .max(1, 'expected 0 ≤ max_unmatched_share ≤ 1')
    .default(0.05),
  /** A tracked cohort the incumbent has and the candidate lacks: blocking by default. */
  missing_cohort: z.enum(['warn', 'block']).default('block'),
  /** Below this many examples per side a quantile comparison is inconclusive: a bootstrap of a handful of values has no usable spread. */
  quantile_min_n: z.number().int().min(2, 'expected quantile_min_n ≥ 2').default(20),
  bootstrap: z
    .strictObject({
      resamples: z.number().int().min(200, 'expected at least 200 resamples').max(100_000).default(500),
      seed: z.string().min(1).default('model-release-gate'),
    })
    .prefault({}),
  metrics: namedRecord(metricPolicy).prefault({}),
  cohorts: z
    .strictObject({
      track: patterns.default(['*']),
      ignore: patterns.default([]),
      required: patterns.default([]),
      min_n: z.number().int().positive('expected min_n ≥ 1').default(1),
      rare_below: z.number().int().nonnegative().default(200),
      overrides: namedRecord(cohortOverride).prefault({}),
    })
    .prefault({}),
  readiness: readinessPolicy,
  /** How eval files are read and paired, for tools whose outputs need a choice made. */
  inputs: z
    .strictObject({
      /** A missing value (null score, empty cell): a failure, the example dropped, or an input error. Unset: fail for pass/fail, drop for scores. */
      missing_values: z.enum(['fail', 'drop', 'error']).optional(),
      /** Largest difference between the two sides' shares of missing values before the run blocks. */
      max_missing_rate_gap: z.number().min(0).max(1).default(0.02),
      /** Pair examples by id, or by row order (for per-example tables without an id column). */
      pair_by: z.enum(['id', 'row']).default('id'),
      /**
       * Several results for one example (promptfoo --repeat, inspect_ai epochs, several samples per
       * doc): refused unless the policy says how to combine them. `all`: an outcome passes when every
       * repeat passes (pass^k); `any`: when one does (pass@k). Scores are averaged either way.
       */
      repeats: z.enum(['error', 'all', 'any']).default('error'),
    })
    .prefault({}),
  /** How the eval's cohort mix is checked against production's (with a traffic file; see docs/traffic.md). */
  traffic: z
    .strictObject({
      /** A production cohort with at least this share of its dimension must be in the eval. */
      min_share: z.number().gt(0, 'expected 0 < min_share < 1').lt(1, 'expected 0 < min_share < 1').default(0.01),
      /** …with at least this many examples. Unset: cohorts.min_n. */
      min_n: z.number().int().positive('expected min_n ≥ 1').optional(),
      /**
       * A production cohort is thin when its smallest detectable drop exceeds this multiple of the
       * margin: a drop that large would probably go unnoticed there.
       */
      thin_mde_ratio: z.number().min(1, 'expected thin_mde_ratio ≥ 1').default(3),
      /** A dimension's mix shift warns above this population stability index (when the chi-square test also rejects). */
      psi_warn: z.number().positive('expected psi_warn > 0').default(0.1),
      /** The level of the chi-square test that the eval's mix could come from production's. */
      mix_alpha: z.number().gt(0, 'expected 0 < mix_alpha < 0.5').lt(0.5, 'expected 0 < mix_alpha < 0.5').default(0.05),
      /** The traffic window may end at most this many days before the run. */
      max_age_days: z.number().int().positive().default(45),
      /** The manifest's eval_set.frozen may be at most this many days before the traffic window starts. */
      eval_max_age_days: z.number().int().positive().default(180),
    })
    .prefault({}),
  waivers: z
    .strictObject({
      /**
       * Who may accept risk with their approval: GitHub logins and `@org/team` slugs. Empty: anyone
       * with write access to the repository. Never the change's author, never an outsider.
       */
      approvers: z
        .array(
          z
            .string()
            .regex(
              /^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]+)?$/,
              'expected a GitHub login such as "alice" or a team slug such as "@acme/ml-release"',
            ),
        )
        .default([]),
    })
    .prefault({}),
});

export type Policy = z.output<typeof policySchema>;
export type MetricPolicy = z.output<typeof metricPolicy>;
export type CohortOverride = z.output<typeof cohortOverride>;
export type ReadinessPolicy = z.output<typeof readinessPolicy>;
