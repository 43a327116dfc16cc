import type { Comparison } from '../compare/comparison.js';
import { formatCount } from '../format-number.js';
import type { TrafficCohortRow, TrafficDimension, TrafficSection } from '../traffic/traffic-report.js';
import type { CommentRow, CommentSection } from './comment-budget.js';
import { marginPhrase } from './comparison-phrases.js';
import { RANK } from './comment-sections.js';
import { escapeMarkdown, escapeName } from './escape-markdown.js';
import {
  STATE_WORD,
  TRAFFIC_HEADING,
  chiSquarePhrase,
  psiPhrase,
  resultPhrase,
  settingsPhrase,
  sharePhrase,
  weightedResults,
  windowPhrase,
} from './traffic-phrases.js';

/**
 * report.md's (and the job summary's) "Does the eval look like production?": where production's mix
 * came from and when, then per dimension the full table (cohort, production count and share, eval n
 * and share, PSI term, state), the PSI and chi-square test, and the traffic-weighted comparisons
 * beside the eval-mix overall, or why each was not made. validation-package.md prints the same lines.
 * Cohort rows that need a look rank with the section; the rest go first when the summary must shrink.
 */
export function trafficMarkdownSections(traffic: TrafficSection, comparisons: readonly Comparison[]): CommentSection[] {
  return [facts(traffic), ...traffic.dimensions.flatMap((d) => dimensionSections(d, comparisons))];
}

/** The same sections as plain lines, nothing left out: for the validation package. */
export function trafficMarkdownLines(traffic: TrafficSection, comparisons: readonly Comparison[]): string[] {
  return trafficMarkdownSections(traffic, comparisons).flatMap((s) => [
    ...s.open,
    ...(s.rows.length > 0 ? [...s.tableHead, ...s.rows.map((r) => r.text)] : []),
    ...s.close,
  ]);
}

const STATE_ICON: Record<TrafficCohortRow['state'], string> = {
  ok: '✅',
  absent: '⛔',
  thin: '⚠️',
  'unknown-share': '❔',
  minor: '➖',
};

function facts(traffic: TrafficSection): CommentSection {
  const line = (text: string): CommentRow => ({ text: `- ${text}`, rank: RANK.traffic, noun: ['note', 'notes'] });
  const notListed = traffic.dimensions_not_in_traffic;
  return {
    open: [`### ${TRAFFIC_HEADING}`, ''],
    tableHead: [],
    rows: [
      line(
        `Production's mix: ${escapeName(traffic.file.path, 200)} (sha256 ${escapeName(traffic.file.sha256, 64)})${traffic.source === null ? '' : `, source: ${escapeMarkdown(traffic.source, 200)}`}`,
      ),
      line(
        `Window: ${windowPhrase(traffic)}${traffic.eval_set_frozen === null ? '' : `; eval set frozen ${escapeName(traffic.eval_set_frozen, 20)}`}`,
      ),
      line(`Settings: ${settingsPhrase(traffic)}.`),
      ...(notListed.length === 0
        ? []
        : [
            line(
              `Not in the traffic file, so their mix is not checked: ${notListed.map((d) => escapeName(d, 60)).join(', ')}`,
            ),
          ]),
    ],
    close: [''],
  };
}

function dimensionSections(d: TrafficDimension, comparisons: readonly Comparison[]): CommentSection[] {
  const name = escapeName(d.dimension, 60);
  const mix =
    d.psi === null
      ? 'fewer than two cohorts to compare: no PSI or chi-square test'
      : `PSI ${psiPhrase(d.psi)}${d.mix_shift ? ' ⚠️ the mix has shifted' : ''} · ${chiSquarePhrase(d.chi_square)}`;
  const table: CommentSection = {
    open: [`#### ${name}: ${mix}`, ''],
    tableHead: [
      '| | cohort | production count | production share | eval n | eval share | PSI term | state |',
      '|---|---|---:|---:|---:|---:|---:|---|',
    ],
    rows: d.cohorts.map((row) => ({
      text: `| ${STATE_ICON[row.state]} | ${escapeName(row.cohort, 80)} | ${row.production_count === null ? '–' : formatCount(row.production_count)} | ${sharePhrase(row.production_share)} | ${formatCount(row.eval_n)} | ${sharePhrase(row.eval_share)} | ${psiPhrase(row.psi_term)} | ${STATE_WORD[row.state]} |`,
      rank: row.state === 'absent' || row.state === 'thin' ? RANK.traffic : RANK.passing,
      noun: ['traffic cohort', 'traffic cohorts'],
    })),
    close: [''],
  };
  const weighted: CommentSection = {
    open: [],
    tableHead: [],
    rows: weightedResults(d, comparisons).map((r) => {
      const metric = escapeName(r.metric, 60);
      const text =
        r.reason !== null
          ? `- ${metric}: not weighted: ${escapeMarkdown(r.reason, 300)}`
          : `- ${metric} on production's ${name} mix: ${resultPhrase(r.weighted)}; on the eval's mix: ${resultPhrase(r.overall)}${r.weighted === undefined ? '' : `; margin ${marginPhrase(r.weighted)}`}`;
      return { text, rank: RANK.traffic, noun: ['traffic-weighted comparison', 'traffic-weighted comparisons'] };
    }),
    close: [''],
  };
  return [table, weighted];
}
