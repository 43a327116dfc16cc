export const id = 766;
export const ids = [766];
export const modules = {

/***/ 9830:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Au: () => (/* binding */ isDataFinding),
/* harmony export */   B2: () => (/* binding */ cohortPhrase),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   fv: () => (/* binding */ classifyReport)
/* harmony export */ });
/* harmony import */ var _findings_finding_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3699);
/* harmony import */ var _format_number_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8072);


/** Findings that restate a comparison: the comparison tables show them. */
const COMPARISON_FINDINGS = new Set(['cohort.regressed', 'cohort.inconclusive', 'cohort.missing']);
/** Findings about the eval data rather than the release manifest. */
const DATA_FINDING_PREFIXES = ['cohort.', 'ids.', 'metric.'];
function classifyReport(report) {
    const byComparison = new Map();
    for (const f of report.findings) {
        if (COMPARISON_FINDINGS.has(f.id) && f.cohort !== undefined)
            byComparison.set(keyOf(f.id, f.cohort, f.metric ?? ''), f);
    }
    const findingOf = (c, id) => byComparison.get(keyOf(id, c.cohort, c.metric));
    // A comparison without its finding (a report assembled by hand) counts by its status alone, so it is never hidden.
    const counts = (c, id) => {
        const finding = findingOf(c, id);
        return finding === undefined || (0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .isActive */ .$)(finding);
    };
    // The finding's severity decides (missing_cohort: block makes a lost cohort block although not required).
    const severe = (c, id, otherwise) => {
        const finding = findingOf(c, id);
        return finding === undefined ? otherwise : (0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .isActive */ .$)(finding) && finding.severity === 'block';
    };
    const blocks = (c) => (c.status === 'regressed' && counts(c, 'cohort.regressed')) ||
        (c.status === 'missing' && severe(c, 'cohort.missing', c.required)) ||
        (c.status === 'inconclusive' && severe(c, 'cohort.inconclusive', c.inconclusive_setting === 'block'));
    const active = report.findings.filter(_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .isActive */ .$);
    return {
        blockingComparisons: report.comparisons.filter(blocks).sort(bySeverity),
        blockingFindings: active.filter((f) => f.severity === 'block' && !COMPARISON_FINDINGS.has(f.id)),
        inconclusive: report.comparisons.filter((c) => c.status === 'inconclusive' && !blocks(c) && counts(c, 'cohort.inconclusive')),
        waived: report.findings.filter((f) => !(0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .isActive */ .$)(f)),
        waiverProblems: active.filter((f) => f.id.startsWith('waiver.') && f.severity !== 'block'),
        warnings: active.filter((f) => f.severity === 'warn' &&
            f.id !== 'cohort.regressed' &&
            f.id !== 'cohort.inconclusive' &&
            !f.id.startsWith('waiver.')),
        notes: active.filter((f) => f.severity === 'info' && !f.id.startsWith('waiver.')),
        notCompared: report.comparisons.filter((c) => c.status === 'missing' && !blocks(c) && findingOf(c, 'cohort.missing') === undefined),
        passing: report.comparisons.filter((c) => c.status === 'pass'),
    };
}
function isDataFinding(finding) {
    return DATA_FINDING_PREFIXES.some((prefix) => finding.id.startsWith(prefix));
}
/** "1 cohort", "2 cohorts", or "3 cohort metrics in 2 cohorts" when some cohort appears with several metrics. */
function cohortPhrase(rows) {
    const cohorts = new Set(rows.map((c) => c.cohort)).size;
    const plain = plural(cohorts, 'cohort', 'cohorts');
    return rows.length === cohorts ? plain : `${plural(rows.length, 'cohort metric', 'cohort metrics')} in ${plain}`;
}
function plural(n, one, many) {
    return `${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(n)} ${n === 1 ? one : many}`;
}
/** Regressions first, furthest past their margin first; then required cohorts missing; then blocking inconclusive ones. */
function bySeverity(a, b) {
    const order = (c) => (c.status === 'regressed' ? 0 : c.status === 'missing' ? 1 : 2);
    return order(a) - order(b) || shortfall(a) - shortfall(b);
}
/** How far the best case lies past the margin, in margins (more negative is worse); 0 when it cannot be told. */
function shortfall(c) {
    if (c.status !== 'regressed')
        return 0;
    const bound = c.ci_high !== null && Number.isFinite(c.ci_high) ? c.ci_high : c.delta;
    if (bound === null || c.margin === null || c.margin <= 0)
        return 0;
    return (bound + c.margin) / c.margin;
}
function keyOf(id, cohort, metric) {
    return `${id}\u0000${cohort}\u0000${metric}`;
}


