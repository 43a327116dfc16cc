import { formatCount, formatMeasure, type Measured } from '../format-number.js';
import type { CanaryAbortCheck, CanaryReport } from './canary-report.js';

/**
 * The words for the manifest's abort criteria (rollout.abort_when), checked on the canary's own
 * value of a metric in `overall`. A threshold is in the metric's unit, so it is written like the
 * gated comparison of the same metric when there is one (92.5%, 131 ms), else as a plain number.
 */

/** How an abort check's numbers are written: as the gated metric of that name, else as plain numbers. */
function abortMeasured(a: CanaryAbortCheck, report: CanaryReport): Measured {
  const gated = report.comparisons.find((c) => c.metric === a.metric);
  return {
    metric: a.metric,
    statistic: gated?.statistic ?? 'mean',
    margin: null,
    incumbent: a.below ?? a.above ?? a.canary?.value ?? null,
  };
}

/** "below 85.0%", "above 250 ms", or both. */
export function thresholdPhrase(a: CanaryAbortCheck, report: CanaryReport): string {
  const m = abortMeasured(a, report);
  const parts = [
    a.below === null ? '' : `below ${formatMeasure(m, a.below)}`,
    a.above === null ? '' : `above ${formatMeasure(m, a.above)}`,
  ].filter((s) => s !== '');
  return parts.join(' or ') || 'no threshold';
}

/** "83.1% [82.0%, 84.2%], n=5,800", or that the observations do not give the metric. */
export function abortValuePhrase(a: CanaryAbortCheck, report: CanaryReport): string {
  if (a.canary === null) return 'not in the observations';
  const m = abortMeasured(a, report);
  const bound = (v: number | null): string => (v === null ? '–' : formatMeasure(m, v));
  return `${formatMeasure(m, a.canary.value)} [${bound(a.lower)}, ${bound(a.upper)}], n=${formatCount(a.canary.n)}`;
}

export const ABORT_STATUS_WORDS: Record<CanaryAbortCheck['status'], string> = {
  crossed: 'crossed with confidence',
  clear: 'clear with confidence',
  undecided: 'undecided',
  'not-observed': 'not observed',
};
