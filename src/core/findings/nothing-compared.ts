import type { CohortMetricEvidence } from '../compare/comparison-data.js';
import type { Comparison, ReportedMetric } from '../compare/comparison.js';
import type { Finding } from './finding.js';

/** What the decisions say about how much was compared (a subset of decideComparisons' result). */
export interface DecisionCounts {
  readonly comparisons: readonly Comparison[];
  readonly reported: readonly ReportedMetric[];
  readonly testedCount: number;
}

/**
 * A run in which nothing was tested is never a pass: with no shared id, no common metric or every
 * cohort missing, no finding about a regression can arise, and the verdict would otherwise be decided
 * by what was left out. One blocking `run.nothing-compared` finding says why.
 */
export function nothingComparedFindings(
  evidence: readonly CohortMetricEvidence[],
  decisions: DecisionCounts,
): Finding[] {
  // Point comparisons (files without uncertainty) carry no test but are decided on both sides' values.
  const decidedOnPoints = decisions.comparisons.filter(
    (c) => c.p_value === null && c.delta !== null && (c.status === 'pass' || c.status === 'regressed'),
  ).length;
  if (decisions.testedCount + decidedOnPoints > 0) return [];
  return [
    {
      id: 'run.nothing-compared',
      severity: 'block',
      message: `nothing was compared: ${reason(evidence, decisions)}. A run that tests nothing cannot pass.`,
    },
  ];
}

function reason(evidence: readonly CohortMetricEvidence[], decisions: DecisionCounts): string {
  if (evidence.length === 0) return 'the two files have no metric in common';
  if (evidence.every((e) => e.nPaired === 0)) return 'no example id is in both files, so no pair could be formed';
  if (decisions.comparisons.length === 0) {
    return decisions.reported.length > 0
      ? 'no metric is gated (every metric is report-only: `gate: false`, or a continuous metric the policy does not name)'
      : 'no cohort is tracked';
  }
  if (decisions.comparisons.every((c) => c.status === 'missing'))
    return 'every tracked cohort and metric is missing from one side';
  return 'no comparison had enough data to be tested (every one is below min_n or missing)';
}
