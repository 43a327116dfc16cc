export const id = 132;
export const ids = [132,62];
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

/***/ 3132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderCanaryComment: () => (/* binding */ renderCanaryComment),
  renderCanaryMarkdown: () => (/* binding */ renderCanaryMarkdown)
});

// EXTERNAL MODULE: ./src/core/report/render-comment.ts + 1 modules
var render_comment = __webpack_require__(5062);
// EXTERNAL MODULE: ./src/core/report/comment-budget.ts
var comment_budget = __webpack_require__(6873);
// EXTERNAL MODULE: ./src/core/report/escape-markdown.ts
var escape_markdown = __webpack_require__(8637);
// EXTERNAL MODULE: ./src/core/canary/canary-phrases.ts
var canary_phrases = __webpack_require__(1649);
// EXTERNAL MODULE: ./src/core/format-number.ts
var format_number = __webpack_require__(8072);
// EXTERNAL MODULE: ./src/core/report/render-readiness.ts
var render_readiness = __webpack_require__(389);
// EXTERNAL MODULE: ./src/core/canary/canary-abort-phrases.ts
var canary_abort_phrases = __webpack_require__(6402);
// EXTERNAL MODULE: ./src/core/canary/canary-deciding.ts
var canary_deciding = __webpack_require__(4316);
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
    const ordered = (0,canary_phrases/* comparisonsInOrder */.Qu)(report);
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
                `<details><summary>✅ ${(0,canary_phrases/* plural */.LS)(passing.length, 'cohort metric passes', 'cohort metrics pass')}</summary>`,
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
    const items = (0,canary_deciding/* decidingItems */.U)(report, (name) => (0,escape_markdown/* escapeName */.L$)(name, 60)).map((item) => `- ${icon[item.kind]} ${item.text}`);
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
        text: `| ${subject(c)} | ${(0,format_number/* formatCount */.B4)(c.canary.n)} | ${(0,canary_phrases/* valuesPhrase */.O$)(c)} | ${(0,canary_phrases/* deltaPhrase */.sZ)(c)} | ${(0,canary_phrases/* marginPhrase */.sW)(c)} | ${status} |`,
        rank: RANK[c.status],
        noun: COMPARISONS,
    };
}
function abortChecks(report) {
    return {
        open: ['### Abort checks (canary, overall)', ''],
        tableHead: ['| metric | abort when | canary [anytime-valid bounds] | status |', '|---|---|---|---|'],
        rows: report.abort_checks.map((a) => ({
            text: `| ${(0,escape_markdown/* escapeName */.L$)(a.metric, 60)} | ${(0,canary_abort_phrases/* thresholdPhrase */.vN)(a, report)} | ${(0,canary_abort_phrases/* abortValuePhrase */.rS)(a, report)} | ${ABORT_ICON[a.status]} ${canary_abort_phrases/* ABORT_STATUS_WORDS */.Sf[a.status]} |`,
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
        `## ${canary_phrases/* DECISION_ICON */.Tl[report.decision]} ${(0,canary_phrases/* canaryHeadline */.H1)(report)}`,
        '',
        `**Stage:** ${(0,canary_phrases/* stagePhrase */.qq)(report, (text) => (0,escape_markdown/* escapeName */.L$)(text, 40))}`,
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
    return `<sub>${(0,canary_phrases/* boundsSentence */.jX)(report, (text) => (0,escape_markdown/* escapeMarkdown */.FV)(text, 200))} ${tool}</sub>`;
}


/***/ }),

/***/ 5062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ commentMarker),
  renderPullRequestComment: () => (/* binding */ renderPullRequestComment)
});

// EXTERNAL MODULE: ./src/core/report/comment-budget.ts
var comment_budget = __webpack_require__(6873);
// EXTERNAL MODULE: ./src/core/report/comment-classify.ts
var comment_classify = __webpack_require__(9830);
// EXTERNAL MODULE: ./src/core/report/comment-header.ts
var comment_header = __webpack_require__(7425);
// EXTERNAL MODULE: ./src/core/report/comment-sections.ts
var comment_sections = __webpack_require__(5412);
// EXTERNAL MODULE: ./src/core/report/escape-markdown.ts
var escape_markdown = __webpack_require__(8637);
// EXTERNAL MODULE: ./src/core/format-number.ts
var format_number = __webpack_require__(8072);
// EXTERNAL MODULE: ./src/core/report/traffic-phrases.ts
var traffic_phrases = __webpack_require__(2728);
;// CONCATENATED MODULE: ./src/core/report/traffic-comment-section.ts




/**
 * The pull-request comment's "Does the eval look like production?": one table row per dimension,
 * read in a minute. The cohorts that need a look (absent, thin, then the largest PSI terms) with
 * their eval and production shares, the PSI, and for each gated metric the traffic-weighted result
 * beside the eval-mix overall. report.md has the full tables.
 */
