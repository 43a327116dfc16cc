import type { Comparison } from '../compare/comparison.js';
import { formatChange, formatCount } from '../format-number.js';
import { escapeHtml, escapeHtmlCapped } from './html-escape.js';
import { niceTicks, roundPixel, signedTickLabel } from './svg-axis.js';

/**
 * The forest plot: one row per (cohort, metric), its observed Δ as a marker, its one-sided interval
 * [ci_low, ci_high] as a line, the tolerated drop −δ as a dashed red tick, and zero as a grey line.
 *
 * Axes. Proportions share one panel in percentage points: their margins are points too, so a reader
 * can compare accuracy in one cohort with recall in another at a glance. Continuous metrics get one
 * panel per metric in the metric's own unit (ms stay ms). Normalizing them by their margin (Δ/δ)
 * was the alternative; it was rejected because a margin may be 0 (no drop tolerated), which has no
 * scale, and because "−0.4 margins" means nothing to the person who owns the latency budget. Relative
 * margins ("10%") differ per cohort, so the margin is drawn per row rather than as one line.
 */

export const STATUS_COLOR: Record<Comparison['status'], string> = {
  regressed: '#c0392b',
  inconclusive: '#b7791f',
  pass: '#2f855a',
  missing: '#6b7280',
};
const ROW_BAND: Partial<Record<Comparison['status'], string>> = { regressed: '#fdecea', inconclusive: '#fff6e0' };
const MARGIN_COLOR = '#c0392b';

const WIDTH = 1000;
const LABEL_RIGHT = 300;
const PLOT_LEFT = 312;
const PLOT_RIGHT = 770;
const ROW = 20;
const TITLE = 26;
const AXIS = 34;

export interface ForestPlot {
  /** The inline SVG (empty when nothing can be plotted). */
  readonly svg: string;
  /** Comparisons drawn, one marker each. */
  readonly plotted: number;
  /** Comparisons with a Δ left out of the plot for length (they are in the tables). */
  readonly omitted: number;
  /** Of those, how many regressed or were inconclusive (only when there are more than the plot holds). */
  readonly omitted_regressed: number;
  readonly omitted_inconclusive: number;
  /** Comparisons without a Δ (missing data), which have nothing to draw. */
  readonly without_delta: number;
}

/**
 * Plots the most important `maxRows` comparisons: every regression, then every inconclusive one,
 * then the passing ones closest to their margin (smallest p, the test being "worse by more than δ").
 */
export function renderForestPlot(
  comparisons: readonly Comparison[],
  waived: ReadonlySet<string>,
  maxRows = 200,
): ForestPlot {
  const plottable = comparisons
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.delta !== null && Number.isFinite(c.delta));
  const ranked = [...plottable].sort((a, b) => rank(a.c) - rank(b.c) || pOrder(a.c) - pOrder(b.c) || a.index - b.index);
  const chosen = ranked.slice(0, maxRows);
  const panels = new Map<string, { title: string; rows: { c: Comparison; index: number }[] }>();
  for (const entry of chosen) {
    const key = entry.c.statistic === 'proportion' ? '' : `${entry.c.metric}\u0000${entry.c.statistic}`;
    const title =
      entry.c.statistic === 'proportion'
        ? 'Proportions: Δ in percentage points'
        : `${entry.c.metric} (${entry.c.statistic}): Δ in the metric's unit`;
    const panel = panels.get(key) ?? { title, rows: [] };
    panel.rows.push(entry);
    panels.set(key, panel);
  }
  // The proportions panel first, the rest by name; rows by status, then in report order.
  const ordered = [...panels.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  let y = 0;
  const parts: string[] = [];
  for (const [, panel] of ordered) {
    panel.rows.sort((a, b) => rank(a.c) - rank(b.c) || a.index - b.index);
    const drawn = renderPanel(
      panel.title,
      panel.rows.map((r) => r.c),
      waived,
      y,
    );
    parts.push(drawn.svg);
    y += drawn.height + 12;
  }
  // No xmlns: inline SVG in HTML needs none, and the page then holds no URL but the run's.
  const svg =
    chosen.length === 0
      ? ''
      : `<svg class="forest" viewBox="0 0 ${WIDTH} ${y}" width="100%" role="img" aria-label="Forest plot of Δ per cohort and metric against the margin" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">${parts.join('')}</svg>`;
  const left = ranked.slice(maxRows);
  return {
    svg,
    plotted: chosen.length,
    omitted: left.length,
    omitted_regressed: left.filter(({ c }) => c.status === 'regressed').length,
    omitted_inconclusive: left.filter(({ c }) => c.status === 'inconclusive').length,
    without_delta: comparisons.length - plottable.length,
  };
}

/** The waived-set key of a comparison. */
export function comparisonKey(cohort: string, metric: string): string {
  return `${cohort}\u0000${metric}`;
}

