// What each policy key means: the one place these sentences live. Types and defaults are not written
// here; policy-table.js reads them from the zod schema (src/core/policy/policy-schema.ts) and from
// the defaults it produces. Keys under a map of user-chosen names (metrics.<name>, the override
// patterns) cannot be reached by walking the schema, so their entries also give `type`, the default
// when unset, and a `sample` value that the docs-drift test feeds to the schema to prove the key exists.
// test/docs-drift.test.ts fails when the schema has a key this map does not describe, or the reverse.

export const POLICY_DESCRIPTIONS = {
  alpha: {
    meaning:
      'The one-sided error rate. A comparison **regresses** when its adjusted p-value is below `alpha`, and **passes** when the one-sided (1 − alpha) lower bound of Δ is above −margin; the same `alpha` serves both.',
  },
  correction: {
    meaning:
      'How p-values are adjusted for the number of comparisons tested in one run. `holm` and `bonferroni` bound the chance of any false block (family-wise error rate), Holm never less powerful; `bh` (Benjamini–Hochberg) bounds the expected share of false blocks instead and is more permissive; `none` tests each comparison at `alpha` alone. See [statistics](statistics.md#many-cohorts-many-chances-to-be-wrong).',
  },
  inconclusive: {
    meaning: 'The severity of a `cohort.inconclusive` finding (too little data to tell). Per-cohort [overrides](#overrides) can change it.',
  },
  power: {
    meaning: 'The power at which the minimum detectable effect ("could only detect a drop of …") is reported. It changes no decision.',
  },
  unmatched_ids: {
    meaning:
      'The severity of `ids.unmatched`: ids in only one of two per-example files (or examples without a partner in a paired summary\'s `overall`). Those examples are left out of the comparison either way.',
  },
  max_unmatched_share: {
    meaning:
      'When the ids without a partner are more than this share of either file, the finding is a blocking `ids.unmatched-share` instead, whatever `unmatched_ids` says.',
  },
  missing_cohort: {
    meaning:
      'The severity of `cohort.missing` for a tracked cohort the incumbent has but the candidate cannot be judged on (absent, or none of its ids paired). A cohort new in the candidate only warns; a required cohort always blocks.',
  },
  quantile_min_n: {
    meaning:
      'Below this many examples on either side a `p50`/`p95`/`p99` comparison is `inconclusive` and not tested: a bootstrap of a handful of values has no usable spread.',
  },
  'bootstrap.resamples': {
    meaning: 'Resamples of the paired bootstrap behind `p50`/`p95`/`p99`, which only supplies a standard error: see [Quantiles](statistics.md#quantiles-the-paired-bootstrap).',
  },
  'bootstrap.seed': {
    meaning: 'Base seed of that bootstrap, from which each (cohort, metric) derives its own stream. Changing it moves quantile results slightly.',
  },
  'metrics.<name>.direction': {
    type: '`higher` \\| `lower`',
    unset: 'see [defaults](#defaults-for-metrics-the-policy-does-not-name)',
    sample: 'higher',
    meaning:
      'Which way is better. Δ is always reported so that positive means better. A binary metric can be `lower` too (a check that records a failure).',
  },
  'metrics.<name>.margin': {
    type: 'number ≥ 0, or text `"N%"`',
    unset: 'see [defaults](#defaults-for-metrics-the-policy-does-not-name)',
    sample: '5%',
    meaning:
      'The tolerated drop δ. A number is absolute, in the metric\'s unit (`0.01` on a proportion is one percentage point). A percentage is relative to the incumbent\'s value in each cohort. A proportion\'s margin must stay below 1 (or 100%).',
  },
  'metrics.<name>.statistic': {
    type: '`mean` \\| `p50` \\| `p95` \\| `p99`',
    unset: 'see [defaults](#defaults-for-metrics-the-policy-does-not-name)',
    sample: 'p95',
    meaning:
      'The statistic compared for a continuous metric. Quantiles use the nearest-rank definition and need per-example files. An error on a binary metric.',
  },
  'metrics.<name>.gate': {
    type: 'boolean',
    unset: 'see [defaults](#defaults-for-metrics-the-policy-does-not-name)',
    sample: false,
    meaning: '`false` keeps the metric in the report (`reported_metrics`) without letting it decide the verdict.',
  },
  'cohorts.track': { meaning: 'The cohorts to compare, as [patterns](#cohort-patterns). `overall` is always tracked.' },
  'cohorts.ignore': { meaning: 'Cohorts taken out of `track`.' },
  'cohorts.required': {
    meaning:
      'Cohorts that must be present with at least `min_n` examples; always tracked, even when `ignore` matches. Absent or too small: status `missing` and a blocking `cohort.missing`. A literal name in neither file still gets a blocking `missing` row for every metric.',
  },
  'cohorts.min_n': {
    meaning:
      'The smallest cohort that is tested. Below it a required cohort is `missing`, any other `inconclusive`, untested and outside the correction. On per-example files the size is the number of paired examples.',
  },
  'cohorts.rare_below': {
    meaning: 'Cohorts smaller than this (on the smaller side) are marked `(rare)` in the reports and drawn as diamonds in the forest plot. No decision changes.',
  },
  'cohorts.overrides.<pattern>.inconclusive': {
    type: '`warn` \\| `block`',
    unset: 'the top-level `inconclusive`',
    sample: 'block',
    meaning: 'What an inconclusive comparison in the matching cohorts does.',
  },
  'cohorts.overrides.<pattern>.min_n': {
    type: 'integer ≥ 1',
    unset: '`cohorts.min_n`',
    sample: 100,
    meaning: 'The smallest size at which the matching cohorts are tested.',
  },
  'cohorts.overrides.<pattern>.metrics.<name>.margin': {
    type: 'as `metrics.<name>.margin`',
    unset: "the metric's margin",
    sample: 0.005,
    meaning: 'The tolerated drop for this metric in the matching cohorts. Only the margin can be set per cohort.',
  },
  'readiness.require_manifest': { meaning: '`true` turns a run without a manifest into a blocking `manifest.missing` finding.' },
  'readiness.required.low': { meaning: 'The manifest sections a low-risk release must have. A list replaces the default; it is not merged with it.' },
  'readiness.required.medium': { meaning: 'The same for a medium-risk release.' },
  'readiness.required.high': { meaning: 'The same for a high-risk release.' },
  'readiness.first_stage_max': { meaning: 'The largest share of traffic, in percent, the first rollout stage may take (`rollout.first-stage`).' },
  'readiness.drill_max_age_days.low': {
    meaning: 'The oldest rollback drill, in days, a low-risk release accepts (`kill-switch.stale`). A drill exactly this old passes.',
  },
  'readiness.drill_max_age_days.medium': { meaning: 'The same for medium risk.' },
  'readiness.drill_max_age_days.high': { meaning: 'The same for high risk.' },
  'readiness.load_test_min_multiple': {
    meaning: 'The smallest multiple of expected peak traffic the load test must have covered (`load-test.insufficient`).',
  },
  'readiness.waiver_max_days': { meaning: "How far ahead of the run's date a waiver may expire (`waiver.too-long`)." },
  'readiness.require_verified_waivers': {
    unset: 'the CLI behaves as `false`, the Action as `true`',
    meaning:
      'Whether a waiver needs a verified approval to count when the run has no list of approvals (the CLI; the Action on a push or manual run). On a pull request the Action reads the reviews and this key has no effect.',
  },
  'inputs.missing_values': {
    unset: '`fail` for pass/fail outcomes, `drop` for scores',
    meaning:
      'What a missing value in an eval file becomes (a null judge score, an empty cell, an errored test): a failure, the example left out, or an input error. Each side with missing values gets a `values.missing` warning with the counts.',
  },
  'inputs.max_missing_rate_gap': {
    meaning:
      "When the two sides' shares of missing values differ by more than this, the run gets a blocking `values.missing-rate-gap`: failures recorded as missing must not make a model look better.",
  },
  'inputs.pair_by': {
    meaning:
      '`row` pairs per-example tables without an id column by row order. Both files need as many rows and, when a label is mapped, the same labels. See [formats](formats-and-readers.md#row-pairing-and-repeated-ids).',
  },
  'inputs.repeats': {
    meaning:
      'Several records for one id (`promptfoo --repeat`, epochs, several samples per document): refused by default; `all` passes an outcome when every repeat passes (pass^k), `any` when one does (pass@k); scores are averaged.',
  },
  'traffic.min_share': {
    meaning:
      "A production cohort with at least this share of its dimension (the name's prefix before `:`) must be in the eval with `traffic.min_n` examples, or the run gets a blocking `traffic.cohort-absent`. See [traffic](traffic.md).",
  },
  'traffic.min_n': {
    type: 'integer ≥ 1',
    meaning: 'The fewest eval examples such a cohort needs. Unset: `cohorts.min_n`.',
  },
  'traffic.thin_mde_ratio': {
    meaning:
      "A production cohort with at least `min_share` of its dimension whose smallest detectable drop (MDE) for a gated metric is more than this multiple of the metric's margin gets `traffic.cohort-thin`: a drop that large would probably go unnoticed there. The MDE always exceeds the margin a little (it adds the test's own noise to it); a multiple says how much is too much. Not checked for a margin of 0.",
  },
  'traffic.psi_warn': {
    meaning:
      "A dimension whose eval mix is this far from production's (population stability index) gets a `traffic.mix-shift` warning, when the chi-square test also says the eval's own sampling noise does not explain it.",
  },
  'traffic.mix_alpha': {
    meaning: "The level of that chi-square test of the eval's cohort counts against production's shares.",
  },
  'traffic.max_age_days': {
    meaning: 'A traffic window that ended more than this many days before the run gets `traffic.stale-window`.',
  },
  'traffic.eval_max_age_days': {
    meaning:
      "An eval set frozen (the manifest's `eval_set.frozen`) more than this many days before the traffic window starts gets `traffic.stale-window`.",
  },
  'waivers.approvers': {
    type: 'list of GitHub logins and `@org/team` slugs',
    meaning:
      "Whose pull-request approval verifies a waiver. Only reviewers with write access count; when the list is not empty, the reviewer must also be listed or an active member of a listed team (reading team membership needs a token with organization members: read). The author never counts. See [verification](manifest.md#verification).",
  },
};
