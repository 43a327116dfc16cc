import { OVERALL, isWeightedCohort } from '../cohorts.js';
import { globToRegExp, matchesAny } from './glob.js';
import { Margin, Policy, Statistic } from './policy-schema.js';

export type MetricKind = 'binary' | 'continuous';

/** How one metric is judged, after the policy's defaults are applied. */
export interface MetricSettings {
  readonly gated: boolean;
  readonly direction: 'higher' | 'lower';
  readonly margin: Margin;
  /** `proportion` for binary metrics; the chosen statistic for continuous ones. */
  readonly statistic: 'proportion' | Statistic;
}

const DEFAULT_BINARY_MARGIN: Margin = { kind: 'absolute', value: 0.01 };
const DEFAULT_CONTINUOUS_MARGIN: Margin = { kind: 'absolute', value: 0 };

/**
 * Binary metrics (accuracy and every check) are gated by default, higher is better, with a 0.01
 * margin; a continuous metric is gated only when the policy names it.
 */
export function metricSettings(policy: Policy, metric: string, kind: MetricKind): MetricSettings {
  const named = policy.metrics[metric];
  if (kind === 'binary') {
    return {
      gated: named?.gate ?? true,
      direction: named?.direction ?? 'higher',
      margin: named?.margin ?? DEFAULT_BINARY_MARGIN,
      statistic: 'proportion',
    };
  }
  return {
    gated: named === undefined ? false : (named.gate ?? true),
    direction: named?.direction ?? 'lower',
    margin: named?.margin ?? DEFAULT_CONTINUOUS_MARGIN,
    statistic: named?.statistic ?? 'mean',
  };
}

/** How one cohort is treated, after overrides (applied in the order the policy lists them). */
export interface CohortSettings {
  readonly tracked: boolean;
  readonly required: boolean;
  readonly minN: number;
  readonly inconclusive: 'warn' | 'block';
  readonly marginFor: (metric: string, fallback: Margin) => Margin;
}

export function cohortSettings(policy: Policy, cohort: string): CohortSettings {
  const { cohorts } = policy;
  const required = matchesAny(cohort, cohorts.required);
  // A required cohort is always tracked: ignoring it must not be a way around the requirement. So
  // are the overall and its traffic-weighted forms, which a track list names no cohort pattern for.
  const tracked =
    cohort === OVERALL ||
    isWeightedCohort(cohort) ||
    required ||
    (matchesAny(cohort, cohorts.track) && !matchesAny(cohort, cohorts.ignore));
  let minN = cohorts.min_n;
  let inconclusive = policy.inconclusive;
  const margins = new Map<string, Margin>();
  for (const [pattern, override] of Object.entries(cohorts.overrides)) {
    if (!globToRegExp(pattern).test(cohort)) continue;
    minN = override.min_n ?? minN;
    inconclusive = override.inconclusive ?? inconclusive;
    for (const [metric, setting] of Object.entries(override.metrics ?? {})) margins.set(metric, setting.margin);
  }
  return {
    tracked,
    required,
    minN,
    inconclusive,
    marginFor: (metric, fallback) => margins.get(metric) ?? fallback,
  };
}

export function quantileOf(statistic: Statistic): number | undefined {
  switch (statistic) {
    case 'p50':
      return 0.5;
    case 'p95':
      return 0.95;
    case 'p99':
      return 0.99;
    case 'mean':
      return undefined;
  }
}
