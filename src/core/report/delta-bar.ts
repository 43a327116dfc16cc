import type { Comparison } from '../compare/comparison.js';

/**
 * A one-line text picture of a comparison for a table cell: the estimate ●, its one-sided bounds
 * ├──┤, the margin ┊ and zero │ (┼ where the bounds enclose zero), e.g. `··├──●──┤·┊·│··`.
 *
 * Rows of one table mix metrics in different units (points of accuracy, milliseconds of latency),
 * so positions are in multiples of each row's own margin δ: the margin and zero sit in the same
 * columns on every row, and "how far past the margin" reads the same on every row. A table that
 * spans many margins is drawn compressed beyond the marks (see DeltaScale), never between them.
 *
 * Every bar shows both the margin and zero. They are never painted over: the scale keeps at least
 * one cell between them, and a value that would round onto one of them is drawn on the side of it
 * where it lies (a value exactly on one is drawn on its better side), so the picture never moves a
 * value across the margin. A row whose margin is zero uses its own largest value as the unit; its
 * margin and zero coincide, drawn as ┋.
 */

/**
 * Where a table's bars put zero, and how many cells one margin takes: `inner` between the margin and
 * zero, `outer` beyond them (fewer when a table spans many margins, so that a regression ten margins
 * deep still shows its interval instead of running off the scale).
 */
export interface DeltaScale {
  readonly zero: number;
  readonly inner: number;
  readonly outer: number;
  readonly width: number;
}

const DELTA_BAR_WIDTH = 15;

/** At least two cells per margin between the margin and zero, so that one lies between their marks. */
const MIN_CELLS_PER_MARGIN = 2;
/** At most six, so that a table of small changes is not stretched into a false precision. */
const MAX_CELLS_PER_MARGIN = 6;
/** Beyond the marks a margin may shrink to a tenth of a cell; what lies further is clipped. */
const MIN_OUTER_CELLS_PER_MARGIN = 0.1;

const TRACK = '·';

/** The scale of one table: every row's estimate and finite bounds fit, within the limits above. */
export function deltaScale(comparisons: readonly Comparison[], width = DELTA_BAR_WIDTH): DeltaScale {
  const cells = Math.max(width, 7);
  let low = -1;
  let high = 0;
  for (const c of comparisons) {
    const row = normalized(c);
    if (row === null) continue;
    for (const v of [row.delta, row.low, row.high]) {
      if (v === null || !Number.isFinite(v)) continue;
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  // One cell at each end is kept free for a value nudged off a mark, and for ◄ ►.
  const usable = cells - 3;
  const span = high - low;
  const linear = Math.min(MAX_CELLS_PER_MARGIN, usable / span);
  if (linear >= MIN_CELLS_PER_MARGIN) {
    // Everything fits on one linear scale: centre it.
    const ideal = 1 + -low * linear + (usable - span * linear) / 2;
    return { zero: clampZero(Math.round(ideal), linear, cells), inner: linear, outer: linear, width: cells };
  }
  const outer = Math.max(MIN_OUTER_CELLS_PER_MARGIN, (usable - MIN_CELLS_PER_MARGIN) / (span - 1));
  const ideal = 1 + MIN_CELLS_PER_MARGIN + (-low - 1) * outer;
  return {
    zero: clampZero(Math.round(ideal), MIN_CELLS_PER_MARGIN, cells),
    inner: MIN_CELLS_PER_MARGIN,
    outer,
    width: cells,
  };
}

/** Zero leaves room for the margin's mark and a cell before it, and a cell after it. */
function clampZero(zero: number, inner: number, cells: number): number {
  return Math.min(cells - 2, Math.max(Math.round(inner) + 1, zero));
}

/** The bar of one comparison on its table's scale, in backticks so the cell keeps its spacing; '–' without an estimate. */
export function deltaBar(comparison: Comparison, scale: DeltaScale): string {
  const row = normalized(comparison);
  if (row === null) return '–';
  const last = scale.width - 1;
  const zero = scale.zero;
  const margin = row.margin === 0 ? zero : zero - Math.round(scale.inner);
  const exact = (v: number): number =>
    v >= 0 ? zero + v * scale.outer : v >= -1 ? zero + v * scale.inner : zero - scale.inner + (v + 1) * scale.outer;
  const beyondLeft = (v: number): boolean => Math.round(exact(v)) < 0;
  const beyondRight = (v: number): boolean => Math.round(exact(v)) > last;
  /** The cell of a value on the scale, never on a mark and always on the side of each mark where the value lies. */
  const place = (v: number): number => {
    let cell = Math.round(exact(v));
    if (margin === zero) cell = v < 0 ? Math.min(cell, zero - 1) : Math.max(cell, zero + 1);
    else if (v < row.margin) cell = Math.min(cell, margin - 1);
    else if (v < 0) cell = Math.min(Math.max(cell, margin + 1), zero - 1);
    else cell = Math.max(cell, zero + 1);
    return Math.min(last, Math.max(0, cell));
  };

  const cells: string[] = Array.from({ length: scale.width }, () => TRACK);
  // An unknown bound (null) is drawn as unbounded: the bar must not suggest a precision the data lacks.
  const lowClipped = row.low === null || beyondLeft(row.low);
  const highClipped = row.high === null || beyondRight(row.high);
  const from = lowClipped ? 0 : place(row.low ?? 0);
  const to = highClipped ? last : place(row.high ?? 0);
  // Painted from least to most important; the marks last, on cells no value is ever placed on.
  for (let i = from; i <= to; i++) cells[i] = '─';
  cells[from] = lowClipped ? '◄' : '├';
  cells[to] = highClipped ? '►' : '┤';
  // An estimate off the scale is only "beyond the end": a ● at the edge would claim a value it does not have.
  cells[place(row.delta)] = beyondLeft(row.delta) ? '◄' : beyondRight(row.delta) ? '►' : '●';
  if (margin === zero) cells[zero] = '┋';
  else {
    cells[margin] = '┊';
    cells[zero] = from < zero && zero < to ? '┼' : '│';
  }
  return `\`${cells.join('')}\``;
}

/** The legend of the bars, for a table's footer. */
export const DELTA_BAR_LEGEND =
  'Bars: ● Δ, ├─┤ its one-sided bounds, ┊ the margin, │ zero (┼ when the bounds enclose it, ┋ a margin of zero), ◄ ► beyond the scale; each row is drawn in multiples of its own margin, compressed outside the margin-to-zero stretch when the table spans many margins.';

interface NormalizedRow {
  readonly delta: number;
  readonly low: number | null;
  readonly high: number | null;
  /** −1 (the margin, in margins), or 0 for a row without a positive margin. */
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
