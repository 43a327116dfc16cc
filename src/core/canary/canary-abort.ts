import type { Manifest } from '../manifest/manifest-schema.js';
import { metricSettings } from '../policy/effective-settings.js';
import type { Policy } from '../policy/policy-schema.js';
import { mixtureHalfWidth } from '../stats/confidence-sequence.js';
import type { CanaryObservations } from './canary-file.js';
import type { CanaryAbortCheck } from './canary-report.js';
import { type LookCounts, mixingForMargin, sideStatistic } from './canary-statistics.js';

type AbortCriterion = NonNullable<NonNullable<Manifest['rollout']>['abort_when']>[number];

/**
 * The manifest's abort criteria, judged on the canary's own `overall` value with an anytime-valid
 * bound: crossed only when the whole bound is beyond the threshold, so one noisy interval does not
 * abort a rollout, and clear only when the whole bound is within it.
 */
export function abortChecks(
  criteria: readonly AbortCriterion[],
  observations: CanaryObservations,
  totals: readonly LookCounts[],
  policy: Policy,
  level: number,
): CanaryAbortCheck[] {
  const looks = totals.length;
  return criteria.map((criterion) => {
    const below = criterion.below ?? null;
    const above = criterion.above ?? null;
    const kind = observations.metrics.get(criterion.metric);
    const at = (look: number) => sideStatistic(totals[look - 1]?.canary.get('overall'), criterion.metric);
    const canary = kind === undefined ? undefined : at(looks);
    if (kind === undefined || canary === undefined || !(canary.unitVariance > 0))
      return { metric: criterion.metric, below, above, canary: null, lower: null, upper: null, status: 'not-observed' };
    const settings = metricSettings(policy, criterion.metric, kind);
    // The metric's margin is its scale of a difference that matters; without one (a continuous metric
    // the policy does not name has a margin of 0), 1% of the threshold. Neither depends on the data.
    const threshold = (below ?? above) as number;
    const margin =
      settings.margin.kind === 'absolute' ? settings.margin.value : settings.margin.value * Math.abs(threshold);
    const scale = margin > 0 ? margin : Math.abs(threshold) * 0.01 || 0.01;
    const rho = mixingForMargin(scale, level);
    // Intersected over the looks, as the comparisons are: a crossing seen at any look stands.
    let lower = -Infinity;
    let upper = Infinity;
    for (let look = 1; look <= looks; look++) {
      const then = at(look);
      if (then === undefined || !(then.unitVariance > 0)) continue;
      const width = mixtureHalfWidth(then.n / then.unitVariance, rho, level);
      lower = Math.max(lower, then.value - width);
      upper = Math.min(upper, then.value + width);
    }
    const status =
      below !== null
        ? upper < below
          ? 'crossed'
          : lower >= below
            ? 'clear'
            : 'undecided'
        : lower > (above as number)
          ? 'crossed'
          : upper <= (above as number)
            ? 'clear'
            : 'undecided';
    return {
      metric: criterion.metric,
      below,
      above,
      canary: { n: canary.n, value: canary.value },
      lower,
      upper,
      status,
    };
  });
}
