export const id = 108;
export const ids = [108];
export const modules = {

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
