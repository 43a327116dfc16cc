export const id = 824;
export const ids = [824];
export const modules = {

/***/ 8824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderPullRequestComment: () => (/* binding */ renderPullRequestComment)
/* harmony export */ });
/* unused harmony export commentMarker */
/* harmony import */ var _comment_budget_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6873);
/* harmony import */ var _comment_classify_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9830);
/* harmony import */ var _comment_header_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7425);
/* harmony import */ var _comment_sections_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(743);
/* harmony import */ var _escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8637);





const DEFAULT_MAX_LENGTH = 60_000;
/**
 * The hidden first line by which the Action finds its own comment to update. Only [A-Za-z0-9._-]
 * survive, so an id can neither end the HTML comment nor differ from the one used to search.
 */
function commentMarker(gateId) {
    const safeId = gateId.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 100);
    return `<!-- model-release-gate:${safeId === '' ? 'default' : safeId} -->`;
}
/**
 * The sticky pull-request comment: the verdict line, the models, the counts, then the sections every
 * markdown output shares (what blocks, what the data cannot tell, what was accepted and by whom, the
 * readiness checklist, other warnings, everything that passed, folded). Pure: the same report and
 * run give the same text.
 */
function renderPullRequestComment(report, run, options) {
    const content = (0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyReport */ .fv)(report);
    const top = [
        commentMarker(options.gateId),
        ...(0,_comment_header_js__WEBPACK_IMPORTED_MODULE_1__/* .headerLines */ .Hq)(report, content, (0,_comment_header_js__WEBPACK_IMPORTED_MODULE_1__/* .contextLine */ .q3)(report, run)),
        ...(0,_comment_header_js__WEBPACK_IMPORTED_MODULE_1__/* .policyChangeNote */ .J1)(run),
    ];
    const pointer = `the ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownLink */ .iQ)('validation package', run.links.artifact) ?? (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownLink */ .iQ)('full report', run.links.report) ?? 'validation package'}`;
    return (0,_comment_budget_js__WEBPACK_IMPORTED_MODULE_4__/* .fitComment */ .p)({ top, sections: (0,_comment_sections_js__WEBPACK_IMPORTED_MODULE_2__/* .commentSections */ .s)(report, content), bottom: [(0,_comment_header_js__WEBPACK_IMPORTED_MODULE_1__/* .footerLine */ .GO)(report)], pointer }, options.maxLength ?? DEFAULT_MAX_LENGTH);
}


/***/ })

};