/***/ }),

/***/ 2314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $d: () => (/* binding */ sizeOf),
/* harmony export */   AE: () => (/* binding */ correctionName),
/* harmony export */   AV: () => (/* binding */ methodsUsed),
/* harmony export */   O$: () => (/* binding */ valuesPhrase),
/* harmony export */   X2: () => (/* binding */ adjustedLabel),
/* harmony export */   _V: () => (/* binding */ missingPhrase),
/* harmony export */   fZ: () => (/* binding */ regressionPhrase),
/* harmony export */   i2: () => (/* binding */ confidenceOf),
/* harmony export */   mU: () => (/* binding */ inconclusivePhrase),
/* harmony export */   rD: () => (/* binding */ passPhrase),
/* harmony export */   rl: () => (/* binding */ sizePhrase),
/* harmony export */   sW: () => (/* binding */ marginPhrase),
/* harmony export */   yf: () => (/* binding */ isThinData)
/* harmony export */ });
/* harmony import */ var _format_number_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8072);

/**
 * What one comparison says, in the words every output uses (comment, summary, report.md, text,
 * report.html). The phrases hold numbers only; names from the inputs are added by each renderer,
 * escaped its own way.
 */
/**
 * The data is thin when the smallest detectable drop (MDE) is more than twice the margin, or when no
 * drop at all is detectable: then "too small to tell" is the honest summary. Below that the eval
 * could see a drop of about the margin's size, and an inconclusive row is one whose interval is
 * narrow but straddles the margin: it gets the observed change and what cannot be ruled out instead.
 */
const THIN_DATA_MDE_MARGINS = 2;
function isThinData(c) {
    if (c.mde === null || !Number.isFinite(c.mde))
        return true;
    const margin = c.margin ?? 0;
    return c.mde > THIN_DATA_MDE_MARGINS * margin;
}
/** "92.5% → 77.2%" */
function valuesPhrase(c) {
    return `${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMeasure */ .os)(c, c.incumbent)} → ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMeasure */ .os)(c, c.candidate)}`;
}
/** "−1.0 pts": the tolerated drop, as a position on the Δ axis. */
function marginPhrase(c) {
    return (0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(c, c.margin === null ? null : -c.margin);
}
/** The pairs (or the smaller side) behind a comparison. */
function sizeOf(c) {
    return c.n_paired ?? Math.min(c.n_incumbent, c.n_candidate);
}
/** "n=281" or "rare, n=281" */
function sizePhrase(c) {
    return `${c.rare ? 'rare, ' : ''}n=${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(sizeOf(c))}`;
}
/** A regression: how bad, how sure, and the corrected p that decided it. */
function regressionPhrase(c, policy) {
    const best = c.ci_high === null || !Number.isFinite(c.ci_high)
        ? 'point values only, no bound'
        : `at most ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(c, c.ci_high)} at ≥ ${confidenceOf(policy.alpha)}% confidence`;
    return `${valuesPhrase(c)}: ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(c, c.delta)}, ${best}; margin ${marginPhrase(c)}; ${adjustedLabel(policy.correction)} ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatP */ .MA)(c.p_adjusted)}`;
}
/** An inconclusive comparison: "too small to tell" only when the data is thin (see isThinData). The note is escaped by `escape`. */
function inconclusivePhrase(c, escape) {
    const why = c.note === null ? '' : ` (${escape(c.note)})`;
    if (isThinData(c)) {
        const detectable = c.mde === null || Number.isNaN(c.mde) ? 'no drop at all' : `a drop of ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(c, c.mde, false)} or more`;
        return `too small to tell${why}: observed ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(c, c.delta)}, could only detect ${detectable}`;
    }
    const observed = c.delta === null || !Number.isFinite(c.delta)
        ? 'no estimate'
        : (0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(c, c.delta).startsWith('±')
            ? 'about unchanged'
            : `${c.delta < 0 ? 'worse' : 'better'} by about ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(c, c.delta, false)}`;
    return `${observed}${why}; cannot rule out a drop beyond the margin of ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(c, c.margin, false)}`;
}
/** A missing comparison: why there is nothing to compare (the note is escaped by `escape`). */
function missingPhrase(c, escape) {
    return `missing: ${escape(c.note ?? 'no results for this cohort')}`;
}
/** A passing row, short: the change and the worst case the data allows. */
function passPhrase(c) {
    const worst = c.ci_low === null || !Number.isFinite(c.ci_low) ? '' : ` (≥ ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(c, c.ci_low)})`;
    return `${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChange */ .eD)(c, c.delta)}${worst}`;
}
/** "95", "97.5": the confidence of the one-sided bounds. */
function confidenceOf(alpha) {
    return String(Number(((1 - alpha) * 100).toPrecision(4)));
}
function adjustedLabel(correction) {
    switch (correction) {
        case 'holm':
            return 'Holm-adjusted p';
        case 'bonferroni':
            return 'Bonferroni-adjusted p';
        case 'bh':
            return 'BH-adjusted p';
        case 'none':
            return 'p';
    }
}
/** "Holm", "Bonferroni", "Benjamini–Hochberg", or null without a correction. */
function correctionName(correction) {
    return correction === 'holm'
        ? 'Holm'
        : correction === 'bonferroni'
            ? 'Bonferroni'
            : correction === 'bh'
                ? 'Benjamini–Hochberg'
                : null;
}
/** The methods of a table, each once, with the metrics it was used for: named in a footer, not on every row. */
function methodsUsed(comparisons) {
    const byMethod = new Map();
    for (const c of comparisons) {
        if (c.method === 'none' || c.method === '')
            continue;
        const metrics = byMethod.get(c.method) ?? new Set();
        metrics.add(c.metric);
        byMethod.set(c.method, metrics);
    }
    return [...byMethod.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([method, metrics]) => ({ method, metrics: [...metrics].sort() }));
}


/***/ }),

