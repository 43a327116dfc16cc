import type { Comparison } from '../compare/comparison.js';
import { type Finding, isActive } from '../findings/finding.js';
import { locationOf, renderChecklist, renderWaived } from './render-readiness.js';
import { escapeMarkdown, escapeName } from './escape-markdown.js';
import { formatCount, formatDelta, formatP, formatValue, formatDetectable } from './format-number.js';
import type { GateReport, Verdict } from './report.js';

const VERDICT_HEADING: Record<Verdict, string> = {
  pass: '✅ Model release gate: pass',
  warn: '⚠️ Model release gate: pass with warnings',
  block: '⛔ Model release gate: blocked',
};

/** Rows per table before the rest is summarized as a count (the full list is in report.json). */
const MAX_ROWS = 200;

/** The markdown report (report.md and the job summary): verdict first, then what blocks, then what cannot be told. */
export function renderMarkdown(report: GateReport): string {
  const lines: string[] = [];
  lines.push(`## ${VERDICT_HEADING[report.verdict]}: ${reasonLine(report)}`, '');
  lines.push(contextLine(report), '');
  lines.push(...readingNotes(report));

  const active = report.findings.filter(isActive);
  // A comparison whose finding a waiver accepted is listed under the waivers, not under what blocks.
  const blocking = report.comparisons.filter((c) => (c.status === 'regressed' || (c.status === 'missing' && c.required)) && !isWaived(report, c));
  const otherBlocking = active.filter((f) => f.severity === 'block' && !COMPARISON_FINDINGS.has(f.id));
  if (blocking.length > 0 || otherBlocking.length > 0) {
    lines.push('### What blocks', '');
    if (blocking.length > 0) lines.push(...comparisonTable(blocking), '');
    if (otherBlocking.length > 0) lines.push(...findingTable(otherBlocking), '');
  }
  const inconclusive = report.comparisons.filter((c) => c.status === 'inconclusive');
  if (inconclusive.length > 0) {
    lines.push('### Too little data to tell', '');
    lines.push('| cohort | metric | n | observed Δ | could only detect a drop of | if inconclusive |', '|---|---|---:|---:|---:|---|');
    for (const c of inconclusive.slice(0, MAX_ROWS)) {
      lines.push(
        `| ${cohortCell(c)} | ${escapeName(c.metric)} | ${formatCount(nOf(c))} | ${formatDelta(c.delta, c.statistic)} | ${formatDetectable(c.mde, c.statistic)} | ${c.inconclusive_setting} |`,
      );
    }
    lines.push(...overflow(inconclusive.length), '');
  }
  const notes = active.filter((f) => f.severity !== 'block' && !COMPARISON_FINDINGS.has(f.id));
  if (notes.length > 0) {
    lines.push('### Warnings and notes', '');
    for (const f of notes.slice(0, MAX_ROWS)) {
      const where = locationOf(f);
      lines.push(`- ${severityIcon(f)} \`${f.id}\` ${escapeMarkdown(f.message, 400)}${where === '' ? '' : ` (${where})`}`);
    }
    lines.push(...overflow(notes.length), '');
  }
  lines.push(...renderWaived(report));
  lines.push(...renderChecklist(report));
  const passing = report.comparisons.filter((c) => c.status === 'pass' || (c.status === 'missing' && !c.required));
  if (passing.length > 0) {
    lines.push(`<details><summary>✅ ${passing.length} comparison(s) pass or are not required (show)</summary>`, '');
    lines.push(...comparisonTable(passing), '', '</details>', '');
  }
  lines.push(methodsLine(report), '');
  return lines.join('\n');
}

/** Findings that the comparison tables already show. */
const COMPARISON_FINDINGS = new Set(['cohort.regressed', 'cohort.inconclusive', 'cohort.missing', 'metric.no-uncertainty']);

function findingTable(findings: readonly Finding[]): string[] {
  const lines = ['| | finding | what to do | where |', '|---|---|---|---|'];
  for (const f of findings.slice(0, MAX_ROWS)) lines.push(`| ⛔ | \`${f.id}\` | ${escapeMarkdown(f.message, 400)} | ${locationOf(f)} |`);
  lines.push(...overflow(findings.length));
  return lines;
}

