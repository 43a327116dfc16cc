export const id = 935;
export const ids = [935];
export const modules = {

/***/ 9935:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  canaryReportFiles: () => (/* binding */ canaryReportFiles)
});

// UNUSED EXPORTS: renderCanaryComment

// EXTERNAL MODULE: ./src/core/canary/canary-report.ts
var canary_report = __webpack_require__(3221);
// EXTERNAL MODULE: ./src/core/format-number.ts
var format_number = __webpack_require__(8072);
// EXTERNAL MODULE: ./src/core/package/html-escape.ts
var html_escape = __webpack_require__(4387);
// EXTERNAL MODULE: ./src/core/canary/canary-deciding.ts
var canary_deciding = __webpack_require__(4316);
// EXTERNAL MODULE: ./src/core/canary/canary-abort-phrases.ts
var canary_abort_phrases = __webpack_require__(6402);
// EXTERNAL MODULE: ./src/core/canary/canary-phrases.ts
var canary_phrases = __webpack_require__(1649);
// EXTERNAL MODULE: ./src/core/package/svg-axis.ts
var svg_axis = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/core/canary/canary-sequence-svg.ts




/**
 * One comparison's confidence sequence over the looks, as an inline SVG: x is the time since the
 * stage started (the look number when a time cannot be read); y is Δ, in percentage points for
 * proportions and in the metric's unit otherwise. The shaded band is each look's own bounds, the
 * solid lines their running intersection (what the decision uses), the dots the estimate; the
 * dashed red line is −margin and the grey one zero. The first looks' bounds can be very wide, so
 * the y axis is fitted to the margin, zero, the estimates and the last bounds, and anything beyond
 * it is drawn on its edge (the caption says so).
 */
