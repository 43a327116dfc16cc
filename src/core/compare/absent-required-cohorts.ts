import { isLiteralPattern } from '../policy/glob.js';
import type { Policy } from '../policy/policy-schema.js';
import type { CohortMetricEvidence } from './comparison-data.js';

/** A required cohort named literally but found in neither file still needs a (missing) row. */
export function withAbsentRequiredCohorts(
  evidence: readonly CohortMetricEvidence[],
  policy: Policy,
): CohortMetricEvidence[] {
  const present = new Set(evidence.map((e) => e.cohort));
  // Every metric any cohort carries: a summary need not have an `overall` cohort.
  const metrics = new Map<string, CohortMetricEvidence['kind']>();
  for (const e of evidence) if (!metrics.has(e.metric)) metrics.set(e.metric, e.kind);
  const extra: CohortMetricEvidence[] = [];
  for (const pattern of policy.cohorts.required) {
    if (!isLiteralPattern(pattern) || present.has(pattern)) continue;
    for (const [metric, kind] of metrics) {
      extra.push({ cohort: pattern, metric, kind, nIncumbent: 0, nCandidate: 0, nPaired: undefined, data: undefined });
    }
  }
  return [...evidence, ...extra];
}
