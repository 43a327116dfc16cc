import type { PairedData, UnmatchedIds } from '../load/paired-data.js';
import type { Policy } from '../policy/policy-schema.js';
import type { ReadTally } from '../readers/reader-types.js';
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
  findings.push(
    ...missingValueFindings(
      data.tallies,
      { incumbent: data.examples.incumbent, candidate: data.examples.candidate },
      policy,
      data.droppedPairwise,
    ),
  );
  if (data.repeatCountMismatch.count > 0 && data.binaryMetrics.length > 0) {
    const rule = policy.inputs.repeats === 'any' ? 'pass@k' : 'pass^k';
    findings.push({
      id: 'repeats.unequal',
      severity: 'block',
      message: `${data.repeatCountMismatch.count} paired example(s) combine a different number of repeats in the two files (e.g. ${sample(data.repeatCountMismatch)}; ${repeatCounts(data)}): ${rule} changes with the number of repeats k, so the pass/fail outcomes are not comparable; run both models with the same number of repeats`,
    });
  }
  return findings;
}

type Side = 'incumbent' | 'candidate';

/**
 * What the readers did with missing values, per side: `values.missing` (warn) with the counts, and
 * `values.missing-rate-gap` (block) when one side lost clearly more values than the other: a model
 * whose failures are recorded as missing must not look better for it. `examples` counts the examples
 * kept; the share is missing values per example read (kept + dropped). `droppedPairwise` (paired
 * data only) counts, by the side that dropped an example, the partners the other side lost with it:
 * said here, because they are not reported as unmatched ids.
 */
export function missingValueFindings(
  tallies: { readonly incumbent?: ReadTally | undefined; readonly candidate?: ReadTally | undefined },
  examples: { readonly incumbent: number | null; readonly candidate: number | null },
  policy: Policy,
  droppedPairwise: { readonly incumbent: number; readonly candidate: number } = { incumbent: 0, candidate: 0 },
): Finding[] {
  const findings: Finding[] = [];
  const shares: Partial<Record<Side, number>> = {};
  for (const side of ['incumbent', 'candidate'] as const) {
    const tally = tallies[side];
    const kept = examples[side];
    if (kept !== null)
      shares[side] = tally === undefined || tally.missing === 0 ? 0 : tally.missing / Math.max(1, kept + tally.dropped);
    if (tally === undefined || tally.missing === 0) continue;
    const became = [
      tally.missingAsFailure > 0 ? `${tally.missingAsFailure} counted as failures` : '',
      tally.dropped > 0 ? `${tally.dropped} example(s) dropped` : '',
    ].filter((part) => part !== '');
    const other = side === 'incumbent' ? 'candidate' : 'incumbent';
    const pairwise =
      droppedPairwise[side] > 0
        ? `; ${droppedPairwise[side]} example(s) left out on both sides because the ${side}'s value was missing (their partners in the ${other} file are not counted as unmatched)`
        : '';
    findings.push({
      id: 'values.missing',
      severity: 'warn',
      message: `${tally.missing} value(s) in the ${side} file were missing${became.length > 0 ? ` (${became.join(', ')})` : ''}${shares[side] === undefined ? '' : `, ${formatShare(shares[side])} of the examples read`}${pairwise}; inputs.missing_values says what a missing value becomes`,
    });
  }
  const { incumbent, candidate } = shares;
  if (
    incumbent !== undefined &&
    candidate !== undefined &&
    Math.abs(incumbent - candidate) > policy.inputs.max_missing_rate_gap
  ) {
    findings.push({
      id: 'values.missing-rate-gap',
      severity: 'block',
      message: `missing values: ${formatShare(incumbent)} of the incumbent's examples but ${formatShare(candidate)} of the candidate's, a gap above inputs.max_missing_rate_gap (${formatShare(policy.inputs.max_missing_rate_gap)}); the models were not judged on the same evidence`,
    });
  }
  return findings;
}

function repeatCounts(data: PairedData): string {
  const side = (name: Side): string => {
    const r = data.repeats[name];
    return r === undefined
      ? `${name}: 1 record per example`
      : `${name}: ${r.min === r.max ? r.min : `${r.min}–${r.max}`} per example`;
  };
  return `${side('incumbent')}, ${side('candidate')}`;
}

/**
 * Ids of one file without a partner in the other: `ids.unmatched` at the policy's unmatched_ids
 * severity, or `ids.unmatched-share` (blocking, whatever unmatched_ids says) when they are more than
 * max_unmatched_share of that file: then the comparison no longer describes the file.
 */
export function unmatchedFinding(
  side: 'incumbent' | 'candidate',
  count: number,
  total: number,
  policy: Policy,
  example: string,
): Finding | undefined {
  if (count === 0) return undefined;
  const share = total > 0 ? count / total : 1;
  const what = `${count} of ${total} example id(s) in the ${side} file (${formatShare(share)}) have no partner in the other file and were left out of the paired comparison${example}`;
  if (share > policy.max_unmatched_share) {
    return {
      id: 'ids.unmatched-share',
      severity: 'block',
      message: `${what}; more than max_unmatched_share (${formatShare(policy.max_unmatched_share)}) is unmatched`,
    };
  }
  return { id: 'ids.unmatched', severity: policy.unmatched_ids, message: what };
}

function formatShare(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}

function sample(ids: UnmatchedIds): string {
  return ids.sample.map((id) => JSON.stringify(id)).join(', ');
}