function renderPanel(
  title: string,
  rows: readonly Comparison[],
  waived: ReadonlySet<string>,
  top: number,
): { svg: string; height: number } {
  const scale = rows[0]?.statistic === 'proportion' ? 100 : 1;
  const values = rows
    .flatMap((c) => [c.delta, c.ci_low, c.ci_high, c.margin === null ? null : -c.margin, 0])
    .filter((v): v is number => v !== null && Number.isFinite(v))
    .map((v) => v * scale);
  const ticks = niceTicks(Math.min(...values), Math.max(...values), 6);
  const lo = ticks[0] ?? -1;
  const hi = ticks[ticks.length - 1] ?? 1;
  const x = (v: number): number => roundPixel(PLOT_LEFT + ((v * scale - lo) / (hi - lo)) * (PLOT_RIGHT - PLOT_LEFT));
  const bodyTop = top + TITLE;
  const bodyBottom = bodyTop + rows.length * ROW;
  const out: string[] = [
    `<g class="panel">`,
    `<text x="0" y="${top + 16}" font-weight="600" font-size="13">${escapeHtml(title)}</text>`,
  ];
  rows.forEach((c, i) => {
    if (ROW_BAND[c.status] !== undefined)
      out.push(`<rect x="0" y="${bodyTop + i * ROW}" width="${WIDTH}" height="${ROW}" fill="${ROW_BAND[c.status]}"/>`);
  });
  for (const t of ticks) {
    const tx = roundPixel(PLOT_LEFT + ((t - lo) / (hi - lo)) * (PLOT_RIGHT - PLOT_LEFT));
    out.push(`<line x1="${tx}" y1="${bodyTop}" x2="${tx}" y2="${bodyBottom}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${tx}" y="${bodyBottom + 16}" text-anchor="middle" fill="#4b5563">${signedTickLabel(t)}</text>`);
  }
  out.push(
    `<line x1="${x(0)}" y1="${bodyTop - 4}" x2="${x(0)}" y2="${bodyBottom}" stroke="#6b7280" stroke-width="1.5"/>`,
  );
  out.push(
    `<text x="${roundPixel((PLOT_LEFT + PLOT_RIGHT) / 2)}" y="${bodyBottom + 30}" text-anchor="middle" fill="#4b5563">worse ← Δ = candidate − incumbent → better</text>`,
  );
  rows.forEach((c, i) => out.push(renderRow(c, waived.has(comparisonKey(c.cohort, c.metric)), bodyTop + i * ROW, x)));
  out.push('</g>');
  return { svg: out.join(''), height: TITLE + rows.length * ROW + AXIS };
}

function renderRow(c: Comparison, waived: boolean, rowTop: number, x: (v: number) => number): string {
  const color = STATUS_COLOR[c.status];
  const mid = rowTop + ROW / 2;
  const label = `${c.cohort} · ${c.metric}`;
  const suffix = [c.rare ? 'rare' : '', waived ? 'waived' : ''].filter((s) => s !== '').join(', ');
  const numbers = `${formatChange(c, c.delta)} [${bound(c, c.ci_low)}, ${bound(c, c.ci_high)}]`;
  const tooltip = `${label}${suffix === '' ? '' : ` (${suffix})`}: ${c.status}; Δ ${numbers}; margin ${formatChange(c, c.margin === null ? null : -c.margin)}; n ${formatCount(c.n_paired ?? Math.min(c.n_incumbent, c.n_candidate))}`;
  const out = [
    `<g class="row" data-status="${c.status}" data-cohort="${escapeHtml(c.cohort)}" data-metric="${escapeHtml(c.metric)}">`,
    `<title>${escapeHtml(tooltip)}</title>`,
    `<text x="${LABEL_RIGHT}" y="${mid + 4}" text-anchor="end" fill="${c.status === 'pass' ? '#111827' : color}"${c.status === 'regressed' ? ' font-weight="600"' : ''}>${escapeHtmlCapped(c.cohort, 34)}<tspan fill="#6b7280"> · ${escapeHtmlCapped(c.metric, 18)}</tspan>${suffix === '' ? '' : `<tspan fill="#6b7280" font-style="italic"> ${suffix}</tspan>`}</text>`,
  ];
  if (c.margin !== null && Number.isFinite(c.margin)) {
    out.push(
      `<line x1="${x(-c.margin)}" y1="${rowTop + 1}" x2="${x(-c.margin)}" y2="${rowTop + ROW - 1}" stroke="${MARGIN_COLOR}" stroke-width="1.5" stroke-dasharray="3 2"/>`,
    );
  }
  const low = c.ci_low === null ? null : Number.isFinite(c.ci_low) ? x(c.ci_low) : PLOT_LEFT;
  const high = c.ci_high === null ? null : Number.isFinite(c.ci_high) ? x(c.ci_high) : PLOT_RIGHT;
  if (low !== null || high !== null) {
    const from = low ?? x(c.delta ?? 0);
    const to = high ?? x(c.delta ?? 0);
    out.push(
      `<line x1="${from}" y1="${mid}" x2="${to}" y2="${mid}" stroke="${color}" stroke-width="2.5" stroke-linecap="round"/>`,
    );
  }
  const cx = x(c.delta ?? 0);
  out.push(
    c.rare
      ? `<path class="pt" d="M${cx} ${mid - 6}L${cx + 6} ${mid}L${cx} ${mid + 6}L${cx - 6} ${mid}Z" fill="#fff" stroke="${color}" stroke-width="2"/>`
      : `<circle class="pt" cx="${cx}" cy="${mid}" r="5" fill="${color}" stroke="#fff" stroke-width="1"/>`,
  );
  out.push(
    `<text x="${PLOT_RIGHT + 12}" y="${mid + 4}" fill="${c.status === 'pass' ? '#374151' : color}" font-variant-numeric="tabular-nums">${escapeHtml(numbers)}</text>`,
    '</g>',
  );
  return out.join('');
}

/** Regressions first, then inconclusive, then passes; missing have no Δ and are not plotted. */
function rank(c: Comparison): number {
  return c.status === 'regressed' ? 0 : c.status === 'inconclusive' ? 1 : c.status === 'pass' ? 2 : 3;
}

/** Closest to regressing first: the smallest p of the test "worse by more than the margin". */
function pOrder(c: Comparison): number {
  return c.p_value === null || !Number.isFinite(c.p_value) ? 2 : c.p_value;
}

/** A bound without its unit (the Δ before the brackets carries it). */
function bound(c: Comparison, value: number | null): string {
  if (value === null) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '+∞' : '−∞';
  return formatChange(c, value).replace(/ (pts|ms|s)$/, '');
}
