export const id = 944;
export const ids = [944,108];
export const modules = {

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

/***/ 4944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validationPackageFiles: () => (/* binding */ validationPackageFiles)
});

// EXTERNAL MODULE: ./src/core/report/render-markdown.ts
var render_markdown = __webpack_require__(9108);
// EXTERNAL MODULE: ./src/core/report/report.ts
var report_report = __webpack_require__(4702);
// EXTERNAL MODULE: ./src/core/format-number.ts
var format_number = __webpack_require__(8072);
// EXTERNAL MODULE: ./src/core/report/headline.ts
var headline = __webpack_require__(6268);
// EXTERNAL MODULE: ./src/core/package/html-escape.ts
var html_escape = __webpack_require__(4387);
// EXTERNAL MODULE: ./src/core/package/svg-axis.ts
var svg_axis = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/core/package/forest-plot-svg.ts



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
const STATUS_COLOR = {
    regressed: '#c0392b',
    inconclusive: '#b7791f',
    pass: '#2f855a',
    missing: '#6b7280',
};
const ROW_BAND = { regressed: '#fdecea', inconclusive: '#fff6e0' };
const MARGIN_COLOR = '#c0392b';
const WIDTH = 1000;
const LABEL_RIGHT = 300;
const PLOT_LEFT = 312;
const PLOT_RIGHT = 770;
const ROW = 20;
const TITLE = 26;
const AXIS = 34;
/**
 * Plots the most important `maxRows` comparisons: every regression, then every inconclusive one,
 * then the passing ones closest to their margin (smallest p, the test being "worse by more than δ").
 */
function renderForestPlot(comparisons, waived, maxRows = 200) {
    const plottable = comparisons
        .map((c, index) => ({ c, index }))
        .filter(({ c }) => c.delta !== null && Number.isFinite(c.delta));
    const ranked = [...plottable].sort((a, b) => rank(a.c) - rank(b.c) || pOrder(a.c) - pOrder(b.c) || a.index - b.index);
    const chosen = ranked.slice(0, maxRows);
    const panels = new Map();
    for (const entry of chosen) {
        const key = entry.c.statistic === 'proportion' ? '' : `${entry.c.metric}\u0000${entry.c.statistic}`;
        const title = entry.c.statistic === 'proportion'
            ? 'Proportions: Δ in percentage points'
            : `${entry.c.metric} (${entry.c.statistic}): Δ in the metric's unit`;
        const panel = panels.get(key) ?? { title, rows: [] };
        panel.rows.push(entry);
        panels.set(key, panel);
    }
    // The proportions panel first, the rest by name; rows by status, then in report order.
    const ordered = [...panels.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0));
    let y = 0;
    const parts = [];
    for (const [, panel] of ordered) {
        panel.rows.sort((a, b) => rank(a.c) - rank(b.c) || a.index - b.index);
        const drawn = renderPanel(panel.title, panel.rows.map((r) => r.c), waived, y);
        parts.push(drawn.svg);
        y += drawn.height + 12;
    }
    // No xmlns: inline SVG in HTML needs none, and the page then holds no URL but the run's.
    const svg = chosen.length === 0
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
function comparisonKey(cohort, metric) {
    return `${cohort}\u0000${metric}`;
}
function renderPanel(title, rows, waived, top) {
    const scale = rows[0]?.statistic === 'proportion' ? 100 : 1;
    const values = rows
        .flatMap((c) => [c.delta, c.ci_low, c.ci_high, c.margin === null ? null : -c.margin, 0])
        .filter((v) => v !== null && Number.isFinite(v))
        .map((v) => v * scale);
    const ticks = (0,svg_axis/* niceTicks */.at)(Math.min(...values), Math.max(...values), 6);
    const lo = ticks[0] ?? -1;
    const hi = ticks[ticks.length - 1] ?? 1;
    const x = (v) => (0,svg_axis/* roundPixel */.te)(PLOT_LEFT + ((v * scale - lo) / (hi - lo)) * (PLOT_RIGHT - PLOT_LEFT));
    const bodyTop = top + TITLE;
    const bodyBottom = bodyTop + rows.length * ROW;
    const out = [
        `<g class="panel">`,
        `<text x="0" y="${top + 16}" font-weight="600" font-size="13">${(0,html_escape/* escapeHtml */.Z)(title)}</text>`,
    ];
    rows.forEach((c, i) => {
        if (ROW_BAND[c.status] !== undefined)
            out.push(`<rect x="0" y="${bodyTop + i * ROW}" width="${WIDTH}" height="${ROW}" fill="${ROW_BAND[c.status]}"/>`);
    });
    for (const t of ticks) {
        const tx = (0,svg_axis/* roundPixel */.te)(PLOT_LEFT + ((t - lo) / (hi - lo)) * (PLOT_RIGHT - PLOT_LEFT));
        out.push(`<line x1="${tx}" y1="${bodyTop}" x2="${tx}" y2="${bodyBottom}" stroke="#e5e7eb"/>`);
        out.push(`<text x="${tx}" y="${bodyBottom + 16}" text-anchor="middle" fill="#4b5563">${(0,svg_axis/* signedTickLabel */.Cp)(t)}</text>`);
    }
    out.push(`<line x1="${x(0)}" y1="${bodyTop - 4}" x2="${x(0)}" y2="${bodyBottom}" stroke="#6b7280" stroke-width="1.5"/>`);
    out.push(`<text x="${(0,svg_axis/* roundPixel */.te)((PLOT_LEFT + PLOT_RIGHT) / 2)}" y="${bodyBottom + 30}" text-anchor="middle" fill="#4b5563">worse ← Δ = candidate − incumbent → better</text>`);
    rows.forEach((c, i) => out.push(renderRow(c, waived.has(comparisonKey(c.cohort, c.metric)), bodyTop + i * ROW, x)));
    out.push('</g>');
    return { svg: out.join(''), height: TITLE + rows.length * ROW + AXIS };
}
function renderRow(c, waived, rowTop, x) {
    const color = STATUS_COLOR[c.status];
    const mid = rowTop + ROW / 2;
    const label = `${c.cohort} · ${c.metric}`;
    const suffix = [c.rare ? 'rare' : '', waived ? 'waived' : ''].filter((s) => s !== '').join(', ');
    const numbers = `${(0,format_number/* formatChange */.eD)(c, c.delta)} [${bound(c, c.ci_low)}, ${bound(c, c.ci_high)}]`;
    const tooltip = `${label}${suffix === '' ? '' : ` (${suffix})`}: ${c.status}; Δ ${numbers}; margin ${(0,format_number/* formatChange */.eD)(c, c.margin === null ? null : -c.margin)}; n ${(0,format_number/* formatCount */.B4)(c.n_paired ?? Math.min(c.n_incumbent, c.n_candidate))}`;
    const out = [
        `<g class="row" data-status="${c.status}" data-cohort="${(0,html_escape/* escapeHtml */.Z)(c.cohort)}" data-metric="${(0,html_escape/* escapeHtml */.Z)(c.metric)}">`,
        `<title>${(0,html_escape/* escapeHtml */.Z)(tooltip)}</title>`,
        `<text x="${LABEL_RIGHT}" y="${mid + 4}" text-anchor="end" fill="${c.status === 'pass' ? '#111827' : color}"${c.status === 'regressed' ? ' font-weight="600"' : ''}>${(0,html_escape/* escapeHtmlCapped */.i)(c.cohort, 34)}<tspan fill="#6b7280"> · ${(0,html_escape/* escapeHtmlCapped */.i)(c.metric, 18)}</tspan>${suffix === '' ? '' : `<tspan fill="#6b7280" font-style="italic"> ${suffix}</tspan>`}</text>`,
    ];
    if (c.margin !== null && Number.isFinite(c.margin)) {
        out.push(`<line x1="${x(-c.margin)}" y1="${rowTop + 1}" x2="${x(-c.margin)}" y2="${rowTop + ROW - 1}" stroke="${MARGIN_COLOR}" stroke-width="1.5" stroke-dasharray="3 2"/>`);
    }
    const low = c.ci_low === null ? null : Number.isFinite(c.ci_low) ? x(c.ci_low) : PLOT_LEFT;
    const high = c.ci_high === null ? null : Number.isFinite(c.ci_high) ? x(c.ci_high) : PLOT_RIGHT;
    if (low !== null || high !== null) {
        const from = low ?? x(c.delta ?? 0);
        const to = high ?? x(c.delta ?? 0);
        out.push(`<line x1="${from}" y1="${mid}" x2="${to}" y2="${mid}" stroke="${color}" stroke-width="2.5" stroke-linecap="round"/>`);
    }
    const cx = x(c.delta ?? 0);
    out.push(c.rare
        ? `<path class="pt" d="M${cx} ${mid - 6}L${cx + 6} ${mid}L${cx} ${mid + 6}L${cx - 6} ${mid}Z" fill="#fff" stroke="${color}" stroke-width="2"/>`
        : `<circle class="pt" cx="${cx}" cy="${mid}" r="5" fill="${color}" stroke="#fff" stroke-width="1"/>`);
    out.push(`<text x="${PLOT_RIGHT + 12}" y="${mid + 4}" fill="${c.status === 'pass' ? '#374151' : color}" font-variant-numeric="tabular-nums">${(0,html_escape/* escapeHtml */.Z)(numbers)}</text>`, '</g>');
    return out.join('');
}
/** Regressions first, then inconclusive, then passes; missing have no Δ and are not plotted. */
function rank(c) {
    return c.status === 'regressed' ? 0 : c.status === 'inconclusive' ? 1 : c.status === 'pass' ? 2 : 3;
}
/** Closest to regressing first: the smallest p of the test "worse by more than the margin". */
function pOrder(c) {
    return c.p_value === null || !Number.isFinite(c.p_value) ? 2 : c.p_value;
}
/** A bound without its unit (the Δ before the brackets carries it). */
function bound(c, value) {
    if (value === null)
        return '–';
    if (!Number.isFinite(value))
        return value > 0 ? '+∞' : '−∞';
    return (0,format_number/* formatChange */.eD)(c, value).replace(/ (pts|ms|s)$/, '');
}

