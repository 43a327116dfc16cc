import type { PairedData, UnmatchedIds } from '../load/paired-data.js';
import type { Policy } from '../policy/policy-schema.js';
import { metricSettings } from '../policy/effective-settings.js';
import type { Finding } from './finding.js';

/** Findings about the inputs themselves, before any statistics: nothing is dropped without a word. */
export function pairedDataFindings(data: PairedData, policy: Policy): Finding[] {
  const findings: Finding[] = [];
  const unmatched = (side: string, ids: UnmatchedIds): void => {
    if (ids.count === 0) return;
    findings.push({
      id: 'ids.unmatched',
      severity: policy.unmatched_ids,
      message: `${ids.count} example id(s) appear only in the ${side} file and were left out of the paired comparison (e.g. ${sample(ids)})`,
    });
  };
  unmatched('incumbent', data.incumbentOnly);
  unmatched('candidate', data.candidateOnly);
  if (data.membershipMismatch.count > 0) {
    findings.push({
      id: 'cohort.membership-mismatch',
      severity: 'block',
      message: `${data.membershipMismatch.count} example(s) have different cohorts or labels in the two files (e.g. ${sample(data.membershipMismatch)}); the same example must be in the same cohorts for a fair comparison`,
    });
  }
  const onlyIn = (side: 'incumbent' | 'candidate'): void => {
    for (const { name: metric, kind } of data.metricsOnlyIn[side]) {
      const gated = metricSettings(policy, metric, kind).gated;
      findings.push({
        id: 'metric.one-side-only',
        severity: gated ? 'block' : 'warn',
        message: `metric ${metric} is in the ${side} file only, so it cannot be compared${gated ? ' (it is gated)' : ''}`,
        metric,
      });
    }
  };
  onlyIn('incumbent');
  onlyIn('candidate');
  return findings;
}

function sample(ids: UnmatchedIds): string {
  return ids.sample.map((id) => JSON.stringify(id)).join(', ');
}
