import type { RunContext } from '../package/run-context.js';
import { type CommentContent, cohortPhrase, isDataFinding, plural } from './comment-classify.js';
import { escapeMarkdown, escapeName, markdownLink } from './escape-markdown.js';
import { formatCount } from './format-number.js';
import type { GateReport, Verdict } from './report.js';

/** The lines above the sections: what a reviewer needs before reading any table. */

const VERDICT: Record<Verdict, string> = {
  pass: '✅ Release gate: passed',
  warn: '⚠️ Release gate: passed with warnings',
  block: '⛔ Release gate: blocked',
};

/** The verdict and why, in one line: only the reasons of the verdict's own level, plus what waivers accepted. */
export function verdictHeading(report: GateReport, content: CommentContent): string {
  const reasons: string[] = [];
  if (report.verdict === 'block') {
    const blocking = content.blockingComparisons;
    const regressed = blocking.filter((c) => c.status === 'regressed');
    const missing = blocking.filter((c) => c.status === 'missing');
    const unclear = blocking.filter((c) => c.status === 'inconclusive');
    if (regressed.length > 0) reasons.push(`${cohortPhrase(regressed)} regressed`);
    if (missing.length > 0) reasons.push(`${cohortPhrase(missing)} required but missing`);
    if (unclear.length > 0) reasons.push(`${cohortPhrase(unclear)} too small to tell (blocking)`);
    const data = content.blockingFindings.filter(isDataFinding).length;
    const readiness = content.blockingFindings.length - data;
    if (readiness > 0) reasons.push(plural(readiness, 'readiness finding', 'readiness findings'));
    if (data > 0) reasons.push(plural(data, 'data finding', 'data findings'));
    if (reasons.length === 0) reasons.push(plural(report.summary.blocking_findings, 'blocking finding', 'blocking findings'));
  } else if (report.verdict === 'warn') {
    if (content.inconclusive.length > 0) reasons.push(`${cohortPhrase(content.inconclusive)} too small to tell`);
    const warnings = content.warnings.length + content.waiverProblems.length;
    if (warnings > 0) reasons.push(plural(warnings, 'warning', 'warnings'));
    if (reasons.length === 0) reasons.push(plural(report.summary.warnings, 'warning', 'warnings'));
  } else {
    reasons.push(`all ${cohortPhrase(report.comparisons)} within their margins`);
  }
  if (content.waived.length > 0) reasons.push(`${formatCount(content.waived.length)} accepted by waiver`);
  return `## ${VERDICT[report.verdict]} — ${reasons.join(', ')}`;
}

/** Which models, on what data, under which policy, and where to read more. */
export function contextLine(report: GateReport, run: RunContext): string {
  const parts = [models(report), design(report), policyOrigin(run)];
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
  const file = run.policySource.path === null ? 'the policy file' : `the policy file ${escapeName(run.policySource.path)}`;
  return [
    `> [!NOTE]`,
    `> This pull request changes ${file}. The gate applied the base branch's policy; the new policy takes effect once merged.`,
    '',
  ];
}

/** The legend of the bars and the tool, in small print. */
export function footerLine(report: GateReport, run: RunContext): string {
  const confidence = confidenceOf(report);
  const tool = `${escapeMarkdown(run.tool.name, 60)} ${escapeMarkdown(run.tool.version, 40)}`;
  return `<sub>Bars: ● Δ, ├─┤ its one-sided ${confidence}% bounds, ┊ the margin −δ, │ zero, ◄ ► beyond the scale; each row is drawn in multiples of its own margin. Δ = candidate − incumbent, positive is better. ${tool}</sub>`;
}

/** "95", "97.5": the confidence of the one-sided bounds. */
export function confidenceOf(report: GateReport): string {
  return String(Number(((1 - report.policy.alpha) * 100).toPrecision(4)));
}

/** Names and versions from the manifest when there is one (it is what the reviewer knows them by), else from the files. */
function models(report: GateReport): string {
  const manifest = report.readiness.manifest;
  if (manifest !== null) {
    const { name, candidate, incumbent } = manifest.model;
    return `**${escapeName(name)} ${escapeName(candidate, 40)}** vs incumbent **${escapeName(incumbent, 40)}**`;
  }
  const side = (d: GateReport['inputs']['candidate']): string =>
    d.model === null ? escapeName(d.path) : `${escapeName(d.model.name)} ${escapeName(d.model.version, 40)}`;
  return `**${side(report.inputs.candidate)}** vs incumbent **${side(report.inputs.incumbent)}**`;
}

function design(report: GateReport): string {
  if (report.design === 'unpaired') return 'unpaired summaries';
  const { incumbent, candidate } = report.inputs;
  const i = incumbent.examples ?? 0;
  const c = candidate.examples ?? 0;
  return i === c ? `paired by id, ${plural(c, 'example', 'examples')}` : `paired by id, ${formatCount(c)} candidate and ${formatCount(i)} incumbent examples`;
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
