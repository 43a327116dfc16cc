import type { Comparison } from '../compare/comparison.js';

/**
 * A one-line text picture of a comparison for a markdown table cell: the estimate ●, its one-sided
 * bounds ├──┤, the margin ┊ and zero │ (┼ where the interval crosses zero), e.g. `··├──●──┤┊│···`.
 *
 * Rows of one table mix metrics in different units (points of accuracy, milliseconds of latency),
 * so positions are in multiples of each row's own margin δ: the margin always sits in the same
 * column, and "how far past the margin" reads the same on every row. A row whose margin is zero
 * uses its own largest value as the unit, so it still draws (its margin coincides with zero).
 */

/** Where a table's bars start and end, in margins, and how many cells they take. */
export interface DeltaScale {
  readonly low: number;
  readonly high: number;
  readonly width: number;
}

export const DELTA_BAR_WIDTH = 15;

/**
 * A bound further than this many margins from zero is clipped, so that one absurd row (a margin
 * close to zero, a huge latency change) does not squeeze every other row into a single cell.
 */
const SCALE_LIMIT = 25;

const TRACK = '·';

/** The scale of one table: every row's estimate, finite bounds, margin and zero, clamped to ±SCALE_LIMIT. */
export function deltaScale(comparisons: readonly Comparison[], width = DELTA_BAR_WIDTH): DeltaScale {
  let low = -1;
  let high = 0;
  for (const c of comparisons) {
    const row = normalized(c);
    if (row === null) continue;
    for (const v of [row.delta, row.low, row.high, row.margin]) {
      if (v === null || !Number.isFinite(v)) continue;
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  return { low: Math.max(low, -SCALE_LIMIT), high: Math.min(high, SCALE_LIMIT), width: Math.max(width, 5) };
}

/** The bar of one comparison on its table's scale, in backticks so the cell keeps its spacing; '–' without an estimate. */
export function deltaBar(comparison: Comparison, scale: DeltaScale): string {
  const row = normalized(comparison);
  if (row === null) return '–';
  const cells: string[] = Array.from({ length: scale.width }, () => TRACK);
  const last = scale.width - 1;
  const place = (v: number): number => Math.min(last, Math.max(0, Math.round(((v - scale.low) / (scale.high - scale.low)) * last)));
  // An unknown bound (null) is drawn as unbounded: the bar must not suggest a precision the data lacks.
  const lowClipped = row.low === null || row.low < scale.low;
  const highClipped = row.high === null || row.high > scale.high;
  const from = lowClipped ? 0 : place(row.low ?? scale.low);
  const to = highClipped ? last : place(row.high ?? scale.high);

  // Painted from least to most important, so that where marks share a cell the one that matters wins.
  for (let i = from; i <= to; i++) cells[i] = '─';
  const zero = place(0);
  cells[zero] = from <= zero && zero <= to ? '┼' : '│';
  cells[place(row.margin)] = '┊';
  cells[from] = lowClipped ? '◄' : '├';
  cells[to] = highClipped ? '►' : '┤';
  // An estimate off the scale is only "beyond the end": a ● at the edge would claim a value it does not have.
  cells[place(row.delta)] = row.delta < scale.low ? '◄' : row.delta > scale.high ? '►' : '●';
  return `\`${cells.join('')}\``;
}

interface NormalizedRow {
  readonly delta: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly margin: number;
}

/** The row in multiples of its margin; ±Infinity bounds become null (unbounded). */
function normalized(c: Comparison): NormalizedRow | null {
  if (c.delta === null || !Number.isFinite(c.delta)) return null;
  const finite = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : v);
  const low = finite(c.ci_low);
  const high = finite(c.ci_high);
  const margin = c.margin !== null && Number.isFinite(c.margin) && c.margin > 0 ? c.margin : null;
  const unit = margin ?? Math.max(Math.abs(c.delta), Math.abs(low ?? 0), Math.abs(high ?? 0));
  if (unit === 0) return { delta: 0, low: low === null ? null : 0, high: high === null ? null : 0, margin: 0 };
  return {
    delta: c.delta / unit,
    low: low === null ? null : low / unit,
    high: high === null ? null : high / unit,
    margin: margin === null ? 0 : -1,
  };
}
