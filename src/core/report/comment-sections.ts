import type { Comparison } from '../compare/comparison.js';
import type { Finding } from '../findings/finding.js';
import type { ReadinessItem } from '../readiness/readiness-types.js';
import type { CommentContent } from './comment-classify.js';
import { cohortPhrase } from './comment-classify.js';
import type { CommentRow, CommentSection } from './comment-budget.js';
import { confidenceOf } from './comment-header.js';
import { deltaBar, deltaScale } from './delta-bar.js';
import { escapeMarkdown, escapeName } from './escape-markdown.js';
import { formatCount, formatDelta, formatP, formatValue, formatDetectable } from './format-number.js';
import { locationOf } from './render-readiness.js';
import type { GateReport } from './report.js';

/**
 * The comment's sections in reading order, each row ranked for when the comment must shrink:
 * blocking findings and cohorts are kept longest, then what was accepted and the checklist (a few
 * lines that say who took which risk), then cohorts too small to tell, warnings, and what passed.
 */
const RANK = { blockingFinding: 0, blockingCohort: 1, waiver: 2, readiness: 3, inconclusive: 4, warning: 5, passing: 6 } as const;

const COHORT_METRICS = ['cohort metric', 'cohort metrics'] as const;
const FINDINGS = ['finding', 'findings'] as const;

export function commentSections(report: GateReport, content: CommentContent): CommentSection[] {
  return [
    whatBlocks(report, content),
    tooLittleData(content),
    accepted(content),
    readiness(report),
    otherWarnings(content),
    passing(report, content),
  ];
}

function whatBlocks(report: GateReport, content: CommentContent): CommentSection {
  const scale = deltaScale(content.blockingComparisons);
  const confidence = confidenceOf(report);
  const adjusted = adjustedLabel(report.policy.correction);
  const cohortRows = content.blockingComparisons.map((c): CommentRow => {
    const text =
      c.status === 'regressed'
        ? `| 🔻 | ${subject(c)} | ${formatValue(c.incumbent, c.statistic)} → ${formatValue(c.candidate, c.statistic)}: ${formatDelta(c.delta, c.statistic)}, ${upperBound(c, confidence)}; margin ${marginOf(c)} | ${deltaBar(c, scale)} ${escapeMarkdown(c.method, 60)}, ${adjusted} = ${formatP(c.p_adjusted)} |`
        : c.status === 'missing'
          ? `| ⛔ | ${subject(c)} · required | missing: ${escapeMarkdown(c.note ?? 'no results for this cohort', 160)} | – |`
          : `| ❔ | ${subject(c)} | too little data, and the policy blocks on this cohort when it cannot tell: observed ${formatDelta(c.delta, c.statistic)}, could only detect ${formatDetectable(c.mde, c.statistic, 'sentence')} | ${deltaBar(c, scale)} |`;
    return { text, rank: RANK.blockingCohort, noun: COHORT_METRICS };
  });
  const findingRows = content.blockingFindings.map(
    (f): CommentRow => ({
      text: `| 📋 | ${findingId(f)} | ${escapeMarkdown(f.message, 300)} | ${locationOf(f) || '–'} |`,
      rank: RANK.blockingFinding,
      noun: FINDINGS,
    }),
  );
  return {
    open: ['### What blocks', ''],
    tableHead: ['| | what | detail | evidence |', '|---|---|---|---|'],
    rows: [...cohortRows, ...findingRows],
    close: [''],
  };
}

function tooLittleData(content: CommentContent): CommentSection {
  const scale = deltaScale(content.inconclusive);
  return {
    open: ['### Too little data to tell', ''],
    tableHead: ['| cohort | metric | n | observed Δ | could only detect a drop of | Δ vs margin |', '|---|---|---:|---:|---:|---|'],
    rows: content.inconclusive.map((c) => ({
      text: `| ${cohortCell(c)} | ${metricCell(c)} | ${formatCount(nOf(c))} | ${formatDelta(c.delta, c.statistic)} | ${formatDetectable(c.mde, c.statistic)} | ${deltaBar(c, scale)} |`,
      rank: RANK.inconclusive,
      noun: COHORT_METRICS,
    })),
    close: [''],
  };
}

function accepted(content: CommentContent): CommentSection {
  const waived = content.waived.map((f): CommentRow => {
    const w = f.waiver;
    const about = f.cohort === undefined ? '' : ` ${cohortName(f.cohort)} · ${escapeName(f.metric ?? '')}`;
    const who = w === undefined ? '' : ` — accepted by ${escapeName(w.accepted_by, 60)} until ${escapeName(w.expires, 20)}: “${escapeMarkdown(w.reason, 300)}”`;
    const verified = w?.verified === true ? '✅ approved on the head commit' : '⚠️ not verified';
    const link = w?.link === null || w?.link === undefined ? '' : ` · ${escapeMarkdown(w.link, 120)}`;
    return { text: `- 🟡 ${findingId(f)}${about}${who} — ${verified}${link}`, rank: RANK.waiver, noun: ['accepted finding', 'accepted findings'] };
  });
  const problems = content.waiverProblems.map((f) => ({ text: `- ⚠️ ${warningText(f)}`, rank: RANK.waiver, noun: ['waiver problem', 'waiver problems'] as const }));
  return { open: ['### Accepted (waivers)', ''], tableHead: [], rows: [...waived, ...problems], close: [''] };
}

