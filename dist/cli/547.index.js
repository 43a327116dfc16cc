export const id = 547;
export const ids = [547];
export const modules = {

/***/ 6402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sf: () => (/* binding */ ABORT_STATUS_WORDS),
/* harmony export */   rS: () => (/* binding */ abortValuePhrase),
/* harmony export */   vN: () => (/* binding */ thresholdPhrase)
/* harmony export */ });
/* harmony import */ var _format_number_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8072);

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
        a.below === null ? '' : `below ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMeasure */ .os)(m, a.below)}`,
        a.above === null ? '' : `above ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMeasure */ .os)(m, a.above)}`,
    ].filter((s) => s !== '');
    return parts.join(' or ') || 'no threshold';
}
/** "83.1% [82.0%, 84.2%], n=5,800", or that the observations do not give the metric. */
function abortValuePhrase(a, report) {
    if (a.canary === null)
        return 'not in the observations';
    const m = abortMeasured(a, report);
    const bound = (v) => (v === null ? '–' : (0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMeasure */ .os)(m, v));
    return `${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMeasure */ .os)(m, a.canary.value)} [${bound(a.lower)}, ${bound(a.upper)}], n=${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(a.canary.n)}`;
}
const ABORT_STATUS_WORDS = {
    crossed: 'crossed with confidence',
    clear: 'clear with confidence',
    undecided: 'undecided',
    'not-observed': 'not observed',
};


/***/ }),

/***/ 4316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ decidingItems)
/* harmony export */ });
/* harmony import */ var _canary_abort_phrases_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6402);
/* harmony import */ var _canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1649);


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
        text: `${escape(a.metric)} ${(0,_canary_abort_phrases_js__WEBPACK_IMPORTED_MODULE_0__/* .thresholdPhrase */ .vN)(a, report)}: canary ${(0,_canary_abort_phrases_js__WEBPACK_IMPORTED_MODULE_0__/* .abortValuePhrase */ .rS)(a, report)} — ${_canary_abort_phrases_js__WEBPACK_IMPORTED_MODULE_0__/* .ABORT_STATUS_WORDS */ .Sf[a.status]}`,
    });
    if (report.decision === 'rollback')
        return [
            ...report.comparisons
                .filter((c) => c.status === 'regressed')
                .map((c) => ({
                kind: c.status,
                text: `${subject(c)}: ${(0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .valuesPhrase */ .O$)(c)}, Δ ${(0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .deltaPhrase */ .sZ)(c)}; ${(0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .statusPhrase */ .Em)(c, report)}`,
            })),
            ...report.abort_checks.filter((a) => a.status === 'crossed').map(abort),
        ];
    if (report.decision === 'promote')
        return [];
    const left = (0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .holdLeft */ .de)(report);
    return [
        ...report.comparisons
            .filter((c) => c.status === 'undecided')
            .map((c) => ({
            kind: c.status,
            text: `${subject(c)}: Δ ${(0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .deltaPhrase */ .sZ)(c)} against the margin ${(0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .marginPhrase */ .sW)(c)}; ${(0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .eventsPhrase */ .d8)(c, report)}`,
        })),
        ...report.abort_checks.filter((a) => a.status === 'undecided' || a.status === 'not-observed').map(abort),
        ...(left === null ? [] : [{ kind: 'hold', text: `${(0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .durationPhrase */ .Wq)(left)} of the stage's hold left` }]),
    ];
}


/***/ }),

/***/ 1649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Em: () => (/* binding */ statusPhrase),
/* harmony export */   H1: () => (/* binding */ canaryHeadline),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   O$: () => (/* binding */ valuesPhrase),
/* harmony export */   Qu: () => (/* binding */ comparisonsInOrder),
/* harmony export */   Tl: () => (/* binding */ DECISION_ICON),
/* harmony export */   Wq: () => (/* binding */ durationPhrase),
/* harmony export */   d8: () => (/* binding */ eventsPhrase),
/* harmony export */   de: () => (/* binding */ holdLeft),
/* harmony export */   jX: () => (/* binding */ boundsSentence),
/* harmony export */   qq: () => (/* binding */ stagePhrase),
/* harmony export */   sW: () => (/* binding */ marginPhrase),
/* harmony export */   sZ: () => (/* binding */ deltaPhrase),
/* harmony export */   uy: () => (/* binding */ DECISION_WORD)
/* harmony export */ });
/* harmony import */ var _format_number_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8072);

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
    return `${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMeasure */ .os)(m, c.baseline.value)} → ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMeasure */ .os)(m, c.canary.value)}`;
}
/** "−2.4 pts [−3.2, −1.6]": the estimate and its anytime-valid bounds. */
function deltaPhrase(c) {
    const m = measuredOf(c);
    return `${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(m, c.estimate)} [${bareChange(m, c.lower)}, ${bareChange(m, c.upper)}]`;
}
/** "−1.0 pts": the tolerated drop, as a position on the Δ axis. */
function marginPhrase(c) {
    return (0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(measuredOf(c), -c.margin);
}
/** Why a comparison has its status, in a clause. */
function statusPhrase(c, report) {
    const m = measuredOf(c);
    const p = `adjusted p ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatP */ .MA)(c.p_adjusted)}`;
    if (c.status === 'regressed')
        return `at most ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(m, c.upper)}, beyond the margin ${marginPhrase(c)}; ${p}`;
    if (c.status === 'pass')
        return `at least ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(m, c.lower)}, above the margin ${marginPhrase(c)}`;
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
    return `about ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(rounded)} more canary events${time}`;
}
/** The footer: what Δ is, what the bounds are and at which level, and the method (escaped by `escape`). */
function boundsSentence(report, escape) {
    const s = report.settings;
    return (`Δ = canary − baseline, positive is better; proportions in percentage points (pts). ` +
        `Bounds are anytime-valid at alpha/family = ${formatNumber(s.alpha)}/${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(s.family)} (Bonferroni over ${plural(s.family, 'gated comparison or abort check', 'gated comparisons and abort checks')}): they hold at every look at once, so looking after every interval does not raise the error rate. ` +
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
            parts.push(`${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(n)} ${name}`);
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
    return `${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(n)} ${n === 1 ? one : many}`;
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
    return (0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(m, value).replace(/ (pts|ms|s)$/, '');
}


/***/ }),

/***/ 6547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderCanaryText: () => (/* binding */ renderCanaryText)
/* harmony export */ });
/* harmony import */ var _escape_output_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7648);
/* harmony import */ var _canary_abort_phrases_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6402);
/* harmony import */ var _canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1649);
/* harmony import */ var _canary_deciding_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4316);
/* harmony import */ var _format_number_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8072);