// EXTERNAL MODULE: ./src/core/report/comparison-phrases.ts
var comparison_phrases = __webpack_require__(2314);
;// CONCATENATED MODULE: ./src/core/package/html-tables.ts



/** A cell that is already HTML (built here from escaped parts). */
function raw(html) {
    return { html };
}
/** A section with a heading, optional intro (HTML) and a table; `empty` replaces the table when there are no rows. */
function table(id, caption, head, rows, intro = '', footer = '') {
    const heading = `<section id="${id}"><h2>${(0,html_escape/* escapeHtml */.Z)(caption)}</h2>${intro}`;
    if (rows.length === 0)
        return `${heading}</section>`;
    const body = rows
        .map((r) => `<tr${r.className === undefined ? '' : ` class="${r.className}"`}>${r.cells.map(td).join('')}</tr>`)
        .join('\n');
    return `${heading}<div class="scroll"><table><thead><tr>${head.map((h, i) => `<th${isNumeric(rows[0]?.cells[i]) ? ' class="num"' : ''}>${(0,html_escape/* escapeHtml */.Z)(h)}</th>`).join('')}</tr></thead><tbody>\n${body}\n</tbody></table></div>${footer}</section>`;
}
/** A number (or bounds, or a count): right-aligned and never wrapped mid-number. */
function num(text) {
    return { num: text };
}
function isNumeric(c) {
    return c !== undefined && typeof c !== 'string' && 'num' in c;
}
function td(c) {
    if (typeof c === 'string')
        return `<td>${(0,html_escape/* escapeHtml */.Z)(c)}</td>`;
    return 'html' in c ? `<td>${c.html}</td>` : `<td class="num">${(0,html_escape/* escapeHtml */.Z)(c.num)}</td>`;
}
function where(file, line) {
    return file === null ? '' : `${file}${line === null ? '' : ` line ${line}`}`;
}
function scope(cohort, metric) {
    return cohort === null && metric === null ? '' : `${cohort ?? '–'} · ${metric ?? '–'}`;
}
function findingsTable(id, caption, findings) {
    return table(id, caption, ['finding', 'cohort · metric', 'message', 'where'], findings.map((f) => ({
        cells: [raw(`<code>${(0,html_escape/* escapeHtml */.Z)(f.id)}</code>`), scope(f.cohort, f.metric), f.message, where(f.file, f.line)],
        className: f.severity,
    })));
}
function inconclusiveTable(comparisons) {
    return table('inconclusive', `Inconclusive (${(0,format_number/* formatCount */.B4)(comparisons.length)})`, ['cohort', 'metric', 'n', 'what the data says', 'margin', 'if inconclusive'], comparisons.map((c) => ({
        cells: [
            cohortCell(c),
            metricName(c),
            num((0,format_number/* formatCount */.B4)((0,comparison_phrases/* sizeOf */.$d)(c))),
            (0,comparison_phrases/* inconclusivePhrase */.mU)(c, (t) => t),
            num((0,comparison_phrases/* marginPhrase */.sW)(c)),
            `${c.inconclusive_setting}s`,
        ],
        className: 'inconclusive',
    })));
}
function waiversTable(pkg) {
    const s = pkg.sign_off;
    // A local run without waivers has nothing to sign off: no section rather than an empty one.
    if (s.waivers.length === 0 && s.verified_approvals === null && s.author === null)
        return '';
    const approvals = s.verified_approvals === null
        ? 'not available (this run could not verify approvals)'
        : s.verified_approvals.length === 0
            ? 'none'
            : s.verified_approvals.join(', ');
    const accepted = s.accepted.map((a) => `<li><code>${(0,html_escape/* escapeHtml */.Z)(a.finding)}</code>${a.cohort === null && a.metric === null ? '' : ` ${(0,html_escape/* escapeHtml */.Z)(scope(a.cohort, a.metric))}`}: accepted by <strong>${(0,html_escape/* escapeHtml */.Z)(a.accepted_by)}</strong> until ${(0,html_escape/* escapeHtml */.Z)(a.expires)} (${a.verified ? 'approval verified' : 'approval not verified'}): “${(0,html_escape/* escapeHtml */.Z)(a.reason)}”</li>`);
    const author = s.author === null ? '' : ` Author: ${(0,html_escape/* escapeHtml */.Z)(s.author)}.`;
    const intro = `<p>Verified approvals of the change: <strong>${(0,html_escape/* escapeHtml */.Z)(approvals)}</strong>.${author} Waivers need a verified approval in this run: ${s.waivers_require_verification ? 'yes' : 'no'}.</p>` +
        (accepted.length === 0
            ? '<p>No finding was accepted by waiver.</p>'
            : `<p>Accepted risks:</p><ul class="accepted">${accepted.join('')}</ul>`);
    const rows = s.waivers.map((w) => ({
        cells: [
            String(w.index),
            raw(w.finding === null ? '–' : `<code>${(0,html_escape/* escapeHtml */.Z)(w.finding)}</code>`),
            w.cohort === null && w.metric === null ? 'any' : `${w.cohort ?? 'any'} · ${w.metric ?? 'any'}`,
            w.status,
            w.accepted_by ?? '–',
            w.verified === null ? '–' : w.verified ? 'verified' : 'not verified',
            w.expires ?? '–',
            String(w.applied_to),
            w.reason ?? '–',
            w.link ?? '–',
        ],
        className: w.status === 'applied' ? 'waived' : 'warn',
    }));
    return table('waivers', `Sign-off: approvals and waivers (${(0,format_number/* formatCount */.B4)(s.waivers.length)})`, [
        'entry',
        'finding',
        'cohort · metric',
        'status',
        'accepted by',
        'approval',
        'until',
        'applied to',
        'reason',
        'link',
    ], rows, s.waivers.length === 0 ? `${intro}<p>No waivers in the manifest.</p>` : intro);
}
function checklistTable(pkg) {
    const r = pkg.risk_assessment;
    if (r.risk_class === null)
        return '';
    const required = pkg.requirements.readiness_required;
    return table('readiness', `Readiness checklist: ${r.risk_class} risk (requires ${required.length === 0 ? 'no items' : required.join(', ')})`, ['item', 'required', 'status', 'evidence', 'where'], r.checklist.map((item) => ({
        cells: [item.title, item.required ? 'yes' : 'no', item.status, item.evidence ?? '–', where(item.file, item.line)],
        className: item.status === 'finding'
            ? 'block'
            : item.status === 'waived'
                ? 'waived'
                : item.status === 'ok'
                    ? 'ok'
                    : 'muted',
    })));
}
/** Every comparison, in report order (natural cohort order); the methods once below the table, adjusted p only where it decided (regressions). */
function comparisonsTable(comparisons, correction) {
    const methods = (0,comparison_phrases/* methodsUsed */.AV)(comparisons).map(({ method, metrics }) => `<li>${(0,html_escape/* escapeHtml */.Z)(metrics.join(', '))}: ${(0,html_escape/* escapeHtml */.Z)(method)}</li>`);
    const footer = methods.length === 0 ? '' : `<p class="note">Methods:</p><ul class="methods">${methods.join('')}</ul>`;
    return table('comparisons', `All comparisons (${(0,format_number/* formatCount */.B4)(comparisons.length)})`, [
        'status',
        'cohort',
        'metric',
        'n',
        'incumbent → candidate',
        'Δ (worst case)',
        'margin',
        (0,comparison_phrases/* adjustedLabel */.X2)(correction),
        'detectable drop',
        'note',
    ], comparisons.map((c) => ({
        cells: [
            c.status,
            cohortCell(c),
            metricName(c),
            num((0,format_number/* formatCount */.B4)((0,comparison_phrases/* sizeOf */.$d)(c))),
            num((0,comparison_phrases/* valuesPhrase */.O$)(c)),
            num((0,comparison_phrases/* passPhrase */.rD)(c)),
            num((0,comparison_phrases/* marginPhrase */.sW)(c)),
            num(c.status === 'regressed' ? (0,format_number/* formatP */.MA)(c.p_adjusted) : ''),
            num(c.status === 'inconclusive' ? (0,format_number/* formatChange */.eD)(c, c.mde, false) : ''),
            c.note ?? '',
        ],
        className: c.status === 'missing' && c.required ? 'regressed' : c.status,
    })), '', footer);
}
function inputsTable(pkg) {
    const i = pkg.provenance.inputs;
    const rows = ['incumbent', 'candidate'].map((role) => {
        const d = i[role];
        const model = d.model === null ? '–' : `${d.model.name} ${d.model.version}`;
        const dataset = d.dataset === null
            ? '–'
            : [d.dataset.name, d.dataset.version ?? '', d.dataset.sha256 === undefined ? '' : `sha256 ${d.dataset.sha256}`]
                .filter((s) => s !== '')
                .join(' ');
        return {
            cells: [
                role,
                d.path,
                raw(`<code>${(0,html_escape/* escapeHtml */.Z)(d.sha256)}</code>`),
                d.format,
                num(d.examples === null ? '–' : (0,format_number/* formatCount */.B4)(d.examples)),
                model,
                dataset,
            ],
        };
    });
    const p = i.policy;
    const origin = `read from ${p.origin}${p.commit === null ? '' : ` at ${p.commit}`}${p.changed_in_pull_request ? '; changed in this pull request (applies once merged)' : ''}`;
    rows.push({
        cells: [
            'policy',
            p.path ?? 'none (defaults)',
            raw(p.sha256 === null ? '–' : `<code>${(0,html_escape/* escapeHtml */.Z)(p.sha256)}</code>`),
            'yaml',
            '–',
            '–',
            origin,
        ],
    });
    const m = i.manifest;
    if (m !== null)
        rows.push({ cells: ['manifest', m.path, raw(`<code>${(0,html_escape/* escapeHtml */.Z)(m.sha256)}</code>`), 'yaml', '–', '–', '–'] });
    const t = i.traffic;
    if (t !== null)
        rows.push({
            cells: [
                'traffic',
                t.path,
                raw(`<code>${(0,html_escape/* escapeHtml */.Z)(t.sha256)}</code>`),
                'traffic@1',
                '–',
                '–',
                `production's cohort counts, ${t.window.from} to ${t.window.to}`,
            ],
        });
    return table('inputs', 'Inputs', ['input', 'path', 'sha256', 'format', 'examples', 'model', 'dataset / source'], rows);
}
function cohortCell(c) {
    return raw(`${(0,html_escape/* escapeHtml */.Z)(c.cohort)}${c.rare ? ' <span class="tag">rare</span>' : ''}${c.required ? ' <span class="tag">required</span>' : ''}`);
}
function metricName(c) {
    return c.statistic === 'proportion' || c.statistic === 'mean' ? c.metric : `${c.metric} (${c.statistic})`;
}

