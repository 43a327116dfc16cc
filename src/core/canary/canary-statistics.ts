import { mixingParameter, mixtureHalfWidth } from '../stats/confidence-sequence.js';
import type { CanaryCounts, CanaryInterval } from './canary-file.js';

/** One side's metric through a look: events, value (a proportion or a mean) and per-event variance. */
export interface SideStatistic {
  readonly n: number;
  readonly value: number;
  readonly unitVariance: number;
}

/** The counts of each side and cohort through one look (all intervals up to and including it). */
export interface LookCounts {
  readonly baseline: ReadonlyMap<string, CanaryCounts>;
  readonly canary: ReadonlyMap<string, CanaryCounts>;
}

/**
 * The running totals through every look, in one pass over the intervals: entry k holds intervals
 * 0 … k.
 */
export function countsThroughLooks(intervals: readonly CanaryInterval[]): LookCounts[] {
  const baseline = new Map<string, CanaryCounts>();
  const canary = new Map<string, CanaryCounts>();
  return intervals.map((interval) => ({
    baseline: addInterval(baseline, interval.baseline),
    canary: addInterval(canary, interval.canary),
  }));
}

/** Adds one interval's counts to the totals and returns a snapshot of them. */
function addInterval(
  totals: Map<string, CanaryCounts>,
  interval: ReadonlyMap<string, CanaryCounts>,
): ReadonlyMap<string, CanaryCounts> {
  for (const [cohort, counts] of interval) {
    const before = totals.get(cohort);
    totals.set(cohort, before === undefined ? counts : addCounts(before, counts));
  }
  return new Map(totals);
}

function addCounts(a: CanaryCounts, b: CanaryCounts): CanaryCounts {
  const successes = new Map(a.successes);
  for (const [metric, k] of b.successes) successes.set(metric, (successes.get(metric) ?? 0) + k);
  const sums = new Map(a.sums);
  for (const [metric, [sum, squares]] of b.sums) {
    const total = sums.get(metric) ?? [0, 0];
    sums.set(metric, [total[0] + sum, total[1] + squares]);
  }
  return { n: a.n + b.n, successes, sums };
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
 * tightest where its half-width reaches the margin, the information at which a drop of twice the
 * margin can first be told apart. At ρ = I* ÷ x (mixingParameter's tuning, x its root) the half-width
 * at I* is exactly √((1 + x) ÷ I*), so that information is (1 + x)/δ². It depends on the margin and the
 * level only, never on the data, so the sequence keeps its guarantee.
 */
export function mixingForMargin(margin: number, level: number): number {
  const x = 1 / mixingParameter(1, level);
  const target = margin > 0 ? margin : 1e-3;
  return mixingParameter((1 + x) / (target * target), level);
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
