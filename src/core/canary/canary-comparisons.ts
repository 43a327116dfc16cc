import { cohortSettings, metricSettings } from '../policy/effective-settings.js';
import { matchesAny } from '../policy/glob.js';
import type { Policy } from '../policy/policy-schema.js';
import { alwaysValidPValue, mixtureHalfWidth } from '../stats/confidence-sequence.js';
import type { CanaryObservations } from './canary-file.js';
import type { CanaryComparison, CanaryLook } from './canary-report.js';
import {
  type LookCounts,
  informationForWidth,
  mixingForMargin,
  sideStatistic,
  type SideStatistic,
} from './canary-statistics.js';

/** A gated (cohort, metric) of the observations, with its settings. */
export interface GatedMetric {
  readonly cohort: string;
  readonly metric: string;
  readonly statistic: 'proportion' | 'mean';
  readonly direction: 'higher' | 'lower';
  readonly margin: { readonly kind: 'absolute' | 'relative'; readonly value: number };
}

/**
 * The metrics the policy gates, in every cohort both sides report. A continuous metric is gated
 * only when the policy names it, as in `check`; one it gates on a percentile cannot be tested from
 * sums and is returned apart, so that the caller can refuse to promote without it; so is one the
 * policy gates by name and the observations do not have.
 */
export function gatedMetrics(
  observations: CanaryObservations,
  policy: Policy,
): {
  gated: GatedMetric[];
  untestable: string[];
  unobserved: string[];
  /** The policy's required cohort patterns that no cohort of the observations matches. */
  absentRequired: string[];
} {
  const gated: GatedMetric[] = [];
  const untestable: string[] = [];
  // A metric the policy gates by name that the observations lack (a typo, or a label that arrives
  // too late for a canary) is returned apart too: judging without it would drop a gate unnoticed.
  const unobserved = Object.entries(policy.metrics)
    .filter(([metric, setting]) => !observations.metrics.has(metric) && setting.gate !== false)
    .map(([metric]) => metric);
  for (const [metric, kind] of [...observations.metrics].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const settings = metricSettings(policy, metric, kind);
    if (!settings.gated) continue;
    if (settings.statistic !== 'proportion' && settings.statistic !== 'mean') {
      untestable.push(`${metric} (${settings.statistic})`);
      continue;
    }
    for (const cohort of observations.cohorts)
      gated.push({
        cohort,
        metric,
        statistic: settings.statistic,
        direction: settings.direction,
        // A cohort's own margin (the policy's cohorts.overrides) applies here as in `check`.
        margin: cohortSettings(policy, cohort).marginFor(metric, settings.margin),
      });
  }
  const absentRequired = policy.cohorts.required.filter(
    (pattern) => !observations.cohorts.some((cohort) => matchesAny(cohort, [pattern])),
  );
  return { gated, untestable, unobserved, absentRequired };
}

interface Running {
  lower: number;
  upper: number;
  p: number;
  /** δ and ρ, fixed at the first look with data: a relative margin is taken of the baseline's value then, so neither moves with later data. */
  tuned?: { margin: number; rho: number };
  last?: {
    baseline: SideStatistic;
    canary: SideStatistic;
    estimate: number;
    information: number;
    margin: number;
    rho: number;
  };
}

/**
 * Every gated comparison through every look. The bounds are anytime-valid at level alpha/family
 * (Bonferroni over the gated comparisons and the abort criteria), and the sequence is intersected over
 * the looks (any intersection of a confidence sequence's intervals is still valid); the always-valid
 * p-value is the smallest over the looks, times the family. So a comparison regresses exactly when its
 * upper bound is below −δ, which is when its adjusted p-value is at most alpha.
 *
 * Why Bonferroni and not the policy's Holm: a roll back needs one regressed comparison, and Holm's
 * first step is Bonferroni's, so the decision is the same; Holm's later steps would only call more
 * comparisons regressed at levels their printed bounds do not have. The abort criteria take their
 * share of alpha too: a Holm step over the comparisons alone spent it twice.
 */
export function compareThroughLooks(
  observations: CanaryObservations,
  totals: readonly LookCounts[],
  gated: readonly GatedMetric[],
  policy: Policy,
  family: number,
): { comparisons: CanaryComparison[]; looks: CanaryLook[] } {
  const level = policy.alpha / family;
  const running: Running[] = gated.map(() => ({ lower: -Infinity, upper: Infinity, p: 1 }));
  const looks: CanaryLook[] = observations.intervals.map((interval, index) => ({
    end: interval.end,
    comparisons: gated.flatMap((g, k) => {
      const through = totals[index] as (typeof totals)[number];
      const baseline = sideStatistic(through.baseline.get(g.cohort), g.metric);
      const canary = sideStatistic(through.canary.get(g.cohort), g.metric);
      if (baseline === undefined || canary === undefined) return [];
      const variance = canary.unitVariance / canary.n + baseline.unitVariance / baseline.n;
      if (!(variance > 0)) return [];
      const information = 1 / variance;
      const raw = canary.value - baseline.value;
      const estimate = g.direction === 'higher' ? raw : -raw;
      const state = running[k] as Running;
      if (state.tuned === undefined) {
        const margin = g.margin.kind === 'absolute' ? g.margin.value : g.margin.value * Math.abs(baseline.value);
        state.tuned = { margin, rho: mixingForMargin(margin, level) };
      }
      const { margin, rho } = state.tuned;
      const width = mixtureHalfWidth(information, rho, level);
      state.lower = Math.max(state.lower, estimate - width);
      state.upper = Math.min(state.upper, estimate + width);
      state.p = Math.min(state.p, alwaysValidPValue(estimate, -margin, information, rho, 'less'));
      state.last = { baseline, canary, estimate, information, margin, rho };
      return [
        {
          cohort: g.cohort,
          metric: g.metric,
          estimate,
          lower: estimate - width,
          upper: estimate + width,
          canary_n: canary.n,
        },
      ];
    }),
  }));

  const comparisons = gated.flatMap((g, k): CanaryComparison[] => {
    const state = running[k] as Running;
    const last = state.last;
    if (last === undefined) return [];
    const status = state.upper < -last.margin ? 'regressed' : state.lower > -last.margin ? 'pass' : 'undecided';
    return [
      {
        cohort: g.cohort,
        metric: g.metric,
        statistic: g.statistic,
        direction: g.direction,
        margin: last.margin,
        baseline: { n: last.baseline.n, value: last.baseline.value },
        canary: { n: last.canary.n, value: last.canary.value },
        estimate: last.estimate,
        lower: state.lower,
        upper: state.upper,
        p_adjusted: Math.min(1, state.p * family),
        status,
        canary_events_needed: status === 'undecided' ? eventsNeeded(last, level) : null,
      },
    ];
  });
  return { comparisons, looks };
}

/**
 * About how many more canary events the lower bound needs to clear −δ if the estimate stays where it
 * is: the information at which the half-width falls to Δ̂ + δ, grown in proportion to the canary's
 * events (both sides keep their rates). Null when Δ̂ ≤ −δ: no amount of data passes that estimate.
 */
function eventsNeeded(last: NonNullable<Running['last']>, level: number): number | null {
  const room = last.estimate + last.margin;
  if (!(room > 0)) return null;
  const needed = informationForWidth(room, last.rho, level, last.information);
  if (!Number.isFinite(needed)) return null;
  return Math.max(0, Math.ceil(last.canary.n * (needed / last.information - 1)));
}
