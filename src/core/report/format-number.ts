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
  if (mde === null || Number.isNaN(mde)) return form === 'cell' ? 'none (too few examples)' : 'no drop at all (too few examples)';
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
