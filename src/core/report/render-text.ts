import type { Comparison } from '../compare/comparison.js';
import { formatCount, formatDelta, formatP, formatValue } from './format-number.js';
import { escapeOutput } from './escape-output.js';
import type { GateReport } from './report.js';

/** Plain text for terminals: the verdict, then every non-passing comparison and finding, then a count of the rest. */
export function renderText(report: GateReport): string {
  const lines: string[] = [];
  const s = report.summary;
  lines.push(`verdict: ${report.verdict.toUpperCase()}`);
  lines.push(
    `${s.comparisons} comparisons (${s.tested} tested): ${s.pass} pass, ${s.regressed} regressed, ${s.inconclusive} inconclusive, ${s.missing} missing; ${s.blocking_findings} blocking finding(s), ${s.warnings} warning(s), ${s.waived_findings} accepted by waiver`,
  );
  for (const side of ['incumbent', 'candidate'] as const) {
    for (const note of report.inputs[side].notes ?? []) lines.push(`note (${side}): ${escapeOutput(note)}`);
  }
  if (report.readiness.manifest !== null) {
    lines.push('', `readiness (${escapeOutput(report.readiness.manifest.path)}, ${report.readiness.manifest.risk_class} risk):`);
    for (const item of report.readiness.items) lines.push(`  ${item.status.padEnd(12)} ${item.title}${item.evidence === null ? '' : `: ${escapeOutput(item.evidence)}`}`);
  }
  const notPassing = report.comparisons.filter((c) => c.status !== 'pass');
  if (notPassing.length > 0) {
    lines.push('', 'cohorts that did not pass:');
    for (const c of notPassing) lines.push(`  ${describe(c)}`);
  }
  if (report.findings.length > 0) {
    lines.push('', 'findings:');
    for (const f of report.findings) {
      const accepted = f.waiver === undefined ? '' : `, accepted by ${escapeOutput(f.waiver.accepted_by)} until ${escapeOutput(f.waiver.expires)}${f.waiver.verified ? '' : ' (unverified)'}`;
      const where = f.file === undefined ? '' : ` (${escapeOutput(f.file)}${f.line === undefined ? '' : `:${f.line}`})`;
      lines.push(`  [${f.severity}${accepted}] ${f.id}: ${escapeOutput(f.message)}${where}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function describe(c: Comparison): string {
  const n = c.n_paired ?? Math.min(c.n_incumbent, c.n_candidate);
  const head = `${c.status.toUpperCase().padEnd(12)} ${escapeOutput(c.cohort)} · ${escapeOutput(c.metric)}${c.rare ? ' (rare)' : ''} n=${formatCount(n)}`;
  if (c.status === 'missing') return `${head}: ${c.note ?? ''}`;
  const values = `${formatValue(c.incumbent, c.statistic)} → ${formatValue(c.candidate, c.statistic)}, Δ ${formatDelta(c.delta, c.statistic)}`;
  const bound = c.ci_low === null ? '' : ` (lower bound ${formatDelta(c.ci_low, c.statistic)}, margin ${formatDelta(c.margin, c.statistic, false)})`;
  const tail = c.status === 'inconclusive' ? `; can only detect drops ≥ ${formatDelta(c.mde, c.statistic, false)}` : `; adjusted p ${formatP(c.p_adjusted)}`;
  return `${head}: ${values}${bound}${tail}`;
}
