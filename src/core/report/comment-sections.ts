import type { Comparison } from '../compare/comparison.js';
import type { Finding } from '../findings/finding.js';
import type { ReadinessItem } from '../readiness/readiness-types.js';
import type { CommentContent } from './comment-classify.js';
import { cohortPhrase } from './comment-classify.js';
import type { CommentRow, CommentSection } from './comment-budget.js';
import {
  inconclusivePhrase,
  missingPhrase,
  passPhrase,
  regressionPhrase,
  sizeOf,
  valuesPhrase,
} from './comparison-phrases.js';
import { deltaBar, deltaScale } from './delta-bar.js';
import { escapeMarkdown, escapeName } from './escape-markdown.js';
import { formatCount } from '../format-number.js';
import { locationOf } from './render-readiness.js';
import type { GateReport } from './report.js';

/**
 * The sections of the markdown outputs (the PR comment, the job summary and report.md share them) in
 * reading order, each row ranked for when the text must shrink: blocking findings and cohorts are
 * kept longest, then what was accepted and the checklist (a few lines that say who took which risk),
 * then how the eval's mix compares with production's (one line per dimension, when there is a
 * traffic file), what the data cannot tell, warnings and notes, how the files were read, and what
 * passed. Every cohort table has the same columns; the methods are named once, in the footer.
 */
export const RANK = {
  blockingFinding: 0,
  blockingCohort: 1,
  waiver: 2,
  readiness: 3,
  traffic: 4,
  inconclusive: 5,
  warning: 6,
  reading: 7,
  passing: 8,
} as const;

const COHORT_METRICS = ['cohort metric', 'cohort metrics'] as const;
const FINDINGS = ['finding', 'findings'] as const;
const COHORT_HEAD = ['| | cohort · metric | n | what the data says | Δ vs margin |', '|---|---|---:|---|---|'];

