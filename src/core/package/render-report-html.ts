import { formatCount } from '../report/format-number.js';
import type { Verdict } from '../report/report.js';
import { comparisonKey, renderForestPlot, STATUS_COLOR } from './forest-plot-svg.js';
import { escapeHtml } from './html-escape.js';
import { checklistTable, comparisonsTable, findingsTable, inconclusiveTable, inputsTable, waiversTable } from './html-tables.js';
import type { ValidationPackage } from './validation-package.js';

/**
 * report.html: one self-contained page, meant to be opened from a downloaded artifact months later,
 * possibly offline, possibly in a locked-down review environment. So nothing leaves the page: no
 * scripts, fonts, images or stylesheets from anywhere, and a Content-Security-Policy that forbids
 * them should a future edit try. Links go to in-page anchors only; URLs (the run's) appear as text.
 */

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const BADGE: Record<Verdict, string> = { pass: 'PASS', warn: 'PASS WITH WARNINGS', block: 'BLOCKED' };
const VERDICT_TITLE: Record<Verdict, string> = { pass: 'pass', warn: 'pass with warnings', block: 'blocked' };
/** Rows drawn in the forest plot; the tables below hold the rest. */
const PLOT_ROWS = 200;

export function renderReportHtml(pkg: ValidationPackage): string {
  const findings = pkg.risk_assessment.findings;
  const active = findings.filter((f) => !f.waived);
  const waived = new Set(findings.filter((f) => f.waived && f.cohort !== null && f.metric !== null).map((f) => comparisonKey(f.cohort ?? '', f.metric ?? '')));
  const comparisons = pkg.test_evidence.comparisons;
  const plot = renderForestPlot(comparisons, waived, PLOT_ROWS);
  const inconclusive = comparisons.filter((c) => c.status === 'inconclusive');
  const blocking = active.filter((f) => f.severity === 'block');
  const notes = active.filter((f) => f.severity !== 'block' && f.id !== 'cohort.inconclusive');
  const release = pkg.provenance.release;

  const body = [
    header(pkg),
    nav(),
    plotSection(plot, comparisons.length, pkg.test_evidence.alpha),
    findingsTable('blocking', `What blocks (${formatCount(blocking.length)})`, blocking),
    inconclusiveTable(inconclusive),
    findingsTable('notes', `Warnings and notes (${formatCount(notes.length)})`, notes),
    waiversTable(pkg),
    checklistTable(pkg),
    comparisonsTable(comparisons),
    inputsTable(pkg),
    `<footer>${escapeHtml(`${pkg.schema} · ${pkg.provenance.tool.name} ${pkg.provenance.tool.version} · exact values, the full policy and every field are in validation-package.json; validation-package.md is the same record for sign-off.`)}</footer>`,
  ];
  const title = `Model release gate: ${VERDICT_TITLE[pkg.verdict]}${release === null ? '' : ` · ${release.name} ${release.candidate}`}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body class="verdict-${pkg.verdict}">`,
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(pkg: ValidationPackage): string {
  const p = pkg.provenance;
  const s = pkg.summary.counts;
  const release = p.release;
  const model = (d: typeof p.inputs.candidate): string => (d.model === null ? d.path : `${d.model.name} ${d.model.version}`);
  const versions =
    release === null
      ? `Candidate <strong>${escapeHtml(model(p.inputs.candidate))}</strong> vs incumbent <strong>${escapeHtml(model(p.inputs.incumbent))}</strong>`
      : `<strong>${escapeHtml(release.name)}</strong>: candidate <strong>${escapeHtml(release.candidate)}</strong> vs incumbent <strong>${escapeHtml(release.incumbent)}</strong>`;
  const chip = (n: number, label: string, kind: string): string => `<span class="chip ${n > 0 ? kind : 'zero'}"><b>${formatCount(n)}</b> ${label}</span>`;
  const pr = p.pull_request;
  const policy = p.inputs.policy;
  const facts: [string, string | null][] = [
    ['Repository', p.repository],
    ['Commit', p.commit],
    ['Pull request', pr === null ? null : `#${pr.number}${pr.author === null ? '' : ` by ${pr.author}`} · ${pr.base_ref} ← ${pr.head_sha.slice(0, 12)}`],
    ['Run', p.run === null ? null : `${p.run.id}${p.run.attempt === null ? '' : ` (attempt ${p.run.attempt})`} · ${p.run.url}`],
    ['Time', p.time],
    ['Policy', `${policy.path ?? 'defaults'} · ${policy.origin}${policy.commit === null ? '' : ` @ ${policy.commit.slice(0, 12)}`}${policy.changed_in_pull_request ? ' · changed in this PR (applies once merged)' : ''}`],
    ['Risk class', pkg.risk_assessment.risk_class],
    ['Tool', `${p.tool.name} ${p.tool.version}`],
  ];
  const dl = facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${v === null ? '<span class="muted">unknown</span>' : escapeHtml(v)}</dd></div>`).join('');
  return [
    '<header>',
    `<div class="badge ${pkg.verdict}">${BADGE[pkg.verdict]}</div>`,
    `<div class="headline"><h1>Model release gate</h1><p class="versions">${versions}</p><p class="reason">${escapeHtml(pkg.summary.reason)}</p></div>`,
    '</header>',
    `<div class="chips">${chip(s.regressed, 'regressed', 'red')}${chip(s.inconclusive, 'inconclusive', 'amber')}${chip(s.pass, 'pass', 'green')}${chip(s.blocking_findings, 'blocking findings', 'red')}${chip(s.warnings, 'warnings', 'amber')}${chip(s.waived_findings, 'waived', 'blue')}<span class="chip zero"><b>${formatCount(s.comparisons)}</b> comparisons, ${formatCount(s.tested)} tested</span></div>`,
    `<dl class="facts">${dl}</dl>`,
  ].join('\n');
}

function nav(): string {
  const links: [string, string][] = [
    ['plot', 'Forest plot'],
    ['blocking', 'What blocks'],
    ['inconclusive', 'Inconclusive'],
    ['notes', 'Warnings'],
    ['waivers', 'Sign-off'],
    ['readiness', 'Readiness'],
    ['comparisons', 'All comparisons'],
    ['inputs', 'Inputs'],
  ];
  return `<nav>${links.map(([id, label]) => `<a href="#${id}">${label}</a>`).join('')}</nav>`;
}

function plotSection(plot: ReturnType<typeof renderForestPlot>, total: number, alpha: number): string {
  const confidence = Number(((1 - alpha) * 100).toPrecision(6));
  const swatch = (color: string, label: string): string => `<span class="key"><span class="dot" style="background:${color}"></span>${label}</span>`;
  const legend = [
    swatch(STATUS_COLOR.regressed, 'regressed'),
    swatch(STATUS_COLOR.inconclusive, 'inconclusive'),
    swatch(STATUS_COLOR.pass, 'pass'),
    '<span class="key"><span class="diamond"></span>rare cohort</span>',
    '<span class="key"><span class="k-margin"></span>−margin (tolerated drop)</span>',
    '<span class="key"><span class="k-zero"></span>no change</span>',
  ].join('');
  const left: string[] = [];
  if (plot.omitted > 0) {
    const serious = [
      plot.omitted_regressed > 0 ? `${formatCount(plot.omitted_regressed)} of them regressed` : '',
      plot.omitted_inconclusive > 0 ? `${formatCount(plot.omitted_inconclusive)} of them inconclusive` : '',
    ].filter((s) => s !== '');
    left.push(`${formatCount(plot.omitted)} more comparison(s)${serious.length === 0 ? ', all passing and further from their margin' : `, ${serious.join(', ')}`}, are only in the tables below`);
  }
  if (plot.without_delta > 0) left.push(`${formatCount(plot.without_delta)} comparison(s) have no Δ (missing data) and are not drawn`);
  const note = `Showing ${formatCount(plot.plotted)} of ${formatCount(total)} comparison(s): regressions first, then inconclusive, then passing ones closest to their margin.${left.length === 0 ? '' : ` ${left.join('; ')}.`} Lines are one-sided ${confidence}% intervals; a comparison passes when its interval stays right of the dashed margin.`;
  const svg = plot.svg === '' ? '<p>Nothing to plot: no comparison has a Δ.</p>' : plot.svg;
  return `<section id="plot"><h2>Δ per cohort against its margin</h2><div class="legend">${legend}</div><div class="plot">${svg}</div><p class="note">${escapeHtml(note)}</p></section>`;
}

const STYLE = `
:root{--red:#c0392b;--amber:#b7791f;--green:#2f855a;--blue:#3b5bdb;--ink:#111827;--muted:#6b7280;--line:#e5e7eb}
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1280px;margin:0 auto;padding:24px}
header{display:flex;gap:20px;align-items:center;background:#fff;border:1px solid var(--line);border-radius:10px;padding:20px 24px;border-left:8px solid var(--muted)}
.verdict-block header{border-left-color:var(--red)}.verdict-warn header{border-left-color:var(--amber)}.verdict-pass header{border-left-color:var(--green)}
.badge{font-weight:700;letter-spacing:.06em;color:#fff;padding:10px 16px;border-radius:8px;white-space:nowrap;font-size:15px}
.badge.block{background:var(--red)}.badge.warn{background:var(--amber)}.badge.pass{background:var(--green)}
h1{margin:0;font-size:20px}.versions{margin:4px 0 0}.reason{margin:4px 0 0;font-size:16px;font-weight:500}
.chips{display:flex;flex-wrap:wrap;gap:8px;margin:14px 0}
.chip{background:#fff;border:1px solid var(--line);border-radius:999px;padding:3px 12px;white-space:nowrap}
.chip.red{border-color:var(--red);color:var(--red)}.chip.amber{border-color:var(--amber);color:var(--amber)}.chip.green{color:var(--green)}.chip.blue{color:var(--blue)}.chip.zero{color:var(--muted)}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:8px 20px;background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 20px;margin:0}
.facts dt{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}.facts dd{margin:0;overflow-wrap:anywhere;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12.5px}
nav{display:flex;flex-wrap:wrap;gap:4px;margin:16px 0}
nav a{color:var(--blue);text-decoration:none;padding:4px 10px;border-radius:6px;background:#fff;border:1px solid var(--line)}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:16px 0}
h2{font-size:16px;margin:0 0 10px}
.legend{display:flex;flex-wrap:wrap;gap:16px;color:#374151;font-size:12.5px;margin-bottom:6px}
.key{display:inline-flex;align-items:center;gap:6px}
.dot{width:10px;height:10px;border-radius:50%;display:inline-block}
.diamond{width:9px;height:9px;border:2px solid var(--muted);transform:rotate(45deg);display:inline-block;background:#fff}
.k-margin{width:0;height:14px;border-left:2px dashed var(--red);display:inline-block}
.k-zero{width:0;height:14px;border-left:2px solid var(--muted);display:inline-block}
.plot svg{display:block;max-width:100%;height:auto}
.note,.muted,footer{color:var(--muted)}footer{font-size:12px;margin:8px 0 24px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{text-align:left;padding:5px 7px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:11.5px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);position:sticky;top:0;background:#fff}
td{font-variant-numeric:tabular-nums;overflow-wrap:break-word}td.num{text-align:right;white-space:nowrap}
#comparisons td:last-child{min-width:11em}#blocking td:nth-child(3),#notes td:nth-child(3){min-width:18em}th.num{text-align:right}
tr.regressed td,tr.block td{background:#fdecea}tr.regressed td:first-child,tr.block td:first-child{box-shadow:inset 3px 0 var(--red)}
tr.inconclusive td,tr.warn td{background:#fff6e0}tr.waived td{background:#eef2ff}tr.muted td{color:var(--muted)}
td code{white-space:nowrap}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;background:#f3f4f6;padding:1px 4px;border-radius:4px}
.tag{font-size:11px;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 4px}
ul.accepted{margin:4px 0 12px}
`;
