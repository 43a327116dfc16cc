import { type Finding, isActive } from '../findings/finding.js';
import { itemOfFinding } from '../readiness/evaluate-readiness.js';
import type { ReadinessItem } from '../readiness/readiness-types.js';
import { escapeMarkdown, escapeName } from './escape-markdown.js';
import type { GateReport } from './report.js';

const ITEM_ICON: Record<ReadinessItem['status'], string> = { ok: '✅', finding: '⛔', waived: '🟡', 'not-required': '➖' };

/** Where a finding points: "release-manifest.yml line 24". */
export function locationOf(finding: Finding): string {
  if (finding.file === undefined) return '';
  return `${escapeName(finding.file)}${finding.line === undefined ? '' : ` line ${finding.line}`}`;
}

/** The accepted findings: who accepted each, why, until when, and whether the approval was verified. */
export function renderWaived(report: GateReport): string[] {
  const waived = report.findings.filter((f) => f.waiver !== undefined);
  if (waived.length === 0) return [];
  const lines = ['### Accepted (waivers)', ''];
  for (const f of waived) {
    const w = f.waiver;
    if (w === undefined) continue;
    const subject = f.cohort === undefined ? `\`${f.id}\`` : `\`${f.id}\` ${escapeName(f.cohort)} · ${escapeName(f.metric ?? '')}`;
    const verified = w.verified ? '✅ approval verified' : '⚠️ approval not verified';
    const link = w.link === null ? '' : ` · ${escapeMarkdown(w.link, 200)}`;
    lines.push(`- ${subject}: accepted by ${escapeName(w.accepted_by)} until ${escapeName(w.expires)}: “${escapeMarkdown(w.reason, 300)}” · ${verified}${link}`);
  }
  lines.push('');
  return lines;
}

/** The checklist, one line per item: what needs action first, then accepted, then what passed. */
export function renderChecklist(report: GateReport): string[] {
  const { readiness } = report;
  if (readiness.manifest === null) return [];
  const order: ReadinessItem['status'][] = ['finding', 'waived', 'ok', 'not-required'];
  const items = [...readiness.items].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  const lines = [`### Readiness: ${escapeName(readiness.manifest.path)}, ${escapeName(readiness.manifest.risk_class)} risk`, ''];
  for (const item of items) {
    const icon = item.status === 'finding' && !blocksItem(report, item.id) ? '⚠️' : ITEM_ICON[item.status];
    const evidence = item.evidence === null ? '' : `: ${escapeMarkdown(item.evidence, 160)}`;
    const note = item.status === 'not-required' ? ' (not required at this risk class)' : item.status === 'waived' ? ' (accepted by waiver)' : '';
    lines.push(`- ${icon} ${escapeMarkdown(item.title)}${evidence}${note}`);
  }
  lines.push('');
  return lines;
}

/** Whether an item has a blocking finding still in force (an item with only warnings shows ⚠️, not ⛔). */
export function blocksItem(report: GateReport, id: ReadinessItem['id']): boolean {
  return report.findings.some((f) => isActive(f) && f.severity === 'block' && itemOfFinding(f.id) === id);
}