/** `traffic`: the "Does the eval look like production?" sections (none without a traffic file), after the cohort results. */
export function commentSections(
  report: GateReport,
  content: CommentContent,
  traffic: readonly CommentSection[] = [],
): CommentSection[] {
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
function whatBlocks(report: GateReport, content: CommentContent): CommentSection[] {
  const scale = deltaScale(content.blockingComparisons);
  const cohortRows = content.blockingComparisons.map((c): CommentRow => {
    const text =
      c.status === 'regressed'
        ? cohortRow('🔻', c, regressionPhrase(c, report.policy), deltaBar(c, scale))
        : c.status === 'missing'
          ? cohortRow(
              '⛔',
              c,
              missingPhrase(c, (t) => escapeMarkdown(t, 160)),
              '–',
            )
          : cohortRow(
              '❔',
              c,
              `${inconclusivePhrase(c, (t) => escapeMarkdown(t, 160))}; the policy blocks when this cohort cannot tell`,
              deltaBar(c, scale),
            );
    return { text, rank: RANK.blockingCohort, noun: COHORT_METRICS };
  });
  const findingRows = content.blockingFindings.map((f): CommentRow => ({
    text: `| 📋 | ${findingId(f)} | ${escapeMarkdown(f.message, 300)} | ${locationOf(f) || '–'} |`,
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

function inconclusive(content: CommentContent): CommentSection {
  const scale = deltaScale(content.inconclusive);
  return {
    open: ['### Inconclusive', ''],
    tableHead: COHORT_HEAD,
    rows: content.inconclusive.map((c) => ({
      text: cohortRow(
        '❔',
        c,
        inconclusivePhrase(c, (t) => escapeMarkdown(t, 160)),
        deltaBar(c, scale),
      ),
      rank: RANK.inconclusive,
      noun: COHORT_METRICS,
    })),
    close: [''],
  };
}

function accepted(content: CommentContent): CommentSection {
  const waived = content.waived.map((f): CommentRow => {
    const w = f.waiver;
    const about = f.cohort === undefined ? '' : ` ${cohortName(f.cohort)} · ${escapeName(f.metric ?? '', 40)}`;
    const who =
      w === undefined
        ? ''
        : ` — accepted by ${escapeName(w.accepted_by, 60)} until ${escapeName(w.expires, 20)}: “${escapeMarkdown(w.reason, 300)}”`;
    const verified = w?.verified === true ? '✅ approved on the head commit' : '⚠️ not verified';
    const link = w?.link === null || w?.link === undefined ? '' : ` · ${escapeMarkdown(w.link, 120)}`;
    return {
      text: `- 🟡 ${findingId(f)}${about}${who} — ${verified}${link}`,
      rank: RANK.waiver,
      noun: ['accepted finding', 'accepted findings'],
    };
  });
  const problems = content.waiverProblems.map((f) => ({
    text: `- ⚠️ ${findingText(f)}`,
    rank: RANK.waiver,
    noun: ['waiver problem', 'waiver problems'] as const,
  }));
  return { open: ['### Accepted (waivers)', ''], tableHead: [], rows: [...waived, ...problems], close: [''] };
}

const ITEM_ICON: Record<ReadinessItem['status'], string> = {
  finding: '⛔',
  waived: '🟡',
  ok: '✅',
  'not-required': '➖',
};
const ITEM_ORDER: readonly ReadinessItem['status'][] = ['finding', 'waived', 'ok', 'not-required'];

/** The checklist as one paragraph, what needs action first: the tables above already say why. */
function readiness(report: GateReport): CommentSection {
  const manifest = report.readiness.manifest;
  if (manifest === null) return { open: [], tableHead: [], rows: [], close: [] };
  const items = [...report.readiness.items].sort((a, b) => ITEM_ORDER.indexOf(a.status) - ITEM_ORDER.indexOf(b.status));
  const text = items
    .map(
      (i) =>
        `${ITEM_ICON[i.status]} ${escapeMarkdown(i.title, 80)}${i.status === 'not-required' ? ' (not required)' : i.status === 'waived' ? ' (waived)' : ''}`,
    )
    .join(' · ');
  return {
    open: [`### Readiness — ${escapeName(manifest.path)}, ${escapeName(manifest.risk_class, 20)} risk`, ''],
    tableHead: [],
    rows: text === '' ? [] : [{ text, rank: RANK.readiness, noun: ['readiness checklist', 'readiness checklists'] }],
    close: [''],
  };
}

function otherWarnings(content: CommentContent): CommentSection {
  const warnings = content.warnings.map((f) => ({
    text: `- ⚠️ ${findingText(f)}`,
    rank: RANK.warning,
    noun: ['warning', 'warnings'] as const,
  }));
  const notCompared = content.notCompared.map((c) => ({
    text: `- ➖ cohort ${cohortName(c.cohort)} · ${metricCell(c)}: ${missingPhrase(c, (t) => escapeMarkdown(t, 160))}`,
    rank: RANK.warning,
    noun: COHORT_METRICS,
  }));
  const notes = content.notes.map((f) => ({
    text: `- ℹ️ ${findingText(f)}`,
    rank: RANK.warning,
    noun: ['note', 'notes'] as const,
  }));
  return {
    open: ['### Other warnings and notes', ''],
    tableHead: [],
    rows: [...warnings, ...notCompared, ...notes],
    close: [''],
  };
}

/** How each file was read, when its reader or the policy's `inputs` had something to say. */
function readingNotes(report: GateReport): CommentSection {
  const rows = (['incumbent', 'candidate'] as const).flatMap((side) =>
    (report.inputs[side].notes ?? []).map((note) => ({
      text: `- ${side}: ${escapeMarkdown(note, 400)}`,
      rank: RANK.reading,
      noun: ['reading note', 'reading notes'] as const,
    })),
  );
  return { open: ['### How the files were read', ''], tableHead: [], rows, close: [''] };
}

/** What passed, folded and short: the change, the worst case the data allows, and the bar. */
function passing(content: CommentContent): CommentSection {
  const rows = content.passing;
  const scale = deltaScale(rows);
  return {
    open: [`<details><summary>✅ ${cohortPhrase(rows)} ${rows.length === 1 ? 'passes' : 'pass'}</summary>`, ''],
    tableHead: [
      '| cohort · metric | n | incumbent → candidate | Δ (worst case) | Δ vs margin |',
      '|---|---:|---|---:|---|',
    ],
    rows: rows.map((c) => ({
      text: `| ${subjectCell(c)} | ${formatCount(sizeOf(c))} | ${valuesPhrase(c)} | ${passPhrase(c)} | ${deltaBar(c, scale)} |`,
      rank: RANK.passing,
      noun: COHORT_METRICS,
    })),
    close: ['', '</details>', ''],
  };
}

function cohortRow(icon: string, c: Comparison, says: string, bar: string): string {
  return `| ${icon} | ${subjectCell(c)} | ${formatCount(sizeOf(c))} | ${says} | ${bar} |`;
}

/** "label:chargeback (rare) · accuracy" */
function subjectCell(c: Comparison): string {
  return `${cohortName(c.cohort)}${c.rare ? ' (rare)' : ''}${c.required ? ' (required)' : ''} · ${metricCell(c)}`;
}

function cohortName(name: string): string {
  return escapeName(name, 60);
}

function metricCell(c: Comparison): string {
  return `${escapeName(c.metric, 40)}${c.statistic === 'proportion' || c.statistic === 'mean' ? '' : ` (${escapeName(c.statistic, 10)})`}`;
}

function findingText(f: Finding): string {
  const where = locationOf(f);
  return `${findingId(f)} ${escapeMarkdown(f.message, 200)}${where === '' ? '' : ` (${where})`}`;
}

/** Rule ids are ours, but one that is not a plain id is escaped rather than trusted inside backticks. */
function findingId(f: Finding): string {
  return /^[a-z0-9._-]+$/i.test(f.id) ? `\`${f.id}\`` : escapeName(f.id, 40);
}
