import type { Comparison } from '../compare/comparison.js';
import { formatDelta, formatP, formatValue, formatDetectable } from '../format-number.js';
import type { Finding } from './finding.js';

/**
 * Every comparison that did not pass becomes a finding, so one list decides the verdict.
 * `missingCohort` (the policy's missing_cohort) is the severity of a tracked cohort the incumbent has
 * and the candidate cannot be compared on; a cohort new in the candidate is only a warning.
 */
export function comparisonFindings(
  comparisons: readonly Comparison[],
  missingCohort: 'warn' | 'block' = 'block',
): Finding[] {
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
        findings.push(missingFinding(c, subject, missingCohort));
        break;
      case 'inconclusive':
        findings.push({
          id: 'cohort.inconclusive',
          severity: c.inconclusive_setting,
          message: `${subject}: too little data to tell. n=${c.n_paired ?? Math.min(c.n_incumbent, c.n_candidate)} can only detect ${formatDetectable(c.mde, s, 'sentence')}; observed Δ ${formatDelta(c.delta, s)}${c.note === null ? '' : ` (${c.note})`}`,
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

function missingFinding(c: Comparison, subject: string, missingCohort: 'warn' | 'block'): Finding {
  const about = { cohort: c.cohort, metric: c.metric };
  const note = c.note ?? 'missing';
  if (c.required)
    return {
      id: 'cohort.missing',
      severity: 'block',
      message: `${subject}: ${note} (the policy requires this cohort)`,
      ...about,
    };
  // The incumbent was measured on this cohort and the candidate cannot be judged on it: absent from
  // the candidate, or no example of it has a partner. Dropping it would hide exactly what may regress.
  const lostByCandidate = c.n_incumbent > 0 && (c.n_candidate === 0 || c.n_paired === 0);
  if (lostByCandidate) {
    const message = `${subject}: ${note}; the incumbent has this cohort, so it cannot be judged (missing_cohort: ${missingCohort})`;
    return { id: 'cohort.missing', severity: missingCohort, message, ...about };
  }
  return { id: 'cohort.missing', severity: 'warn', message: `${subject}: ${note}`, ...about };
}
