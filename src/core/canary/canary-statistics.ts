import { mixingParameter, mixtureHalfWidth } from '../stats/confidence-sequence.js';
import type { CanaryCounts, CanaryInterval } from './canary-file.js';

/** One side's metric through a look: events, value (a proportion or a mean) and per-event variance. */
export interface SideStatistic {
  readonly n: number;
  readonly value: number;
  readonly unitVariance: number;
}

/** The counts of one side and cohort summed over the first `looks` intervals. */
export function cumulativeCounts(
  intervals: readonly CanaryInterval[],
  looks: number,
  side: 'baseline' | 'canary',
  cohort: string,
): CanaryCounts | undefined {
  let n = 0;
  const successes = new Map<string, number>();
  const sums = new Map<string, [number, number]>();
  let seen = false;
  for (const interval of intervals.slice(0, looks)) {
    const counts = interval[side].get(cohort);
    if (counts === undefined) continue;
    seen = true;
    n += counts.n;
    for (const [metric, k] of counts.successes) successes.set(metric, (successes.get(metric) ?? 0) + k);
    for (const [metric, [sum, squares]] of counts.sums) {
      const total = sums.get(metric) ?? [0, 0];
      sums.set(metric, [total[0] + sum, total[1] + squares]);
    }
  }
  return seen ? { n, successes, sums } : undefined;
}

/**
 * A metric's value and per-event variance from counts: k/n and p(1 − p) for a success count, Σx/n
 * and the sample variance for sums. As in the traffic weighting, a rate of 0 or 1 is not taken as
 * certain: its variance is that of one event having gone the other way.
 */
export function sideStatistic(counts: CanaryCounts | undefined, metric: string): SideStatistic | undefined {
  if (counts === undefined || counts.n === 0) return undefined;
  const { n } = counts;
  const k = counts.successes.get(metric);
  if (k !== undefined) {
    const p = k / n;
    return { n, value: p, unitVariance: Math.max(p * (1 - p), (1 / n) * (1 - 1 / n)) };
  }
  const sums = counts.sums.get(metric);
  if (sums === undefined || n < 2) return undefined;
  const mean = sums[0] / n;
  return { n, value: mean, unitVariance: Math.max(0, (sums[1] - (sums[0] * sums[0]) / n) / (n - 1)) };
}

/**
 * The mixing parameter for a comparison whose margin is `margin`: tuned so that the sequence is
 * tightest about when its half-width reaches the margin, the information at which a drop of twice
 * the margin can first be told apart. It depends on the margin and the level only, never on the
 * data, so the sequence keeps its guarantee.
 */
export function mixingForMargin(margin: number, level: number): number {
  const width = (information: number): number =>
    mixtureHalfWidth(information, mixingParameter(information, level), level);
  const target = margin > 0 ? margin : 1e-3;
  let low = 1e-6;
  let high = 1e18;
  for (let i = 0; i < 200 && high / low > 1 + 1e-9; i++) {
    const middle = Math.sqrt(low * high);
    if (width(middle) > target) low = middle;
    else high = middle;
  }
  return mixingParameter(high, level);
}

/** The information at which the half-width falls to `width` (same ρ), by bisection; Infinity if never. */
export function informationForWidth(width: number, rho: number, level: number, from: number): number {
  if (!(width > 0)) return Infinity;
  let low = Math.max(from, 1e-12);
  if (mixtureHalfWidth(low, rho, level) <= width) return low;
  let high = low;
  for (let i = 0; i < 200 && mixtureHalfWidth(high, rho, level) > width; i++) high *= 2;
  if (mixtureHalfWidth(high, rho, level) > width) return Infinity;
  for (let i = 0; i < 200 && high / low > 1 + 1e-9; i++) {
    const middle = Math.sqrt(low * high);
    if (mixtureHalfWidth(middle, rho, level) > width) low = middle;
    else high = middle;
  }
  return high;
}
