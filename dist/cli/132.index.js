export const id = 132;
export const ids = [132];
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
        top: [canaryCommentMarker(options.gateId), ...render_canary_markdown_top(report)],
        sections: canarySections(report, true),
        bottom: [footer(report)],
        pointer: 'report.json in the run’s artifact',
    }, COMMENT_MAX_LENGTH);
}
/**
 * Only [A-Za-z0-9._-] survive, so an id can neither end the HTML comment nor differ from the one
 * used to search; the canary's marker differs from `check`'s, so the two comments never replace each other.
 */
function canaryCommentMarker(gateId) {
    const safeId = gateId.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 100);
    return `<!-- model-release-gate-canary:${safeId === '' ? 'default' : safeId} -->`;
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

/***/ 6873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ fitComment)
/* harmony export */ });
/* harmony import */ var _format_number_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8072);

/** The body, at most maxLength UTF-16 code units (what GitHub counts), ending in a newline. */
function fitComment(layout, maxLength) {
    const sections = layout.sections.filter((s) => s.rows.length > 0);
    const everything = sections.map((s) => s.rows.map(() => true));
    const full = assemble(layout, sections, everything);
    if (full.length <= maxLength)
        return full;
    // What is always there once anything is dropped: every section's frame with a worst-case count line.
    let used = cost(layout.top) + cost(layout.bottom);
    for (const s of sections)
        used += cost(s.open) + cost(s.close) + cost(moreLines(s.rows, layout.pointer));
    const shown = sections.map((s) => s.rows.map(() => false));
    const started = sections.map(() => false);
    const order = sections
        .flatMap((s, si) => s.rows.map((row, ri) => ({ si, ri, rank: row.rank })))
        .sort((a, b) => a.rank - b.rank || a.si - b.si || a.ri - b.ri);
    // Strictly by importance: once a row does not fit, nothing less important is shown either.
    for (const { si, ri } of order) {
        const section = sections[si];
        const row = section?.rows[ri];
        const flags = shown[si];
        if (section === undefined || row === undefined || flags === undefined)
            continue;
        const extra = row.text.length + 1 + (started[si] === true ? 0 : cost(section.tableHead));
        if (used + extra > maxLength)
            break;
        used += extra;
        flags[ri] = true;
        started[si] = true;
    }
    const body = assemble(layout, sections, shown);
    return body.length <= maxLength ? body : minimal(layout, maxLength);
}
function assemble(layout, sections, shown) {
    const lines = [...layout.top];
    sections.forEach((section, si) => {
        const flags = shown[si] ?? [];
        const kept = section.rows.filter((_, ri) => flags[ri] === true);
        const left = section.rows.filter((_, ri) => flags[ri] !== true);
        lines.push(...section.open);
        if (kept.length > 0)
            lines.push(...section.tableHead, ...kept.map((r) => r.text));
        if (left.length > 0)
            lines.push(...moreLines(left, layout.pointer));
        lines.push(...section.close);
    });
    lines.push(...layout.bottom);
    return `${lines.join('\n')}\n`;
}
/** "… and 9,812 more cohort metrics: see the validation package", after a blank line so it cannot join a table. */
function moreLines(left, pointer) {
    const counts = new Map();
    for (const row of left) {
        const entry = counts.get(row.noun[0]) ?? { n: 0, noun: row.noun };
        entry.n += 1;
        counts.set(row.noun[0], entry);
    }
    const parts = [...counts.values()].map(({ n, noun }) => `${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(n)} more ${n === 1 ? noun[0] : noun[1]}`);
    return ['', `… and ${parts.join(', ')}: see ${pointer}`];
}
/** The last resort when even the frame does not fit: the verdict and the pointer. */
function minimal(layout, maxLength) {
    const lines = [...layout.top.slice(0, 2), '', `The full comment is too long to show here: see ${layout.pointer}.`];
    const body = `${lines.join('\n')}\n`;
    return body.length <= maxLength ? body : `${lines.slice(0, 2).join('\n')}\n`;
}
/** Characters the lines take once joined, each with its newline. */
function cost(lines) {
    return lines.reduce((sum, line) => sum + line.length + 1, 0);
}


/***/ }),

/***/ 8637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   L$: () => (/* binding */ escapeName),
/* harmony export */   iQ: () => (/* binding */ markdownLink)
/* harmony export */ });
/**
 * Makes a string from an input file safe inside GitHub markdown (table cells included) and HTML:
 * no markup, no links, no table breaks, no @-mention pings, no #123 cross-references.
 *
 * GitHub's markdown also turns bare text into links (GFM autolinks): `www.` names, any `scheme://`,
 * and anything shaped like an e-mail address (also after `mailto:` or `xmpp:`). A zero-width space
 * (as an entity, so it survives any re-encoding) after `www`, after the scheme's colon and after `@`
 * makes each of them plain text while it still reads the same.
 */
function escapeMarkdown(text, maxLength = 120) {
    // Control characters and bidirectional overrides could hide or reorder what a reviewer reads.
    const flat = text
        .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
        // eslint-disable-next-line no-control-regex -- matching control characters is the point
        .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
    const capped = [...flat].length > maxLength ? `${[...flat].slice(0, maxLength - 1).join('')}…` : flat;
    return capped
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/[\\`*_~|[\]()!#]/g, (char) => `\\${char}`)
        .replace(/@/g, '@&#8203;')
        .replace(/(\\#)(\d)/g, '$1&#8203;$2')
        .replace(/:\/\//g, ':&#8203;//')
        .replace(/(www)\./gi, '$1&#8203;.');
}
/** A name shown as code-like text in a table cell. */
function escapeName(text, maxLength = 80) {
    return escapeMarkdown(text, maxLength);
}
/**
 * A link to a URL the platform gave (run, artifact), or null when it is not a plain https URL: a
 * URL with spaces, parentheses or angle brackets could end the link early and inject markup.
 */
function markdownLink(label, url) {
    if (url === null || !/^https:\/\/[^\s()<>[\]"'`\\]+$/.test(url))
        return null;
    return `[${escapeMarkdown(label)}](${url})`;
}


/***/ }),

/***/ 389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ locationOf)
/* harmony export */ });
/* harmony import */ var _escape_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8637);

/** Where a finding points: "release-manifest.yml line 24". */
function locationOf(finding) {
    if (finding.file === undefined)
        return '';
    return `${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeName */ .L$)(finding.file)}${finding.line === undefined ? '' : ` line ${finding.line}`}`;
}


/***/ })

};
