import type { Finding } from '../findings/finding.js';
import { formatCount, formatP } from '../format-number.js';
import { escapeHtml } from '../package/html-escape.js';
import { decidingItems } from './canary-deciding.js';
import { ABORT_STATUS_WORDS, abortValuePhrase, thresholdPhrase } from './canary-abort-phrases.js';
import {
  DECISION_WORD,
  boundsSentence,
  canaryHeadline,
  comparisonsInOrder,
  deltaPhrase,
  marginPhrase,
  stagePhrase,
  statusPhrase,
  valuesPhrase,
} from './canary-phrases.js';
import type { CanaryComparison, CanaryReport } from './canary-report.js';
import { STATUS_COLOR, sequenceSvg } from './canary-sequence-svg.js';
import { CANARY_STYLE } from './canary-html-style.js';

/**
 * canary-report.html: one self-contained page, like report.html of `check` (no scripts, fonts,
 * images or stylesheets from anywhere, and a Content-Security-Policy that forbids them): the
 * decision, the stage, what decided it, the comparisons and abort checks at the last look, and per
 * comparison a plot of its confidence sequence over the looks against the margin. Every string from
 * an input is escaped with escapeHtml; phrases are built with names as they are and escaped whole.
 */

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
/** Plots drawn, regressed and undecided comparisons first; report.json holds every look of the rest. */
const MAX_PLOTS = 60;
const plain = (text: string): string => text;

export function renderCanaryHtml(report: CanaryReport): string {
  const ordered = comparisonsInOrder(report);
  const body = [
    header(report),
    decidedSection(report),
    comparisonsSection(report, ordered),
    abortSection(report),
    plotsSection(report, ordered),
    findingsSection(report.findings),
    inputsSection(report),
    `<footer>${escapeHtml(`${boundsSentence(report, plain)} ${report.schema} · ${report.tool.name} ${report.tool.version}`)}</footer>`,
  ].filter((html) => html !== '');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(`Model release gate canary: ${DECISION_WORD[report.decision]}`)}</title>`,
    `<style>${CANARY_STYLE}</style>`,
    '</head>',
    `<body class="decision-${report.decision}">`,
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(report: CanaryReport): string {
  return [
    '<header>',
    `<div class="badge ${report.decision}">${escapeHtml(DECISION_WORD[report.decision])}</div>`,
    `<div class="headline"><h1>${escapeHtml(canaryHeadline(report))}</h1><p class="stage">${escapeHtml(`Stage: ${stagePhrase(report, plain)}`)}</p></div>`,
    '</header>',
  ].join('\n');
}

function decidedSection(report: CanaryReport): string {
  const items = decidingItems(report, plain).map(
    (item) => `<li class="${item.kind}">${escapeHtml(`[${item.kind}] ${item.text}`)}</li>`,
  );
  const list = items.length === 0 ? '' : `<ul class="decided">${items.join('')}</ul>`;
  return `<section id="decided"><h2>What decided it</h2><p>${escapeHtml(report.reason)}</p>${list}</section>`;
}

function comparisonsSection(report: CanaryReport, ordered: readonly CanaryComparison[]): string {
  if (ordered.length === 0) return '';
  const head = [
    'cohort · metric',
    'canary n',
    'baseline → canary',
    'Δ (anytime-valid bounds)',
    'margin',
    'adjusted p',
    'status',
  ];
  const rows = ordered.map((c) =>
    row(c.status, [
      `${c.cohort} · ${c.metric}`,
      { num: formatCount(c.canary.n) },
      valuesPhrase(c),
      { num: deltaPhrase(c) },
      { num: marginPhrase(c) },
      { num: formatP(c.p_adjusted) },
      `${c.status}: ${statusPhrase(c, report)}`,
    ]),
  );
  return table('comparisons', 'Comparisons at the last look', head, rows);
}

function abortSection(report: CanaryReport): string {
  if (report.abort_checks.length === 0) return '';
  const rows = report.abort_checks.map((a) =>
    row(a.status, [a.metric, thresholdPhrase(a, report), abortValuePhrase(a, report), ABORT_STATUS_WORDS[a.status]]),
  );
  const head = ['metric', 'abort when', 'canary [anytime-valid bounds], n', 'status'];
  return table('aborts', 'Abort checks (manifest rollout.abort_when, canary overall)', head, rows);
}

function plotsSection(report: CanaryReport, ordered: readonly CanaryComparison[]): string {
  const startedMs = Date.parse(report.stage.started);
  const figures = ordered.slice(0, MAX_PLOTS).flatMap((c) => {
    const svg = sequenceSvg(c, report.looks, startedMs);
    if (svg === '') return [];
    const caption = `${c.cohort} · ${c.metric} — ${c.status}; at the last look Δ ${deltaPhrase(c)} (running intersection), margin ${marginPhrase(c)}`;
    return [`<figure class="${c.status}"><figcaption>${escapeHtml(caption)}</figcaption>${svg}</figure>`];
  });
  if (figures.length === 0) return '';
  const swatch = (color: string, label: string): string =>
    `<span class="key"><span class="swatch" style="background:${color}"></span>${label}</span>`;
  const legend = [
    swatch(STATUS_COLOR.regressed, 'regressed'),
    swatch(STATUS_COLOR.undecided, 'undecided'),
    swatch(STATUS_COLOR.pass, 'pass'),
    '<span class="key"><span class="k-margin"></span>−margin (tolerated drop)</span>',
    '<span class="key"><span class="k-zero"></span>no change</span>',
  ].join('');
  const left = ordered.length - figures.length;
  const note = `Shaded: each look's anytime-valid bounds; lines: their running intersection, which the decision uses; dots: the estimate. A comparison passes once its lower line is above the dashed margin and regresses once its upper line is below it. Bounds beyond the axis are drawn on its edge.${left > 0 ? ` ${formatCount(left)} more comparison(s) are not plotted; report.json holds every look.` : ''}`;
  return `<section id="sequences"><h2>Confidence sequences over the looks</h2><div class="legend">${legend}</div>${figures.join('\n')}<p class="note">${escapeHtml(note)}</p></section>`;
}

