import type { Finding } from '../findings/finding.js';
import { formatCount, formatP } from '../format-number.js';
import type { CommentRow, CommentSection } from '../report/comment-budget.js';
import { escapeMarkdown, escapeName } from '../report/escape-markdown.js';
import { locationOf } from '../report/render-readiness.js';
import { ABORT_STATUS_WORDS, abortValuePhrase, thresholdPhrase } from './canary-abort-phrases.js';
import { comparisonsInOrder, deltaPhrase, marginPhrase, plural, valuesPhrase } from './canary-phrases.js';
import type { CanaryAbortCheck, CanaryComparison, CanaryReport } from './canary-report.js';
import { decidingItems } from './canary-deciding.js';

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
} as const;

const COMPARISONS = ['cohort metric', 'cohort metrics'] as const;
const HEAD = [
  '| cohort · metric | canary n | baseline → canary | Δ (anytime-valid bounds) | margin | status |',
  '|---|---:|---|---|---|---|',
];
const STATUS_ICON: Record<CanaryComparison['status'], string> = { regressed: '🔻', undecided: '❔', pass: '✅' };
const ABORT_ICON: Record<CanaryAbortCheck['status'], string> = {
  crossed: '⛔',
  clear: '✅',
  undecided: '❔',
  'not-observed': '⚪',
};
const FINDING_ICON: Record<Finding['severity'], string> = { block: '⛔', warn: '⚠️', info: 'ℹ️' };

/**
 * `foldPassing`: passing rows go into a folded table of their own (the PR comment, which a reviewer
 * reads in a minute); otherwise every comparison is in one table.
 */
export function canarySections(report: CanaryReport, foldPassing: boolean): CommentSection[] {
  const ordered = comparisonsInOrder(report);
  const passing = ordered.filter((c) => c.status === 'pass');
  const open = foldPassing ? ordered.filter((c) => c.status !== 'pass') : ordered;
  const sections: CommentSection[] = [
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
        `<details><summary>✅ ${plural(passing.length, 'cohort metric passes', 'cohort metrics pass')}</summary>`,
        '',
      ],
      tableHead: HEAD,
      rows: passing.map((c) => comparisonRow(c)),
      close: ['', '</details>', ''],
    });
  sections.push(abortChecks(report), findings(report));
  return sections;
}

function decided(report: CanaryReport): CommentSection {
  const row = (text: string): CommentRow => ({ text, rank: RANK.decided, noun: ['reason', 'reasons'] });
  const icon = { ...STATUS_ICON, ...ABORT_ICON, hold: '⏱️' };
  const items = decidingItems(report, (name) => escapeName(name, 60)).map(
    (item) => `- ${icon[item.kind]} ${item.text}`,
  );
  // The reason heads the list; alone, it is the section's one row (a section without rows is left out).
  const reason = escapeMarkdown(report.reason, 600);
  return items.length === 0
    ? { open: ['### What decided it', ''], tableHead: [], rows: [row(reason)], close: [''] }
    : { open: ['### What decided it', '', reason, ''], tableHead: [], rows: items.map(row), close: [''] };
}

function comparisonRow(c: CanaryComparison): CommentRow {
  const status =
    c.status === 'regressed'
      ? `🔻 regressed (adjusted p ${formatP(c.p_adjusted)})`
      : `${STATUS_ICON[c.status]} ${c.status}`;
  return {
    text: `| ${subject(c)} | ${formatCount(c.canary.n)} | ${valuesPhrase(c)} | ${deltaPhrase(c)} | ${marginPhrase(c)} | ${status} |`,
    rank: RANK[c.status],
    noun: COMPARISONS,
  };
}

function abortChecks(report: CanaryReport): CommentSection {
  return {
    open: ['### Abort checks (canary, overall)', ''],
    tableHead: ['| metric | abort when | canary [anytime-valid bounds] | status |', '|---|---|---|---|'],
    rows: report.abort_checks.map((a) => ({
      text: `| ${escapeName(a.metric, 60)} | ${thresholdPhrase(a, report)} | ${abortValuePhrase(a, report)} | ${ABORT_ICON[a.status]} ${ABORT_STATUS_WORDS[a.status]} |`,
      rank: a.status === 'crossed' ? RANK.blocking : RANK.abort,
      noun: ['abort check', 'abort checks'],
    })),
    close: [''],
  };
}

function findings(report: CanaryReport): CommentSection {
  const rank = { block: RANK.blocking, warn: RANK.warning, info: RANK.info } as const;
  return {
    open: ['### Findings', ''],
    tableHead: [],
    rows: report.findings.map((f) => {
      const where = locationOf(f);
      return {
        text: `- ${FINDING_ICON[f.severity]} ${findingId(f)} ${escapeMarkdown(f.message, 300)}${where === '' ? '' : ` (${where})`}`,
        rank: rank[f.severity],
        noun: ['finding', 'findings'],
      };
    }),
    close: [''],
  };
}

/** "overall · accuracy", each name escaped for a table cell. */
function subject(c: CanaryComparison): string {
  return `${escapeName(c.cohort, 60)} · ${escapeName(c.metric, 40)}`;
}

/** Rule ids are ours, but one that is not a plain id is escaped rather than trusted inside backticks. */
function findingId(f: Finding): string {
  return /^[a-z0-9._-]+$/i.test(f.id) ? `\`${f.id}\`` : escapeName(f.id, 40);
}
