import { formatChange, formatCount, formatMeasure, formatP, type Measured } from '../format-number.js';
import type { CanaryAbortCheck, CanaryComparison, CanaryDecision, CanaryReport } from './canary-report.js';

/**
 * The words of the canary reports, shared by the text, markdown, comment and HTML renderers so that
 * they cannot drift apart (as src/core/report/headline.ts does for `check`). The phrases hold numbers
 * and fixed words only; names from the inputs (cohorts, metrics, paths) are added by each renderer,
 * escaped its own way, through the `escape` argument where a phrase needs one.
 */

export const DECISION_WORD: Record<CanaryDecision, string> = {
  promote: 'PROMOTE',
  rollback: 'ROLL BACK',
  hold: 'HOLD',
};
export const DECISION_ICON: Record<CanaryDecision, string> = { promote: '✅', rollback: '⛔', hold: '⏳' };
const DECISION_MEANING: Record<CanaryDecision, string> = {
  promote: 'the canary may move past this stage',
  rollback: 'roll the canary back',
  hold: 'keep the canary at this stage and look again',
};

/** "HOLD — keep the canary at this stage and look again: 2 cohort metrics undecided, 18 min of the hold left". Counts only. */
export function canaryHeadline(report: CanaryReport): string {
  return `${DECISION_WORD[report.decision]} — ${DECISION_MEANING[report.decision]}: ${headlineReasons(report).join(', ')}`;
}

function headlineReasons(report: CanaryReport): string[] {
  const count = (status: CanaryComparison['status']): number =>
    report.comparisons.filter((c) => c.status === status).length;
  const aborts = (status: CanaryAbortCheck['status']): number =>
    report.abort_checks.filter((a) => a.status === status).length;
  const reasons: string[] = [];
  const add = (n: number, one: string, many: string): void => {
    if (n > 0) reasons.push(plural(n, one, many));
  };
  if (report.decision === 'rollback') {
    add(count('regressed'), 'cohort metric regressed', 'cohort metrics regressed');
    add(aborts('crossed'), 'abort threshold crossed', 'abort thresholds crossed');
  } else if (report.decision === 'hold') {
    add(count('undecided'), 'cohort metric undecided', 'cohort metrics undecided');
    add(aborts('undecided'), 'abort check undecided', 'abort checks undecided');
    add(aborts('not-observed'), 'abort metric not observed', 'abort metrics not observed');
    const left = holdLeft(report);
    if (left !== null) reasons.push(`${durationPhrase(left)} of the hold left`);
  } else {
    const n = report.comparisons.length;
    reasons.push(
      n === 0
        ? 'no cohort metric gated'
        : `${n === 1 ? '' : 'all '}${plural(n, 'cohort metric', 'cohort metrics')} within their margins`,
    );
    add(aborts('clear'), 'abort check clear', 'abort checks clear');
    if (report.stage.hold_seconds !== null)
      reasons.push(`hold of ${durationPhrase(report.stage.hold_seconds)} elapsed`);
  }
  return reasons.length === 0 ? ['see what decided it'] : reasons;
}

/** Seconds of the stage's hold still to run, or null when there is no hold or it has elapsed. */
export function holdLeft(report: CanaryReport): number | null {
  const { hold_seconds: hold, elapsed_seconds: elapsed } = report.stage;
  return hold === null || elapsed >= hold ? null : hold - elapsed;
}

/** "10% of traffic since 2026-12-01T10:00:00Z · hold 30 min, 12 min elapsed (clock …) · 3 looks" */
export function stagePhrase(report: CanaryReport, escape: (text: string) => string): string {
  const s = report.stage;
  const hold =
    s.hold_seconds === null
      ? `no hold set, ${durationPhrase(s.elapsed_seconds)} elapsed`
      : `hold ${durationPhrase(s.hold_seconds)}, ${durationPhrase(s.elapsed_seconds)} elapsed`;
  return `${formatPercent(s.traffic)} of traffic since ${escape(s.started)} · ${hold} (clock ${escape(s.clock)}) · ${plural(s.looks, 'look', 'looks')}`;
}

