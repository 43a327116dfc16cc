import type { Comparison } from '../compare/comparison.js';
import { formatCount } from '../format-number.js';
import { marginPhrase } from '../report/comparison-phrases.js';
import {
  STATE_WORD,
  TRAFFIC_HEADING,
  chiSquarePhrase,
  psiPhrase,
  resultPhrase,
  settingsPhrase,
  sharePhrase,
  weightedResults,
  windowPhrase,
} from '../report/traffic-phrases.js';
import type { TrafficCohortRow, TrafficDimension, TrafficSection } from '../traffic/traffic-report.js';
import { escapeHtml } from './html-escape.js';
import { renderDotPlot, STATE_COLOR } from './traffic-dot-plot-svg.js';

/**
 * report.html's "Does the eval look like production?": where production's mix came from, then per
 * dimension the PSI and chi-square test, a dot plot of eval share against production share, the full
 * table and the traffic-weighted comparisons beside the eval-mix overall (or why each was not made).
 * Empty without a traffic file. Every string from an input goes through escapeHtml.
 */

/** Cohorts drawn per dimension; the table below each plot lists them all. */
const PLOT_ROWS = 40;

const ROW_CLASS: Partial<Record<TrafficCohortRow['state'], string>> = { absent: 'block', thin: 'warn', minor: 'muted' };

export function trafficSectionHtml(traffic: TrafficSection | null, comparisons: readonly Comparison[]): string {
  if (traffic === null) return '';
  const notListed = traffic.dimensions_not_in_traffic;
  const facts = [
    `Production's mix: ${traffic.file.path} (sha256 ${traffic.file.sha256})${traffic.source === null ? '' : `, source: ${traffic.source}`}.`,
    `Window: ${windowPhrase(traffic)}${traffic.eval_set_frozen === null ? '' : `; eval set frozen ${traffic.eval_set_frozen}`}.`,
    `Settings: ${settingsPhrase(traffic)}.`,
    ...(notListed.length === 0
      ? []
      : [`Not in the traffic file, so their mix is not checked: ${notListed.join(', ')}.`]),
  ];
  return [
    `<section id="traffic"><h2>${TRAFFIC_HEADING}</h2>`,
    ...facts.map((fact) => `<p class="note">${escapeHtml(fact)}</p>`),
    legend(),
    ...traffic.dimensions.map((d) => dimensionHtml(d, comparisons)),
    '</section>',
  ].join('\n');
}

function legend(): string {
  const dot = (color: string, label: string): string =>
    `<span class="key"><span class="dot" style="background:${color}"></span>${label}</span>`;
  return `<div class="legend">${[
    dot(STATE_COLOR.ok, 'eval share'),
    dot(STATE_COLOR.thin, 'eval share, thin cohort'),
    dot(STATE_COLOR.absent, 'eval share, absent cohort'),
    '<span class="key"><span class="dot" style="background:#fff;border:1.5px solid #111827"></span>production share</span>',
  ].join('')}</div>`;
}

function dimensionHtml(d: TrafficDimension, comparisons: readonly Comparison[]): string {
  const mix =
    d.psi === null
      ? 'Fewer than two cohorts to compare: no PSI or chi-square test.'
      : `PSI ${psiPhrase(d.psi)}${d.mix_shift ? ' (the mix has shifted)' : ''} · ${chiSquarePhrase(d.chi_square)}`;
  const plot = renderDotPlot(d, PLOT_ROWS);
  const omitted =
    plot.omitted === 0
      ? ''
      : `<p class="note">${escapeHtml(`The plot shows ${formatCount(plot.plotted)} cohorts, those that need a look first; the table lists all ${formatCount(d.cohorts.length)}.`)}</p>`;
  return [
    `<h3>${escapeHtml(d.dimension)}${d.mix_shift ? ' <span class="tag">mix shifted</span>' : ''}</h3>`,
    `<p>${escapeHtml(mix)}</p>`,
    plot.svg === '' ? '' : `<div class="plot">${plot.svg}</div>${omitted}`,
    cohortTable(d),
    weightedList(d, comparisons),
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function cohortTable(d: TrafficDimension): string {
  const head = ['cohort', 'production count', 'production share', 'eval n', 'eval share', 'PSI term', 'state'];
  const numeric = new Set([1, 2, 3, 4, 5]);
  const headHtml = head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${h}</th>`).join('');
  const rows = d.cohorts.map((r) => {
    const cells = [
      `<td>${escapeHtml(r.cohort)}</td>`,
      ...[
        r.production_count === null ? '–' : formatCount(r.production_count),
        sharePhrase(r.production_share),
        formatCount(r.eval_n),
        sharePhrase(r.eval_share),
        psiPhrase(r.psi_term),
      ].map((n) => `<td class="num">${escapeHtml(n)}</td>`),
      `<td>${escapeHtml(STATE_WORD[r.state])}</td>`,
    ];
    const className = ROW_CLASS[r.state];
    return `<tr${className === undefined ? '' : ` class="${className}"`}>${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table><thead><tr>${headHtml}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

function weightedList(d: TrafficDimension, comparisons: readonly Comparison[]): string {
  const items = weightedResults(d, comparisons).map((r) =>
    r.reason !== null
      ? `${r.metric}: not weighted: ${r.reason}`
      : `${r.metric} on production's ${d.dimension} mix: ${resultPhrase(r.weighted, false)}; on the eval's mix: ${resultPhrase(r.overall, false)}${r.weighted === undefined ? '' : `; margin ${marginPhrase(r.weighted)}`}`,
  );
  if (items.length === 0) return '';
  return `<p class="note">Traffic-weighted comparisons:</p><ul class="weighted">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}
