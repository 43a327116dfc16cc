import { formatCount } from '../format-number.js';
import { countsLine, designPhrase, modelNames, modelsPhrase, VERDICT_WORD, verdictLineOf } from '../report/headline.js';
import { comparisonKey, renderForestPlot, STATUS_COLOR } from './forest-plot-svg.js';
import { escapeHtml } from './html-escape.js';
import {
  checklistTable,
  comparisonsTable,
  findingsTable,
  inconclusiveTable,
  inputsTable,
  waiversTable,
} from './html-tables.js';
import { trafficSectionHtml } from './traffic-html.js';
import type { PackageFinding, ValidationPackage } from './validation-package.js';
import type { Comparison } from '../compare/comparison.js';
import { regressionPhrase } from '../report/comparison-phrases.js';

/**
 * report.html: one self-contained page, meant to be opened from a downloaded artifact months later,
 * possibly offline, possibly in a locked-down review environment. So nothing leaves the page: no
 * scripts, fonts, images or stylesheets from anywhere, and a Content-Security-Policy that forbids
 * them should a future edit try. Links go to in-page anchors only; URLs (the run's) appear as text.
 */

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
/** Rows drawn in the forest plot; the tables below hold the rest. */
const PLOT_ROWS = 200;

export function renderReportHtml(pkg: ValidationPackage): string {
  const findings = pkg.risk_assessment.findings;
  const active = findings.filter((f) => !f.waived);
  const waived = new Set(
    findings
      .filter((f) => f.waived && f.cohort !== null && f.metric !== null)
      .map((f) => comparisonKey(f.cohort ?? '', f.metric ?? '')),
  );
  const comparisons = pkg.test_evidence.comparisons;
  const plot = renderForestPlot(comparisons, waived, PLOT_ROWS);
  const inconclusive = comparisons.filter((c) => c.status === 'inconclusive');
  // Blocking findings first, the readiness and data ones before those restating a comparison (the tables show those too).
  const blocking = active
    .filter((f) => f.severity === 'block')
    .sort((a, b) => Number(a.id.startsWith('cohort.')) - Number(b.id.startsWith('cohort.')))
    .map((f) => inSharedWords(f, comparisons, pkg));
  const notes = active.filter((f) => f.severity !== 'block' && f.id !== 'cohort.inconclusive');
  const release = pkg.provenance.release;

  // Sections without content are left out, and so are their links.
  const sections: [id: string, label: string, html: string][] = [
    [
      'blocking',
      'What blocks',
      blocking.length === 0 ? '' : findingsTable('blocking', `What blocks (${formatCount(blocking.length)})`, blocking),
    ],
    ['inconclusive', 'Inconclusive', inconclusive.length === 0 ? '' : inconclusiveTable(inconclusive)],
    [
      'notes',
      'Warnings',
      notes.length === 0 ? '' : findingsTable('notes', `Warnings and notes (${formatCount(notes.length)})`, notes),
    ],
    ['plot', 'Forest plot', plot.plotted === 0 ? '' : plotSection(plot, comparisons.length, pkg.test_evidence.alpha)],
    ['traffic', 'Production mix', trafficSectionHtml(pkg.test_evidence.traffic, comparisons)],
    ['waivers', 'Sign-off', waiversTable(pkg)],
    ['readiness', 'Readiness', checklistTable(pkg)],
    [
      'comparisons',
      'All comparisons',
      comparisons.length === 0 ? '' : comparisonsTable(comparisons, pkg.test_evidence.correction),
    ],
    ['inputs', 'Inputs', inputsTable(pkg)],
  ];
  const present = sections.filter(([, , html]) => html !== '');
  const body = [
    header(pkg),
    `<nav>${present.map(([id, label]) => `<a href="#${id}">${label}</a>`).join('')}</nav>`,
    ...present.map(([, , html]) => html),
    `<footer>${escapeHtml(`${pkg.schema} · ${pkg.provenance.tool.name} ${pkg.provenance.tool.version} · exact values, the full policy and every field are in validation-package.json; validation-package.md is the same record for sign-off.`)}</footer>`,
  ];
  const title = `Model release gate: ${VERDICT_WORD[pkg.verdict]}${release === null ? '' : ` · ${release.name} ${release.candidate}`}`;
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

/** A regression's finding in the words of the other outputs (the finding's own message keeps the method, which this page names below its table). */
function inSharedWords(f: PackageFinding, comparisons: readonly Comparison[], pkg: ValidationPackage): PackageFinding {
  if (f.id !== 'cohort.regressed' || f.cohort === null || f.metric === null) return f;
  const c = comparisons.find((x) => x.cohort === f.cohort && x.metric === f.metric && x.status === 'regressed');
  return c === undefined ? f : { ...f, message: regressionPhrase(c, pkg.requirements.policy) };
}

/** The verdict line, the models and the counts line, in the words of every other output; then what is known of the run. */
function header(pkg: ValidationPackage): string {
  const p = pkg.provenance;
  const names = modelNames(p.release, p.inputs);
  const versions = `${modelsPhrase(names, (name) => `<strong>${escapeHtml(name)}</strong>`)} · ${escapeHtml(designPhrase(pkg.test_evidence.design, p.inputs))}`;
  const pr = p.pull_request;
  const policy = p.inputs.policy;
  // Only what this run knows: a local run has no repository, commit, pull request or run to show.
  const facts: [string, string | null][] = [
    ['Repository', p.repository],
    ['Commit', p.commit],
    [
      'Pull request',
      pr === null
        ? null
        : `#${pr.number}${pr.author === null ? '' : ` by ${pr.author}`} · ${pr.base_ref} ← ${pr.head_sha.slice(0, 12)}`,
    ],
    [
      'Run',
      p.run === null
        ? null
        : `${p.run.id}${p.run.attempt === null ? '' : ` (attempt ${p.run.attempt})`} · ${p.run.url}`,
    ],
    ['Time', p.time],
    [
      'Policy',
      `${policy.path ?? 'defaults'} · ${policy.origin}${policy.commit === null ? '' : ` @ ${policy.commit.slice(0, 12)}`}${policy.changed_in_pull_request ? ' · changed in this PR (applies once merged)' : ''}`,
    ],
    ['Risk class', pkg.risk_assessment.risk_class],
    ['Tool', `${p.tool.name} ${p.tool.version}`],
  ];
  const dl = facts
    .flatMap(([k, v]) => (v === null ? [] : [`<div><dt>${k}</dt><dd>${escapeHtml(v)}</dd></div>`]))
    .join('');
  return [
    '<header>',
    `<div class="badge ${pkg.verdict}">${VERDICT_WORD[pkg.verdict]}</div>`,
    `<div class="headline"><h1>${escapeHtml(verdictLineOf(pkg.verdict, pkg.summary.reason))}</h1><p class="versions">${versions}</p><p class="counts">${escapeHtml(countsLine(pkg.summary.counts))}</p></div>`,
    '</header>',
    `<dl class="facts">${dl}</dl>`,
  ].join('\n');
}

function plotSection(plot: ReturnType<typeof renderForestPlot>, total: number, alpha: number): string {
  const confidence = Number(((1 - alpha) * 100).toPrecision(6));
  const swatch = (color: string, label: string): string =>
    `<span class="key"><span class="dot" style="background:${color}"></span>${label}</span>`;
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
    left.push(
      `${formatCount(plot.omitted)} more comparison(s)${serious.length === 0 ? ', all passing and further from their margin' : `, ${serious.join(', ')}`}, are only in the tables below`,
    );
  }
  if (plot.without_delta > 0)
    left.push(`${formatCount(plot.without_delta)} comparison(s) have no Δ (missing data) and are not drawn`);
  const note = `Showing ${formatCount(plot.plotted)} of ${formatCount(total)} comparison(s): regressions first, then inconclusive, then passing ones closest to their margin.${left.length === 0 ? '' : ` ${left.join('; ')}.`} Lines are one-sided ${confidence}% intervals; a comparison passes when its interval stays right of the dashed margin.`;
  const svg = plot.svg === '' ? '<p>Nothing to plot: no comparison has a Δ.</p>' : plot.svg;
  return `<section id="plot"><h2>Δ per cohort against its margin</h2><div class="legend">${legend}</div><div class="plot">${svg}</div><p class="note">${escapeHtml(note)}</p></section>`;
}

