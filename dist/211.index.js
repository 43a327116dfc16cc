export const id = 211;
export const ids = [211];
export const modules = {

/***/ 2211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  canaryReportFiles: () => (/* binding */ canaryReportFiles),
  renderCanaryComment: () => (/* reexport */ renderCanaryComment)
});

;// CONCATENATED MODULE: ./src/core/canary/canary-report.ts
/** The report as JSON, as `canary-report.json` holds it: every look's bounds are in it, for an audit. */
function canaryReportJson(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}

// EXTERNAL MODULE: ./src/core/format-number.ts
var format_number = __webpack_require__(48072);
// EXTERNAL MODULE: ./src/core/package/html-escape.ts
var html_escape = __webpack_require__(4387);
;// CONCATENATED MODULE: ./src/core/canary/canary-abort-phrases.ts

/**
 * The words for the manifest's abort criteria (rollout.abort_when), checked on the canary's own
 * value of a metric in `overall`. A threshold is in the metric's unit, so it is written like the
 * gated comparison of the same metric when there is one (92.5%, 131 ms), else as a plain number.
 */
/** How an abort check's numbers are written: as the gated metric of that name, else as plain numbers. */
function abortMeasured(a, report) {
    const gated = report.comparisons.find((c) => c.metric === a.metric);
    return {
        metric: a.metric,
        statistic: gated?.statistic ?? 'mean',
        margin: null,
        incumbent: a.below ?? a.above ?? a.canary?.value ?? null,
    };
}
/** "below 85.0%", "above 250 ms", or both. */
function thresholdPhrase(a, report) {
    const m = abortMeasured(a, report);
    const parts = [
        a.below === null ? '' : `below ${(0,format_number/* formatMeasure */.os)(m, a.below)}`,
        a.above === null ? '' : `above ${(0,format_number/* formatMeasure */.os)(m, a.above)}`,
    ].filter((s) => s !== '');
    return parts.join(' or ') || 'no threshold';
}
/** "83.1% [82.0%, 84.2%], n=5,800", or that the observations do not give the metric. */
function abortValuePhrase(a, report) {
    if (a.canary === null)
        return 'not in the observations';
    const m = abortMeasured(a, report);
    const bound = (v) => (v === null ? '–' : (0,format_number/* formatMeasure */.os)(m, v));
    return `${(0,format_number/* formatMeasure */.os)(m, a.canary.value)} [${bound(a.lower)}, ${bound(a.upper)}], n=${(0,format_number/* formatCount */.B4)(a.canary.n)}`;
}
const ABORT_STATUS_WORDS = {
    crossed: 'crossed with confidence',
    clear: 'clear with confidence',
    undecided: 'undecided',
    'not-observed': 'not observed',
};

;// CONCATENATED MODULE: ./src/core/canary/canary-phrases.ts

/**
 * The words of the canary reports, shared by the text, markdown, comment and HTML renderers so that
 * they cannot drift apart (as src/core/report/headline.ts does for `check`). The phrases hold numbers
 * and fixed words only; names from the inputs (cohorts, metrics, paths) are added by each renderer,
 * escaped its own way, through the `escape` argument where a phrase needs one.
 */
