import { normalQuantile } from '../stats/normal.js';
import type { ComparisonData } from './comparison-data.js';

/**
 * The smallest true drop (in the metric's unit, positive) that this cohort would flag as regressed
 * with the given power, at the per-comparison alpha the correction leaves. It answers the reviewer's
 * question "is this cohort too small to tell?": a drop smaller than this can go unnoticed.
 *
 * For proportions the variance depends on the drop itself (a drop of d needs at least a share d of
 * examples to change), so the equation d = δ + z·SE(d) is solved by fixed-point iteration; for the
 * other methods the observed standard error is used.
 */
export function minimumDetectableEffect(
  data: ComparisonData,
  incumbentValue: number,
  standardError: number,
  settings: { margin: number; alpha: number; power: number; direction: 'higher' | 'lower' },
): number {
  const z = normalQuantile(1 - settings.alpha) + normalQuantile(settings.power);
  const { margin } = settings;
  switch (data.kind) {
    case 'paired-binary': {
      const { n11, n10, n01, n00 } = data.table;
      const n = n11 + n10 + n01 + n00;
      const discordance = (n10 + n01) / n;
      return solveFixedPoint((d) => margin + z * Math.sqrt(Math.max(0, Math.max(discordance, d) - d * d) / n));
    }
    case 'unpaired-binary': {
      const rate = settings.direction === 'higher' ? incumbentValue : 1 - incumbentValue;
      const nA = data.incumbent.n;
      const nB = data.candidate.n;
      return solveFixedPoint((d) => {
        const after = Math.min(1, Math.max(0, rate - d));
        return margin + z * Math.sqrt((rate * (1 - rate)) / nA + (after * (1 - after)) / nB);
      });
    }
    case 'point':
      return Number.NaN;
    default:
      return Number.isFinite(standardError) ? margin + z * standardError : Infinity;
  }
}

function solveFixedPoint(next: (d: number) => number): number {
  let d = next(0);
  for (let i = 0; i < 200; i++) {
    const updated = Math.min(1, next(d));
    if (Math.abs(updated - d) < 1e-12) return updated;
    d = updated;
  }
  return d;
}
