import { tTestNoncentrality } from '../stats/noncentral-t.js';
import { normalQuantile } from '../stats/normal.js';
import { findBracketedRoot } from '../stats/root.js';
import type { ComparisonData } from './comparison-data.js';

export interface MdeSettings {
  readonly margin: number;
  /** The per-comparison level the correction leaves (alpha/m). */
  readonly alpha: number;
  readonly power: number;
  readonly direction: 'higher' | 'lower';
}

/** What the comparison's own test measured its spread with. */
export interface ObservedSpread {
  readonly standardError: number;
  /** Degrees of freedom of a t-based test; undefined for normal-based ones. */
  readonly df?: number | undefined;
}

/**
 * The smallest true drop (in the metric's unit, positive) that this cohort would flag as regressed
 * with the given power, at the per-comparison alpha the correction leaves. It answers the reviewer's
 * question "is this cohort too small to tell?": a drop smaller than this can go unnoticed.
 *
 * - Proportions: the variance depends on the drop itself (a drop of d needs at least a share d of
 *   examples to change), so d = δ + (z₁₋α + z_power)·SE(d) is solved for its smallest root by a
 *   bracketing root finder. (Fixed-point iteration of it can alternate between two values instead of
 *   converging: a 3-example cohort was told 1 point where the root is 83.)
 * - Means (paired and Welch t tests): the drop at which the one-sided t test at this alpha has the
 *   stated power, d = δ + λ·SE with λ the noncentrality of the noncentral t giving that power. The
 *   normal's z₁₋α + z_power in its place overstates the power of small cohorts (0.41 instead of 0.80
 *   for 10 examples among 33 comparisons).
 * - Quantiles: their test uses the normal distribution, and so does their MDE.
 * Infinity where no drop up to the whole range would be detected.
 */
export function minimumDetectableEffect(
  data: ComparisonData,
  incumbentValue: number,
  spread: ObservedSpread,
  settings: MdeSettings,
): number {
  const z = -normalQuantile(settings.alpha) + normalQuantile(settings.power);
  const { margin } = settings;
  const { standardError } = spread;
  switch (data.kind) {
    case 'paired-binary': {
      const { n11, n10, n01, n00 } = data.table;
      const n = n11 + n10 + n01 + n00;
      const discordance = (n10 + n01) / n;
      return smallestDrop(margin, (d) => z * Math.sqrt(Math.max(0, Math.max(discordance, d) - d * d) / n));
    }
    case 'unpaired-binary': {
      const rate = settings.direction === 'higher' ? incumbentValue : 1 - incumbentValue;
      const nA = data.incumbent.n;
      const nB = data.candidate.n;
      return smallestDrop(margin, (d) => {
        const after = Math.min(1, Math.max(0, rate - d));
        return z * Math.sqrt((rate * (1 - rate)) / nA + (after * (1 - after)) / nB);
      });
    }
    case 'point':
      return Number.NaN;
    case 'paired-mean':
    case 'unpaired-mean': {
      if (!Number.isFinite(standardError) || spread.df === undefined || !(spread.df > 0)) return Infinity;
      if (standardError === 0) return margin;
      return margin + tTestNoncentrality(spread.df, settings.alpha, settings.power) * standardError;
    }
    case 'paired-quantile':
    case 'post-stratified':
      return Number.isFinite(standardError) ? margin + z * standardError : Infinity;
  }
}

const SCAN_STEPS = 256;

/**
 * The smallest d in [δ, 1] with d = δ + excess(d). At d = δ the left side is below the right; the
 * first grid cell where that flips brackets the smallest root, which Brent's method then pins down.
 */
function smallestDrop(margin: number, excess: (d: number) => number): number {
  const gap = (d: number): number => d - margin - excess(d);
  if (!(margin < 1)) return Infinity;
  if (gap(margin) >= 0) return margin;
  let previous = margin;
  for (let i = 1; i <= SCAN_STEPS; i++) {
    const d = margin + ((1 - margin) * i) / SCAN_STEPS;
    if (gap(d) >= 0) return findBracketedRoot(gap, previous, d, { absoluteTolerance: 1e-14 });
    previous = d;
  }
  return Infinity;
}
