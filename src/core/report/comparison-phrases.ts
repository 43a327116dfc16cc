import type { Comparison } from '../compare/comparison.js';
import { formatChange, formatCount, formatMeasure, formatP } from '../format-number.js';
import type { Policy } from '../policy/policy-schema.js';

/**
 * What one comparison says, in the words every output uses (comment, summary, report.md, text,
 * report.html). The phrases hold numbers only; names from the inputs are added by each renderer,
 * escaped its own way.
 */

/**
 * The data is thin when the smallest detectable drop (MDE) is more than twice the margin, or when no
 * drop at all is detectable: then "too small to tell" is the honest summary. Below that the eval
 * could see a drop of about the margin's size, and an inconclusive row is one whose interval is
 * narrow but straddles the margin: it gets the observed change and what cannot be ruled out instead.
 */
const THIN_DATA_MDE_MARGINS = 2;

export function isThinData(c: Comparison): boolean {
  if (c.mde === null || !Number.isFinite(c.mde)) return true;
  const margin = c.margin ?? 0;
  return c.mde > THIN_DATA_MDE_MARGINS * margin;
}

/** "92.5% → 77.2%" */
export function valuesPhrase(c: Comparison): string {
  return `${formatMeasure(c, c.incumbent)} → ${formatMeasure(c, c.candidate)}`;
}

/** "−1.0 pts": the tolerated drop, as a position on the Δ axis. */
export function marginPhrase(c: Comparison): string {
  return formatChange(c, c.margin === null ? null : -c.margin);
}

/** The pairs (or the smaller side) behind a comparison. */
export function sizeOf(c: Comparison): number {
  return c.n_paired ?? Math.min(c.n_incumbent, c.n_candidate);
}

/** "n=281" or "rare, n=281" */
export function sizePhrase(c: Comparison): string {
  return `${c.rare ? 'rare, ' : ''}n=${formatCount(sizeOf(c))}`;
}

/** A regression: how bad, how sure, and the corrected p that decided it. */
export function regressionPhrase(c: Comparison, policy: Pick<Policy, 'alpha' | 'correction'>): string {
  const best =
    c.ci_high === null || !Number.isFinite(c.ci_high)
      ? 'point values only, no bound'
      : `at most ${formatChange(c, c.ci_high)} at ≥ ${confidenceOf(policy.alpha)}% confidence`;
  return `${valuesPhrase(c)}: ${formatChange(c, c.delta)}, ${best}; margin ${marginPhrase(c)}; ${adjustedLabel(policy.correction)} ${formatP(c.p_adjusted)}`;
}

/** An inconclusive comparison: "too small to tell" only when the data is thin (see isThinData). The note is escaped by `escape`. */
export function inconclusivePhrase(c: Comparison, escape: (text: string) => string): string {
  const why = c.note === null ? '' : ` (${escape(c.note)})`;
  if (isThinData(c)) {
    const detectable =
      c.mde === null || Number.isNaN(c.mde) ? 'no drop at all' : `a drop of ${formatChange(c, c.mde, false)} or more`;
    return `too small to tell${why}: observed ${formatChange(c, c.delta)}, could only detect ${detectable}`;
  }
  const observed =
    c.delta === null || !Number.isFinite(c.delta)
      ? 'no estimate'
      : formatChange(c, c.delta).startsWith('±')
        ? 'about unchanged'
        : `${c.delta < 0 ? 'worse' : 'better'} by about ${formatChange(c, c.delta, false)}`;
  return `${observed}${why}; cannot rule out a drop beyond the margin of ${formatChange(c, c.margin, false)}`;
}

/** A missing comparison: why there is nothing to compare (the note is escaped by `escape`). */
export function missingPhrase(c: Comparison, escape: (text: string) => string): string {
  return `missing: ${escape(c.note ?? 'no results for this cohort')}`;
}

/** A passing row, short: the change and the worst case the data allows. */
export function passPhrase(c: Comparison): string {
  const worst = c.ci_low === null || !Number.isFinite(c.ci_low) ? '' : ` (≥ ${formatChange(c, c.ci_low)})`;
  return `${formatChange(c, c.delta)}${worst}`;
}

/** "95", "97.5": the confidence of the one-sided bounds. */
export function confidenceOf(alpha: number): string {
  return String(Number(((1 - alpha) * 100).toPrecision(4)));
}

export function adjustedLabel(correction: Policy['correction']): string {
  switch (correction) {
    case 'holm':
      return 'Holm-adjusted p';
    case 'bonferroni':
      return 'Bonferroni-adjusted p';
    case 'bh':
      return 'BH-adjusted p';
    case 'none':
      return 'p';
  }
}

/** "Holm", "Bonferroni", "Benjamini–Hochberg", or null without a correction. */
export function correctionName(correction: Policy['correction']): string | null {
  return correction === 'holm'
    ? 'Holm'
    : correction === 'bonferroni'
      ? 'Bonferroni'
      : correction === 'bh'
        ? 'Benjamini–Hochberg'
        : null;
}

/** The methods of a table, each once, with the metrics it was used for: named in a footer, not on every row. */
export function methodsUsed(
  comparisons: readonly Comparison[],
): { readonly method: string; readonly metrics: readonly string[] }[] {
  const byMethod = new Map<string, Set<string>>();
  for (const c of comparisons) {
    if (c.method === 'none' || c.method === '') continue;
    const metrics = byMethod.get(c.method) ?? new Set<string>();
    metrics.add(c.metric);
    byMethod.set(c.method, metrics);
  }
  return [...byMethod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([method, metrics]) => ({ method, metrics: [...metrics].sort() }));
}
