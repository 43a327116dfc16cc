import { formatCount } from '../format-number.js';
import { escapeHtml } from '../package/html-escape.js';
import { deltaPhrase, durationPhrase } from './canary-phrases.js';
import type { CanaryComparison, CanaryLook } from './canary-report.js';
import { niceTicks, roundPixel, signedTickLabel } from '../package/svg-axis.js';

/**
 * One comparison's confidence sequence over the looks, as an inline SVG: x is the time since the
 * stage started (the look number when a time cannot be read); y is Δ, in percentage points for
 * proportions and in the metric's unit otherwise. The shaded band is each look's own bounds, the
 * solid lines their running intersection (what the decision uses), the dots the estimate; the
 * dashed red line is −margin and the grey one zero. The first looks' bounds can be very wide, so
 * the y axis is fitted to the margin, zero, the estimates and the last bounds, and anything beyond
 * it is drawn on its edge (the caption says so).
 */

export const STATUS_COLOR: Record<CanaryComparison['status'], string> = {
  regressed: '#c0392b',
  undecided: '#b7791f',
  pass: '#2f855a',
};

const WIDTH = 640;
const HEIGHT = 236;
const LEFT = 64;
const RIGHT = 560;
const TOP = 12;
const BOTTOM = 190;

interface Point {
  readonly x: number;
  readonly label: string;
  readonly look: CanaryLook['comparisons'][number];
}

