export const id = 108;
export const ids = [108];
export const modules = {

/***/ 9108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderMarkdown: () => (/* binding */ renderMarkdown)
/* harmony export */ });
/* harmony import */ var _comment_budget_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6873);
/* harmony import */ var _comment_classify_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9830);
/* harmony import */ var _comment_header_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7425);
/* harmony import */ var _comment_sections_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(743);




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
    return (0,_comment_budget_js__WEBPACK_IMPORTED_MODULE_3__/* .fitComment */ .p)({ top, sections: (0,_comment_sections_js__WEBPACK_IMPORTED_MODULE_2__/* .commentSections */ .s)(report, content), bottom: [(0,_comment_header_js__WEBPACK_IMPORTED_MODULE_1__/* .footerLine */ .GO)(report)], pointer: 'report.json' }, maxLength);
}


/***/ })

};