/**
 * The canary report as plain text for terminals and CI logs, in the layout of the markdown outputs:
 * the decision line, the stage, what decided it, one line per comparison, the abort checks, the
 * findings and a footer on what the bounds mean. Every input string goes through escapeOutput, so a
 * name stays one inert line: no line of the output can start with a workflow command.
 */
function renderCanaryText(report) {
    const lines = [(0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .canaryHeadline */ .H1)(report), `Stage: ${(0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .stagePhrase */ .qq)(report, _escape_output_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeOutput */ .PM)}`];
    const section = (title, rows) => {
        if (rows.length > 0)
            lines.push('', `${title}:`, ...rows.map((row) => `  ${row}`));
    };
    section('What decided it', [
        (0,_escape_output_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeOutput */ .PM)(report.reason),
        ...(0,_canary_deciding_js__WEBPACK_IMPORTED_MODULE_2__/* .decidingItems */ .U)(report, _escape_output_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeOutput */ .PM).map((item) => `[${item.kind}] ${item.text}`),
    ]);
    section('Comparisons (at the last look)', (0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .comparisonsInOrder */ .Qu)(report).map((c) => comparisonRow(c, report)));
    section('Abort checks (manifest rollout.abort_when, canary overall)', report.abort_checks.map((a) => abortRow(a, report)));
    section('Findings', report.findings.map(findingRow));
    lines.push('', (0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .boundsSentence */ .jX)(report, _escape_output_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeOutput */ .PM), inputsLine(report));
    return `${lines.join('\n')}\n`;
}
/** "[regressed] overall · accuracy (canary n=5,800): 92.5% → 90.1%, Δ −2.4 pts [−3.2, −1.6]; at most …" */
function comparisonRow(c, report) {
    return `[${c.status}] ${subject(c)} (canary n=${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_4__/* .formatCount */ .B4)(c.canary.n)}): ${(0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .valuesPhrase */ .O$)(c)}, Δ ${(0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .deltaPhrase */ .sZ)(c)}; ${(0,_canary_phrases_js__WEBPACK_IMPORTED_MODULE_1__/* .statusPhrase */ .Em)(c, report)}`;
}
function subject(c) {
    return `${(0,_escape_output_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeOutput */ .PM)(c.cohort)} · ${(0,_escape_output_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeOutput */ .PM)(c.metric)}`;
}
/** "[crossed] error_rate above 0.0500: canary 0.0710 [0.0620, 0.0800], n=5,800 — crossed with confidence" */
function abortRow(a, report) {
    return `[${a.status}] ${(0,_escape_output_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeOutput */ .PM)(a.metric)} ${(0,_canary_abort_phrases_js__WEBPACK_IMPORTED_MODULE_0__/* .thresholdPhrase */ .vN)(a, report)}: canary ${(0,_canary_abort_phrases_js__WEBPACK_IMPORTED_MODULE_0__/* .abortValuePhrase */ .rS)(a, report)} — ${_canary_abort_phrases_js__WEBPACK_IMPORTED_MODULE_0__/* .ABORT_STATUS_WORDS */ .Sf[a.status]}`;
}
function findingRow(f) {
    const where = f.file === undefined ? '' : ` (${(0,_escape_output_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeOutput */ .PM)(f.file)}${f.line === undefined ? '' : `:${f.line}`})`;
    return `[${f.severity}] ${(0,_escape_output_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeOutput */ .PM)(f.id)}: ${(0,_escape_output_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeOutput */ .PM)(f.message)}${where}`;
}
function inputsLine(report) {
    const { observations, manifest, policy } = report.inputs;
    const file = (label, f) => `${label} ${(0,_escape_output_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeOutput */ .PM)(f.path)} (sha256 ${(0,_escape_output_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeOutput */ .PM)(f.sha256.slice(0, 12))})`;
    return `Inputs: ${[
        file('observations', observations),
        file('manifest', manifest),
        policy === null ? 'default policy' : file('policy', policy),
    ].join(', ')}. Every look's bounds are in report.json.`;
}


/***/ })

};
