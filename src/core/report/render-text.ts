import type { Comparison } from '../compare/comparison.js';
import type { Finding } from '../findings/finding.js';
import { type CommentContent, classifyReport, cohortPhrase } from './comment-classify.js';
import {
  confidenceOf,
  correctionName,
  inconclusivePhrase,
  methodsUsed,
  missingPhrase,
  regressionPhrase,
  sizePhrase,
} from './comparison-phrases.js';
import { escapeOutput } from '../escape-output.js';
import { formatCount } from '../format-number.js';
import { countsLine, designPhrase, modelsPhrase, reportModelNames, verdictLine } from './headline.js';
import type { GateReport } from './report.js';
import { trafficTextLines } from './traffic-text.js';

/**
 * Plain text for terminals, in the layout of the markdown outputs: the verdict line, the models, the
 * counts, then what blocks, what the data cannot tell, whether the eval looks like production (with a
 * traffic file), what was accepted, the checklist, other
 * warnings and notes, and one line for everything that passed. Each comparison and finding is
 * printed once, in the same words as the markdown. Every input string is escaped for the terminal.
 */
export function renderText(report: GateReport): string {
  const content = classifyReport(report);
  const lines = [
    verdictLine(report, content),
    `${modelsPhrase(reportModelNames(report), escapeOutput)} · ${designPhrase(report.design, report.inputs)}`,
    countsLine(report.summary),
  ];
  const section = (title: string, rows: readonly string[]): void => {
    if (rows.length > 0) lines.push('', `${title}:`, ...rows.map((row) => `  ${row}`));
  };
  section('What blocks', [
    ...content.blockingComparisons.map((c) => blockingRow(report, c)),
    ...content.blockingFindings.map((f) => findingRow(f)),
  ]);
  section(
    'Inconclusive',
    content.inconclusive.map((c) => `[inconclusive] ${subject(c)}: ${inconclusivePhrase(c, escapeOutput)}`),
  );
  lines.push(...trafficTextLines(report));
  section('Accepted (waivers)', [
    ...content.waived.map(waivedRow),
    ...content.waiverProblems.map((f) => findingRow(f)),
  ]);
  section(readinessTitle(report), readinessRows(report));
  section('Other warnings and notes', [
    ...content.warnings.map((f) => findingRow(f)),
    ...content.notCompared.map((c) => `[missing] ${subject(c)}: ${missingPhrase(c, escapeOutput)}`),
    ...content.notes.map((f) => findingRow(f)),
  ]);
  section(
    'How the files were read',
    (['incumbent', 'candidate'] as const).flatMap((side) =>
      (report.inputs[side].notes ?? []).map((note) => `note (${side}): ${escapeOutput(note)}`),
    ),
  );
  if (content.passing.length > 0) lines.push('', passingLine(content));
  lines.push('', footer(report));
  return `${lines.join('\n')}\n`;
}

function blockingRow(report: GateReport, c: Comparison): string {
  if (c.status === 'regressed') return `[regressed] ${subject(c)}: ${regressionPhrase(c, report.policy)}`;
  if (c.status === 'missing') return `[missing] ${subject(c)}: ${missingPhrase(c, escapeOutput)}`;
  return `[inconclusive] ${subject(c)}: ${inconclusivePhrase(c, escapeOutput)}; the policy blocks when this cohort cannot tell`;
}

/** "label:chargeback · accuracy (rare, n=281)" */
function subject(c: Comparison): string {
  const statistic = c.statistic === 'proportion' || c.statistic === 'mean' ? '' : ` ${escapeOutput(c.statistic)}`;
  return `${escapeOutput(c.cohort)} · ${escapeOutput(c.metric)}${statistic} (${c.required ? 'required, ' : ''}${sizePhrase(c)})`;
}

/** "[block] kill-switch.stale: … (release-manifest.yml:34)" */
function findingRow(f: Finding): string {
  const where = f.file === undefined ? '' : ` (${escapeOutput(f.file)}${f.line === undefined ? '' : `:${f.line}`})`;
  return `[${f.severity}] ${escapeOutput(f.id)}: ${escapeOutput(f.message)}${where}`;
}

function waivedRow(f: Finding): string {
  const w = f.waiver;
  const about = f.cohort === undefined ? '' : ` ${escapeOutput(f.cohort)} · ${escapeOutput(f.metric ?? '')}`;
  if (w === undefined) return `[accepted] ${escapeOutput(f.id)}${about}`;
  const verified = w.verified ? 'approval verified' : 'approval not verified';
  return `[accepted] ${escapeOutput(f.id)}${about}: accepted by ${escapeOutput(w.accepted_by)} until ${escapeOutput(w.expires)} (${verified}): “${escapeOutput(w.reason)}”`;
}

function readinessTitle(report: GateReport): string {
  const manifest = report.readiness.manifest;
  return manifest === null
    ? 'Readiness'
    : `Readiness (${escapeOutput(manifest.path)}, ${escapeOutput(manifest.risk_class)} risk)`;
}

/** What needs action first, then what was accepted, then what is in order. */
function readinessRows(report: GateReport): string[] {
  if (report.readiness.manifest === null) return [];
  const order = ['finding', 'waived', 'ok', 'not-required'];
  const items = [...report.readiness.items].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  return items.map(
    (item) =>
      `[${item.status}] ${escapeOutput(item.title)}${item.evidence === null ? '' : `: ${escapeOutput(item.evidence)}`}`,
  );
}

function passingLine(content: CommentContent): string {
  return `Passing: ${cohortPhrase(content.passing)} within their margins (the markdown report lists them).`;
}

function footer(report: GateReport): string {
  const correction = correctionName(report.policy.correction);
  const tested = `${formatCount(report.summary.tested)} tested comparison${report.summary.tested === 1 ? '' : 's'}`;
  const methods = methodsUsed(report.comparisons).map(
    ({ method, metrics }) => `${metrics.map(escapeOutput).join(', ')}: ${escapeOutput(method)}`,
  );
  return [
    `Δ = candidate − incumbent, positive is better; proportions in percentage points (pts). Bounds are one-sided ${confidenceOf(report.policy.alpha)}%, ${correction === null ? 'uncorrected' : `${correction}-corrected`} across ${tested}.`,
    `Methods: ${methods.join('; ') || 'none'}.`,
  ].join('\n');
}
