import { OVERALL } from '../cohorts.js';
import type { Comparison } from '../compare/comparison.js';
import { formatP, formatValue } from '../format-number.js';
import type { TrafficCohortRow, TrafficDimension, TrafficSection } from '../traffic/traffic-report.js';
import { passPhrase } from './comparison-phrases.js';

/**
 * The numbers and words of the "Does the eval look like production?" section, shared by the
 * comment, report.md, the text output, validation-package.md and report.html. Phrases hold numbers
 * and fixed words only; each renderer adds the names from the inputs, escaped its own way.
 */

export const TRAFFIC_HEADING = 'Does the eval look like production?';

export const STATE_WORD: Record<TrafficCohortRow['state'], string> = {
  ok: 'ok',
  absent: 'absent',
  thin: 'thin',
  'unknown-share': 'not in the traffic file',
  minor: 'minor (below min share)',
};

/** What needs a look first: absent, then thin, then the largest contributors to the PSI. */
const STATE_ORDER: Record<TrafficCohortRow['state'], number> = {
  absent: 0,
  thin: 1,
  ok: 2,
  minor: 2,
  'unknown-share': 3,
};

/** "44.2%", "–" when unknown. */
export function sharePhrase(share: number | null): string {
  return formatValue(share, 'proportion');
}

/** PSI and its terms to three decimals: the thresholds people use (0.1, 0.25) need no more. */
export function psiPhrase(psi: number | null): string {
  return psi === null || !Number.isFinite(psi) ? '–' : psi.toFixed(3);
}

/** "chi-square 16966.8 on 4 df, p ≈ 0"; a p-value that underflowed to 0 is not printed as "0.0e+0". */
export function chiSquarePhrase(chi: TrafficDimension['chi_square']): string {
  if (chi === null) return 'chi-square –';
  const p = chi.p_value === 0 ? 'p ≈ 0' : `p = ${formatP(chi.p_value)}`;
  return `chi-square ${chi.statistic.toFixed(1)} on ${chi.df} df, ${p}`;
}

/** "2026-11-01 to 2026-11-30, ended 1 day before this run" */
export function windowPhrase(section: TrafficSection): string {
  const { from, to } = section.window;
  const age = section.window_age_days;
  const days = `${Math.abs(age)} day${Math.abs(age) === 1 ? '' : 's'}`;
  const when =
    age < 0
      ? `ends ${days} after this run's date`
      : age === 0
        ? "ended on this run's date"
        : `ended ${days} before this run`;
  return `${from} to ${to}, ${when}`;
}

/** The policy's thresholds in one sentence. */
export function settingsPhrase(section: TrafficSection): string {
  const s = section.settings;
  return `a production cohort with at least ${sharePhrase(s.min_share)} of its dimension needs ${s.min_n} eval examples; the mix shift warns at PSI above ${s.psi_warn} when the chi-square test rejects at ${s.mix_alpha}; the window may end at most ${s.max_age_days} days before the run`;
}

/** The dimension's cohorts, what needs a look first; ties keep the section's (natural) order. */
export function rowsWorstFirst(dimension: TrafficDimension): TrafficCohortRow[] {
  return dimension.cohorts
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        STATE_ORDER[a.row.state] - STATE_ORDER[b.row.state] ||
        (b.row.psi_term ?? -1) - (a.row.psi_term ?? -1) ||
        a.index - b.index,
    )
    .map(({ row }) => row);
}

/** One gated metric of a dimension: the weighted comparison next to the eval-mix overall, or why it was not made. */
interface WeightedResult {
  readonly metric: string;
  readonly weighted: Comparison | undefined;
  readonly overall: Comparison | undefined;
  readonly reason: string | null;
}

export function weightedResults(dimension: TrafficDimension, comparisons: readonly Comparison[]): WeightedResult[] {
  const find = (cohort: string, metric: string): Comparison | undefined =>
    comparisons.find((c) => c.cohort === cohort && c.metric === metric);
  return dimension.weighted.map((w) => ({
    metric: w.metric,
    weighted: w.cohort === null ? undefined : find(w.cohort, w.metric),
    overall: find(OVERALL, w.metric),
    reason: w.reason,
  }));
}

/**
 * The metrics not weighted, grouped by their reason: reasons told apart only by the metric's name
 * (every metric lacks a cohort's result) are said once, in the first metric's words.
 */
export function notWeightedGroups(results: readonly WeightedResult[]): { metrics: string[]; reason: string }[] {
  const groups = new Map<string, { metrics: string[]; reason: string }>();
  for (const r of results) {
    if (r.reason === null) continue;
    const key = r.reason.split(r.metric).join('\u0000');
    const group = groups.get(key) ?? { metrics: [], reason: r.reason };
    group.metrics.push(r.metric);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const STATUS_ICON: Record<Comparison['status'], string> = {
  pass: '✅',
  regressed: '🔻',
  inconclusive: '❔',
  missing: '⛔',
};

/** "✅ pass +1.7 pts (≥ +1.4 pts)": status, Δ and its one-sided lower bound. */
export function resultPhrase(c: Comparison | undefined, icons = true): string {
  if (c === undefined) return '–';
  return `${icons ? `${STATUS_ICON[c.status]} ` : ''}${c.status} ${passPhrase(c)}`;
}