const STATUS_COLOR = {
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
function sequenceSvg(c, looks, startedMs) {
    const points = pointsOf(c, looks, startedMs);
    if (points.length === 0)
        return '';
    const scale = c.statistic === 'proportion' ? 100 : 1;
    const finite = (v) => Number.isFinite(v);
    const core = [0, -c.margin, c.lower, c.upper, ...points.map((p) => p.look.estimate)].filter(finite);
    const all = [...core, ...points.flatMap((p) => [p.look.lower, p.look.upper]).filter(finite)];
    const span = Math.max(Math.max(...core) - Math.min(...core), 1e-9);
    const ticks = (0,svg_axis/* niceTicks */.at)(Math.max(Math.min(...all), Math.min(...core) - span) * scale, Math.min(Math.max(...all), Math.max(...core) + span) * scale, 5);
    const lo = ticks[0] ?? -1;
    const hi = ticks[ticks.length - 1] ?? 1;
    const y = (v) => {
        const clamped = Math.min(hi, Math.max(lo, Number.isNaN(v) ? 0 : v * scale));
        return (0,svg_axis/* roundPixel */.te)(BOTTOM - ((clamped - lo) / (hi - lo)) * (BOTTOM - TOP));
    };
    const xMax = Math.max(...points.map((p) => p.x), 1e-9);
    const x = (v) => (0,svg_axis/* roundPixel */.te)(LEFT + (v / xMax) * (RIGHT - LEFT));
    const color = STATUS_COLOR[c.status];
    const out = [];
    for (const t of ticks) {
        const ty = (0,svg_axis/* roundPixel */.te)(BOTTOM - ((t - lo) / (hi - lo)) * (BOTTOM - TOP));
        out.push(`<line x1="${LEFT}" y1="${ty}" x2="${RIGHT}" y2="${ty}" stroke="#e5e7eb"/>`);
        out.push(`<text x="${LEFT - 6}" y="${ty + 4}" text-anchor="end" fill="#4b5563">${(0,svg_axis/* signedTickLabel */.Cp)(t)}</text>`);
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
            out.push(`<line x1="${x(only.x)}" y1="${y(only.look.upper)}" x2="${x(only.x)}" y2="${y(only.look.lower)}" stroke="${color}" stroke-width="6" stroke-opacity="0.3"/>`);
    }
    for (const side of ['lower', 'upper']) {
        const running = runningBound(points, side);
        const coords = points.map((p, i) => `${x(p.x)},${y(running[i] ?? Number.NaN)}`);
        out.push(`<polyline points="${coords.join(' ')}" fill="none" stroke="${color}" stroke-width="1.5"/>`);
    }
    const zero = y(0);
    const margin = y(-c.margin);
    out.push(`<line x1="${LEFT}" y1="${zero}" x2="${RIGHT}" y2="${zero}" stroke="#6b7280" stroke-width="1.5"/>`);
    out.push(`<text x="${RIGHT + 6}" y="${zero + 4}" fill="#4b5563">0</text>`);
    out.push(`<line x1="${LEFT}" y1="${margin}" x2="${RIGHT}" y2="${margin}" stroke="#c0392b" stroke-width="1.5" stroke-dasharray="5 3"/>`);
    out.push(`<text x="${RIGHT + 6}" y="${margin + 4}" fill="#c0392b">−margin</text>`);
    out.push(`<polyline points="${points.map((p) => `${x(p.x)},${y(p.look.estimate)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="1.5"/>`);
    points.forEach((p, i) => {
        const look = { ...c, estimate: p.look.estimate, lower: p.look.lower, upper: p.look.upper };
        const tip = `look ${(0,format_number/* formatCount */.B4)(i + 1)} (${p.label}): Δ ${(0,canary_phrases/* deltaPhrase */.sZ)(look)}, canary n ${(0,format_number/* formatCount */.B4)(p.look.canary_n)}`;
        out.push(`<circle cx="${x(p.x)}" cy="${y(p.look.estimate)}" r="2.5" fill="${color}"><title>${(0,html_escape/* escapeHtml */.Z)(tip)}</title></circle>`);
    });
    const unit = c.statistic === 'proportion' ? ' (pts)' : '';
    out.push(`<text x="${(0,svg_axis/* roundPixel */.te)((LEFT + RIGHT) / 2)}" y="${BOTTOM + 34}" text-anchor="middle" fill="#4b5563">${timeAxis.title}</text>`);
    out.push(`<text x="14" y="${(0,svg_axis/* roundPixel */.te)((TOP + BOTTOM) / 2)}" text-anchor="middle" fill="#4b5563" transform="rotate(-90 14 ${(0,svg_axis/* roundPixel */.te)((TOP + BOTTOM) / 2)})">Δ${unit}</text>`);
    const label = `Confidence sequence of Δ for ${c.cohort} · ${c.metric} over ${points.length} looks`;
    return `<svg class="sequence" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="${(0,html_escape/* escapeHtml */.Z)(label)}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="11">${out.join('')}</svg>`;
}
/** This comparison's bounds at each look, placed at the look's time since the start (or its number). */
function pointsOf(c, looks, startedMs) {
    const found = looks.flatMap((look, i) => {
        const entry = look.comparisons.find((e) => e.cohort === c.cohort && e.metric === c.metric);
        return entry === undefined ? [] : [{ end: Date.parse(look.end) - startedMs, index: i + 1, look: entry }];
    });
    const timed = found.every((f, i) => Number.isFinite(f.end) && f.end >= 0 && (i === 0 || f.end > (found[i - 1]?.end ?? 0)));
    return found.map((f) => timed
        ? { x: f.end / 1000, label: `+${(0,canary_phrases/* durationPhrase */.Wq)(f.end / 1000)}`, look: f.look }
        : { x: f.index, label: `look ${(0,format_number/* formatCount */.B4)(f.index)}`, look: f.look });
}
/** The running intersection of the bounds over the looks: the largest lower bound so far, the smallest upper one. */
function runningBound(points, side) {
    let best = side === 'lower' ? -Infinity : Infinity;
    return points.map((p) => {
        const v = p.look[side];
        if (!Number.isNaN(v))
            best = side === 'lower' ? Math.max(best, v) : Math.min(best, v);
        return best;
    });
}
/** Ticks on the time axis in the unit that fits its length, or look numbers. */
function xAxis(points, xMax) {
    if (points[0]?.label.startsWith('look'))
        return {
            ticks: (0,svg_axis/* niceTicks */.at)(1, xMax, 5)
                .filter((t) => Number.isInteger(t) && t >= 1 && t <= xMax)
                .map((t) => ({ at: t, label: (0,format_number/* formatCount */.B4)(t) })),
            title: 'look',
        };
    const [size, name] = xMax < 120 ? [1, 's'] : xMax < 7_200 ? [60, 'min'] : xMax < 172_800 ? [3_600, 'h'] : [86_400, 'd'];
    const ticks = (0,svg_axis/* niceTicks */.at)(0, xMax / size, 5)
        .filter((t) => t >= 0 && t * size <= xMax * 1.0001)
        .map((t) => ({ at: t * size, label: `${String(t)} ${name}` }));
    return { ticks, title: 'time since the stage started' };
}

;// CONCATENATED MODULE: ./src/core/canary/canary-html-style.ts
/** The stylesheet of canary-report.html, inline (the page loads nothing): the look of `check`'s report.html. */
const CANARY_STYLE = `
:root{--red:#c0392b;--amber:#b7791f;--green:#2f855a;--ink:#111827;--muted:#6b7280;--line:#e5e7eb}
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1100px;margin:0 auto;padding:16px;min-width:0}
header{display:flex;gap:20px;align-items:flex-start;background:#fff;border:1px solid var(--line);border-radius:10px;padding:20px 24px;border-left:8px solid var(--amber)}
.decision-rollback header{border-left-color:var(--red)}.decision-promote header{border-left-color:var(--green)}
.badge{font-weight:700;letter-spacing:.06em;color:#fff;padding:10px 16px;border-radius:8px;white-space:nowrap;font-size:15px;background:var(--amber)}
.badge.rollback{background:var(--red)}.badge.promote{background:var(--green)}
h1{margin:0;font-size:18px;overflow-wrap:anywhere}.stage{margin:6px 0 0;color:#374151;overflow-wrap:anywhere}.headline{min-width:0}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:16px 0;min-width:0;overflow:hidden}
h2{font-size:16px;margin:0 0 10px}
p,li{overflow-wrap:anywhere}
ul.decided li.regressed,ul.decided li.crossed{color:var(--red)}ul.decided li.undecided,ul.decided li.hold{color:var(--amber)}
.scroll{overflow:auto;max-height:70vh;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{text-align:left;padding:5px 7px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:11.5px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);position:sticky;top:0;background:#fff}
td{font-variant-numeric:tabular-nums;overflow-wrap:anywhere}td.num{text-align:right;white-space:nowrap}
tr.regressed td,tr.crossed td,tr.block td{background:#fdecea}tr.undecided td,tr.warn td{background:#fff6e0}tr.not-observed td{color:var(--muted)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;background:#f3f4f6;padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}
.legend{display:flex;flex-wrap:wrap;gap:16px;color:#374151;font-size:12.5px;margin-bottom:6px}
.key{display:inline-flex;align-items:center;gap:6px}
.swatch{width:14px;height:10px;display:inline-block;opacity:.6}
.k-margin{width:18px;height:0;border-top:2px dashed var(--red);display:inline-block}
.k-zero{width:18px;height:0;border-top:2px solid var(--muted);display:inline-block}
figure{margin:12px 0;padding:8px 0;border-top:1px solid var(--line)}
figcaption{font-weight:600;margin-bottom:4px;overflow-wrap:anywhere}
figure.regressed figcaption{color:var(--red)}figure.undecided figcaption{color:var(--amber)}
svg.sequence{display:block;max-width:720px;height:auto}
.note,footer{color:var(--muted)}footer{font-size:12px;margin:8px 0 24px}
`;

;// CONCATENATED MODULE: ./src/core/canary/render-canary-html.ts







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
const plain = (text) => text;
function renderCanaryHtml(report) {
    const ordered = (0,canary_phrases/* comparisonsInOrder */.Qu)(report);
    const body = [
        header(report),
        decidedSection(report),
        comparisonsSection(report, ordered),
        abortSection(report),
        plotsSection(report, ordered),
        findingsSection(report.findings),
        inputsSection(report),
        `<footer>${(0,html_escape/* escapeHtml */.Z)(`${(0,canary_phrases/* boundsSentence */.jX)(report, plain)} ${report.schema} · ${report.tool.name} ${report.tool.version}`)}</footer>`,
    ].filter((html) => html !== '');
    return [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        `<title>${(0,html_escape/* escapeHtml */.Z)(`Model release gate canary: ${canary_phrases/* DECISION_WORD */.uy[report.decision]}`)}</title>`,
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
function header(report) {
    return [
        '<header>',
        `<div class="badge ${report.decision}">${(0,html_escape/* escapeHtml */.Z)(canary_phrases/* DECISION_WORD */.uy[report.decision])}</div>`,
        `<div class="headline"><h1>${(0,html_escape/* escapeHtml */.Z)((0,canary_phrases/* canaryHeadline */.H1)(report))}</h1><p class="stage">${(0,html_escape/* escapeHtml */.Z)(`Stage: ${(0,canary_phrases/* stagePhrase */.qq)(report, plain)}`)}</p></div>`,
        '</header>',
    ].join('\n');
}
function decidedSection(report) {
    const items = (0,canary_deciding/* decidingItems */.U)(report, plain).map((item) => `<li class="${item.kind}">${(0,html_escape/* escapeHtml */.Z)(`[${item.kind}] ${item.text}`)}</li>`);
    const list = items.length === 0 ? '' : `<ul class="decided">${items.join('')}</ul>`;
    return `<section id="decided"><h2>What decided it</h2><p>${(0,html_escape/* escapeHtml */.Z)(report.reason)}</p>${list}</section>`;
}
function comparisonsSection(report, ordered) {
    if (ordered.length === 0)
        return '';
    const head = [
        'cohort · metric',
        'canary n',
        'baseline → canary',
        'Δ (anytime-valid bounds)',
        'margin',
        'adjusted p',
        'status',
    ];
    const rows = ordered.map((c) => row(c.status, [
        `${c.cohort} · ${c.metric}`,
        { num: (0,format_number/* formatCount */.B4)(c.canary.n) },
        (0,canary_phrases/* valuesPhrase */.O$)(c),
        { num: (0,canary_phrases/* deltaPhrase */.sZ)(c) },
        { num: (0,canary_phrases/* marginPhrase */.sW)(c) },
        { num: (0,format_number/* formatP */.MA)(c.p_adjusted) },
        `${c.status}: ${(0,canary_phrases/* statusPhrase */.Em)(c, report)}`,
    ]));
    return table('comparisons', 'Comparisons at the last look', head, rows);
}
function abortSection(report) {
    if (report.abort_checks.length === 0)
        return '';
    const rows = report.abort_checks.map((a) => row(a.status, [a.metric, (0,canary_abort_phrases/* thresholdPhrase */.vN)(a, report), (0,canary_abort_phrases/* abortValuePhrase */.rS)(a, report), canary_abort_phrases/* ABORT_STATUS_WORDS */.Sf[a.status]]));
    const head = ['metric', 'abort when', 'canary [anytime-valid bounds], n', 'status'];
    return table('aborts', 'Abort checks (manifest rollout.abort_when, canary overall)', head, rows);
}
function plotsSection(report, ordered) {
    const startedMs = Date.parse(report.stage.started);
    const figures = ordered.slice(0, MAX_PLOTS).flatMap((c) => {
        const svg = sequenceSvg(c, report.looks, startedMs);
        if (svg === '')
            return [];
        const caption = `${c.cohort} · ${c.metric} — ${c.status}; at the last look Δ ${(0,canary_phrases/* deltaPhrase */.sZ)(c)} (running intersection), margin ${(0,canary_phrases/* marginPhrase */.sW)(c)}`;
        return [`<figure class="${c.status}"><figcaption>${(0,html_escape/* escapeHtml */.Z)(caption)}</figcaption>${svg}</figure>`];
    });
    if (figures.length === 0)
        return '';
    const swatch = (color, label) => `<span class="key"><span class="swatch" style="background:${color}"></span>${label}</span>`;
    const legend = [
        swatch(STATUS_COLOR.regressed, 'regressed'),
        swatch(STATUS_COLOR.undecided, 'undecided'),
        swatch(STATUS_COLOR.pass, 'pass'),
        '<span class="key"><span class="k-margin"></span>−margin (tolerated drop)</span>',
        '<span class="key"><span class="k-zero"></span>no change</span>',
    ].join('');
    const left = ordered.length - figures.length;
    const note = `Shaded: each look's anytime-valid bounds; lines: their running intersection, which the decision uses; dots: the estimate. A comparison passes once its lower line is above the dashed margin and regresses once its upper line is below it. Bounds beyond the axis are drawn on its edge.${left > 0 ? ` ${(0,format_number/* formatCount */.B4)(left)} more comparison(s) are not plotted; report.json holds every look.` : ''}`;
    return `<section id="sequences"><h2>Confidence sequences over the looks</h2><div class="legend">${legend}</div>${figures.join('\n')}<p class="note">${(0,html_escape/* escapeHtml */.Z)(note)}</p></section>`;
}
function findingsSection(findings) {
    if (findings.length === 0)
        return '';
    const rows = findings.map((f) => row(f.severity, [
        { html: `<code>${(0,html_escape/* escapeHtml */.Z)(f.id)}</code>` },
        f.message,
        f.file === undefined ? '' : `${f.file}${f.line === undefined ? '' : ` line ${f.line}`}`,
    ]));
    return table('findings', 'Findings', ['finding', 'message', 'where'], rows);
}
function inputsSection(report) {
    const { observations, manifest, policy } = report.inputs;
    const file = (label, f) => f === null ? [] : [row('', [label, f.path, { html: `<code>${(0,html_escape/* escapeHtml */.Z)(f.sha256)}</code>` }])];
    const rows = [...file('observations', observations), ...file('manifest', manifest), ...file('policy', policy)];
    if (policy === null)
        rows.push(row('', ['policy', 'defaults', '']));
    return table('inputs', 'Inputs', ['input', 'path', 'sha256'], rows);
}
function row(className, cells) {
    return { className, cells };
}
function table(id, caption, head, rows) {
    const td = (c) => typeof c === 'string'
        ? `<td>${(0,html_escape/* escapeHtml */.Z)(c)}</td>`
        : 'num' in c
            ? `<td class="num">${(0,html_escape/* escapeHtml */.Z)(c.num)}</td>`
            : `<td>${c.html}</td>`;
    const body = rows.map((r) => `<tr class="${r.className}">${r.cells.map(td).join('')}</tr>`).join('\n');
    const th = head.map((h) => `<th>${(0,html_escape/* escapeHtml */.Z)(h)}</th>`).join('');
    return `<section id="${id}"><h2>${(0,html_escape/* escapeHtml */.Z)(caption)}</h2><div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div></section>`;
}

// EXTERNAL MODULE: ./src/core/canary/render-canary-markdown.ts + 1 modules
var render_canary_markdown = __webpack_require__(3132);
;// CONCATENATED MODULE: ./src/core/canary/canary-report-files.ts



// The Action also posts the comment: one lazily loaded module (one chunk) holds all it renders.

/** The canary reports by file name: what the CLI writes to --out and the Action writes and uploads. */
function canaryReportFiles(report) {
    return [
        ['canary-report.json', (0,canary_report/* canaryReportJson */.P)(report)],
        ['canary-report.md', (0,render_canary_markdown.renderCanaryMarkdown)(report)],
        ['canary-report.html', renderCanaryHtml(report)],
    ];
}


/***/ }),

/***/ 4387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ escapeHtml),
/* harmony export */   i: () => (/* binding */ escapeHtmlCapped)
/* harmony export */ });
/**
 * Makes an input string inert inside HTML text and double- or single-quoted attribute values (SVG
 * included): the five characters that can open markup or close an attribute become entities.
 * Control characters (other than tab, newline and carriage return) and bidirectional overrides
 * become U+FFFD, as in escapeMarkdown: they could hide or reorder what a reviewer reads, and XML
 * (the inline SVG) forbids most control characters outright.
 */
