/**
 * Number formatting shared by every renderer. Proportions are shown as percentages and their
 * differences in percentage points ("pts"); other statistics in their own unit.
 */
export function formatValue(value: number | null, statistic: string): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return statistic === 'proportion' ? `${(value * 100).toFixed(1)}%` : formatPlain(value);
}

export function formatDelta(delta: number | null, statistic: string, signed = true): string {
  if (delta === null) return '–';
  if (delta === Infinity) return 'any';
  if (!Number.isFinite(delta)) return '–';
  const sign = signed ? (delta > 0 ? '+' : delta < 0 ? '−' : '±') : '';
  const magnitude = Math.abs(delta);
  return statistic === 'proportion' ? `${sign}${(magnitude * 100).toFixed(1)} pts` : `${sign}${formatPlain(magnitude)}`;
}

/**
 * The smallest drop a comparison could detect: "X or more" for a table cell, "a drop of X or more" in
 * a sentence; when no drop within the metric's range is detectable (mde null), it says so in words.
 */
export function formatDetectable(mde: number | null, statistic: string, form: 'cell' | 'sentence' = 'cell'): string {
  if (mde === null || Number.isNaN(mde))
    return form === 'cell' ? 'none (too few examples)' : 'no drop at all (too few examples)';
  const amount = `${formatDelta(mde, statistic, false)} or more`;
  return form === 'cell' ? amount : `a drop of ${amount}`;
}

export function formatP(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '–';
  if (p < 0.001) return p.toExponential(1);
  return p.toFixed(3);
}

export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatPlain(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

/**
 * A comparison's own unit: percentage points for proportions, else what the metric's name ends in
 * (`latency_ms` is in ms, `duration_s` in s); null when the name does not say.
 */
function unitOf(metric: string, statistic: string): string | null {
  if (statistic === 'proportion') return 'pts';
  if (/(?:^|[_\-. ])ms$/i.test(metric)) return 'ms';
  if (/(?:^|[_\-. ])(?:s|sec|secs|seconds)$/i.test(metric)) return 's';
  return null;
}

/** What fixes a comparison's precision: its statistic, its margin and its incumbent value. */
export interface Measured {
  readonly metric: string;
  readonly statistic: string;
  readonly margin: number | null;
  readonly incumbent: number | null;
}

/**
 * Decimals for one comparison, the same for every number of its row: proportions to a tenth of a
 * point; other statistics to three significant digits of the margin (of the incumbent's value
 * without one), so `−0.6 ms` and `−14.0 ms` line up instead of `−0.6` and `−13.99`.
 */
function decimalsOf(c: Measured): number {
  if (c.statistic === 'proportion') return 1;
  const reference =
    c.margin !== null && Number.isFinite(c.margin) && c.margin > 0 ? c.margin : Math.abs(c.incumbent ?? 0);
  if (!Number.isFinite(reference) || reference === 0) return 2;
  return Math.min(6, Math.max(0, 2 - Math.floor(Math.log10(reference))));
}

function fixed(magnitude: number, decimals: number): string {
  const [whole = '0', fraction] = magnitude.toFixed(decimals).split('.');
  return fraction === undefined ? formatCount(Number(whole)) : `${formatCount(Number(whole))}.${fraction}`;
}

/** A value of the comparison's metric: "92.5%", "139.9 ms". */
export function formatMeasure(c: Measured, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (c.statistic === 'proportion') return `${(value * 100).toFixed(1)}%`;
  const unit = unitOf(c.metric, c.statistic);
  const text = `${value < 0 ? '−' : ''}${fixed(Math.abs(value), decimalsOf(c))}`;
  return unit === null ? text : `${text} ${unit}`;
}

/** A difference in the comparison's unit, signed by default: "−15.3 pts", "+0.6 ms"; "any" for an unbounded one. */
export function formatChange(c: Measured, delta: number | null, signed = true): string {
  if (delta === null) return '–';
  if (delta === Infinity) return 'any';
  if (!Number.isFinite(delta)) return '–';
  const decimals = decimalsOf(c);
  const scaled = c.statistic === 'proportion' ? Math.abs(delta) * 100 : Math.abs(delta);
  const digits = fixed(scaled, decimals);
  const zero = Number(scaled.toFixed(decimals)) === 0;
  const sign = !signed ? '' : zero ? '±' : delta > 0 ? '+' : '−';
  const unit = unitOf(c.metric, c.statistic);
  return unit === null ? `${sign}${digits}` : `${sign}${digits} ${unit}`;
}
