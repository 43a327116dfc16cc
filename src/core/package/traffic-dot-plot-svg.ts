import { formatCount } from '../format-number.js';
import type { TrafficCohortRow, TrafficDimension } from '../traffic/traffic-report.js';
import { STATE_WORD, rowsWorstFirst, sharePhrase } from '../report/traffic-phrases.js';
import { escapeHtml, escapeHtmlCapped } from './html-escape.js';
import { roundPixel } from './svg-axis.js';

/**
 * One dimension's dot plot for report.html: per cohort, its share of the eval (a filled dot, in the
 * colour of its state) and of production (a ring), joined by a line whose length is the gap. Both on
 * one axis from 0, so a cohort the eval over-represents sits with its dot right of its ring. Inline
 * SVG, no external assets; every name is escaped. Cohorts with an unknown share have nothing to draw.
 */

export const STATE_COLOR: Record<TrafficCohortRow['state'], string> = {
  absent: '#c0392b',
  thin: '#b7791f',
  ok: '#3b5bdb',
  minor: '#6b7280',
  'unknown-share': '#6b7280',
};
const RING_COLOR = '#111827';

const WIDTH = 760;
const LABEL_RIGHT = 220;
const PLOT_LEFT = 232;
const PLOT_RIGHT = 630;
const ROW = 18;
const TOP = 8;
const AXIS = 30;

interface DotPlot {
  readonly svg: string;
  readonly plotted: number;
  /** Cohorts with both shares left out for length (the table lists them). */
  readonly omitted: number;
}

/** Plots at most `maxRows` cohorts, those that need a look first (absent, thin, largest PSI terms). */
export function renderDotPlot(dimension: TrafficDimension, maxRows: number): DotPlot {
  const drawable = rowsWorstFirst(dimension).filter((r) => r.eval_share !== null && r.production_share !== null);
  const rows = drawable.slice(0, maxRows);
  if (rows.length === 0) return { svg: '', plotted: 0, omitted: 0 };
  const largest = Math.max(...rows.flatMap((r) => [r.eval_share ?? 0, r.production_share ?? 0]));
  // Whole-percent gridlines, at most five steps: 0–80% by 20, 0–5% by 1.
  const step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25].find((s) => largest / s <= 5) ?? 0.25;
  const steps = Math.max(1, Math.ceil(largest / step - 1e-9));
  const top = step * steps;
  const x = (share: number): number => roundPixel(PLOT_LEFT + (share / top) * (PLOT_RIGHT - PLOT_LEFT));
  const bottom = TOP + rows.length * ROW;
  const out: string[] = [];
  for (let i = 0; i <= steps; i++) {
    const share = step * i;
    out.push(
      `<line x1="${x(share)}" y1="${TOP}" x2="${x(share)}" y2="${bottom}" stroke="#e5e7eb"/>`,
      `<text x="${x(share)}" y="${bottom + 16}" text-anchor="middle" fill="#4b5563">${Math.round(share * 100)}%</text>`,
    );
  }
  rows.forEach((r, i) => out.push(renderRow(r, TOP + i * ROW, x)));
  const height = bottom + AXIS;
  const label = `Eval share and production share per ${dimension.dimension} cohort`;
  const svg = `<svg class="dots" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(label)}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">${out.join('')}</svg>`;
  return { svg, plotted: rows.length, omitted: drawable.length - rows.length };
}

function renderRow(r: TrafficCohortRow, rowTop: number, x: (share: number) => number): string {
  const mid = rowTop + ROW / 2;
  const color = STATE_COLOR[r.state];
  const evalX = x(r.eval_share ?? 0);
  const productionX = x(r.production_share ?? 0);
  const numbers = `${sharePhrase(r.eval_share)} vs ${sharePhrase(r.production_share)}`;
  const tooltip = `${r.cohort}: eval ${sharePhrase(r.eval_share)} (n ${formatCount(r.eval_n)}), production ${sharePhrase(r.production_share)}; ${STATE_WORD[r.state]}`;
  return [
    `<g class="row" data-state="${r.state}" data-cohort="${escapeHtml(r.cohort)}">`,
    `<title>${escapeHtml(tooltip)}</title>`,
    `<text x="${LABEL_RIGHT}" y="${mid + 4}" text-anchor="end" fill="${r.state === 'ok' ? '#111827' : color}">${escapeHtmlCapped(r.cohort, 30)}</text>`,
    `<line x1="${Math.min(evalX, productionX)}" y1="${mid}" x2="${Math.max(evalX, productionX)}" y2="${mid}" stroke="#9ca3af" stroke-width="2"/>`,
    `<circle class="production" cx="${productionX}" cy="${mid}" r="5" fill="#fff" stroke="${RING_COLOR}" stroke-width="1.5"/>`,
    `<circle class="eval" cx="${evalX}" cy="${mid}" r="4.5" fill="${color}"/>`,
    `<text x="${PLOT_RIGHT + 12}" y="${mid + 4}" fill="#374151" font-variant-numeric="tabular-nums">${escapeHtml(numbers)}</text>`,
    '</g>',
  ].join('');
}