const DECISION_WORD = {
    promote: 'PROMOTE',
    rollback: 'ROLL BACK',
    hold: 'HOLD',
};
const DECISION_ICON = { promote: '✅', rollback: '⛔', hold: '⏳' };
const DECISION_MEANING = {
    promote: 'the canary may move past this stage',
    rollback: 'roll the canary back',
    hold: 'keep the canary at this stage and look again',
};
/** "HOLD — keep the canary at this stage and look again: 2 cohort metrics undecided, 18 min of the hold left". Counts only. */
function canaryHeadline(report) {
    return `${DECISION_WORD[report.decision]} — ${DECISION_MEANING[report.decision]}: ${headlineReasons(report).join(', ')}`;
}
function headlineReasons(report) {
    const count = (status) => report.comparisons.filter((c) => c.status === status).length;
    const aborts = (status) => report.abort_checks.filter((a) => a.status === status).length;
    const reasons = [];
    const add = (n, one, many) => {
        if (n > 0)
            reasons.push(plural(n, one, many));
    };
    if (report.decision === 'rollback') {
        add(count('regressed'), 'cohort metric regressed', 'cohort metrics regressed');
        add(aborts('crossed'), 'abort threshold crossed', 'abort thresholds crossed');
    }
    else if (report.decision === 'hold') {
        add(count('undecided'), 'cohort metric undecided', 'cohort metrics undecided');
        add(aborts('undecided'), 'abort check undecided', 'abort checks undecided');
        add(aborts('not-observed'), 'abort metric not observed', 'abort metrics not observed');
        const left = holdLeft(report);
        if (left !== null)
            reasons.push(`${durationPhrase(left)} of the hold left`);
    }
    else {
        const n = report.comparisons.length;
        reasons.push(n === 0
            ? 'no cohort metric gated'
            : `${n === 1 ? '' : 'all '}${plural(n, 'cohort metric', 'cohort metrics')} within their margins`);
        add(aborts('clear'), 'abort check clear', 'abort checks clear');
        if (report.stage.hold_seconds !== null)
            reasons.push(`hold of ${durationPhrase(report.stage.hold_seconds)} elapsed`);
    }
    return reasons.length === 0 ? ['see what decided it'] : reasons;
}
/** Seconds of the stage's hold still to run, or null when there is no hold or it has elapsed. */
function holdLeft(report) {
    const { hold_seconds: hold, elapsed_seconds: elapsed } = report.stage;
    return hold === null || elapsed >= hold ? null : hold - elapsed;
}
/** "10% of traffic since 2026-12-01T10:00:00Z · hold 30 min, 12 min elapsed (clock …) · 3 looks" */
function stagePhrase(report, escape) {
    const s = report.stage;
    const hold = s.hold_seconds === null
        ? `no hold set, ${durationPhrase(s.elapsed_seconds)} elapsed`
        : `hold ${durationPhrase(s.hold_seconds)}, ${durationPhrase(s.elapsed_seconds)} elapsed`;
    return `${formatPercent(s.traffic)} of traffic since ${escape(s.started)} · ${hold} (clock ${escape(s.clock)}) · ${plural(s.looks, 'look', 'looks')}`;
}
/** Regressed first, then undecided, then passing; report order within each. */
function comparisonsInOrder(report) {
    const rank = { regressed: 0, undecided: 1, pass: 2 };
    return report.comparisons
        .map((c, index) => ({ c, index }))
        .sort((a, b) => rank[a.c.status] - rank[b.c.status] || a.index - b.index)
        .map(({ c }) => c);
}
/** What fixes a comparison's number format: its statistic, margin and the baseline's value. */
function measuredOf(c) {
    return { metric: c.metric, statistic: c.statistic, margin: c.margin, incumbent: c.baseline.value };
}
/** "92.5% → 90.1%" */
function valuesPhrase(c) {
    const m = measuredOf(c);
    return `${(0,format_number/* formatMeasure */.os)(m, c.baseline.value)} → ${(0,format_number/* formatMeasure */.os)(m, c.canary.value)}`;
}
/** "−2.4 pts [−3.2, −1.6]": the estimate and its anytime-valid bounds. */
function deltaPhrase(c) {
    const m = measuredOf(c);
    return `${(0,format_number/* formatChange */.eD)(m, c.estimate)} [${bareChange(m, c.lower)}, ${bareChange(m, c.upper)}]`;
}
/** "−1.0 pts": the tolerated drop, as a position on the Δ axis. */
function marginPhrase(c) {
    return (0,format_number/* formatChange */.eD)(measuredOf(c), -c.margin);
}
/** Why a comparison has its status, in a clause. */
function statusPhrase(c, report) {
    const m = measuredOf(c);
    const p = `adjusted p ${(0,format_number/* formatP */.MA)(c.p_adjusted)}`;
    if (c.status === 'regressed')
        return `at most ${(0,format_number/* formatChange */.eD)(m, c.upper)}, beyond the margin ${marginPhrase(c)}; ${p}`;
    if (c.status === 'pass')
        return `at least ${(0,format_number/* formatChange */.eD)(m, c.lower)}, above the margin ${marginPhrase(c)}`;
    return `cannot yet tell whether it is above or beyond the margin ${marginPhrase(c)}; ${eventsPhrase(c, report)}`;
}
/** "about 12,000 more canary events (≈ 25 min at the current rate)", or why more traffic alone will not do. */
function eventsPhrase(c, report) {
    const needed = c.canary_events_needed;
    if (needed === null || !Number.isFinite(needed))
        return 'more traffic alone is unlikely to pass it: the estimate itself is near or beyond the margin';
    const rounded = Number(Math.max(1, Math.ceil(needed)).toPrecision(2));
    const rate = report.stage.elapsed_seconds > 0 ? c.canary.n / report.stage.elapsed_seconds : 0;
    const time = rate > 0 ? ` (≈ ${durationPhrase(needed / rate)} at the current rate)` : '';
    return `about ${(0,format_number/* formatCount */.B4)(rounded)} more canary events${time}`;
}
/** The footer: what Δ is, what the bounds are and at which level, and the method (escaped by `escape`). */
function boundsSentence(report, escape) {
    const s = report.settings;
    return (`Δ = canary − baseline, positive is better; proportions in percentage points (pts). ` +
        `Bounds are anytime-valid at alpha/family = ${formatNumber(s.alpha)}/${(0,format_number/* formatCount */.B4)(s.family)} (Bonferroni over ${plural(s.family, 'gated comparison or abort check', 'gated comparisons and abort checks')}): they hold at every look at once, so looking after every interval does not raise the error rate. ` +
        `p-values are always-valid and multiplied by the family, so a comparison's adjusted p is at most alpha exactly when its upper bound is below the margin. Method: ${escape(s.method)}.`);
}
/** "1 h 30 min", "25 min", "45 s", "2 d 4 h": the largest unit and the next one when it is not zero. */
function durationPhrase(seconds) {
    if (!Number.isFinite(seconds))
        return '–';
    const units = [
        [86_400, 'd'],
        [3_600, 'h'],
        [60, 'min'],
        [1, 's'],
    ];
    let rest = Math.max(0, Math.round(seconds));
    const parts = [];
    for (const [size, name] of units) {
        const n = Math.floor(rest / size);
        rest -= n * size;
        if (n > 0 || parts.length > 0)
            parts.push(`${(0,format_number/* formatCount */.B4)(n)} ${name}`);
    }
    const shown = parts.slice(0, 2);
    if (shown.length === 2 && shown[1]?.startsWith('0 '))
        shown.pop();
    return shown.join(' ') || '0 s';
}
/** "10%", "2.5%" */
function formatPercent(percent) {
    return `${formatNumber(percent)}%`;
}
function plural(n, one, many) {
    return `${(0,format_number/* formatCount */.B4)(n)} ${n === 1 ? one : many}`;
}
function formatNumber(value) {
    return String(Number(value.toPrecision(6)));
}
/** A bound without its unit (the estimate before the brackets carries it); ±∞ for an unbounded side. */
function bareChange(m, value) {
    if (Number.isNaN(value))
        return '–';
    if (!Number.isFinite(value))
        return value > 0 ? '+∞' : '−∞';
    return (0,format_number/* formatChange */.eD)(m, value).replace(/ (pts|ms|s)$/, '');
}

