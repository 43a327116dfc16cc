import type { RunContext } from './run-context.js';
import type { CommentContent } from './comment-classify.js';
import { confidenceOf as confidenceAt, correctionName, methodsUsed } from './comparison-phrases.js';
import { DELTA_BAR_LEGEND } from './delta-bar.js';
import { escapeMarkdown, escapeName, markdownLink } from './escape-markdown.js';
import { formatCount } from '../format-number.js';
import { VERDICT_ICON, countsLine, designPhrase, modelsPhrase, reportModelNames, verdictLine } from './headline.js';
import type { GateReport } from './report.js';

/** The lines above and below the sections of the markdown outputs: what a reviewer needs before and after the tables. */

/** The verdict line as a heading: the same words as every other output, after the verdict's icon. */
function verdictHeading(report: GateReport, content: CommentContent): string {
  return `## ${VERDICT_ICON[report.verdict]} ${verdictLine(report, content)}`;
}

/** The header of every markdown output: verdict, which models on what data (and, in a pull request, more), counts. */
export function headerLines(report: GateReport, content: CommentContent, context: string): string[] {
  return [verdictHeading(report, content), '', context, '', countsLine(report.summary), ''];
}

/** Models and design: the context of a report without a run (report.md, the job summary). */
export function reportContextLine(report: GateReport): string {
  return `${modelsPhrase(reportModelNames(report), (name) => `**${escapeName(name)}**`)} · ${designPhrase(report.design, report.inputs)}`;
}

/** Which models, on what data, under which policy, and where to read more. */
export function contextLine(report: GateReport, run: RunContext): string {
  const parts = [reportContextLine(report), policyOrigin(run)];
  const links = [
    markdownLink('run', run.links.run),
    markdownLink('full report', run.links.report),
    markdownLink('validation package', run.links.artifact),
  ];
  for (const link of links) if (link !== null) parts.push(link);
  return parts.join(' · ');
}

/** A policy change in the pull request does not apply to itself: say so, or the author will wonder why. */
export function policyChangeNote(run: RunContext): string[] {
  if (!run.policySource.changedInPullRequest) return [];
  const file =
    run.policySource.path === null ? 'the policy file' : `the policy file ${escapeName(run.policySource.path)}`;
  return [
    `> [!NOTE]`,
    `> This pull request changes ${file}. The gate applied the base branch's policy; the new policy takes effect once merged.`,
    '',
  ];
}

/** The footer: what Δ and the bounds are, the bars' legend, the methods named once, and the tool. */
export function footerLine(report: GateReport): string {
  const correction = correctionName(report.policy.correction);
  const tested = `${formatCount(report.summary.tested)} tested comparison${report.summary.tested === 1 ? '' : 's'}`;
  const bounds = `Bounds are one-sided ${confidenceOf(report)}%, ${correction === null ? `uncorrected across ${tested}` : `${correction}-corrected across ${tested}`}.`;
  const methods = methodsUsed(report.comparisons).map(
    ({ method, metrics }) => `${metricList(metrics)}: ${escapeMarkdown(method, 200)}`,
  );
  const tool = `${escapeMarkdown(report.tool.name, 60)} ${escapeMarkdown(report.tool.version, 40)}`;
  return `<sub>Δ = candidate − incumbent, positive is better; proportions in percentage points (pts). ${bounds} ${DELTA_BAR_LEGEND} Methods: ${methods.join('; ') || 'none'}. ${tool}</sub>`;
}

/** The metrics a method served, the first few by name: the footer must stay a line. */
function metricList(metrics: readonly string[]): string {
  const shown = metrics.slice(0, 6).map((m) => escapeName(m, 40));
  return metrics.length > shown.length
    ? `${shown.join(', ')} and ${formatCount(metrics.length - shown.length)} more`
    : shown.join(', ');
}

/** "95", "97.5": the confidence of the one-sided bounds. */
function confidenceOf(report: GateReport): string {
  return confidenceAt(report.policy.alpha);
}

function policyOrigin(run: RunContext): string {
  const { origin, commit } = run.policySource;
  if (origin === 'defaults') return 'default policy';
  if (origin === 'workspace') return 'policy from the workspace';
  return commit === null ? 'policy from the base branch' : `policy from base commit ${shortCommit(commit)}`;
}

/** A commit id from the platform; anything that is not hex is escaped like any other input. */
function shortCommit(commit: string): string {
  return /^[0-9a-f]{7,64}$/i.test(commit) ? `\`${commit.slice(0, 7)}\`` : escapeName(commit, 40);
}
