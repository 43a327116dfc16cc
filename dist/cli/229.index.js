export const id = 229;
export const ids = [229];
export const modules = {

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

/***/ 7425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GO: () => (/* binding */ footerLine),
/* harmony export */   Hq: () => (/* binding */ headerLines),
/* harmony export */   J1: () => (/* binding */ policyChangeNote),
/* harmony export */   q3: () => (/* binding */ contextLine),
/* harmony export */   sT: () => (/* binding */ reportContextLine)
/* harmony export */ });
/* harmony import */ var _comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2314);
/* harmony import */ var _delta_bar_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9324);
/* harmony import */ var _escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8637);
/* harmony import */ var _format_number_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8072);
/* harmony import */ var _headline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6268);





/** The lines above and below the sections of the markdown outputs: what a reviewer needs before and after the tables. */
/** The verdict line as a heading: the same words as every other output, after the verdict's icon. */
function verdictHeading(report, content) {
    return `## ${_headline_js__WEBPACK_IMPORTED_MODULE_0__/* .VERDICT_ICON */ .YY[report.verdict]} ${(0,_headline_js__WEBPACK_IMPORTED_MODULE_0__/* .verdictLine */ .MT)(report, content)}`;
}
/** The header of every markdown output: verdict, which models on what data (and, in a pull request, more), counts. */
function headerLines(report, content, context) {
    return [verdictHeading(report, content), '', context, '', (0,_headline_js__WEBPACK_IMPORTED_MODULE_0__/* .countsLine */ .J7)(report.summary), ''];
}
/** Models and design: the context of a report without a run (report.md, the job summary). */
function reportContextLine(report) {
    return `${(0,_headline_js__WEBPACK_IMPORTED_MODULE_0__/* .modelsPhrase */ .gQ)((0,_headline_js__WEBPACK_IMPORTED_MODULE_0__/* .reportModelNames */ .gt)(report), (name) => `**${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeName */ .L$)(name)}**`)} · ${(0,_headline_js__WEBPACK_IMPORTED_MODULE_0__/* .designPhrase */ ._R)(report.design, report.inputs)}`;
}
/** Which models, on what data, under which policy, and where to read more. */
function contextLine(report, run) {
    const parts = [reportContextLine(report), policyOrigin(run)];
    const links = [
        (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownLink */ .iQ)('run', run.links.run),
        (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownLink */ .iQ)('full report', run.links.report),
        (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownLink */ .iQ)('validation package', run.links.artifact),
    ];
    for (const link of links)
        if (link !== null)
            parts.push(link);
    return parts.join(' · ');
}
/** A policy change in the pull request does not apply to itself: say so, or the author will wonder why. */
function policyChangeNote(run) {
    if (!run.policySource.changedInPullRequest)
        return [];
    const file = run.policySource.path === null ? 'the policy file' : `the policy file ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeName */ .L$)(run.policySource.path)}`;
    return [
        `> [!NOTE]`,
        `> This pull request changes ${file}. The gate applied the base branch's policy; the new policy takes effect once merged.`,
        '',
    ];
}
/** The footer: what Δ and the bounds are, the bars' legend, the methods named once, and the tool. */
function footerLine(report) {
    const correction = (0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .correctionName */ .AE)(report.policy.correction);
    const tested = `${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_3__/* .formatCount */ .B4)(report.summary.tested)} tested comparison${report.summary.tested === 1 ? '' : 's'}`;
    const bounds = `Bounds are one-sided ${confidenceOf(report)}%, ${correction === null ? `uncorrected across ${tested}` : `${correction}-corrected across ${tested}`}.`;
    const methods = (0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .methodsUsed */ .AV)(report.comparisons).map(({ method, metrics }) => `${metricList(metrics)}: ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(method, 200)}`);
    const tool = `${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(report.tool.name, 60)} ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(report.tool.version, 40)}`;
    return `<sub>Δ = candidate − incumbent, positive is better; proportions in percentage points (pts). ${bounds} ${_delta_bar_js__WEBPACK_IMPORTED_MODULE_4__/* .DELTA_BAR_LEGEND */ .Hz} Methods: ${methods.join('; ') || 'none'}. ${tool}</sub>`;
}
/** The metrics a method served, the first few by name: the footer must stay a line. */
function metricList(metrics) {
    const shown = metrics.slice(0, 6).map((m) => (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeName */ .L$)(m, 40));
    return metrics.length > shown.length
        ? `${shown.join(', ')} and ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_3__/* .formatCount */ .B4)(metrics.length - shown.length)} more`
        : shown.join(', ');
}
/** "95", "97.5": the confidence of the one-sided bounds. */
function confidenceOf(report) {
    return (0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .confidenceOf */ .i2)(report.policy.alpha);
}
function policyOrigin(run) {
    const { origin, commit } = run.policySource;
    if (origin === 'defaults')
        return 'default policy';
    if (origin === 'workspace')
        return 'policy from the workspace';
    return commit === null ? 'policy from the base branch' : `policy from base commit ${shortCommit(commit)}`;
}
/** A commit id from the platform; anything that is not hex is escaped like any other input. */
function shortCommit(commit) {
    return /^[0-9a-f]{7,64}$/i.test(commit) ? `\`${commit.slice(0, 7)}\`` : (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeName */ .L$)(commit, 40);
}