export function sequenceSvg(c: CanaryComparison, looks: readonly CanaryLook[], startedMs: number): string {
  const points = pointsOf(c, looks, startedMs);
  if (points.length === 0) return '';
  const scale = c.statistic === 'proportion' ? 100 : 1;
  const finite = (v: number): boolean => Number.isFinite(v);
  const core = [0, -c.margin, c.lower, c.upper, ...points.map((p) => p.look.estimate)].filter(finite);
  const all = [...core, ...points.flatMap((p) => [p.look.lower, p.look.upper]).filter(finite)];
  const span = Math.max(Math.max(...core) - Math.min(...core), 1e-9);
  const ticks = niceTicks(
    Math.max(Math.min(...all), Math.min(...core) - span) * scale,
    Math.min(Math.max(...all), Math.max(...core) + span) * scale,
    5,
  );
  const lo = ticks[0] ?? -1;
  const hi = ticks[ticks.length - 1] ?? 1;
  const y = (v: number): number => {
    const clamped = Math.min(hi, Math.max(lo, Number.isNaN(v) ? 0 : v * scale));
    return roundPixel(BOTTOM - ((clamped - lo) / (hi - lo)) * (BOTTOM - TOP));
  };
  const xMax = Math.max(...points.map((p) => p.x), 1e-9);
  const x = (v: number): number => roundPixel(LEFT + (v / xMax) * (RIGHT - LEFT));
  const color = STATUS_COLOR[c.status];
  const out: string[] = [];
  for (const t of ticks) {
    const ty = roundPixel(BOTTOM - ((t - lo) / (hi - lo)) * (BOTTOM - TOP));
    out.push(`<line x1="${LEFT}" y1="${ty}" x2="${RIGHT}" y2="${ty}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${LEFT - 6}" y="${ty + 4}" text-anchor="end" fill="#4b5563">${signedTickLabel(t)}</text>`);
  }
  const timeAxis = xAxis(points, xMax);
  for (const t of timeAxis.ticks)
    out.push(`<text x="${x(t.at)}" y="${BOTTOM + 16}" text-anchor="middle" fill="#4b5563">${t.label}</text>`);
  const band = [
    ...points.map((p) => `${x(p.x)},${y(p.look.upper)}`),
    ...[...points].reverse().map((p) => `${x(p.x)},${y(p.look.lower)}`),
  ];
  out.push(`<polygon points="${band.join(' ')}" fill="${color}" fill-opacity="0.16" stroke="none"/>`);
  if (points.length === 1) {
    const [only] = points;
    if (only !== undefined)
      out.push(
        `<line x1="${x(only.x)}" y1="${y(only.look.upper)}" x2="${x(only.x)}" y2="${y(only.look.lower)}" stroke="${color}" stroke-width="6" stroke-opacity="0.3"/>`,
      );
  }
  for (const side of ['lower', 'upper'] as const) {
    const running = runningBound(points, side);
    const coords = points.map((p, i) => `${x(p.x)},${y(running[i] ?? Number.NaN)}`);
    out.push(`<polyline points="${coords.join(' ')}" fill="none" stroke="${color}" stroke-width="1.5"/>`);
  }
  const zero = y(0);
  const margin = y(-c.margin);
  out.push(`<line x1="${LEFT}" y1="${zero}" x2="${RIGHT}" y2="${zero}" stroke="#6b7280" stroke-width="1.5"/>`);
  out.push(`<text x="${RIGHT + 6}" y="${zero + 4}" fill="#4b5563">0</text>`);
  out.push(
    `<line x1="${LEFT}" y1="${margin}" x2="${RIGHT}" y2="${margin}" stroke="#c0392b" stroke-width="1.5" stroke-dasharray="5 3"/>`,
  );
  out.push(`<text x="${RIGHT + 6}" y="${margin + 4}" fill="#c0392b">−margin</text>`);
  out.push(
    `<polyline points="${points.map((p) => `${x(p.x)},${y(p.look.estimate)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="1.5"/>`,
  );
  points.forEach((p, i) => {
    const look = { ...c, estimate: p.look.estimate, lower: p.look.lower, upper: p.look.upper };
    const tip = `look ${formatCount(i + 1)} (${p.label}): Δ ${deltaPhrase(look)}, canary n ${formatCount(p.look.canary_n)}`;
    out.push(
      `<circle cx="${x(p.x)}" cy="${y(p.look.estimate)}" r="2.5" fill="${color}"><title>${escapeHtml(tip)}</title></circle>`,
    );
  });
  const unit = c.statistic === 'proportion' ? ' (pts)' : '';
  out.push(
    `<text x="${roundPixel((LEFT + RIGHT) / 2)}" y="${BOTTOM + 34}" text-anchor="middle" fill="#4b5563">${timeAxis.title}</text>`,
  );
  out.push(
    `<text x="14" y="${roundPixel((TOP + BOTTOM) / 2)}" text-anchor="middle" fill="#4b5563" transform="rotate(-90 14 ${roundPixel((TOP + BOTTOM) / 2)})">Δ${unit}</text>`,
  );
  const label = `Confidence sequence of Δ for ${c.cohort} · ${c.metric} over ${points.length} looks`;
  return `<svg class="sequence" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="${escapeHtml(label)}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="11">${out.join('')}</svg>`;
}

/** This comparison's bounds at each look, placed at the look's time since the start (or its number). */
function pointsOf(c: CanaryComparison, looks: readonly CanaryLook[], startedMs: number): Point[] {
  const found = looks.flatMap((look, i) => {
    const entry = look.comparisons.find((e) => e.cohort === c.cohort && e.metric === c.metric);
    return entry === undefined ? [] : [{ end: Date.parse(look.end) - startedMs, index: i + 1, look: entry }];
  });
  const timed = found.every(
    (f, i) => Number.isFinite(f.end) && f.end >= 0 && (i === 0 || f.end > (found[i - 1]?.end ?? 0)),
  );
  return found.map((f) =>
    timed
      ? { x: f.end / 1000, label: `+${durationPhrase(f.end / 1000)}`, look: f.look }
      : { x: f.index, label: `look ${formatCount(f.index)}`, look: f.look },
  );
}

/** The running intersection of the bounds over the looks: the largest lower bound so far, the smallest upper one. */
function runningBound(points: readonly Point[], side: 'lower' | 'upper'): number[] {
  let best = side === 'lower' ? -Infinity : Infinity;
  return points.map((p) => {
    const v = p.look[side];
    if (!Number.isNaN(v)) best = side === 'lower' ? Math.max(best, v) : Math.min(best, v);
    return best;
  });
}

/** Ticks on the time axis in the unit that fits its length, or look numbers. */
function xAxis(points: readonly Point[], xMax: number): { ticks: { at: number; label: string }[]; title: string } {
  if (points[0]?.label.startsWith('look'))
    return {
      ticks: niceTicks(1, xMax, 5)
        .filter((t) => Number.isInteger(t) && t >= 1 && t <= xMax)
        .map((t) => ({ at: t, label: formatCount(t) })),
      title: 'look',
    };
  const [size, name] =
    xMax < 120 ? [1, 's'] : xMax < 7_200 ? [60, 'min'] : xMax < 172_800 ? [3_600, 'h'] : [86_400, 'd'];
  const ticks = niceTicks(0, xMax / size, 5)
    .filter((t) => t >= 0 && t * size <= xMax * 1.0001)
    .map((t) => ({ at: t * size, label: `${String(t)} ${name}` }));
  return { ticks, title: 'time since the stage started' };
}