;// CONCATENATED MODULE: ./src/core/canary/canary-deciding.ts


/**
 * What moved the decision: for a roll-back, the regressed comparisons and crossed abort thresholds;
 * for a hold, the undecided comparisons with the canary events each still needs, the abort checks
 * not yet settled and what is left of the stage's hold; for a promotion, nothing beyond the reason.
 * Names are escaped by `escape` (identity for HTML, whose renderer escapes the whole text).
 */
function decidingItems(report, escape) {
    const subject = (c) => `${escape(c.cohort)} · ${escape(c.metric)}`;
    const abort = (a) => ({
        kind: a.status,
        text: `${escape(a.metric)} ${thresholdPhrase(a, report)}: canary ${abortValuePhrase(a, report)} — ${ABORT_STATUS_WORDS[a.status]}`,
    });
    if (report.decision === 'rollback')
        return [
            ...report.comparisons
                .filter((c) => c.status === 'regressed')
                .map((c) => ({
                kind: c.status,
                text: `${subject(c)}: ${valuesPhrase(c)}, Δ ${deltaPhrase(c)}; ${statusPhrase(c, report)}`,
            })),
            ...report.abort_checks.filter((a) => a.status === 'crossed').map(abort),
        ];
    if (report.decision === 'promote')
        return [];
    const left = holdLeft(report);
    return [
        ...report.comparisons
            .filter((c) => c.status === 'undecided')
            .map((c) => ({
            kind: c.status,
            text: `${subject(c)}: Δ ${deltaPhrase(c)} against the margin ${marginPhrase(c)}; ${eventsPhrase(c, report)}`,
        })),
        ...report.abort_checks.filter((a) => a.status === 'undecided' || a.status === 'not-observed').map(abort),
        ...(left === null ? [] : [{ kind: 'hold', text: `${durationPhrase(left)} of the stage's hold left` }]),
    ];
}