// EXTERNAL MODULE: ./src/core/report/traffic-phrases.ts
var traffic_phrases = __webpack_require__(2728);
;// CONCATENATED MODULE: ./src/core/package/traffic-dot-plot-svg.ts




/**
 * One dimension's dot plot for report.html: per cohort, its share of the eval (a filled dot, in the
 * colour of its state) and of production (a ring), joined by a line whose length is the gap. Both on
 * one axis from 0, so a cohort the eval over-represents sits with its dot right of its ring. Inline
 * SVG, no external assets; every name is escaped. Cohorts with an unknown share have nothing to draw.
 */
const STATE_COLOR = {
    absent: '#c0392b',
    thin: '#b7791f',
    ok: '#3b5bdb',
    minor: '#6b7280',
    'unknown-share': '#6b7280',
};
const RING_COLOR = '#111827';
const traffic_dot_plot_svg_WIDTH = 760;
const traffic_dot_plot_svg_LABEL_RIGHT = 220;
const traffic_dot_plot_svg_PLOT_LEFT = 232;
const traffic_dot_plot_svg_PLOT_RIGHT = 630;
const traffic_dot_plot_svg_ROW = 18;
const TOP = 8;
const traffic_dot_plot_svg_AXIS = 30;
/** Plots at most `maxRows` cohorts, those that need a look first (absent, thin, largest PSI terms). */
function renderDotPlot(dimension, maxRows) {
    const drawable = (0,traffic_phrases/* rowsWorstFirst */.JV)(dimension).filter((r) => r.eval_share !== null && r.production_share !== null);
    const rows = drawable.slice(0, maxRows);
    if (rows.length === 0)
        return { svg: '', plotted: 0, omitted: 0 };
    const largest = Math.max(...rows.flatMap((r) => [r.eval_share ?? 0, r.production_share ?? 0]));
    // Whole-percent gridlines, at most five steps: 0–80% by 20, 0–5% by 1.
    const step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25].find((s) => largest / s <= 5) ?? 0.25;
    const steps = Math.max(1, Math.ceil(largest / step - 1e-9));
    const top = step * steps;
    const x = (share) => (0,svg_axis/* roundPixel */.te)(traffic_dot_plot_svg_PLOT_LEFT + (share / top) * (traffic_dot_plot_svg_PLOT_RIGHT - traffic_dot_plot_svg_PLOT_LEFT));
    const bottom = TOP + rows.length * traffic_dot_plot_svg_ROW;
    const out = [];
    for (let i = 0; i <= steps; i++) {
        const share = step * i;
        out.push(`<line x1="${x(share)}" y1="${TOP}" x2="${x(share)}" y2="${bottom}" stroke="#e5e7eb"/>`, `<text x="${x(share)}" y="${bottom + 16}" text-anchor="middle" fill="#4b5563">${Math.round(share * 100)}%</text>`);
    }
    rows.forEach((r, i) => out.push(traffic_dot_plot_svg_renderRow(r, TOP + i * traffic_dot_plot_svg_ROW, x)));
    const height = bottom + traffic_dot_plot_svg_AXIS;
    const label = `Eval share and production share per ${dimension.dimension} cohort`;
    const svg = `<svg class="dots" viewBox="0 0 ${traffic_dot_plot_svg_WIDTH} ${height}" width="100%" role="img" aria-label="${(0,html_escape/* escapeHtml */.Z)(label)}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">${out.join('')}</svg>`;
    return { svg, plotted: rows.length, omitted: drawable.length - rows.length };
}
function traffic_dot_plot_svg_renderRow(r, rowTop, x) {
    const mid = rowTop + traffic_dot_plot_svg_ROW / 2;
    const color = STATE_COLOR[r.state];
    const evalX = x(r.eval_share ?? 0);
    const productionX = x(r.production_share ?? 0);
    const numbers = `${(0,traffic_phrases/* sharePhrase */.D7)(r.eval_share)} vs ${(0,traffic_phrases/* sharePhrase */.D7)(r.production_share)}`;
    const tooltip = `${r.cohort}: eval ${(0,traffic_phrases/* sharePhrase */.D7)(r.eval_share)} (n ${(0,format_number/* formatCount */.B4)(r.eval_n)}), production ${(0,traffic_phrases/* sharePhrase */.D7)(r.production_share)}; ${traffic_phrases/* STATE_WORD */.hn[r.state]}`;
    return [
        `<g class="row" data-state="${r.state}" data-cohort="${(0,html_escape/* escapeHtml */.Z)(r.cohort)}">`,
        `<title>${(0,html_escape/* escapeHtml */.Z)(tooltip)}</title>`,
        `<text x="${traffic_dot_plot_svg_LABEL_RIGHT}" y="${mid + 4}" text-anchor="end" fill="${r.state === 'ok' ? '#111827' : color}">${(0,html_escape/* escapeHtmlCapped */.i)(r.cohort, 30)}</text>`,
        `<line x1="${Math.min(evalX, productionX)}" y1="${mid}" x2="${Math.max(evalX, productionX)}" y2="${mid}" stroke="#9ca3af" stroke-width="2"/>`,
        `<circle class="production" cx="${productionX}" cy="${mid}" r="5" fill="#fff" stroke="${RING_COLOR}" stroke-width="1.5"/>`,
        `<circle class="eval" cx="${evalX}" cy="${mid}" r="4.5" fill="${color}"/>`,
        `<text x="${traffic_dot_plot_svg_PLOT_RIGHT + 12}" y="${mid + 4}" fill="#374151" font-variant-numeric="tabular-nums">${(0,html_escape/* escapeHtml */.Z)(numbers)}</text>`,
        '</g>',
    ].join('');
}