const ITEM_ICON: Record<ReadinessItem['status'], string> = { finding: '⛔', waived: '🟡', ok: '✅', 'not-required': '➖' };
const ITEM_ORDER: readonly ReadinessItem['status'][] = ['finding', 'waived', 'ok', 'not-required'];

/** The checklist as one paragraph, what needs action first: the tables above already say why. */
function readiness(report: GateReport): CommentSection {
  const manifest = report.readiness.manifest;
  if (manifest === null) return { open: [], tableHead: [], rows: [], close: [] };
  const items = [...report.readiness.items].sort((a, b) => ITEM_ORDER.indexOf(a.status) - ITEM_ORDER.indexOf(b.status));
  const text = items
    .map((i) => `${ITEM_ICON[i.status]} ${escapeMarkdown(i.title, 80)}${i.status === 'not-required' ? ' (not required)' : i.status === 'waived' ? ' (waived)' : ''}`)
    .join(' · ');
  return {
    open: [`### Readiness — ${escapeName(manifest.path)}, ${escapeName(manifest.risk_class, 20)} risk`, ''],
    tableHead: [],
    rows: text === '' ? [] : [{ text, rank: RANK.readiness, noun: ['readiness checklist', 'readiness checklists'] }],
    close: [''],
  };
}

function otherWarnings(content: CommentContent): CommentSection {
  return {
    open: ['### Other warnings', ''],
    tableHead: [],
    rows: content.warnings.map((f) => ({ text: `- ⚠️ ${warningText(f)}`, rank: RANK.warning, noun: ['warning', 'warnings'] as const })),
    close: [''],
  };
}

function passing(report: GateReport, content: CommentContent): CommentSection {
  const rows = content.passing;
  const scale = deltaScale(rows);
  const confidence = confidenceOf(report);
  return {
    open: [`<details><summary>✅ ${cohortPhrase(rows)} pass</summary>`, ''],
    tableHead: [`| cohort | metric | n | incumbent | candidate | Δ (${confidence}% bound) | Δ vs margin |`, '|---|---|---:|---:|---:|---:|---|'],
    rows: rows.map((c) => ({
      text: `| ${cohortCell(c)} | ${metricCell(c)} | ${formatCount(nOf(c))} | ${formatValue(c.incumbent, c.statistic)} | ${formatValue(c.candidate, c.statistic)} | ${formatDelta(c.delta, c.statistic)}${lowerBound(c)} | ${deltaBar(c, scale)} |`,
      rank: RANK.passing,
      noun: COHORT_METRICS,
    })),
    close: ['', '</details>', ''],
  };
}

/** "cohort label:chargeback · accuracy · rare (n=281)" */
function subject(c: Comparison): string {
  const n = formatCount(nOf(c));
  return `cohort ${cohortName(c.cohort)} · ${metricCell(c)} · ${c.rare ? `rare (n=${n})` : `n=${n}`}`;
}

function cohortCell(c: Comparison): string {
  return `${cohortName(c.cohort)}${c.rare ? ' (rare)' : ''}`;
}

function cohortName(name: string): string {
  return escapeName(name, 60);
}

function metricCell(c: Comparison): string {
  return `${escapeName(c.metric, 40)}${c.statistic === 'proportion' || c.statistic === 'mean' ? '' : ` (${escapeName(c.statistic, 10)})`}`;
}

/** What a regression is sure of: the best case is still this bad. */
function upperBound(c: Comparison, confidence: string): string {
  if (c.ci_high === null || !Number.isFinite(c.ci_high)) return 'point values only, no bound';
  return `at most ${formatDelta(c.ci_high, c.statistic)} (≥ ${confidence}% confidence, corrected for multiple comparisons)`;
}

/** What a pass is sure of: the worst case is still this good. */
function lowerBound(c: Comparison): string {
  return c.ci_low === null || !Number.isFinite(c.ci_low) ? '' : ` (≥ ${formatDelta(c.ci_low, c.statistic)})`;
}

function marginOf(c: Comparison): string {
  return formatDelta(c.margin === null ? null : -c.margin, c.statistic);
}

function nOf(c: Comparison): number {
  return c.n_paired ?? Math.min(c.n_incumbent, c.n_candidate);
}

function warningText(f: Finding): string {
  const where = locationOf(f);
  return `${findingId(f)} ${escapeMarkdown(f.message, 200)}${where === '' ? '' : ` (${where})`}`;
}

/** Rule ids are ours, but one that is not a plain id is escaped rather than trusted inside backticks. */
function findingId(f: Finding): string {
  return /^[a-z0-9._-]+$/i.test(f.id) ? `\`${f.id}\`` : escapeName(f.id, 40);
}

function adjustedLabel(correction: GateReport['policy']['correction']): string {
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
