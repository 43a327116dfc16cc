import { formatCount } from '../format-number.js';
import type { TrafficCohortRow, TrafficDimension, TrafficSection } from '../traffic/traffic-report.js';
import type { CommentRow, CommentSection } from './comment-budget.js';
import { RANK } from './comment-sections.js';
import { escapeMarkdown, escapeName } from './escape-markdown.js';
import type { GateReport } from './report.js';
import {
  TRAFFIC_HEADING,
  psiPhrase,
  notWeightedGroups,
  resultPhrase,
  rowsWorstFirst,
  sharePhrase,
  weightedResults,
  windowPhrase,
} from './traffic-phrases.js';

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

const STATE_ICON: Partial<Record<TrafficCohortRow['state'], string>> = { absent: '⛔ ', thin: '⚠️ ' };

export function trafficCommentSections(report: GateReport): CommentSection[] {
  const traffic = report.traffic;
  if (traffic === null) return [];
  return [
    {
      open: [
        `### ${TRAFFIC_HEADING}`,
        '',
        `Production's mix from ${escapeName(traffic.file.path, 80)}, ${windowPhrase(traffic)}. Shares: eval vs production; Δ: on production's mix vs on the eval's (overall).`,
        '',
      ],
      tableHead: [
        "| dimension | eval vs production share | PSI | on production's mix vs the eval's |",
        '|---|---|---:|---|',
      ],
      rows: traffic.dimensions.map((d): CommentRow => ({
        text: `| ${escapeName(d.dimension, 40)} | ${sharesCell(d)} | ${d.mix_shift ? '⚠️ ' : ''}${psiPhrase(d.psi)} | ${weightedCell(d, report)} |`,
        rank: RANK.traffic,
        noun: ['traffic dimension', 'traffic dimensions'],
      })),
      close: ['', ...notInTraffic(traffic)],
    },
  ];
}

/** "⛔ region:mena 0.0% vs 3.2% · ⚠️ region:eu 24.8% vs 44.2% · … 3 more" */
function sharesCell(d: TrafficDimension): string {
  const rows = rowsWorstFirst(d);
  const shown = rows
    .slice(0, COHORTS_SHOWN)
    .map(
      (row) =>
        `${STATE_ICON[row.state] ?? ''}${escapeName(row.cohort, 50)} ${row.state === 'unknown-share' ? `n=${formatCount(row.eval_n)}, share unknown` : `${sharePhrase(row.eval_share)} vs ${sharePhrase(row.production_share)}`}`,
    );
  const more = rows.length - shown.length;
  return [...shown, ...(more > 0 ? [`… ${more} more`] : [])].join(' · ');
}

/**
 * "accuracy ✅ pass +1.7 pts (≥ +1.4 pts) vs ✅ pass +1.9 pts (≥ +1.6 pts) · latency_ms not weighted (…)".
 */
function weightedCell(d: TrafficDimension, report: GateReport): string {
  const results = weightedResults(d, report.comparisons);
  if (results.length === 0) return '–';
  const made = results
    .filter((r) => r.reason === null)
    .map((r) => `${escapeName(r.metric, 40)} ${resultPhrase(r.weighted)} vs ${resultPhrase(r.overall)}`);
  const why = notWeightedGroups(results).map(
    ({ metrics, reason }) =>
      `${metrics.map((m) => escapeName(m, 40)).join(', ')} not weighted (${escapeMarkdown(reason, 90)})`,
  );
  return [...made, ...why].join(' · ');
}

function notInTraffic(traffic: TrafficSection): string[] {
  const names = traffic.dimensions_not_in_traffic;
  if (names.length === 0) return [];
  const named = names.slice(0, DIMENSIONS_NAMED).map((n) => escapeName(n, 40));
  const more = names.length - named.length;
  return [
    `Not in the traffic file, so their mix is not checked: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
    '',
  ];
}