;// CONCATENATED MODULE: ./src/core/package/traffic-html.ts





/**
 * report.html's "Does the eval look like production?": where production's mix came from, then per
 * dimension the PSI and chi-square test, a dot plot of eval share against production share, the full
 * table and the traffic-weighted comparisons beside the eval-mix overall (or why each was not made).
 * Empty without a traffic file. Every string from an input goes through escapeHtml.
 */
/** Cohorts drawn per dimension; the table below each plot lists them all. */
const PLOT_ROWS = 40;
const ROW_CLASS = { absent: 'block', thin: 'warn', minor: 'muted' };
function trafficSectionHtml(traffic, comparisons) {
    if (traffic === null)
        return '';
    const notListed = traffic.dimensions_not_in_traffic;
    const facts = [
        `Production's mix: ${traffic.file.path} (sha256 ${traffic.file.sha256})${traffic.source === null ? '' : `, source: ${traffic.source}`}.`,
        `Window: ${(0,traffic_phrases/* windowPhrase */._s)(traffic)}${traffic.eval_set_frozen === null ? '' : `; eval set frozen ${traffic.eval_set_frozen}`}.`,
        `Settings: ${(0,traffic_phrases/* settingsPhrase */.x8)(traffic)}.`,
        ...(notListed.length === 0
            ? []
            : [`Not in the traffic file, so their mix is not checked: ${notListed.join(', ')}.`]),
    ];
    return [
        `<section id="traffic"><h2>${traffic_phrases/* TRAFFIC_HEADING */.Bd}</h2>`,
        ...facts.map((fact) => `<p class="note">${(0,html_escape/* escapeHtml */.Z)(fact)}</p>`),
        legend(),
        ...traffic.dimensions.map((d) => dimensionHtml(d, comparisons)),
        '</section>',
    ].join('\n');
}
function legend() {
    const dot = (color, label) => `<span class="key"><span class="dot" style="background:${color}"></span>${label}</span>`;
    return `<div class="legend">${[
        dot(STATE_COLOR.ok, 'eval share'),
        dot(STATE_COLOR.thin, 'eval share, thin cohort'),
        dot(STATE_COLOR.absent, 'eval share, absent cohort'),
        '<span class="key"><span class="dot" style="background:#fff;border:1.5px solid #111827"></span>production share</span>',
    ].join('')}</div>`;
}
function dimensionHtml(d, comparisons) {
    const mix = d.psi === null
        ? 'Fewer than two cohorts to compare: no PSI or chi-square test.'
        : `PSI ${(0,traffic_phrases/* psiPhrase */.Ob)(d.psi)}${d.mix_shift ? ' (the mix has shifted)' : ''} · ${(0,traffic_phrases/* chiSquarePhrase */.Fx)(d.chi_square)}`;
    const plot = renderDotPlot(d, PLOT_ROWS);
    const omitted = plot.omitted === 0
        ? ''
        : `<p class="note">${(0,html_escape/* escapeHtml */.Z)(`The plot shows ${(0,format_number/* formatCount */.B4)(plot.plotted)} cohorts, those that need a look first; the table lists all ${(0,format_number/* formatCount */.B4)(d.cohorts.length)}.`)}</p>`;
    return [
        `<h3>${(0,html_escape/* escapeHtml */.Z)(d.dimension)}${d.mix_shift ? ' <span class="tag">mix shifted</span>' : ''}</h3>`,
        `<p>${(0,html_escape/* escapeHtml */.Z)(mix)}</p>`,
        plot.svg === '' ? '' : `<div class="plot">${plot.svg}</div>${omitted}`,
        cohortTable(d),
        weightedList(d, comparisons),
    ]
        .filter((part) => part !== '')
        .join('\n');
}
function cohortTable(d) {
    const head = ['cohort', 'production count', 'production share', 'eval n', 'eval share', 'PSI term', 'state'];
    const numeric = new Set([1, 2, 3, 4, 5]);
    const headHtml = head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${h}</th>`).join('');
    const rows = d.cohorts.map((r) => {
        const cells = [
            `<td>${(0,html_escape/* escapeHtml */.Z)(r.cohort)}</td>`,
            ...[
                r.production_count === null ? '–' : (0,format_number/* formatCount */.B4)(r.production_count),
                (0,traffic_phrases/* sharePhrase */.D7)(r.production_share),
                (0,format_number/* formatCount */.B4)(r.eval_n),
                (0,traffic_phrases/* sharePhrase */.D7)(r.eval_share),
                (0,traffic_phrases/* psiPhrase */.Ob)(r.psi_term),
            ].map((n) => `<td class="num">${(0,html_escape/* escapeHtml */.Z)(n)}</td>`),
            `<td>${(0,html_escape/* escapeHtml */.Z)(traffic_phrases/* STATE_WORD */.hn[r.state])}</td>`,
        ];
        const className = ROW_CLASS[r.state];
        return `<tr${className === undefined ? '' : ` class="${className}"`}>${cells.join('')}</tr>`;
    });
    return `<div class="scroll"><table><thead><tr>${headHtml}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}
function weightedList(d, comparisons) {
    const items = (0,traffic_phrases/* weightedResults */.EA)(d, comparisons).map((r) => r.reason !== null
        ? `${r.metric}: not weighted: ${r.reason}`
        : `${r.metric} on production's ${d.dimension} mix: ${(0,traffic_phrases/* resultPhrase */.BO)(r.weighted, false)}; on the eval's mix: ${(0,traffic_phrases/* resultPhrase */.BO)(r.overall, false)}${r.weighted === undefined ? '' : `; margin ${(0,comparison_phrases/* marginPhrase */.sW)(r.weighted)}`}`);
    if (items.length === 0)
        return '';
    return `<p class="note">Traffic-weighted comparisons:</p><ul class="weighted">${items.map((item) => `<li>${(0,html_escape/* escapeHtml */.Z)(item)}</li>`).join('')}</ul>`;
}

;// CONCATENATED MODULE: ./src/core/package/render-report-html.ts