/** Cohorts named per dimension; the rest are counted. */
const COHORTS_SHOWN = 3;
/** Dimensions the traffic file lacks, named in the closing line; the rest are counted. */
const DIMENSIONS_NAMED = 5;
const STATE_ICON = { absent: '⛔ ', thin: '⚠️ ' };
function trafficCommentSections(report) {
    const traffic = report.traffic;
    if (traffic === null)
        return [];
    return [
        {
            open: [
                `### ${traffic_phrases/* TRAFFIC_HEADING */.Bd}`,
                '',
                `Production's mix from ${(0,escape_markdown/* escapeName */.L$)(traffic.file.path, 80)}, ${(0,traffic_phrases/* windowPhrase */._s)(traffic)}. Shares: eval vs production; Δ: on production's mix vs on the eval's (overall).`,
                '',
            ],
            tableHead: [
                "| dimension | eval vs production share | PSI | on production's mix vs the eval's |",
                '|---|---|---:|---|',
            ],
            rows: traffic.dimensions.map((d) => ({
                text: `| ${(0,escape_markdown/* escapeName */.L$)(d.dimension, 40)} | ${sharesCell(d)} | ${d.mix_shift ? '⚠️ ' : ''}${(0,traffic_phrases/* psiPhrase */.Ob)(d.psi)} | ${weightedCell(d, report)} |`,
                rank: comment_sections/* RANK */.V.traffic,
                noun: ['traffic dimension', 'traffic dimensions'],
            })),
            close: ['', ...notInTraffic(traffic)],
        },
    ];
}
/** "⛔ region:mena 0.0% vs 3.2% · ⚠️ region:eu 24.8% vs 44.2% · … 3 more" */
function sharesCell(d) {
    const rows = (0,traffic_phrases/* rowsWorstFirst */.JV)(d);
    const shown = rows
        .slice(0, COHORTS_SHOWN)
        .map((row) => `${STATE_ICON[row.state] ?? ''}${(0,escape_markdown/* escapeName */.L$)(row.cohort, 50)} ${row.state === 'unknown-share' ? `n=${(0,format_number/* formatCount */.B4)(row.eval_n)}, share unknown` : `${(0,traffic_phrases/* sharePhrase */.D7)(row.eval_share)} vs ${(0,traffic_phrases/* sharePhrase */.D7)(row.production_share)}`}`);
    const more = rows.length - shown.length;
    return [...shown, ...(more > 0 ? [`… ${more} more`] : [])].join(' · ');
}
/**
 * "accuracy ✅ pass +1.7 pts (≥ +1.4 pts) vs ✅ pass +1.9 pts (≥ +1.6 pts) · latency_ms not weighted (…)".
 */
function weightedCell(d, report) {
    const results = (0,traffic_phrases/* weightedResults */.EA)(d, report.comparisons);
    if (results.length === 0)
        return '–';
    const made = results
        .filter((r) => r.reason === null)
        .map((r) => `${(0,escape_markdown/* escapeName */.L$)(r.metric, 40)} ${(0,traffic_phrases/* resultPhrase */.BO)(r.weighted)} vs ${(0,traffic_phrases/* resultPhrase */.BO)(r.overall)}`);
    const why = (0,traffic_phrases/* notWeightedGroups */.zS)(results).map(({ metrics, reason }) => `${metrics.map((m) => (0,escape_markdown/* escapeName */.L$)(m, 40)).join(', ')} not weighted (${(0,escape_markdown/* escapeMarkdown */.FV)(reason, 90)})`);
    return [...made, ...why].join(' · ');
}
function notInTraffic(traffic) {
    const names = traffic.dimensions_not_in_traffic;
    if (names.length === 0)
        return [];
    const named = names.slice(0, DIMENSIONS_NAMED).map((n) => (0,escape_markdown/* escapeName */.L$)(n, 40));
    const more = names.length - named.length;
    return [
        `Not in the traffic file, so their mix is not checked: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
        '',
    ];
}

;// CONCATENATED MODULE: ./src/core/report/render-comment.ts






const DEFAULT_MAX_LENGTH = 60_000;
/**
 * The hidden first line by which the Action finds its own comment to update. Only [A-Za-z0-9._-]
 * survive, so an id can neither end the HTML comment nor differ from the one used to search. The
 * canary gate's marker differs from `check`'s, so the two comments never replace each other.
 */
function commentMarker(gateId, gate = 'check') {
    const safeId = gateId.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 100);
    return `<!-- model-release-gate${gate === 'canary' ? '-canary' : ''}:${safeId === '' ? 'default' : safeId} -->`;
}
/**
 * The sticky pull-request comment: the verdict line, the models, the counts, then the sections every
 * markdown output shares (what blocks, what the data cannot tell, what was accepted and by whom, the
 * readiness checklist, other warnings, everything that passed, folded). Pure: the same report and
 * run give the same text.
 */
function renderPullRequestComment(report, run, options) {
    const content = (0,comment_classify/* classifyReport */.fv)(report);
    const top = [
        commentMarker(options.gateId),
        ...(0,comment_header/* headerLines */.Hq)(report, content, (0,comment_header/* contextLine */.q3)(report, run)),
        ...(0,comment_header/* policyChangeNote */.J1)(run),
    ];
    const pointer = `the ${(0,escape_markdown/* markdownLink */.iQ)('validation package', run.links.artifact) ?? (0,escape_markdown/* markdownLink */.iQ)('full report', run.links.report) ?? 'validation package'}`;
    return (0,comment_budget/* fitComment */.p)({
        top,
        sections: (0,comment_sections/* commentSections */.s)(report, content, trafficCommentSections(report)),
        bottom: [(0,comment_header/* footerLine */.GO)(report)],
        pointer,
    }, options.maxLength ?? DEFAULT_MAX_LENGTH);
}


/***/ })

};