/** Regressed first, then undecided, then passing; report order within each. */
export function comparisonsInOrder(report: CanaryReport): CanaryComparison[] {
  const rank = { regressed: 0, undecided: 1, pass: 2 } as const;
  return report.comparisons
    .map((c, index) => ({ c, index }))
    .sort((a, b) => rank[a.c.status] - rank[b.c.status] || a.index - b.index)
    .map(({ c }) => c);
}

/** What fixes a comparison's number format: its statistic, margin and the baseline's value. */
function measuredOf(c: CanaryComparison): Measured {
  return { metric: c.metric, statistic: c.statistic, margin: c.margin, incumbent: c.baseline.value };
}

/** "92.5% → 90.1%" */
export function valuesPhrase(c: CanaryComparison): string {
  const m = measuredOf(c);
  return `${formatMeasure(m, c.baseline.value)} → ${formatMeasure(m, c.canary.value)}`;
}

/** "−2.4 pts [−3.2, −1.6]": the estimate and its anytime-valid bounds. */
export function deltaPhrase(c: CanaryComparison): string {
  const m = measuredOf(c);
  return `${formatChange(m, c.estimate)} [${bareChange(m, c.lower)}, ${bareChange(m, c.upper)}]`;
}

/** "−1.0 pts": the tolerated drop, as a position on the Δ axis. */
export function marginPhrase(c: CanaryComparison): string {
  return formatChange(measuredOf(c), -c.margin);
}

/** Why a comparison has its status, in a clause. */
export function statusPhrase(c: CanaryComparison, report: CanaryReport): string {
  const m = measuredOf(c);
  const p = `adjusted p ${formatP(c.p_adjusted)}`;
  if (c.status === 'regressed')
    return `at most ${formatChange(m, c.upper)}, beyond the margin ${marginPhrase(c)}; ${p}`;
  if (c.status === 'pass') return `at least ${formatChange(m, c.lower)}, above the margin ${marginPhrase(c)}`;
  return `cannot yet tell whether it is above or beyond the margin ${marginPhrase(c)}; ${eventsPhrase(c, report)}`;
}

/** "about 12,000 more canary events (≈ 25 min at the current rate)", or why more traffic alone will not do. */
export function eventsPhrase(c: CanaryComparison, report: CanaryReport): string {
  const needed = c.canary_events_needed;
  if (needed === null || !Number.isFinite(needed))
    return 'more traffic alone is unlikely to pass it: the estimate itself is near or beyond the margin';
  const rounded = Number(Math.max(1, Math.ceil(needed)).toPrecision(2));
  const rate = report.stage.elapsed_seconds > 0 ? c.canary.n / report.stage.elapsed_seconds : 0;
  const time = rate > 0 ? ` (≈ ${durationPhrase(needed / rate)} at the current rate)` : '';
  return `about ${formatCount(rounded)} more canary events${time}`;
}

/** The footer: what Δ is, what the bounds are and at which level, and the method (escaped by `escape`). */
export function boundsSentence(report: CanaryReport, escape: (text: string) => string): string {
  const s = report.settings;
  return (
    `Δ = canary − baseline, positive is better; proportions in percentage points (pts). ` +
    `Bounds are anytime-valid at alpha/family = ${formatNumber(s.alpha)}/${formatCount(s.family)} (Bonferroni over ${plural(s.family, 'gated comparison or abort check', 'gated comparisons and abort checks')}): they hold at every look at once, so looking after every interval does not raise the error rate. ` +
    `p-values are always-valid and multiplied by the family, so a comparison's adjusted p is at most alpha exactly when its upper bound is below the margin. Method: ${escape(s.method)}.`
  );
}

/** "1 h 30 min", "25 min", "45 s", "2 d 4 h": the largest unit and the next one when it is not zero. */
export function durationPhrase(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const units: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length > 0) parts.push(`${formatCount(n)} ${name}`);
  }
  const shown = parts.slice(0, 2);
  if (shown.length === 2 && shown[1]?.startsWith('0 ')) shown.pop();
  return shown.join(' ') || '0 s';
}

/** "10%", "2.5%" */
function formatPercent(percent: number): string {
  return `${formatNumber(percent)}%`;
}

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function formatNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** A bound without its unit (the estimate before the brackets carries it); ±∞ for an unbounded side. */
function bareChange(m: Measured, value: number): string {
  if (Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '+∞' : '−∞';
  return formatChange(m, value).replace(/ (pts|ms|s)$/, '');
}