/**
 * report.html: one self-contained page, meant to be opened from a downloaded artifact months later,
 * possibly offline, possibly in a locked-down review environment. So nothing leaves the page: no
 * scripts, fonts, images or stylesheets from anywhere, and a Content-Security-Policy that forbids
 * them should a future edit try. Links go to in-page anchors only; URLs (the run's) appear as text.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
/** Rows drawn in the forest plot; the tables below hold the rest. */
const render_report_html_PLOT_ROWS = 200;
function renderReportHtml(pkg) {
    const findings = pkg.risk_assessment.findings;
    const active = findings.filter((f) => !f.waived);
    const waived = new Set(findings
        .filter((f) => f.waived && f.cohort !== null && f.metric !== null)
        .map((f) => comparisonKey(f.cohort ?? '', f.metric ?? '')));
    const comparisons = pkg.test_evidence.comparisons;
    const plot = renderForestPlot(comparisons, waived, render_report_html_PLOT_ROWS);
    const inconclusive = comparisons.filter((c) => c.status === 'inconclusive');
    // Blocking findings first, the readiness and data ones before those restating a comparison (the tables show those too).
    const blocking = active
        .filter((f) => f.severity === 'block')
        .sort((a, b) => Number(a.id.startsWith('cohort.')) - Number(b.id.startsWith('cohort.')))
        .map((f) => inSharedWords(f, comparisons, pkg));
    const notes = active.filter((f) => f.severity !== 'block' && f.id !== 'cohort.inconclusive');
    const release = pkg.provenance.release;
    // Sections without content are left out, and so are their links.
    const sections = [
        [
            'blocking',
            'What blocks',
            blocking.length === 0 ? '' : findingsTable('blocking', `What blocks (${(0,format_number/* formatCount */.B4)(blocking.length)})`, blocking),
        ],
        ['inconclusive', 'Inconclusive', inconclusive.length === 0 ? '' : inconclusiveTable(inconclusive)],
        [
            'notes',
            'Warnings',
            notes.length === 0 ? '' : findingsTable('notes', `Warnings and notes (${(0,format_number/* formatCount */.B4)(notes.length)})`, notes),
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
        `<footer>${(0,html_escape/* escapeHtml */.Z)(`${pkg.schema} · ${pkg.provenance.tool.name} ${pkg.provenance.tool.version} · exact values, the full policy and every field are in validation-package.json; validation-package.md is the same record for sign-off.`)}</footer>`,
    ];
    const title = `Model release gate: ${headline/* VERDICT_WORD */.XU[pkg.verdict]}${release === null ? '' : ` · ${release.name} ${release.candidate}`}`;
    return [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        `<title>${(0,html_escape/* escapeHtml */.Z)(title)}</title>`,
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
function inSharedWords(f, comparisons, pkg) {
    if (f.id !== 'cohort.regressed' || f.cohort === null || f.metric === null)
        return f;
    const c = comparisons.find((x) => x.cohort === f.cohort && x.metric === f.metric && x.status === 'regressed');
    return c === undefined ? f : { ...f, message: (0,comparison_phrases/* regressionPhrase */.fZ)(c, pkg.requirements.policy) };
}
/** The verdict line, the models and the counts line, in the words of every other output; then what is known of the run. */
function header(pkg) {
    const p = pkg.provenance;
    const names = (0,headline/* modelNames */.ci)(p.release, p.inputs);
    const versions = `${(0,headline/* modelsPhrase */.gQ)(names, (name) => `<strong>${(0,html_escape/* escapeHtml */.Z)(name)}</strong>`)} · ${(0,html_escape/* escapeHtml */.Z)((0,headline/* designPhrase */._R)(pkg.test_evidence.design, p.inputs))}`;
    const pr = p.pull_request;
    const policy = p.inputs.policy;
    // Only what this run knows: a local run has no repository, commit, pull request or run to show.
    const facts = [
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
        .flatMap(([k, v]) => (v === null ? [] : [`<div><dt>${k}</dt><dd>${(0,html_escape/* escapeHtml */.Z)(v)}</dd></div>`]))
        .join('');
    return [
        '<header>',
        `<div class="badge ${pkg.verdict}">${headline/* VERDICT_WORD */.XU[pkg.verdict]}</div>`,
        `<div class="headline"><h1>${(0,html_escape/* escapeHtml */.Z)((0,headline/* verdictLineOf */.LR)(pkg.verdict, pkg.summary.reason))}</h1><p class="versions">${versions}</p><p class="counts">${(0,html_escape/* escapeHtml */.Z)((0,headline/* countsLine */.J7)(pkg.summary.counts))}</p></div>`,
        '</header>',
        `<dl class="facts">${dl}</dl>`,
    ].join('\n');
}
function plotSection(plot, total, alpha) {
    const confidence = Number(((1 - alpha) * 100).toPrecision(6));
    const swatch = (color, label) => `<span class="key"><span class="dot" style="background:${color}"></span>${label}</span>`;
    const legend = [
        swatch(STATUS_COLOR.regressed, 'regressed'),
        swatch(STATUS_COLOR.inconclusive, 'inconclusive'),
        swatch(STATUS_COLOR.pass, 'pass'),
        '<span class="key"><span class="diamond"></span>rare cohort</span>',
        '<span class="key"><span class="k-margin"></span>−margin (tolerated drop)</span>',
        '<span class="key"><span class="k-zero"></span>no change</span>',
    ].join('');
    const left = [];
    if (plot.omitted > 0) {
        const serious = [
            plot.omitted_regressed > 0 ? `${(0,format_number/* formatCount */.B4)(plot.omitted_regressed)} of them regressed` : '',
            plot.omitted_inconclusive > 0 ? `${(0,format_number/* formatCount */.B4)(plot.omitted_inconclusive)} of them inconclusive` : '',
        ].filter((s) => s !== '');
        left.push(`${(0,format_number/* formatCount */.B4)(plot.omitted)} more comparison(s)${serious.length === 0 ? ', all passing and further from their margin' : `, ${serious.join(', ')}`}, are only in the tables below`);
    }
    if (plot.without_delta > 0)
        left.push(`${(0,format_number/* formatCount */.B4)(plot.without_delta)} comparison(s) have no Δ (missing data) and are not drawn`);
    const note = `Showing ${(0,format_number/* formatCount */.B4)(plot.plotted)} of ${(0,format_number/* formatCount */.B4)(total)} comparison(s): regressions first, then inconclusive, then passing ones closest to their margin.${left.length === 0 ? '' : ` ${left.join('; ')}.`} Lines are one-sided ${confidence}% intervals; a comparison passes when its interval stays right of the dashed margin.`;
    const svg = plot.svg === '' ? '<p>Nothing to plot: no comparison has a Δ.</p>' : plot.svg;
    return `<section id="plot"><h2>Δ per cohort against its margin</h2><div class="legend">${legend}</div><div class="plot">${svg}</div><p class="note">${(0,html_escape/* escapeHtml */.Z)(note)}</p></section>`;
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

// EXTERNAL MODULE: ./src/core/report/escape-markdown.ts
var escape_markdown = __webpack_require__(8637);
;// CONCATENATED MODULE: ./src/core/package/package-markdown-sections.ts



/**
 * Parts 2–4 of validation-package.md. Tables list every row: an auditor must be able to find any
 * comparison or finding here without opening the JSON.
 */
/** An input string as table-cell text. Caps are generous: the record should not cut what it records. */
function cell(text, maxLength = 300) {
    return (0,escape_markdown/* escapeMarkdown */.FV)(text, maxLength);
}
const STATUS_WORD = {
    pass: 'pass',
    regressed: '**regressed**',
    inconclusive: 'inconclusive',
    missing: 'missing',
};
function renderTestEvidence(pkg) {
    const e = pkg.test_evidence;
    const confidence = Number(((1 - e.alpha) * 100).toPrecision(6));
    const design = e.design === 'paired'
        ? 'paired by example id (both models scored on the same examples)'
        : 'unpaired per-cohort summaries';
    const lines = [
        '## 2 Test evidence',
        '',
        `Design: ${design}. Each comparison tests whether the candidate is worse than the incumbent by more than the margin, at one-sided alpha ${e.alpha} (bounds are one-sided ${confidence}%), with the ${e.correction} correction across ${(0,format_number/* formatCount */.B4)(e.tested)} tested comparison(s). Δ = candidate − incumbent, oriented so that positive is better; proportions in percentage points. Exact values are in validation-package.json.`,
        '',
        `### Comparisons (${(0,format_number/* formatCount */.B4)(e.comparisons.length)}, all listed)`,
        '',
        `| status | cohort | metric | n incumbent / candidate / paired | incumbent | candidate | Δ (worst case) | upper bound | margin | ${(0,comparison_phrases/* adjustedLabel */.X2)(e.correction)} | detectable drop | flags | note |`,
        '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
    ];
    // Adjusted p only where it decided (regressions); the method once per metric, below the table.
    for (const c of e.comparisons) {
        const n = `${(0,format_number/* formatCount */.B4)(c.n_incumbent)} / ${(0,format_number/* formatCount */.B4)(c.n_candidate)} / ${c.n_paired === null ? '–' : (0,format_number/* formatCount */.B4)(c.n_paired)}`;
        const flags = [c.rare ? 'rare' : '', c.required ? 'required' : '', `inconclusive ${c.inconclusive_setting}s`]
            .filter((f) => f !== '')
            .join(', ');
        lines.push(`| ${STATUS_WORD[c.status]} | ${cell(c.cohort)} | ${cell(c.metric)} (${cell(c.statistic)}, ${c.direction} is better) | ${n} | ${(0,format_number/* formatMeasure */.os)(c, c.incumbent)} | ${(0,format_number/* formatMeasure */.os)(c, c.candidate)} | ${(0,comparison_phrases/* passPhrase */.rD)(c)} | ${(0,format_number/* formatChange */.eD)(c, c.ci_high)} | ${(0,comparison_phrases/* marginPhrase */.sW)(c)} | ${c.status === 'regressed' ? (0,format_number/* formatP */.MA)(c.p_adjusted) : ''} | ${(0,format_number/* formatChange */.eD)(c, c.mde, false)} | ${flags} | ${c.note === null ? '' : cell(c.note, 500)} |`);
    }
    lines.push('', ...(0,comparison_phrases/* methodsUsed */.AV)(e.comparisons).map(({ method, metrics }) => `- Method for ${metrics.map((m) => cell(m)).join(', ')}: ${cell(method, 500)}`));
    lines.push('');
    if (e.reported_metrics.length > 0) {
        lines.push('### Reported, not gated', '', '| cohort | metric | incumbent | candidate |', '|---|---|---:|---:|');
        for (const r of e.reported_metrics) {
            lines.push(`| ${cell(r.cohort)} | ${cell(r.metric)} (${cell(r.statistic)}) | ${(0,format_number/* formatMeasure */.os)({ ...r, margin: null }, r.incumbent)} | ${(0,format_number/* formatMeasure */.os)({ ...r, margin: null }, r.candidate)} |`);
        }
        lines.push('');
    }
    return lines;
}
const SEVERITY_WORD = { block: 'blocking', warn: 'warning', info: 'note' };
function renderRiskAssessment(pkg) {
    const r = pkg.risk_assessment;
    const lines = ['## 3 Risk assessment', ''];
    lines.push(r.risk_class === null
        ? 'No release manifest was given: no risk class, no readiness checklist.'
        : `Risk class: **${cell(r.risk_class)}**, as declared in the release manifest; readiness judged on ${r.evaluated_on === null ? 'an unknown date' : cell(r.evaluated_on)}.`, '');
    lines.push(`### Findings (${(0,format_number/* formatCount */.B4)(r.findings.length)})`, '');
    if (r.findings.length === 0)
        lines.push('None.', '');
    else {
        lines.push('| severity | finding | cohort · metric | message | where | status |', '|---|---|---|---|---|---|');
        for (const f of r.findings) {
            const scope = f.cohort === null && f.metric === null ? '' : `${cell(f.cohort ?? '–')} · ${cell(f.metric ?? '–')}`;
            const where = f.file === null ? '' : `${cell(f.file)}${f.line === null ? '' : ` line ${f.line}`}`;
            const status = f.waiver === null
                ? 'open'
                : `accepted by ${cell(f.waiver.accepted_by)} until ${cell(f.waiver.expires)}${f.waiver.verified ? ' (verified)' : ' (not verified)'}`;
            lines.push(`| ${SEVERITY_WORD[f.severity]} | ${cell(f.id)} | ${scope} | ${cell(f.message, 2000)} | ${where} | ${status} |`);
        }
        lines.push('');
    }
    if (r.checklist.length > 0) {
        lines.push('### Readiness checklist', '', '| item | required | status | evidence | where |', '|---|---|---|---|---|');
        for (const item of r.checklist) {
            const where = `${cell(item.file)}${item.line === null ? '' : ` line ${item.line}`}`;
            lines.push(`| ${cell(item.title)} | ${item.required ? 'yes' : 'no'} | ${item.status} | ${item.evidence === null ? '–' : cell(item.evidence, 500)} | ${where} |`);
        }
        lines.push('');
    }
    return lines;
}
function renderSignOff(pkg) {
    const s = pkg.sign_off;
    const lines = ['## 4 Sign-off', ''];
    const approvals = s.verified_approvals === null
        ? 'not available: this run could not verify approvals (local run)'
        : s.verified_approvals.length === 0
            ? 'none'
            : s.verified_approvals.map((a) => cell(a)).join(', ');
    lines.push(`- Verified approvals of the change: ${approvals}`);
    lines.push(`- Author of the change: ${s.author === null ? 'unknown' : cell(s.author)}`);
    lines.push(`- Waivers need a verified approval in this run: ${s.waivers_require_verification ? 'yes' : 'no'}`, '');
    lines.push(`### Accepted risks (${(0,format_number/* formatCount */.B4)(s.accepted.length)})`, '');
    if (s.accepted.length === 0)
        lines.push('None: no finding was accepted by waiver.', '');
    else {
        lines.push('| finding | cohort · metric | accepted by | approval | until | reason |', '|---|---|---|---|---|---|');
        for (const a of s.accepted) {
            const scope = a.cohort === null && a.metric === null ? '' : `${cell(a.cohort ?? '–')} · ${cell(a.metric ?? '–')}`;
            lines.push(`| ${cell(a.finding)} | ${scope} | ${cell(a.accepted_by)} | ${a.verified ? 'verified' : 'not verified'} | ${cell(a.expires)} | ${cell(a.reason, 1000)} |`);
        }
        lines.push('');
    }
    lines.push(`### Waivers in the manifest (${(0,format_number/* formatCount */.B4)(s.waivers.length)})`, '');
    if (s.waivers.length === 0)
        lines.push('None.', '');
    else {
        lines.push('| entry | finding | cohort · metric | status | accepted by | approval | until | applied to | reason | link |', '|---:|---|---|---|---|---|---|---:|---|---|');
        for (const w of s.waivers) {
            const scope = w.cohort === null && w.metric === null ? 'any' : `${cell(w.cohort ?? 'any')} · ${cell(w.metric ?? 'any')}`;
            const approval = w.verified === null ? '–' : w.verified ? 'verified' : 'not verified';
            const entry = `${w.index}${w.line === null ? '' : ` (line ${w.line})`}`;
            lines.push(`| ${entry} | ${optional(w.finding)} | ${scope} | ${w.status} | ${optional(w.accepted_by)} | ${approval} | ${optional(w.expires)} | ${w.applied_to} | ${optional(w.reason, 1000)} | ${optional(w.link, 500)} |`);
        }
        lines.push('');
    }
    return lines;
}
function optional(text, maxLength) {
    return text === null ? '–' : cell(text, maxLength);
}

// EXTERNAL MODULE: ./src/core/report/traffic-markdown-section.ts
var traffic_markdown_section = __webpack_require__(6319);
;// CONCATENATED MODULE: ./src/core/package/render-package-markdown.ts





/**
 * validation-package.md: the package for people, in the four parts a regulated sign-off consumes
 * (requirements, test evidence, risk assessment, sign-off) after a header with the verdict and where
 * it came from. Unlike report.md nothing is truncated or folded away: this is the complete record,
 * read once, carefully, by someone who was not there. Every string that came from an input goes
 * through escapeMarkdown.
 */
function renderValidationMarkdown(pkg) {
    return [
        ...renderHeader(pkg),
        ...renderRequirements(pkg),
        ...renderTestEvidence(pkg),
        ...(pkg.test_evidence.traffic === null
            ? []
            : (0,traffic_markdown_section/* trafficMarkdownLines */.e)(pkg.test_evidence.traffic, pkg.test_evidence.comparisons)),
        ...renderRiskAssessment(pkg),
        ...renderSignOff(pkg),
    ].join('\n');
}
function renderHeader(pkg) {
    const p = pkg.provenance;
    const pr = p.pull_request;
    const lines = [
        `# Validation package: ${headline/* VERDICT_ICON */.YY[pkg.verdict]} ${headline/* VERDICT_WORD */.XU[pkg.verdict]}`,
        '',
        `**${(0,headline/* verdictLineOf */.LR)(pkg.verdict, pkg.summary.reason)}**`,
        '',
        (0,headline/* modelsPhrase */.gQ)((0,headline/* modelNames */.ci)(p.release, p.inputs), (name) => `**${cell(name)}**`),
        '',
        (0,headline/* countsLine */.J7)(pkg.summary.counts),
        '',
        '| | |',
        '|---|---|',
        `| Tool | ${cell(p.tool.name)} ${cell(p.tool.version)} |`,
        `| Repository | ${orUnknown(p.repository)} |`,
        `| Commit judged | ${orUnknown(p.commit)} |`,
        `| Pull request | ${pr === null ? 'none' : `number ${pr.number}${pr.author === null ? '' : ` by ${cell(pr.author)}`}: ${cell(pr.base_ref)} ${cell(pr.base_sha)} ← ${cell(pr.head_sha)}`} |`,
        `| Run | ${p.run === null ? 'unknown (local run)' : `${cell(p.run.id)}${p.run.attempt === null ? '' : ` attempt ${cell(p.run.attempt)}`}: ${cell(p.run.url, 500)}`} |`,
        `| Time | ${cell(p.time)} |`,
        `| Package schema | \`${pkg.schema}\` |`,
        '',
        '### Inputs',
        '',
        '| input | path | sha256 | format | examples | model | dataset |',
        '|---|---|---|---|---:|---|---|',
    ];
    for (const [role, input] of [
        ['incumbent', p.inputs.incumbent],
        ['candidate', p.inputs.candidate],
    ]) {
        const model = input.model === null ? '–' : `${cell(input.model.name)} ${cell(input.model.version)}`;
        const d = input.dataset;
        const dataset = d === null
            ? '–'
            : [
                cell(d.name),
                d.version === undefined ? '' : cell(d.version),
                d.sha256 === undefined ? '' : `sha256 ${cell(d.sha256)}`,
            ]
                .filter((s) => s !== '')
                .join(' ');
        lines.push(`| ${role} | ${cell(input.path, 500)} | ${cell(input.sha256)} | ${input.format} | ${input.examples === null ? '–' : (0,format_number/* formatCount */.B4)(input.examples)} | ${model} | ${dataset} |`);
    }
    const policy = p.inputs.policy;
    const from = `read from ${policy.origin}${policy.commit === null ? '' : ` at ${cell(policy.commit)}`}${policy.changed_in_pull_request ? '; **changed in this pull request: the change applies once merged**' : ''}`;
    lines.push(`| policy | ${policy.path === null ? 'none (defaults)' : cell(policy.path, 500)} | ${orUnknown(policy.sha256)} | yaml | – | – | ${from} |`);
    const manifest = p.inputs.manifest;
    lines.push(`| manifest | ${manifest === null ? 'none' : cell(manifest.path, 500)} | ${manifest === null ? '–' : cell(manifest.sha256)} | yaml | – | – | – |`);
    const traffic = p.inputs.traffic;
    // Only with a traffic file: the record of a run without one reads as it always has.
    if (traffic !== null)
        lines.push(`| traffic | ${cell(traffic.path, 500)} | ${cell(traffic.sha256)} | traffic@1 | – | – | production's cohort counts, window ${cell(traffic.window.from)} to ${cell(traffic.window.to)} |`);
    lines.push('');
    return lines;
}
function renderRequirements(pkg) {
    const { policy, risk_class: riskClass, readiness_required: required } = pkg.requirements;
    const lines = [
        '## 1 Requirements',
        '',
        'The policy applied, in full. A comparison passes when its one-sided lower bound of Δ (candidate − incumbent, positive is better) lies above −margin.',
        '',
        '| setting | value |',
        '|---|---|',
        `| alpha (one-sided) | ${policy.alpha} |`,
        `| multiplicity correction | ${policy.correction} |`,
        `| an inconclusive comparison | ${policy.inconclusive}s |`,
        `| power for the minimum detectable effect | ${policy.power} |`,
        `| ids in one file only | ${policy.unmatched_ids} |`,
        `| bootstrap | ${policy.bootstrap.resamples} resamples, seed ${cell(policy.bootstrap.seed)} |`,
        '',
        '### Metrics',
        '',
    ];
    const metrics = Object.entries(policy.metrics);
    if (metrics.length === 0)
        lines.push('No metric settings: every metric with the defaults.', '');
    else {
        lines.push('| metric | direction | margin (tolerated drop) | statistic | gates the verdict |', '|---|---|---|---|---|');
        for (const [name, m] of metrics) {
            lines.push(`| ${cell(name)} | ${m.direction ?? 'default'} | ${m.margin === undefined ? 'default' : marginText(m.margin)} | ${m.statistic ?? 'default'} | ${m.gate === false ? 'no (reported only)' : 'yes'} |`);
        }
        lines.push('');
    }
    lines.push(...renderCohortSettings(policy));
    lines.push('### Readiness', '');
    lines.push(riskClass === null
        ? 'No release manifest: no readiness items were checked.'
        : `Risk class **${cell(riskClass)}** requires: ${required.length === 0 ? 'no items' : required.join(', ')}.`, '');
    const r = policy.readiness;
    const drill = r.drill_max_age_days;
    lines.push('| setting | value |', '|---|---|', `| manifest required | ${r.require_manifest ? 'yes' : 'no'} |`, `| required items per risk class | low: ${r.required.low.join(', ') || 'none'}; medium: ${r.required.medium.join(', ') || 'none'}; high: ${r.required.high.join(', ') || 'none'} |`, `| largest first rollout stage | ${r.first_stage_max}% |`, `| oldest rollback drill (days) | low ${drill.low}, medium ${drill.medium}, high ${drill.high} |`, `| load test multiple of peak | ${r.load_test_min_multiple} |`, `| longest waiver (days) | ${r.waiver_max_days} |`, `| waivers need a verified approval | ${r.require_verified_waivers === undefined ? `caller default (this run: ${pkg.sign_off.waivers_require_verification ? 'yes' : 'no'})` : r.require_verified_waivers ? 'yes' : 'no'} |`, '');
    return lines;
}
function renderCohortSettings(policy) {
    const c = policy.cohorts;
    const list = (patterns) => patterns.length === 0 ? 'none' : patterns.map((p) => cell(p)).join(', ');
    const lines = [
        '### Cohorts',
        '',
        '| setting | value |',
        '|---|---|',
        `| tracked | ${list(c.track)} |`,
        `| ignored | ${list(c.ignore)} |`,
        `| required (missing blocks) | ${list(c.required)} |`,
        `| minimum examples to test | ${c.min_n} |`,
        `| rare below | ${c.rare_below} examples |`,
        '',
    ];
    const overrides = Object.entries(c.overrides);
    if (overrides.length > 0) {
        lines.push('| cohort override | if inconclusive | min n | margins |', '|---|---|---:|---|');
        for (const [pattern, o] of overrides) {
            const margins = Object.entries(o.metrics ?? {}).map(([metric, m]) => `${cell(metric)}: ${marginText(m.margin)}`);
            lines.push(`| ${cell(pattern)} | ${o.inconclusive ?? '–'} | ${o.min_n ?? '–'} | ${margins.join('; ') || '–'} |`);
        }
        lines.push('');
    }
    return lines;
}
function marginText(margin) {
    return margin.kind === 'absolute'
        ? `${margin.value} (absolute, in the metric's unit)`
        : `${Number((margin.value * 100).toPrecision(12))}% of the incumbent's value`;
}
function orUnknown(text) {
    return text === null ? 'unknown' : (0,escape_markdown/* escapeMarkdown */.FV)(text, 500);
}

;// CONCATENATED MODULE: ./src/core/package/validation-package.ts


/**
 * The validation package: the evidence trail an auditor reads months after the release. Its
 * sections follow the order a regulated (GAMP-style) sign-off consumes them in: what was required,
 * what was tested and how, what risks were found, and who accepted which of them. Every field has a
 * value (null when unknown) so that the shape never depends on the run, and the whole object is a
 * function of the report and the run context, so two builds of the same run serialize to the same bytes.
 */
const VALIDATION_PACKAGE_SCHEMA = 'model-release-gate/validation-package@1';
function buildValidationPackage(report, run) {
    const riskClass = report.readiness.manifest?.risk_class ?? null;
    const pr = run.pullRequest;
    return {
        schema: VALIDATION_PACKAGE_SCHEMA,
        summary: { verdict: report.verdict, reason: verdictReason(report), counts: report.summary },
        provenance: {
            tool: report.tool,
            repository: run.repository,
            commit: run.commit,
            pull_request: pr === null
                ? null
                : { number: pr.number, author: pr.author, base_ref: pr.baseRef, base_sha: pr.baseSha, head_sha: pr.headSha },
            run: run.run,
            time: run.time,
            links: run.links,
            baseline: run.baseline ?? null,
            release: report.readiness.manifest?.model ?? null,
            inputs: {
                incumbent: report.inputs.incumbent,
                candidate: report.inputs.candidate,
                policy: {
                    // The report's path is what was parsed; the run's is the fallback when the report has none (defaults).
                    path: report.inputs.policy?.path ?? run.policySource.path,
                    sha256: report.inputs.policy?.sha256 ?? null,
                    origin: run.policySource.origin,
                    commit: run.policySource.commit,
                    changed_in_pull_request: run.policySource.changedInPullRequest,
                },
                manifest: report.inputs.manifest,
                traffic: report.inputs.traffic ?? null,
            },
        },
        requirements: {
            policy: report.policy,
            risk_class: riskClass,
            readiness_required: requiredItems(report.policy, riskClass),
        },
        test_evidence: {
            design: report.design,
            alpha: report.policy.alpha,
            correction: report.policy.correction,
            tested: report.summary.tested,
            comparisons: report.comparisons,
            reported_metrics: report.reported_metrics,
            traffic: report.traffic ?? null,
        },
        risk_assessment: {
            risk_class: riskClass,
            evaluated_on: report.readiness.today,
            findings: report.findings.map(packageFinding),
            checklist: report.readiness.items,
        },
        sign_off: {
            verified_approvals: run.approvals,
            author: pr?.author ?? null,
            waivers_require_verification: report.readiness.waivers_require_verification,
            waivers: report.readiness.waivers.map((w) => ({
                index: w.index,
                finding: w.finding,
                cohort: w.cohort,
                metric: w.metric,
                status: w.status,
                accepted_by: w.accepted_by,
                reason: w.reason,
                expires: w.expires,
                link: w.link,
                verified: w.verified,
                applied_to: w.applied_to,
                line: w.line,
            })),
            accepted: report.findings.flatMap((f) => f.waiver === undefined
                ? []
                : [
                    {
                        finding: f.id,
                        cohort: f.cohort ?? null,
                        metric: f.metric ?? null,
                        accepted_by: f.waiver.accepted_by,
                        reason: f.waiver.reason,
                        expires: f.waiver.expires,
                        verified: f.waiver.verified,
                    },
                ]),
        },
        verdict: report.verdict,
    };
}
/** The package as JSON, with the report's number handling (12 significant digits, non-finite as null). */
function validationPackageToJson(pkg) {
    return (0,report_report/* reportToJson */.qW)(pkg);
}
/**
 * Why the verdict is what it is, in the words of every other output (see report/headline.ts); built
 * from counts only, so it holds no input text.
 */
function verdictReason(report) {
    return (0,headline/* verdictReasons */.NB)(report);
}
function requiredItems(policy, riskClass) {
    const { required } = policy.readiness;
    // The manifest schema admits only these three; anything else would be a report from another version.
    if (riskClass === 'low' || riskClass === 'medium' || riskClass === 'high')
        return [...required[riskClass]];
    return [];
}
function packageFinding(f) {
    return {
        id: f.id,
        severity: f.severity,
        message: f.message,
        cohort: f.cohort ?? null,
        metric: f.metric ?? null,
        file: f.file ?? null,
        line: f.line ?? null,
        waived: f.waiver !== undefined,
        waiver: f.waiver ?? null,
    };
}

;// CONCATENATED MODULE: ./src/core/package/package-files.ts





/** The validation package's files, by name: what the CLI writes to --out and the Action uploads. */
function validationPackageFiles(report, run) {
    const pkg = buildValidationPackage(report, run);
    return [
        ['report.json', (0,report_report/* reportToJson */.qW)(report)],
        ['report.md', (0,render_markdown.renderMarkdown)(report)],
        ['validation-package.json', validationPackageToJson(pkg)],
        ['validation-package.md', renderValidationMarkdown(pkg)],
        ['report.html', renderReportHtml(pkg)],
    ];
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


/***/ }),

/***/ 9108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderMarkdown: () => (/* binding */ renderMarkdown)
/* harmony export */ });
/* harmony import */ var _comment_budget_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6873);
/* harmony import */ var _comment_classify_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9830);
/* harmony import */ var _comment_header_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7425);
/* harmony import */ var _comment_sections_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5412);
/* harmony import */ var _traffic_markdown_section_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6319);





