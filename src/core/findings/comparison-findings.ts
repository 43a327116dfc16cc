import type { Comparison } from '../compare/comparison.js';
import { formatDelta, formatP, formatValue } from '../report/format-number.js';
import type { Finding } from './finding.js';

/** Every comparison that did not pass becomes a finding, so one list decides the verdict. */
export function comparisonFindings(comparisons: readonly Comparison[]): Finding[] {
  const findings: Finding[] = [];
  for (const c of comparisons) {
    const subject = `cohort ${c.cohort} · ${c.metric}`;
    const about = { cohort: c.cohort, metric: c.metric };
    const s = c.statistic;
    switch (c.status) {
      case 'regressed':
        findings.push({
          id: 'cohort.regressed',
          severity: 'block',
          message: `${subject}: ${formatValue(c.incumbent, s)} → ${formatValue(c.candidate, s)} (Δ ${formatDelta(c.delta, s)}), worse than the tolerated drop of ${formatDelta(c.margin, s, false)}; ${c.method}, adjusted p = ${formatP(c.p_adjusted)}`,
          ...about,
        });
        break;
      case 'missing':
        findings.push({
          id: 'cohort.missing',
          severity: c.required ? 'block' : 'warn',
          message: `${subject}: ${c.note ?? 'missing'}${c.required ? ' (the policy requires this cohort)' : ''}`,
          ...about,
        });
        break;
      case 'inconclusive':
        findings.push({
          id: 'cohort.inconclusive',
          severity: c.inconclusive_setting,
          message: `${subject}: too little data to tell. n=${c.n_paired ?? Math.min(c.n_incumbent, c.n_candidate)} can only detect drops of ${formatDelta(c.mde, s, false)} or more; observed Δ ${formatDelta(c.delta, s)}${c.note === null ? '' : ` (${c.note})`}`,
          ...about,
        });
        break;
      case 'pass':
        if (c.p_value === null && c.delta !== null) {
          findings.push({
            id: 'metric.no-uncertainty',
            severity: 'info',
            message: `${subject}: decided on point values only (the files give no uncertainty); Δ ${formatDelta(c.delta, s)}`,
            ...about,
          });
        }
        break;
    }
  }
  return findings;
}