// EXTERNAL MODULE: ./src/core/package/svg-axis.ts
var svg_axis = __webpack_require__(29378);
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
        const tip = `look ${(0,format_number/* formatCount */.B4)(i + 1)} (${p.label}): Δ ${deltaPhrase(look)}, canary n ${(0,format_number/* formatCount */.B4)(p.look.canary_n)}`;
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
        ? { x: f.end / 1000, label: `+${durationPhrase(f.end / 1000)}`, look: f.look }
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
    const ordered = comparisonsInOrder(report);
    const body = [
        header(report),
        decidedSection(report),
        comparisonsSection(report, ordered),
        abortSection(report),
        plotsSection(report, ordered),
        findingsSection(report.findings),
        inputsSection(report),
        `<footer>${(0,html_escape/* escapeHtml */.Z)(`${boundsSentence(report, plain)} ${report.schema} · ${report.tool.name} ${report.tool.version}`)}</footer>`,
    ].filter((html) => html !== '');
    return [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        `<title>${(0,html_escape/* escapeHtml */.Z)(`Model release gate canary: ${DECISION_WORD[report.decision]}`)}</title>`,
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
        `<div class="badge ${report.decision}">${(0,html_escape/* escapeHtml */.Z)(DECISION_WORD[report.decision])}</div>`,
        `<div class="headline"><h1>${(0,html_escape/* escapeHtml */.Z)(canaryHeadline(report))}</h1><p class="stage">${(0,html_escape/* escapeHtml */.Z)(`Stage: ${stagePhrase(report, plain)}`)}</p></div>`,
        '</header>',
    ].join('\n');
}
function decidedSection(report) {
    const items = decidingItems(report, plain).map((item) => `<li class="${item.kind}">${(0,html_escape/* escapeHtml */.Z)(`[${item.kind}] ${item.text}`)}</li>`);
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
        valuesPhrase(c),
        { num: deltaPhrase(c) },
        { num: marginPhrase(c) },
        { num: (0,format_number/* formatP */.MA)(c.p_adjusted) },
        `${c.status}: ${statusPhrase(c, report)}`,
    ]));
    return table('comparisons', 'Comparisons at the last look', head, rows);
}
function abortSection(report) {
    if (report.abort_checks.length === 0)
        return '';
    const rows = report.abort_checks.map((a) => row(a.status, [a.metric, thresholdPhrase(a, report), abortValuePhrase(a, report), ABORT_STATUS_WORDS[a.status]]));
    const head = ['metric', 'abort when', 'canary [anytime-valid bounds], n', 'status'];
    return table('aborts', 'Abort checks (manifest rollout.abort_when, canary overall)', head, rows);
}
function plotsSection(report, ordered) {
    const startedMs = Date.parse(report.stage.started);
    const figures = ordered.slice(0, MAX_PLOTS).flatMap((c) => {
        const svg = sequenceSvg(c, report.looks, startedMs);
        if (svg === '')
            return [];
        const caption = `${c.cohort} · ${c.metric} — ${c.status}; at the last look Δ ${deltaPhrase(c)} (running intersection), margin ${marginPhrase(c)}`;
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

// EXTERNAL MODULE: ./src/core/report/render-comment.ts + 1 modules
var render_comment = __webpack_require__(35062);
// EXTERNAL MODULE: ./src/core/report/comment-budget.ts
var comment_budget = __webpack_require__(16873);
// EXTERNAL MODULE: ./src/core/report/escape-markdown.ts
var escape_markdown = __webpack_require__(88637);
// EXTERNAL MODULE: ./src/core/report/render-readiness.ts
var render_readiness = __webpack_require__(70389);
;// CONCATENATED MODULE: ./src/core/canary/canary-markdown-sections.ts






/**
 * The sections of the canary's markdown outputs (report.md, the job summary and the PR comment), in
 * reading order, each row ranked for when the text must shrink: what decided it is kept longest,
 * then regressed and undecided comparisons, the abort checks, findings, and last what passed.
 */
const RANK = {
    decided: 0,
    blocking: 1,
    regressed: 1,
    undecided: 2,
    abort: 3,
    warning: 4,
    pass: 5,
    info: 6,
};
const COMPARISONS = ['cohort metric', 'cohort metrics'];
const HEAD = [
    '| cohort · metric | canary n | baseline → canary | Δ (anytime-valid bounds) | margin | status |',
    '|---|---:|---|---|---|---|',
];
const STATUS_ICON = { regressed: '🔻', undecided: '❔', pass: '✅' };
const ABORT_ICON = {
    crossed: '⛔',
    clear: '✅',
    undecided: '❔',
    'not-observed': '⚪',
};
const FINDING_ICON = { block: '⛔', warn: '⚠️', info: 'ℹ️' };
/**
 * `foldPassing`: passing rows go into a folded table of their own (the PR comment, which a reviewer
 * reads in a minute); otherwise every comparison is in one table.
 */
function canarySections(report, foldPassing) {
    const ordered = comparisonsInOrder(report);
    const passing = ordered.filter((c) => c.status === 'pass');
    const open = foldPassing ? ordered.filter((c) => c.status !== 'pass') : ordered;
    const sections = [
        decided(report),
        {
            open: ['### Comparisons at the last look', ''],
            tableHead: HEAD,
            rows: open.map((c) => comparisonRow(c)),
            close: [''],
        },
    ];
    if (foldPassing)
        sections.push({
            open: [
                `<details><summary>✅ ${plural(passing.length, 'cohort metric passes', 'cohort metrics pass')}</summary>`,
                '',
            ],
            tableHead: HEAD,
            rows: passing.map((c) => comparisonRow(c)),
            close: ['', '</details>', ''],
        });
    sections.push(abortChecks(report), findings(report));
    return sections;
}
function decided(report) {
    const row = (text) => ({ text, rank: RANK.decided, noun: ['reason', 'reasons'] });
    const icon = { ...STATUS_ICON, ...ABORT_ICON, hold: '⏱️' };
    const items = decidingItems(report, (name) => (0,escape_markdown/* escapeName */.L$)(name, 60)).map((item) => `- ${icon[item.kind]} ${item.text}`);
    // The reason heads the list; alone, it is the section's one row (a section without rows is left out).
    const reason = (0,escape_markdown/* escapeMarkdown */.FV)(report.reason, 600);
    return items.length === 0
        ? { open: ['### What decided it', ''], tableHead: [], rows: [row(reason)], close: [''] }
        : { open: ['### What decided it', '', reason, ''], tableHead: [], rows: items.map(row), close: [''] };
}
function comparisonRow(c) {
    const status = c.status === 'regressed'
        ? `🔻 regressed (adjusted p ${(0,format_number/* formatP */.MA)(c.p_adjusted)})`
        : `${STATUS_ICON[c.status]} ${c.status}`;
    return {
        text: `| ${subject(c)} | ${(0,format_number/* formatCount */.B4)(c.canary.n)} | ${valuesPhrase(c)} | ${deltaPhrase(c)} | ${marginPhrase(c)} | ${status} |`,
        rank: RANK[c.status],
        noun: COMPARISONS,
    };
}
function abortChecks(report) {
    return {
        open: ['### Abort checks (canary, overall)', ''],
        tableHead: ['| metric | abort when | canary [anytime-valid bounds] | status |', '|---|---|---|---|'],
        rows: report.abort_checks.map((a) => ({
            text: `| ${(0,escape_markdown/* escapeName */.L$)(a.metric, 60)} | ${thresholdPhrase(a, report)} | ${abortValuePhrase(a, report)} | ${ABORT_ICON[a.status]} ${ABORT_STATUS_WORDS[a.status]} |`,
            rank: a.status === 'crossed' ? RANK.blocking : RANK.abort,
            noun: ['abort check', 'abort checks'],
        })),
        close: [''],
    };
}
function findings(report) {
    const rank = { block: RANK.blocking, warn: RANK.warning, info: RANK.info };
    return {
        open: ['### Findings', ''],
        tableHead: [],
        rows: report.findings.map((f) => {
            const where = (0,render_readiness/* locationOf */.h)(f);
            return {
                text: `- ${FINDING_ICON[f.severity]} ${findingId(f)} ${(0,escape_markdown/* escapeMarkdown */.FV)(f.message, 300)}${where === '' ? '' : ` (${where})`}`,
                rank: rank[f.severity],
                noun: ['finding', 'findings'],
            };
        }),
        close: [''],
    };
}
/** "overall · accuracy", each name escaped for a table cell. */
function subject(c) {
    return `${(0,escape_markdown/* escapeName */.L$)(c.cohort, 60)} · ${(0,escape_markdown/* escapeName */.L$)(c.metric, 40)}`;
}
/** Rule ids are ours, but one that is not a plain id is escaped rather than trusted inside backticks. */
function findingId(f) {
    return /^[a-z0-9._-]+$/i.test(f.id) ? `\`${f.id}\`` : (0,escape_markdown/* escapeName */.L$)(f.id, 40);
}

;// CONCATENATED MODULE: ./src/core/canary/render-canary-markdown.ts





/** GitHub rejects comment bodies over 65,536 characters; the job summary takes 1 MiB (see render-markdown.ts). */
const COMMENT_MAX_LENGTH = 60_000;
const MARKDOWN_MAX_LENGTH = 300_000;
/**
 * report.md and the Action's job summary: the decision with its icon, the stage, what decided it,
 * every comparison at the last look, the abort checks, findings, what the bounds mean and the inputs.
 * Rows that do not fit are counted and pointed to report.json, least important first.
 */
function renderCanaryMarkdown(report) {
    return (0,comment_budget/* fitComment */.p)({
        top: render_canary_markdown_top(report),
        sections: canarySections(report, false),
        bottom: [inputsLine(report), '', footer(report)],
        pointer: 'report.json',
    }, MARKDOWN_MAX_LENGTH);
}
/**
 * The sticky pull-request comment: the hidden marker by which the Action finds it again, then the
 * markdown report's layout with the passing comparisons folded away, so a reviewer reads it in a minute.
 */
function renderCanaryComment(report, options) {
    return (0,comment_budget/* fitComment */.p)({
        top: [(0,render_comment/* commentMarker */.Q)(options.gateId, 'canary'), ...render_canary_markdown_top(report)],
        sections: canarySections(report, true),
        bottom: [footer(report)],
        pointer: 'report.json in the run’s artifact',
    }, COMMENT_MAX_LENGTH);
}
function render_canary_markdown_top(report) {
    return [
        `## ${DECISION_ICON[report.decision]} ${canaryHeadline(report)}`,
        '',
        `**Stage:** ${stagePhrase(report, (text) => (0,escape_markdown/* escapeName */.L$)(text, 40))}`,
        '',
    ];
}
function inputsLine(report) {
    const { observations, manifest, policy } = report.inputs;
    const file = (label, f) => `${label} ${(0,escape_markdown/* escapeName */.L$)(f.path)} (sha256 ${(0,escape_markdown/* escapeName */.L$)(f.sha256.slice(0, 12), 12)})`;
    const files = [file('observations', observations), file('manifest', manifest)];
    files.push(policy === null ? 'default policy' : file('policy', policy));
    return `**Inputs:** ${files.join(' · ')}. Every look's bounds are in report.json.`;
}
function footer(report) {
    const tool = `${(0,escape_markdown/* escapeMarkdown */.FV)(report.tool.name, 60)} ${(0,escape_markdown/* escapeMarkdown */.FV)(report.tool.version, 40)}`;
    return `<sub>${boundsSentence(report, (text) => (0,escape_markdown/* escapeMarkdown */.FV)(text, 200))} ${tool}</sub>`;
}

;// CONCATENATED MODULE: ./src/core/canary/canary-report-files.ts



// The Action also posts the comment: one lazily loaded module (one chunk) holds all it renders.

/** The canary reports by file name: what the CLI writes to --out and the Action writes and uploads. */
function canaryReportFiles(report) {
    return [
        ['canary-report.json', canaryReportJson(report)],
        ['canary-report.md', renderCanaryMarkdown(report)],
        ['canary-report.html', renderCanaryHtml(report)],
    ];
}


/***/ })

};