/***/ 6268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J7: () => (/* binding */ countsLine),
/* harmony export */   LR: () => (/* binding */ verdictLineOf),
/* harmony export */   MT: () => (/* binding */ verdictLine),
/* harmony export */   NB: () => (/* binding */ verdictReasons),
/* harmony export */   XU: () => (/* binding */ VERDICT_WORD),
/* harmony export */   YY: () => (/* binding */ VERDICT_ICON),
/* harmony export */   _R: () => (/* binding */ designPhrase),
/* harmony export */   ci: () => (/* binding */ modelNames),
/* harmony export */   gQ: () => (/* binding */ modelsPhrase),
/* harmony export */   gt: () => (/* binding */ reportModelNames)
/* harmony export */ });
/* harmony import */ var _comment_classify_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9830);
/* harmony import */ var _comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2314);
/* harmony import */ var _format_number_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8072);



/**
 * The one wording of the verdict. The PR comment, the job summary, report.md, the text output and
 * report.html all open with the same verdict line and the same counts line, built here and nowhere
 * else, so that they cannot drift apart. Both lines hold counts only, never a string from an input,
 * so every output can print them as they are.
 */
const VERDICT_WORD = { pass: 'PASS', warn: 'WARN', block: 'BLOCK' };
const VERDICT_ICON = { pass: '✅', warn: '⚠️', block: '⛔' };
const VERDICT_MEANING = {
    pass: 'the candidate may ship',
    warn: 'the candidate may ship, with warnings',
    block: 'the candidate may not ship',
};
/** "BLOCK — the candidate may not ship: 1 cohort regressed, 1 readiness finding, 1 accepted by waiver" */
function verdictLine(report, content = (0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyReport */ .fv)(report)) {
    return verdictLineOf(report.verdict, verdictReasons(report, content));
}
/** The verdict line from a verdict and its reasons (the validation package keeps the reasons). */
function verdictLineOf(verdict, reasons) {
    return `${VERDICT_WORD[verdict]} — ${VERDICT_MEANING[verdict]}: ${reasons}`;
}
/** Why, in one phrase: only the reasons of the verdict's own level, blocking ones first, plus what waivers accepted. */
function verdictReasons(report, content = (0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyReport */ .fv)(report)) {
    const reasons = [];
    if (report.verdict === 'block') {
        const blocking = content.blockingComparisons;
        const regressed = blocking.filter((c) => c.status === 'regressed');
        const missing = blocking.filter((c) => c.status === 'missing');
        const unclear = blocking.filter((c) => c.status === 'inconclusive');
        if (regressed.length > 0)
            reasons.push(`${(0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .cohortPhrase */ .B2)(regressed)} regressed`);
        if (missing.length > 0)
            reasons.push(`${(0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .cohortPhrase */ .B2)(missing)} missing`);
        reasons.push(...inconclusiveReasons(unclear, ' (blocking)'));
        const data = content.blockingFindings.filter(_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .isDataFinding */ .Au).length;
        const readiness = content.blockingFindings.length - data;
        if (readiness > 0)
            reasons.push((0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(readiness, 'readiness finding', 'readiness findings'));
        if (data > 0)
            reasons.push((0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(data, 'data finding', 'data findings'));
        if (reasons.length === 0)
            reasons.push((0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(report.summary.blocking_findings, 'blocking finding', 'blocking findings'));
    }
    else if (report.verdict === 'warn') {
        reasons.push(...inconclusiveReasons(content.inconclusive, ''));
        const warnings = content.warnings.length + content.waiverProblems.length;
        if (warnings > 0)
            reasons.push((0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(warnings, 'warning', 'warnings'));
        if (reasons.length === 0)
            reasons.push((0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(report.summary.warnings, 'warning', 'warnings'));
    }
    else {
        reasons.push(report.comparisons.length === 0
            ? 'nothing to compare'
            : `all ${(0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .cohortPhrase */ .B2)(report.comparisons)} within their margins`);
    }
    if (content.waived.length > 0)
        reasons.push(`${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(content.waived.length)} accepted by waiver`);
    return reasons.join(', ');
}
function inconclusiveReasons(rows, suffix) {
    const thin = rows.filter(_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .isThinData */ .yf);
    const close = rows.filter((c) => !(0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .isThinData */ .yf)(c));
    const reasons = [];
    if (thin.length > 0)
        reasons.push(`${(0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .cohortPhrase */ .B2)(thin)} too small to tell${suffix}`);
    if (close.length > 0)
        reasons.push(`${(0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .cohortPhrase */ .B2)(close)} too close to the margin to tell${suffix}`);
    return reasons;
}
/** "33 cohort metrics compared: 30 pass, 1 regressed, 2 inconclusive, 0 missing; findings: 2 blocking, 1 warning, 1 accepted by waiver" */
function countsLine(s) {
    return (`${(0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(s.comparisons, 'cohort metric', 'cohort metrics')} compared: ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(s.pass)} pass, ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(s.regressed)} regressed, ` +
        `${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(s.inconclusive)} inconclusive, ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(s.missing)} missing; ` +
        `findings: ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(s.blocking_findings)} blocking, ${(0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(s.warnings, 'warning', 'warnings')}, ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(s.waived_findings)} accepted by waiver`);
}
function modelNames(release, inputs) {
    if (release !== null)
        return { candidate: `${release.name} ${release.candidate}`, incumbent: release.incumbent };
    const side = (d) => (d.model === null ? d.path : `${d.model.name} ${d.model.version}`);
    return { candidate: side(inputs.candidate), incumbent: side(inputs.incumbent) };
}
/** "Candidate X vs incumbent Y", each name escaped and marked by the renderer. */
function modelsPhrase(names, mark) {
    return `Candidate ${mark(names.candidate)} vs incumbent ${mark(names.incumbent)}`;
}
/** "paired by id, 6,000 examples" or "unpaired summaries". */
function designPhrase(design, inputs) {
    if (design === 'unpaired')
        return 'unpaired summaries';
    const i = inputs.incumbent.examples ?? 0;
    const c = inputs.candidate.examples ?? 0;
    return i === c
        ? `paired by id, ${(0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(c, 'example', 'examples')}`
        : `paired by id, ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(c)} candidate and ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(i)} incumbent examples`;
}
/** The models of a report. */
function reportModelNames(report) {
    return modelNames(report.readiness.manifest?.model ?? null, report.inputs);
}


/***/ }),

/***/ 6766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderText: () => (/* binding */ renderText)
});

// EXTERNAL MODULE: ./src/core/report/comment-classify.ts
var comment_classify = __webpack_require__(9830);
// EXTERNAL MODULE: ./src/core/report/comparison-phrases.ts
var comparison_phrases = __webpack_require__(2314);
// EXTERNAL MODULE: ./src/core/escape-output.ts
var escape_output = __webpack_require__(7648);
// EXTERNAL MODULE: ./src/core/format-number.ts
var format_number = __webpack_require__(8072);
// EXTERNAL MODULE: ./src/core/report/headline.ts
var headline = __webpack_require__(6268);
// EXTERNAL MODULE: ./src/core/report/traffic-phrases.ts
var traffic_phrases = __webpack_require__(2728);
;// CONCATENATED MODULE: ./src/core/report/traffic-text.ts


/** Names listed per state before the rest are counted: the text output stays a few lines. */
const NAMES_SHOWN = 3;
/**
 * The text output's "Does the eval look like production?": the window, then per dimension one line
 * for the mix (PSI, chi-square, absent and thin cohorts) and one for the traffic-weighted results
 * beside the eval-mix overall. Empty without a traffic file. Input strings go through escapeOutput.
 */
function trafficTextLines(report) {
    const traffic = report.traffic;
    if (traffic === null)
        return [];
    const rows = [`production's mix: ${(0,escape_output/* escapeOutput */.PM)(traffic.file.path)}, ${(0,traffic_phrases/* windowPhrase */._s)(traffic)}`];
    for (const d of traffic.dimensions) {
        rows.push(`${(0,escape_output/* escapeOutput */.PM)(d.dimension)}: ${mixPhrase(d)}`);
        const weighted = (0,traffic_phrases/* weightedResults */.EA)(d, report.comparisons);
        const results = [
            ...weighted
                .filter((r) => r.reason === null)
                .map((r) => `${(0,escape_output/* escapeOutput */.PM)(r.metric)} ${(0,traffic_phrases/* resultPhrase */.BO)(r.weighted, false)} on production's mix, ${(0,traffic_phrases/* resultPhrase */.BO)(r.overall, false)} on the eval's`),
            ...(0,traffic_phrases/* notWeightedGroups */.zS)(weighted).map(({ metrics, reason }) => `${metrics.map(escape_output/* escapeOutput */.PM).join(', ')} not weighted (${(0,escape_output/* escapeOutput */.PM)(reason)})`),
        ];
        if (results.length > 0)
            rows.push(`${(0,escape_output/* escapeOutput */.PM)(d.dimension)} traffic-weighted: ${results.join('; ')}`);
    }
    if (traffic.dimensions_not_in_traffic.length > 0)
        rows.push(`not in the traffic file (mix not checked): ${listed(traffic.dimensions_not_in_traffic)}`);
    return ['', traffic_phrases/* TRAFFIC_HEADING */.Bd, ...rows.map((row) => `  ${row}`)];
}
function mixPhrase(d) {
    const parts = [
        d.psi === null
            ? 'fewer than two cohorts to compare'
            : `PSI ${(0,traffic_phrases/* psiPhrase */.Ob)(d.psi)}${d.mix_shift ? ' (mix shifted)' : ''}, ${(0,traffic_phrases/* chiSquarePhrase */.Fx)(d.chi_square)}`,
    ];
    const absent = d.cohorts.filter((row) => row.state === 'absent');
    if (absent.length > 0)
        parts.push(`absent: ${listed(absent.map((row) => `${row.cohort} (eval ${(0,traffic_phrases/* sharePhrase */.D7)(row.eval_share)}, production ${(0,traffic_phrases/* sharePhrase */.D7)(row.production_share)})`))}`);
    const thin = d.cohorts.filter((row) => row.state === 'thin').map((row) => row.cohort);
    if (thin.length > 0)
        parts.push(`thin: ${listed(thin)}`);
    return parts.join('; ');
}
/** The first few names, escaped, then how many more. */
function listed(names) {
    const shown = names.slice(0, NAMES_SHOWN).map(escape_output/* escapeOutput */.PM).join(', ');
    return names.length > NAMES_SHOWN ? `${shown} and ${names.length - NAMES_SHOWN} more` : shown;
}

;// CONCATENATED MODULE: ./src/core/report/render-text.ts






/**
 * Plain text for terminals, in the layout of the markdown outputs: the verdict line, the models, the
 * counts, then what blocks, what the data cannot tell, whether the eval looks like production (with a
 * traffic file), what was accepted, the checklist, other
 * warnings and notes, and one line for everything that passed. Each comparison and finding is
 * printed once, in the same words as the markdown. Every input string is escaped for the terminal.
 */
function renderText(report) {
    const content = (0,comment_classify/* classifyReport */.fv)(report);
    const lines = [
        (0,headline/* verdictLine */.MT)(report, content),
        `${(0,headline/* modelsPhrase */.gQ)((0,headline/* reportModelNames */.gt)(report), escape_output/* escapeOutput */.PM)} · ${(0,headline/* designPhrase */._R)(report.design, report.inputs)}`,
        (0,headline/* countsLine */.J7)(report.summary),
    ];
    const section = (title, rows) => {
        if (rows.length > 0)
            lines.push('', `${title}:`, ...rows.map((row) => `  ${row}`));
    };
    section('What blocks', [
        ...content.blockingComparisons.map((c) => blockingRow(report, c)),
        ...content.blockingFindings.map((f) => findingRow(f)),
    ]);
    section('Inconclusive', content.inconclusive.map((c) => `[inconclusive] ${subject(c)}: ${(0,comparison_phrases/* inconclusivePhrase */.mU)(c, escape_output/* escapeOutput */.PM)}`));
    lines.push(...trafficTextLines(report));
    section('Accepted (waivers)', [
        ...content.waived.map(waivedRow),
        ...content.waiverProblems.map((f) => findingRow(f)),
    ]);
    section(readinessTitle(report), readinessRows(report));
    section('Other warnings and notes', [
        ...content.warnings.map((f) => findingRow(f)),
        ...content.notCompared.map((c) => `[missing] ${subject(c)}: ${(0,comparison_phrases/* missingPhrase */._V)(c, escape_output/* escapeOutput */.PM)}`),
        ...content.notes.map((f) => findingRow(f)),
    ]);
    section('How the files were read', ['incumbent', 'candidate'].flatMap((side) => (report.inputs[side].notes ?? []).map((note) => `note (${side}): ${(0,escape_output/* escapeOutput */.PM)(note)}`)));
    if (content.passing.length > 0)
        lines.push('', passingLine(content));
    lines.push('', footer(report));
    return `${lines.join('\n')}\n`;
}
function blockingRow(report, c) {
    if (c.status === 'regressed')
        return `[regressed] ${subject(c)}: ${(0,comparison_phrases/* regressionPhrase */.fZ)(c, report.policy)}`;
    if (c.status === 'missing')
        return `[missing] ${subject(c)}: ${(0,comparison_phrases/* missingPhrase */._V)(c, escape_output/* escapeOutput */.PM)}`;
    return `[inconclusive] ${subject(c)}: ${(0,comparison_phrases/* inconclusivePhrase */.mU)(c, escape_output/* escapeOutput */.PM)}; the policy blocks when this cohort cannot tell`;
}
/** "label:chargeback · accuracy (rare, n=281)" */
function subject(c) {
    const statistic = c.statistic === 'proportion' || c.statistic === 'mean' ? '' : ` ${(0,escape_output/* escapeOutput */.PM)(c.statistic)}`;
    return `${(0,escape_output/* escapeOutput */.PM)(c.cohort)} · ${(0,escape_output/* escapeOutput */.PM)(c.metric)}${statistic} (${c.required ? 'required, ' : ''}${(0,comparison_phrases/* sizePhrase */.rl)(c)})`;
}
/** "[block] kill-switch.stale: … (release-manifest.yml:34)" */
function findingRow(f) {
    const where = f.file === undefined ? '' : ` (${(0,escape_output/* escapeOutput */.PM)(f.file)}${f.line === undefined ? '' : `:${f.line}`})`;
    return `[${f.severity}] ${(0,escape_output/* escapeOutput */.PM)(f.id)}: ${(0,escape_output/* escapeOutput */.PM)(f.message)}${where}`;
}
function waivedRow(f) {
    const w = f.waiver;
    const about = f.cohort === undefined ? '' : ` ${(0,escape_output/* escapeOutput */.PM)(f.cohort)} · ${(0,escape_output/* escapeOutput */.PM)(f.metric ?? '')}`;
    if (w === undefined)
        return `[accepted] ${(0,escape_output/* escapeOutput */.PM)(f.id)}${about}`;
    const verified = w.verified ? 'approval verified' : 'approval not verified';
    return `[accepted] ${(0,escape_output/* escapeOutput */.PM)(f.id)}${about}: accepted by ${(0,escape_output/* escapeOutput */.PM)(w.accepted_by)} until ${(0,escape_output/* escapeOutput */.PM)(w.expires)} (${verified}): “${(0,escape_output/* escapeOutput */.PM)(w.reason)}”`;
}
function readinessTitle(report) {
    const manifest = report.readiness.manifest;
    return manifest === null
        ? 'Readiness'
        : `Readiness (${(0,escape_output/* escapeOutput */.PM)(manifest.path)}, ${(0,escape_output/* escapeOutput */.PM)(manifest.risk_class)} risk)`;
}
/** What needs action first, then what was accepted, then what is in order. */
function readinessRows(report) {
    if (report.readiness.manifest === null)
        return [];
    const order = ['finding', 'waived', 'ok', 'not-required'];
    const items = [...report.readiness.items].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
    return items.map((item) => `[${item.status}] ${(0,escape_output/* escapeOutput */.PM)(item.title)}${item.evidence === null ? '' : `: ${(0,escape_output/* escapeOutput */.PM)(item.evidence)}`}`);
}
function passingLine(content) {
    return `Passing: ${(0,comment_classify/* cohortPhrase */.B2)(content.passing)} within their margins (the markdown report lists them).`;
}
function footer(report) {
    const correction = (0,comparison_phrases/* correctionName */.AE)(report.policy.correction);
    const tested = `${(0,format_number/* formatCount */.B4)(report.summary.tested)} tested comparison${report.summary.tested === 1 ? '' : 's'}`;
    const methods = (0,comparison_phrases/* methodsUsed */.AV)(report.comparisons).map(({ method, metrics }) => `${metrics.map(escape_output/* escapeOutput */.PM).join(', ')}: ${(0,escape_output/* escapeOutput */.PM)(method)}`);
    return [
        `Δ = candidate − incumbent, positive is better; proportions in percentage points (pts). Bounds are one-sided ${(0,comparison_phrases/* confidenceOf */.i2)(report.policy.alpha)}%, ${correction === null ? 'uncorrected' : `${correction}-corrected`} across ${tested}.`,
        `Methods: ${methods.join('; ') || 'none'}.`,
    ].join('\n');
}


/***/ }),

