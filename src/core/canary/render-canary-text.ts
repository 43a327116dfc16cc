import { escapeOutput } from '../escape-output.js';
import type { Finding } from '../findings/finding.js';
import { ABORT_STATUS_WORDS, abortValuePhrase, thresholdPhrase } from './canary-abort-phrases.js';
import {
  boundsSentence,
  canaryHeadline,
  comparisonsInOrder,
  deltaPhrase,
  stagePhrase,
  statusPhrase,
  valuesPhrase,
} from './canary-phrases.js';
import type { CanaryAbortCheck, CanaryComparison, CanaryReport } from './canary-report.js';
import { decidingItems } from './canary-deciding.js';
import { formatCount } from '../format-number.js';

/**
 * The canary report as plain text for terminals and CI logs, in the layout of the markdown outputs:
 * the decision line, the stage, what decided it, one line per comparison, the abort checks, the
 * findings and a footer on what the bounds mean. Every input string goes through escapeOutput, so a
 * name stays one inert line: no line of the output can start with a workflow command.
 */
export function renderCanaryText(report: CanaryReport): string {
  const lines = [canaryHeadline(report), `Stage: ${stagePhrase(report, escapeOutput)}`];
  const section = (title: string, rows: readonly string[]): void => {
    if (rows.length > 0) lines.push('', `${title}:`, ...rows.map((row) => `  ${row}`));
  };
  section('What decided it', [
    escapeOutput(report.reason),
    ...decidingItems(report, escapeOutput).map((item) => `[${item.kind}] ${item.text}`),
  ]);
  section(
    'Comparisons (at the last look)',
    comparisonsInOrder(report).map((c) => comparisonRow(c, report)),
  );
  section(
    'Abort checks (manifest rollout.abort_when, canary overall)',
    report.abort_checks.map((a) => abortRow(a, report)),
  );
  section('Findings', report.findings.map(findingRow));
  lines.push('', boundsSentence(report, escapeOutput), inputsLine(report));
  return `${lines.join('\n')}\n`;
}

/** "[regressed] overall · accuracy (canary n=5,800): 92.5% → 90.1%, Δ −2.4 pts [−3.2, −1.6]; at most …" */
function comparisonRow(c: CanaryComparison, report: CanaryReport): string {
  return `[${c.status}] ${subject(c)} (canary n=${formatCount(c.canary.n)}): ${valuesPhrase(c)}, Δ ${deltaPhrase(c)}; ${statusPhrase(c, report)}`;
}

function subject(c: CanaryComparison): string {
  return `${escapeOutput(c.cohort)} · ${escapeOutput(c.metric)}`;
}

/** "[crossed] error_rate above 0.0500: canary 0.0710 [0.0620, 0.0800], n=5,800 — crossed with confidence" */
function abortRow(a: CanaryAbortCheck, report: CanaryReport): string {
  return `[${a.status}] ${escapeOutput(a.metric)} ${thresholdPhrase(a, report)}: canary ${abortValuePhrase(a, report)} — ${ABORT_STATUS_WORDS[a.status]}`;
}

function findingRow(f: Finding): string {
  const where = f.file === undefined ? '' : ` (${escapeOutput(f.file)}${f.line === undefined ? '' : `:${f.line}`})`;
  return `[${f.severity}] ${escapeOutput(f.id)}: ${escapeOutput(f.message)}${where}`;
}

function inputsLine(report: CanaryReport): string {
  const { observations, manifest, policy } = report.inputs;
  const file = (label: string, f: { readonly path: string; readonly sha256: string }): string =>
    `${label} ${escapeOutput(f.path)} (sha256 ${escapeOutput(f.sha256.slice(0, 12))})`;
  return `Inputs: ${[
    file('observations', observations),
    file('manifest', manifest),
    policy === null ? 'default policy' : file('policy', policy),
  ].join(', ')}. Every look's bounds are in report.json.`;
}