function escapeHtml(text) {
    return withoutHiddenCharacters(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
/** A label cut to a number of characters (code points, so no half emoji), with an ellipsis, before escaping. */
function escapeHtmlCapped(text, maxLength) {
    const chars = [...text.replace(/\s+/g, ' ')];
    return escapeHtml(chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join('')}…` : chars.join(''));
}
/** Bidirectional marks, embeddings, overrides and isolates. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
function withoutHiddenCharacters(text) {
    // The common case, plain text, costs one test; the per-character loop runs only when needed.
    if (!/\p{Cc}/u.test(text) && !BIDI.test(text))
        return text;
    let out = '';
    for (const char of text) {
        const code = char.codePointAt(0) ?? 0;
        const control = (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || (code >= 0x7f && code <= 0x9f);
        out += control || BIDI.test(char) ? '\ufffd' : char;
    }
    return out;
}


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cp: () => (/* binding */ signedTickLabel),
/* harmony export */   at: () => (/* binding */ niceTicks),
/* harmony export */   te: () => (/* binding */ roundPixel)
/* harmony export */ });
/** What the report's SVG plots share: round axis ticks, their signed labels, and coordinates to 0.1 px. */
/** Round tick values (1, 2 or 5 × 10^k apart) covering [min, max], about `count` of them. */
function niceTicks(min, max, count) {
    let lo = Number.isFinite(min) ? min : -1;
    let hi = Number.isFinite(max) ? max : 1;
    if (hi - lo < 1e-12) {
        lo -= 1;
        hi += 1;
    }
    const raw = (hi - lo) / count;
    const power = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
    const ticks = [];
    for (let t = Math.floor(lo / step) * step; t < hi + step * 0.999; t += step)
        ticks.push(Number(t.toPrecision(12)));
    return ticks;
}
/** A tick's label: signed (+2, −1), so a difference axis reads as better or worse at a glance. */
function signedTickLabel(t) {
    const text = String(Number(t.toPrecision(6)));
    return t > 0 ? `+${text}` : t < 0 ? text.replace('-', '−') : '0';
}
/** A coordinate to one decimal: enough for the screen, and short, stable SVG text. */
function roundPixel(v) {
    return Math.round(v * 10) / 10;
}


/***/ })

};