/***/ 2728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ resultPhrase),
/* harmony export */   Bd: () => (/* binding */ TRAFFIC_HEADING),
/* harmony export */   D7: () => (/* binding */ sharePhrase),
/* harmony export */   EA: () => (/* binding */ weightedResults),
/* harmony export */   Fx: () => (/* binding */ chiSquarePhrase),
/* harmony export */   JV: () => (/* binding */ rowsWorstFirst),
/* harmony export */   Ob: () => (/* binding */ psiPhrase),
/* harmony export */   _s: () => (/* binding */ windowPhrase),
/* harmony export */   hn: () => (/* binding */ STATE_WORD),
/* harmony export */   x8: () => (/* binding */ settingsPhrase),
/* harmony export */   zS: () => (/* binding */ notWeightedGroups)
/* harmony export */ });
/* harmony import */ var _cohorts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(633);
/* harmony import */ var _format_number_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8072);
/* harmony import */ var _comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2314);



/**
 * The numbers and words of the "Does the eval look like production?" section, shared by the
 * comment, report.md, the text output, validation-package.md and report.html. Phrases hold numbers
 * and fixed words only; each renderer adds the names from the inputs, escaped its own way.
 */
const TRAFFIC_HEADING = 'Does the eval look like production?';
const STATE_WORD = {
    ok: 'ok',
    absent: 'absent',
    thin: 'thin',
    'unknown-share': 'not in the traffic file',
    minor: 'minor (below min share)',
};
/** What needs a look first: absent, then thin, then the largest contributors to the PSI. */
const STATE_ORDER = {
    absent: 0,
    thin: 1,
    ok: 2,
    minor: 2,
    'unknown-share': 3,
};
/** "44.2%", "–" when unknown. */
function sharePhrase(share) {
    return (0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(share, 'proportion');
}
/** PSI and its terms to three decimals: the thresholds people use (0.1, 0.25) need no more. */
function psiPhrase(psi) {
    return psi === null || !Number.isFinite(psi) ? '–' : psi.toFixed(3);
}
/** "chi-square 16966.8 on 4 df, p ≈ 0"; a p-value that underflowed to 0 is not printed as "0.0e+0". */
function chiSquarePhrase(chi) {
    if (chi === null)
        return 'chi-square –';
    const p = chi.p_value === 0 ? 'p ≈ 0' : `p = ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_0__/* .formatP */ .MA)(chi.p_value)}`;
    return `chi-square ${chi.statistic.toFixed(1)} on ${chi.df} df, ${p}`;
}
/** "2026-11-01 to 2026-11-30, ended 1 day before this run" */
function windowPhrase(section) {
    const { from, to } = section.window;
    const age = section.window_age_days;
    const days = `${Math.abs(age)} day${Math.abs(age) === 1 ? '' : 's'}`;
    const when = age < 0
        ? `ends ${days} after this run's date`
        : age === 0
            ? "ended on this run's date"
            : `ended ${days} before this run`;
    return `${from} to ${to}, ${when}`;
}
/** The policy's thresholds in one sentence. */
function settingsPhrase(section) {
    const s = section.settings;
    return `a production cohort with at least ${sharePhrase(s.min_share)} of its dimension needs ${s.min_n} eval examples; the mix shift warns at PSI above ${s.psi_warn} when the chi-square test rejects at ${s.mix_alpha}; the window may end at most ${s.max_age_days} days before the run`;
}
/** The dimension's cohorts, what needs a look first; ties keep the section's (natural) order. */
function rowsWorstFirst(dimension) {
    return dimension.cohorts
        .map((row, index) => ({ row, index }))
        .sort((a, b) => STATE_ORDER[a.row.state] - STATE_ORDER[b.row.state] ||
        (b.row.psi_term ?? -1) - (a.row.psi_term ?? -1) ||
        a.index - b.index)
        .map(({ row }) => row);
}
function weightedResults(dimension, comparisons) {
    const find = (cohort, metric) => comparisons.find((c) => c.cohort === cohort && c.metric === metric);
    return dimension.weighted.map((w) => ({
        metric: w.metric,
        weighted: w.cohort === null ? undefined : find(w.cohort, w.metric),
        overall: find(_cohorts_js__WEBPACK_IMPORTED_MODULE_1__/* .OVERALL */ .aD, w.metric),
        reason: w.reason,
    }));
}
/**
 * The metrics not weighted, grouped by their reason: reasons told apart only by the metric's name
 * (every metric lacks a cohort's result) are said once, in the first metric's words.
 */
function notWeightedGroups(results) {
    const groups = new Map();
    for (const r of results) {
        if (r.reason === null)
            continue;
        const key = r.reason.split(r.metric).join('\u0000');
        const group = groups.get(key) ?? { metrics: [], reason: r.reason };
        group.metrics.push(r.metric);
        groups.set(key, group);
    }
    return [...groups.values()];
}
const STATUS_ICON = {
    pass: '✅',
    regressed: '🔻',
    inconclusive: '❔',
    missing: '⛔',
};
/** "✅ pass +1.7 pts (≥ +1.4 pts)": status, Δ and its one-sided lower bound. */
function resultPhrase(c, icons = true) {
    if (c === undefined)
        return '–';
    return `${icons ? `${STATUS_ICON[c.status]} ` : ''}${c.status} ${(0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .passPhrase */ .rD)(c)}`;
}


/***/ })

};