/**
 * At most this many UTF-16 code units: GitHub's job summary takes 1 MiB, and a code unit is at most
 * three bytes in UTF-8, so the summary stays under the limit whatever the names are made of.
 */
const MARKDOWN_MAX_LENGTH = 300_000;
/**
 * The markdown report (report.md and the job summary): the pull-request comment's layout, without
 * the comment's marker and links, under a larger size limit. Rows that do not fit are counted and
 * pointed to report.json, least important first, exactly as in the comment.
 */
function renderMarkdown(report, maxLength = MARKDOWN_MAX_LENGTH) {
    const content = (0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyReport */ .fv)(report);
    const top = (0,_comment_header_js__WEBPACK_IMPORTED_MODULE_1__/* .headerLines */ .Hq)(report, content, (0,_comment_header_js__WEBPACK_IMPORTED_MODULE_1__/* .reportContextLine */ .sT)(report));
    const traffic = report.traffic === null ? [] : (0,_traffic_markdown_section_js__WEBPACK_IMPORTED_MODULE_3__/* .trafficMarkdownSections */ .v)(report.traffic, report.comparisons);
    return (0,_comment_budget_js__WEBPACK_IMPORTED_MODULE_4__/* .fitComment */ .p)({ top, sections: (0,_comment_sections_js__WEBPACK_IMPORTED_MODULE_2__/* .commentSections */ .s)(report, content, traffic), bottom: [(0,_comment_header_js__WEBPACK_IMPORTED_MODULE_1__/* .footerLine */ .GO)(report)], pointer: 'report.json' }, maxLength);
}


