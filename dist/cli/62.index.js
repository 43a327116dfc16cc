export const id = 62;
export const ids = [62];
export const modules = {

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