const STYLE = `
:root{--red:#c0392b;--amber:#b7791f;--green:#2f855a;--blue:#3b5bdb;--ink:#111827;--muted:#6b7280;--line:#e5e7eb}
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1280px;margin:0 auto;padding:16px;min-width:0}
header{display:flex;gap:20px;align-items:flex-start;background:#fff;border:1px solid var(--line);border-radius:10px;padding:20px 24px;border-left:8px solid var(--muted)}
.verdict-block header{border-left-color:var(--red)}.verdict-warn header{border-left-color:var(--amber)}.verdict-pass header{border-left-color:var(--green)}
.badge{font-weight:700;letter-spacing:.06em;color:#fff;padding:10px 16px;border-radius:8px;white-space:nowrap;font-size:15px}
.badge.block{background:var(--red)}.badge.warn{background:var(--amber)}.badge.pass{background:var(--green)}
h1{margin:0;font-size:18px;overflow-wrap:anywhere}.versions{margin:6px 0 0;overflow-wrap:anywhere}.counts{margin:4px 0 0;color:#374151}
.headline{min-width:0}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:8px 20px;background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 20px;margin:14px 0 0}
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
/* Long tables scroll inside their box, sideways and down, so the page itself fits a 1000-px window. */
.scroll{overflow:auto;max-height:70vh;max-width:100%}section{min-width:0;overflow:hidden}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{text-align:left;padding:5px 7px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:11.5px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);position:sticky;top:0;background:#fff}
td{font-variant-numeric:tabular-nums;overflow-wrap:break-word}td.num{text-align:right;white-space:nowrap}
#inconclusive td:nth-child(4){min-width:22em}#blocking td:nth-child(3),#notes td:nth-child(3){min-width:18em}th.num{text-align:right}
tr.regressed td,tr.block td{background:#fdecea}tr.regressed td:first-child,tr.block td:first-child{box-shadow:inset 3px 0 var(--red)}
tr.inconclusive td,tr.warn td{background:#fff6e0}tr.waived td{background:#eef2ff}tr.muted td{color:var(--muted)}
td code{white-space:nowrap}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;background:#f3f4f6;padding:1px 4px;border-radius:4px}
.tag{font-size:11px;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 4px}
ul.accepted{margin:4px 0 12px}ul.methods{margin:2px 0 0;color:var(--muted);font-size:12.5px}
`;