/***/ }),

/***/ 6319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ trafficMarkdownLines),
/* harmony export */   v: () => (/* binding */ trafficMarkdownSections)
/* harmony export */ });
/* harmony import */ var _format_number_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8072);
/* harmony import */ var _comparison_phrases_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2314);
/* harmony import */ var _comment_sections_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5412);
/* harmony import */ var _escape_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8637);
/* harmony import */ var _traffic_phrases_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2728);





/**
 * report.md's (and the job summary's) "Does the eval look like production?": where production's mix
 * came from and when, then per dimension the full table (cohort, production count and share, eval n
 * and share, PSI term, state), the PSI and chi-square test, and the traffic-weighted comparisons
 * beside the eval-mix overall, or why each was not made. validation-package.md prints the same lines.
 * Cohort rows that need a look rank with the section; the rest go first when the summary must shrink.
 */
function trafficMarkdownSections(traffic, comparisons) {
    return [facts(traffic), ...traffic.dimensions.flatMap((d) => dimensionSections(d, comparisons))];
}
/** The same sections as plain lines, nothing left out: for the validation package. */
function trafficMarkdownLines(traffic, comparisons) {
    return trafficMarkdownSections(traffic, comparisons).flatMap((s) => [
        ...s.open,
        ...(s.rows.length > 0 ? [...s.tableHead, ...s.rows.map((r) => r.text)] : []),
        ...s.close,
    ]);
}
const STATE_ICON = {
    ok: '✅',
    absent: '⛔',
    thin: '⚠️',
    'unknown-share': '❔',
    minor: '➖',
};
function facts(traffic) {
    const line = (text) => ({ text: `- ${text}`, rank: _comment_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .RANK */ .V.traffic, noun: ['note', 'notes'] });
    const notListed = traffic.dimensions_not_in_traffic;
    return {
        open: [`### ${_traffic_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .TRAFFIC_HEADING */ .Bd}`, ''],
        tableHead: [],
        rows: [
            line(`Production's mix: ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeName */ .L$)(traffic.file.path, 200)} (sha256 ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeName */ .L$)(traffic.file.sha256, 64)})${traffic.source === null ? '' : `, source: ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(traffic.source, 200)}`}`),
            line(`Window: ${(0,_traffic_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .windowPhrase */ ._s)(traffic)}${traffic.eval_set_frozen === null ? '' : `; eval set frozen ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeName */ .L$)(traffic.eval_set_frozen, 20)}`}`),
            line(`Settings: ${(0,_traffic_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .settingsPhrase */ .x8)(traffic)}.`),
            ...(notListed.length === 0
                ? []
                : [
                    line(`Not in the traffic file, so their mix is not checked: ${notListed.map((d) => (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeName */ .L$)(d, 60)).join(', ')}`),
                ]),
        ],
        close: [''],
    };
}
function dimensionSections(d, comparisons) {
    const name = (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeName */ .L$)(d.dimension, 60);
    const mix = d.psi === null
        ? 'fewer than two cohorts to compare: no PSI or chi-square test'
        : `PSI ${(0,_traffic_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .psiPhrase */ .Ob)(d.psi)}${d.mix_shift ? ' ⚠️ the mix has shifted' : ''} · ${(0,_traffic_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .chiSquarePhrase */ .Fx)(d.chi_square)}`;
    const table = {
        open: [`#### ${name}: ${mix}`, ''],
        tableHead: [
            '| | cohort | production count | production share | eval n | eval share | PSI term | state |',
            '|---|---|---:|---:|---:|---:|---:|---|',
        ],
        rows: d.cohorts.map((row) => ({
            text: `| ${STATE_ICON[row.state]} | ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeName */ .L$)(row.cohort, 80)} | ${row.production_count === null ? '–' : (0,_format_number_js__WEBPACK_IMPORTED_MODULE_3__/* .formatCount */ .B4)(row.production_count)} | ${(0,_traffic_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .sharePhrase */ .D7)(row.production_share)} | ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_3__/* .formatCount */ .B4)(row.eval_n)} | ${(0,_traffic_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .sharePhrase */ .D7)(row.eval_share)} | ${(0,_traffic_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .psiPhrase */ .Ob)(row.psi_term)} | ${_traffic_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .STATE_WORD */ .hn[row.state]} |`,
            rank: row.state === 'absent' || row.state === 'thin' ? _comment_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .RANK */ .V.traffic : _comment_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .RANK */ .V.passing,
            noun: ['traffic cohort', 'traffic cohorts'],
        })),
        close: [''],
    };
    const weighted = {
        open: [],
        tableHead: [],
        rows: (0,_traffic_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .weightedResults */ .EA)(d, comparisons).map((r) => {
            const metric = (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeName */ .L$)(r.metric, 60);
            const text = r.reason !== null
                ? `- ${metric}: not weighted: ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(r.reason, 300)}`
                : `- ${metric} on production's ${name} mix: ${(0,_traffic_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .resultPhrase */ .BO)(r.weighted)}; on the eval's mix: ${(0,_traffic_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .resultPhrase */ .BO)(r.overall)}${r.weighted === undefined ? '' : `; margin ${(0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_4__/* .marginPhrase */ .sW)(r.weighted)}`}`;
            return { text, rank: _comment_sections_js__WEBPACK_IMPORTED_MODULE_0__/* .RANK */ .V.traffic, noun: ['traffic-weighted comparison', 'traffic-weighted comparisons'] };
        }),
        close: [''],
    };
    return [table, weighted];
}


/***/ })

};