function findingsSection(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const rows = findings.map((f) =>
    row(f.severity, [
      { html: `<code>${escapeHtml(f.id)}</code>` },
      f.message,
      f.file === undefined ? '' : `${f.file}${f.line === undefined ? '' : ` line ${f.line}`}`,
    ]),
  );
  return table('findings', 'Findings', ['finding', 'message', 'where'], rows);
}

function inputsSection(report: CanaryReport): string {
  const { observations, manifest, policy } = report.inputs;
  const file = (label: string, f: { readonly path: string; readonly sha256: string } | null): Row[] =>
    f === null ? [] : [row('', [label, f.path, { html: `<code>${escapeHtml(f.sha256)}</code>` }])];
  const rows = [...file('observations', observations), ...file('manifest', manifest), ...file('policy', policy)];
  if (policy === null) rows.push(row('', ['policy', 'defaults', '']));
  return table('inputs', 'Inputs', ['input', 'path', 'sha256'], rows);
}

/** A table cell: text (escaped here), a number (right-aligned, escaped here) or HTML already built from escaped parts. */
type Cell = string | { readonly num: string } | { readonly html: string };
interface Row {
  readonly className: string;
  readonly cells: readonly Cell[];
}

function row(className: string, cells: readonly Cell[]): Row {
  return { className, cells };
}

function table(id: string, caption: string, head: readonly string[], rows: readonly Row[]): string {
  const td = (c: Cell): string =>
    typeof c === 'string'
      ? `<td>${escapeHtml(c)}</td>`
      : 'num' in c
        ? `<td class="num">${escapeHtml(c.num)}</td>`
        : `<td>${c.html}</td>`;
  const body = rows.map((r) => `<tr class="${r.className}">${r.cells.map(td).join('')}</tr>`).join('\n');
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  return `<section id="${id}"><h2>${escapeHtml(caption)}</h2><div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div></section>`;
}