/***/ }),

/***/ 5412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ RANK),
/* harmony export */   s: () => (/* binding */ commentSections)
/* harmony export */ });
/* harmony import */ var _comment_classify_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9830);
/* harmony import */ var _comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2314);
/* harmony import */ var _delta_bar_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9324);
/* harmony import */ var _escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8637);
/* harmony import */ var _format_number_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8072);
/* harmony import */ var _render_readiness_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(389);






/**
 * The sections of the markdown outputs (the PR comment, the job summary and report.md share them) in
 * reading order, each row ranked for when the text must shrink: blocking findings and cohorts are
 * kept longest, then what was accepted and the checklist (a few lines that say who took which risk),
 * then how the eval's mix compares with production's (one line per dimension, when there is a
 * traffic file), what the data cannot tell, warnings and notes, how the files were read, and what
 * passed. Every cohort table has the same columns; the methods are named once, in the footer.
 */
const RANK = {
    blockingFinding: 0,
    blockingCohort: 1,
    waiver: 2,
    readiness: 3,
    traffic: 4,
    inconclusive: 5,
    warning: 6,
    reading: 7,
    passing: 8,
};
const COHORT_METRICS = ['cohort metric', 'cohort metrics'];
const FINDINGS = ['finding', 'findings'];
const COHORT_HEAD = ['| | cohort · metric | n | what the data says | Δ vs margin |', '|---|---|---:|---|---|'];
/** `traffic`: the "Does the eval look like production?" sections (none without a traffic file), after the cohort results. */
function commentSections(report, content, traffic = []) {
    const blocking = whatBlocks(report, content);
    return [
        ...blocking,
        inconclusive(content),
        ...traffic,
        accepted(content),
        readiness(report),
        otherWarnings(content),
        readingNotes(report),
        passing(content),
    ];
}
/** Blocking cohorts, then blocking findings, under one heading (on whichever table has rows). */
function whatBlocks(report, content) {
    const scale = (0,_delta_bar_js__WEBPACK_IMPORTED_MODULE_1__/* .deltaScale */ .T7)(content.blockingComparisons);
    const cohortRows = content.blockingComparisons.map((c) => {
        const text = c.status === 'regressed'
            ? cohortRow('🔻', c, (0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .regressionPhrase */ .fZ)(c, report.policy), (0,_delta_bar_js__WEBPACK_IMPORTED_MODULE_1__/* .deltaBar */ .m1)(c, scale))
            : c.status === 'missing'
                ? cohortRow('⛔', c, (0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .missingPhrase */ ._V)(c, (t) => (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(t, 160)), '–')
                : cohortRow('❔', c, `${(0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .inconclusivePhrase */ .mU)(c, (t) => (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(t, 160))}; the policy blocks when this cohort cannot tell`, (0,_delta_bar_js__WEBPACK_IMPORTED_MODULE_1__/* .deltaBar */ .m1)(c, scale));
        return { text, rank: RANK.blockingCohort, noun: COHORT_METRICS };
    });
    const findingRows = content.blockingFindings.map((f) => ({
        text: `| 📋 | ${findingId(f)} | ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(f.message, 300)} | ${(0,_render_readiness_js__WEBPACK_IMPORTED_MODULE_4__/* .locationOf */ .h)(f) || '–'} |`,
        rank: RANK.blockingFinding,
        noun: FINDINGS,
    }));
    const heading = ['### What blocks', ''];
    return [
        { open: heading, tableHead: COHORT_HEAD, rows: cohortRows, close: [''] },
        {
            open: cohortRows.length === 0 ? heading : [],
            tableHead: ['| | finding | what to do | where |', '|---|---|---|---|'],
            rows: findingRows,
            close: [''],
        },
    ];
}
function inconclusive(content) {
    const scale = (0,_delta_bar_js__WEBPACK_IMPORTED_MODULE_1__/* .deltaScale */ .T7)(content.inconclusive);
    return {
        open: ['### Inconclusive', ''],
        tableHead: COHORT_HEAD,
        rows: content.inconclusive.map((c) => ({
            text: cohortRow('❔', c, (0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .inconclusivePhrase */ .mU)(c, (t) => (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(t, 160)), (0,_delta_bar_js__WEBPACK_IMPORTED_MODULE_1__/* .deltaBar */ .m1)(c, scale)),
            rank: RANK.inconclusive,
            noun: COHORT_METRICS,
        })),
        close: [''],
    };
}
function accepted(content) {
    const waived = content.waived.map((f) => {
        const w = f.waiver;
        const about = f.cohort === undefined ? '' : ` ${cohortName(f.cohort)} · ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeName */ .L$)(f.metric ?? '', 40)}`;
        const who = w === undefined
            ? ''
            : ` — accepted by ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeName */ .L$)(w.accepted_by, 60)} until ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeName */ .L$)(w.expires, 20)}: “${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(w.reason, 300)}”`;
        const verified = w?.verified === true ? '✅ approved on the head commit' : '⚠️ not verified';
        const link = w?.link === null || w?.link === undefined ? '' : ` · ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(w.link, 120)}`;
        return {
            text: `- 🟡 ${findingId(f)}${about}${who} — ${verified}${link}`,
            rank: RANK.waiver,
            noun: ['accepted finding', 'accepted findings'],
        };
    });
    const problems = content.waiverProblems.map((f) => ({
        text: `- ⚠️ ${findingText(f)}`,
        rank: RANK.waiver,
        noun: ['waiver problem', 'waiver problems'],
    }));
    return { open: ['### Accepted (waivers)', ''], tableHead: [], rows: [...waived, ...problems], close: [''] };
}
const ITEM_ICON = {
    finding: '⛔',
    waived: '🟡',
    ok: '✅',
    'not-required': '➖',
};
const ITEM_ORDER = ['finding', 'waived', 'ok', 'not-required'];
/** The checklist as one paragraph, what needs action first: the tables above already say why. */
function readiness(report) {
    const manifest = report.readiness.manifest;
    if (manifest === null)
        return { open: [], tableHead: [], rows: [], close: [] };
    const items = [...report.readiness.items].sort((a, b) => ITEM_ORDER.indexOf(a.status) - ITEM_ORDER.indexOf(b.status));
    const text = items
        .map((i) => `${ITEM_ICON[i.status]} ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(i.title, 80)}${i.status === 'not-required' ? ' (not required)' : i.status === 'waived' ? ' (waived)' : ''}`)
        .join(' · ');
    return {
        open: [`### Readiness — ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeName */ .L$)(manifest.path)}, ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeName */ .L$)(manifest.risk_class, 20)} risk`, ''],
        tableHead: [],
        rows: text === '' ? [] : [{ text, rank: RANK.readiness, noun: ['readiness checklist', 'readiness checklists'] }],
        close: [''],
    };
}
function otherWarnings(content) {
    const warnings = content.warnings.map((f) => ({
        text: `- ⚠️ ${findingText(f)}`,
        rank: RANK.warning,
        noun: ['warning', 'warnings'],
    }));
    const notCompared = content.notCompared.map((c) => ({
        text: `- ➖ cohort ${cohortName(c.cohort)} · ${metricCell(c)}: ${(0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .missingPhrase */ ._V)(c, (t) => (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(t, 160))}`,
        rank: RANK.warning,
        noun: COHORT_METRICS,
    }));
    const notes = content.notes.map((f) => ({
        text: `- ℹ️ ${findingText(f)}`,
        rank: RANK.warning,
        noun: ['note', 'notes'],
    }));
    return {
        open: ['### Other warnings and notes', ''],
        tableHead: [],
        rows: [...warnings, ...notCompared, ...notes],
        close: [''],
    };
}
/** How each file was read, when its reader or the policy's `inputs` had something to say. */
function readingNotes(report) {
    const rows = ['incumbent', 'candidate'].flatMap((side) => (report.inputs[side].notes ?? []).map((note) => ({
        text: `- ${side}: ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(note, 400)}`,
        rank: RANK.reading,
        noun: ['reading note', 'reading notes'],
    })));
    return { open: ['### How the files were read', ''], tableHead: [], rows, close: [''] };
}
/** What passed, folded and short: the change, the worst case the data allows, and the bar. */
function passing(content) {
    const rows = content.passing;
    const scale = (0,_delta_bar_js__WEBPACK_IMPORTED_MODULE_1__/* .deltaScale */ .T7)(rows);
    return {
        open: [`<details><summary>✅ ${(0,_comment_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .cohortPhrase */ .B2)(rows)} ${rows.length === 1 ? 'passes' : 'pass'}</summary>`, ''],
        tableHead: [
            '| cohort · metric | n | incumbent → candidate | Δ (worst case) | Δ vs margin |',
            '|---|---:|---|---:|---|',
        ],
        rows: rows.map((c) => ({
            text: `| ${subjectCell(c)} | ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_5__/* .formatCount */ .B4)((0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .sizeOf */ .$d)(c))} | ${(0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .valuesPhrase */ .O$)(c)} | ${(0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .passPhrase */ .rD)(c)} | ${(0,_delta_bar_js__WEBPACK_IMPORTED_MODULE_1__/* .deltaBar */ .m1)(c, scale)} |`,
            rank: RANK.passing,
            noun: COHORT_METRICS,
        })),
        close: ['', '</details>', ''],
    };
}
function cohortRow(icon, c, says, bar) {
    return `| ${icon} | ${subjectCell(c)} | ${(0,_format_number_js__WEBPACK_IMPORTED_MODULE_5__/* .formatCount */ .B4)((0,_comparison_phrases_js__WEBPACK_IMPORTED_MODULE_2__/* .sizeOf */ .$d)(c))} | ${says} | ${bar} |`;
}
/** "label:chargeback (rare) · accuracy" */
function subjectCell(c) {
    return `${cohortName(c.cohort)}${c.rare ? ' (rare)' : ''}${c.required ? ' (required)' : ''} · ${metricCell(c)}`;
}
function cohortName(name) {
    return (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeName */ .L$)(name, 60);
}
function metricCell(c) {
    return `${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeName */ .L$)(c.metric, 40)}${c.statistic === 'proportion' || c.statistic === 'mean' ? '' : ` (${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeName */ .L$)(c.statistic, 10)})`}`;
}
function findingText(f) {
    const where = (0,_render_readiness_js__WEBPACK_IMPORTED_MODULE_4__/* .locationOf */ .h)(f);
    return `${findingId(f)} ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(f.message, 200)}${where === '' ? '' : ` (${where})`}`;
}
/** Rule ids are ours, but one that is not a plain id is escaped rather than trusted inside backticks. */
function findingId(f) {
    return /^[a-z0-9._-]+$/i.test(f.id) ? `\`${f.id}\`` : (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeName */ .L$)(f.id, 40);
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

/***/ 9324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hz: () => (/* binding */ DELTA_BAR_LEGEND),
/* harmony export */   T7: () => (/* binding */ deltaScale),
/* harmony export */   m1: () => (/* binding */ deltaBar)
/* harmony export */ });
const DELTA_BAR_WIDTH = 15;
/** At least two cells per margin between the margin and zero, so that one lies between their marks. */
const MIN_CELLS_PER_MARGIN = 2;
/** At most six, so that a table of small changes is not stretched into a false precision. */
const MAX_CELLS_PER_MARGIN = 6;
/** Beyond the marks a margin may shrink to a tenth of a cell; what lies further is clipped. */
const MIN_OUTER_CELLS_PER_MARGIN = 0.1;
const TRACK = '·';
/** The scale of one table: every row's estimate and finite bounds fit, within the limits above. */
function deltaScale(comparisons, width = DELTA_BAR_WIDTH) {
    const cells = Math.max(width, 7);
    let low = -1;
    let high = 0;
    for (const c of comparisons) {
        const row = normalized(c);
        if (row === null)
            continue;
        for (const v of [row.delta, row.low, row.high]) {
            if (v === null || !Number.isFinite(v))
                continue;
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
    }
    // One cell at each end is kept free for a value nudged off a mark, and for ◄ ►.
    const usable = cells - 3;
    const span = high - low;
    const linear = Math.min(MAX_CELLS_PER_MARGIN, usable / span);
    if (linear >= MIN_CELLS_PER_MARGIN) {
        // Everything fits on one linear scale: centre it.
        const ideal = 1 + -low * linear + (usable - span * linear) / 2;
        return { zero: clampZero(Math.round(ideal), linear, cells), inner: linear, outer: linear, width: cells };
    }
    const outer = Math.max(MIN_OUTER_CELLS_PER_MARGIN, (usable - MIN_CELLS_PER_MARGIN) / (span - 1));
    const ideal = 1 + MIN_CELLS_PER_MARGIN + (-low - 1) * outer;
    return {
        zero: clampZero(Math.round(ideal), MIN_CELLS_PER_MARGIN, cells),
        inner: MIN_CELLS_PER_MARGIN,
        outer,
        width: cells,
    };
}
/** Zero leaves room for the margin's mark and a cell before it, and a cell after it. */
function clampZero(zero, inner, cells) {
    return Math.min(cells - 2, Math.max(Math.round(inner) + 1, zero));
}
/** The bar of one comparison on its table's scale, in backticks so the cell keeps its spacing; '–' without an estimate. */
function deltaBar(comparison, scale) {
    const row = normalized(comparison);
    if (row === null)
        return '–';
    const last = scale.width - 1;
    const zero = scale.zero;
    const margin = row.margin === 0 ? zero : zero - Math.round(scale.inner);
    const exact = (v) => v >= 0 ? zero + v * scale.outer : v >= -1 ? zero + v * scale.inner : zero - scale.inner + (v + 1) * scale.outer;
    const beyondLeft = (v) => Math.round(exact(v)) < 0;
    const beyondRight = (v) => Math.round(exact(v)) > last;
    /** The cell of a value on the scale, never on a mark and always on the side of each mark where the value lies. */
    const place = (v) => {
        let cell = Math.round(exact(v));
        if (margin === zero)
            cell = v < 0 ? Math.min(cell, zero - 1) : Math.max(cell, zero + 1);
        else if (v < row.margin)
            cell = Math.min(cell, margin - 1);
        else if (v < 0)
            cell = Math.min(Math.max(cell, margin + 1), zero - 1);
        else
            cell = Math.max(cell, zero + 1);
        return Math.min(last, Math.max(0, cell));
    };
    const cells = Array.from({ length: scale.width }, () => TRACK);
    // An unknown bound (null) is drawn as unbounded: the bar must not suggest a precision the data lacks.
    const lowClipped = row.low === null || beyondLeft(row.low);
    const highClipped = row.high === null || beyondRight(row.high);
    const from = lowClipped ? 0 : place(row.low ?? 0);
    const to = highClipped ? last : place(row.high ?? 0);
    // Painted from least to most important; the marks last, on cells no value is ever placed on.
    for (let i = from; i <= to; i++)
        cells[i] = '─';
    cells[from] = lowClipped ? '◄' : '├';
    cells[to] = highClipped ? '►' : '┤';
    // An estimate off the scale is only "beyond the end": a ● at the edge would claim a value it does not have.
    cells[place(row.delta)] = beyondLeft(row.delta) ? '◄' : beyondRight(row.delta) ? '►' : '●';
    if (margin === zero)
        cells[zero] = '┋';
    else {
        cells[margin] = '┊';
        cells[zero] = from < zero && zero < to ? '┼' : '│';
    }
    return `\`${cells.join('')}\``;
}
/** The legend of the bars, for a table's footer. */
const DELTA_BAR_LEGEND = 'Bars: ● Δ, ├─┤ its one-sided bounds, ┊ the margin, │ zero (┼ when the bounds enclose it, ┋ a margin of zero), ◄ ► beyond the scale; each row is drawn in multiples of its own margin, compressed outside the margin-to-zero stretch when the table spans many margins.';
/** The row in multiples of its margin; ±Infinity bounds become null (unbounded). */
function normalized(c) {
    if (c.delta === null || !Number.isFinite(c.delta))
        return null;
    const finite = (v) => (v === null || !Number.isFinite(v) ? null : v);
    const low = finite(c.ci_low);
    const high = finite(c.ci_high);
    const margin = c.margin !== null && Number.isFinite(c.margin) && c.margin > 0 ? c.margin : null;
    const unit = margin ?? Math.max(Math.abs(c.delta), Math.abs(low ?? 0), Math.abs(high ?? 0));
    if (unit === 0)
        return { delta: 0, low: low === null ? null : 0, high: high === null ? null : 0, margin: 0 };
    return {
        delta: c.delta / unit,
        low: low === null ? null : low / unit,
        high: high === null ? null : high / unit,
        margin: margin === null ? 0 : -1,
    };
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