function reasonLine(report: GateReport): string {
  const s = report.summary;
  const parts: string[] = [];
  const waivedRegressions = report.comparisons.filter((c) => c.status === 'regressed' && isWaived(report, c)).length;
  if (s.regressed - waivedRegressions > 0) parts.push(`${s.regressed - waivedRegressions} cohort metric(s) regressed`);
  const requiredMissing = report.comparisons.filter((c) => c.status === 'missing' && c.required).length;
  if (requiredMissing > 0) parts.push(`${requiredMissing} required cohort metric(s) missing`);
  if (s.inconclusive > 0) parts.push(`${s.inconclusive} too small to tell`);
  const otherBlocking = report.findings.filter((f) => isActive(f) && f.severity === 'block' && !f.id.startsWith('cohort.')).length;
  if (otherBlocking > 0) parts.push(`${otherBlocking} blocking readiness or data finding(s)`);
  if (s.waived_findings > 0) parts.push(`${s.waived_findings} accepted by waiver`);
  if (parts.length === 0) parts.push(`all ${s.comparisons} cohort metric(s) within their margins`);
  return parts.join(', ');
}

/** How each file was read, when its reader or the policy's `inputs` had something to say. */
function readingNotes(report: GateReport): string[] {
  const lines: string[] = [];
  for (const side of ['incumbent', 'candidate'] as const) {
    for (const note of report.inputs[side].notes ?? []) lines.push(`- ${side}: ${escapeMarkdown(note, 400)}`);
  }
  return lines.length === 0 ? [] : [...lines, ''];
}

function contextLine(report: GateReport): string {
  const { incumbent, candidate } = report.inputs;
  const name = (d: typeof incumbent): string =>
    d.model === null ? `**${escapeName(d.path)}**` : `**${escapeName(d.model.name)} ${escapeName(d.model.version)}**`;
  const design =
    report.design === 'paired'
      ? `paired by id (${formatCount(incumbent.examples ?? 0)} incumbent, ${formatCount(candidate.examples ?? 0)} candidate examples)`
      : 'unpaired summaries';
  return `Candidate ${name(candidate)} vs incumbent ${name(incumbent)} · ${design} · alpha ${report.policy.alpha} one-sided, ${report.policy.correction} correction across ${report.summary.tested} tested comparison(s)`;
}

function comparisonTable(rows: readonly Comparison[]): string[] {
  const lines = [
    '| cohort | metric | n | incumbent | candidate | Δ | one-sided bounds | margin | adjusted p | method |',
    '|---|---|---:|---:|---:|---:|---|---:|---:|---|',
  ];
  for (const c of rows.slice(0, MAX_ROWS)) {
    const bounds = c.ci_low === null ? '–' : `${formatDelta(c.ci_low, c.statistic)} … ${formatDelta(c.ci_high, c.statistic)}`;
    const detail = c.note === null ? escapeMarkdown(c.method, 80) : `${escapeMarkdown(c.note, 80)}`;
    lines.push(
      `| ${statusIcon(c)} ${cohortCell(c)} | ${escapeName(c.metric)}${c.statistic === 'proportion' || c.statistic === 'mean' ? '' : ` (${c.statistic})`} | ${formatCount(nOf(c))} | ${formatValue(c.incumbent, c.statistic)} | ${formatValue(c.candidate, c.statistic)} | ${formatDelta(c.delta, c.statistic)} | ${bounds} | ${formatDelta(c.margin === null ? null : -c.margin, c.statistic)} | ${formatP(c.p_adjusted)} | ${detail} |`,
    );
  }
  lines.push(...overflow(rows.length));
  return lines;
}

function cohortCell(c: Comparison): string {
  return `${escapeName(c.cohort)}${c.rare ? ' (rare)' : ''}`;
}

function nOf(c: Comparison): number {
  return c.n_paired ?? Math.min(c.n_incumbent, c.n_candidate);
}

function statusIcon(c: Comparison): string {
  switch (c.status) {
    case 'regressed':
      return '🔻';
    case 'missing':
      return c.required ? '⛔' : '➖';
    case 'inconclusive':
      return '❔';
    case 'pass':
      return '✅';
  }
}

function severityIcon(f: Finding): string {
  return f.severity === 'block' ? '⛔' : f.severity === 'warn' ? '⚠️' : 'ℹ️';
}

function overflow(total: number): string[] {
  return total > MAX_ROWS ? ['', `…and ${total - MAX_ROWS} more (see report.json).`] : [];
}

function methodsLine(report: GateReport): string {
  const methods = [...new Set(report.comparisons.map((c) => c.method).filter((m) => m !== 'none'))].sort();
  return `<sub>Δ = candidate − incumbent, oriented so that positive is better; bounds are one-sided ${Math.round((1 - report.policy.alpha) * 100)}%. Methods: ${methods.map((m) => escapeMarkdown(m, 200)).join('; ') || 'none'}. ${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)}.</sub>`;
}

/** Whether the finding for this comparison was accepted by a waiver. */
function isWaived(report: GateReport, c: Comparison): boolean {
  return report.findings.some((f) => f.cohort === c.cohort && f.metric === c.metric && f.id.startsWith('cohort.') && f.waiver !== undefined);
}
