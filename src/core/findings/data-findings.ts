import type { PairedData, UnmatchedIds } from '../load/paired-data.js';
import type { Policy } from '../policy/policy-schema.js';
import { metricSettings } from '../policy/effective-settings.js';
import type { Finding } from './finding.js';

/** Findings about the inputs themselves, before any statistics: nothing is dropped without a word. */
export function pairedDataFindings(data: PairedData, policy: Policy): Finding[] {
  const findings: Finding[] = [];
  const unmatched = (side: 'incumbent' | 'candidate', ids: UnmatchedIds): void => {
    const finding = unmatchedFinding(side, ids.count, data.examples[side], policy, ` (e.g. ${sample(ids)})`);
    if (finding !== undefined) findings.push(finding);
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

/**
 * Ids of one file without a partner in the other: `ids.unmatched` at the policy's unmatched_ids
 * severity, or `ids.unmatched-share` (blocking, whatever unmatched_ids says) when they are more than
 * max_unmatched_share of that file: then the comparison no longer describes the file.
 */
export function unmatchedFinding(side: 'incumbent' | 'candidate', count: number, total: number, policy: Policy, example: string): Finding | undefined {
  if (count === 0) return undefined;
  const share = total > 0 ? count / total : 1;
  const what = `${count} of ${total} example id(s) in the ${side} file (${formatShare(share)}) have no partner in the other file and were left out of the paired comparison${example}`;
  if (share > policy.max_unmatched_share) {
    return { id: 'ids.unmatched-share', severity: 'block', message: `${what}; more than max_unmatched_share (${formatShare(policy.max_unmatched_share)}) is unmatched` };
  }
  return { id: 'ids.unmatched', severity: policy.unmatched_ids, message: what };
}

function formatShare(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}

function sample(ids: UnmatchedIds): string {
  return ids.sample.map((id) => JSON.stringify(id)).join(', ');
}
