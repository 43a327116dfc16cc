import type { Finding } from '../findings/finding.js';
import { READINESS_RULES } from './rules/all-rules.js';
import type { ReadinessContext, ReadinessItem } from './readiness-types.js';

/** Runs every readiness rule: the checklist, and the findings that join the single findings list. */
export function evaluateReadiness(context: ReadinessContext): { items: ReadinessItem[]; findings: Finding[] } {
  const items: ReadinessItem[] = [];
  const findings: Finding[] = [];
  for (const rule of READINESS_RULES) {
    const result = rule(context);
    items.push(result.item);
    findings.push(...result.findings);
  }
  return { items, findings };
}

/**
 * After waivers: an item whose findings are all waived shows as `waived`; one with any finding still
 * active stays `finding`. Findings are matched to items by their id's prefix (`kill-switch.` → kill_switch).
 */
export function itemsAfterWaivers(items: readonly ReadinessItem[], findings: readonly Finding[]): ReadinessItem[] {
  return items.map((item) => {
    if (item.status !== 'finding') return item;
    const own = findings.filter((f) => itemOfFinding(f.id) === item.id);
    const allWaived = own.length > 0 && own.every((f) => f.waiver !== undefined);
    return allWaived ? { ...item, status: 'waived' } : item;
  });
}

const PREFIX_TO_ITEM: Record<string, ReadinessItem['id']> = {
  owner: 'owners',
  rollout: 'rollout',
  'kill-switch': 'kill_switch',
  monitoring: 'monitoring',
  'load-test': 'load_test',
  'eval-coverage': 'eval_coverage',
  consistency: 'consistency',
};

/** The checklist item a readiness finding belongs to (`kill-switch.stale` → kill_switch). */
function itemOfFinding(id: string): ReadinessItem['id'] | undefined {
  return PREFIX_TO_ITEM[id.split('.')[0] ?? ''];
}
