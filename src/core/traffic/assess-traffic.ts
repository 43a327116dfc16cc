import { compareCohortNames } from '../cohorts.js';
import type { Comparison } from '../compare/comparison.js';
import type { CohortMetricEvidence } from '../compare/comparison-data.js';
import type { Finding } from '../findings/finding.js';
import type { Policy } from '../policy/policy-schema.js';
import { dimensionOf, productionMixes } from './production-mix.js';
import type { TrafficFile } from './traffic-file.js';
import { daysBetween } from '../manifest/manifest-values.js';
import { isThin, trafficFindings } from './traffic-findings.js';
import { dimensionMix } from './traffic-mix.js';
import type { TrafficSection, TrafficWeighted } from './traffic-report.js';

export interface TrafficAssessmentInputs {
  readonly traffic: TrafficFile;
  /** The eval's evidence, without the traffic-weighted items. */
  readonly evidence: readonly CohortMetricEvidence[];
  /** Every decided comparison (the weighted ones included). */
  readonly comparisons: readonly Comparison[];
  /** Per dimension, the weighted comparisons made or why not (from trafficWeightedEvidence). */
  readonly weighted: ReadonlyMap<string, readonly TrafficWeighted[]>;
  readonly policy: Policy;
  /** The run's date (YYYY-MM-DD). */
  readonly today: string;
  /** The manifest's eval_set.frozen, when there is one. */
  readonly evalSetFrozen: string | null;
}

/** The report's traffic section and the findings it raises. */
export function assessTraffic(inputs: TrafficAssessmentInputs): { section: TrafficSection; findings: Finding[] } {
  const { traffic, policy } = inputs;
  const settings = {
    min_share: policy.traffic.min_share,
    min_n: policy.traffic.min_n ?? policy.cohorts.min_n,
    psi_warn: policy.traffic.psi_warn,
    mix_alpha: policy.traffic.mix_alpha,
    thin_mde_ratio: policy.traffic.thin_mde_ratio,
    max_age_days: policy.traffic.max_age_days,
    eval_max_age_days: policy.traffic.eval_max_age_days,
  };
  const evalN = examplesPerCohort(inputs.evidence);
  const thin = new Set(inputs.comparisons.filter((c) => isThin(c, settings.thin_mde_ratio)).map((c) => c.cohort));
  const mixes = productionMixes(traffic);
  const covered = new Set(mixes.map((mix) => mix.dimension));
  const section: TrafficSection = {
    file: { path: traffic.path, sha256: traffic.sha256 },
    window: traffic.window,
    source: traffic.source,
    window_age_days: daysBetween(traffic.window.to, inputs.today),
    eval_set_frozen: inputs.evalSetFrozen,
    settings,
    dimensions: mixes.map((mix) => ({
      ...dimensionMix(mix, evalN, thin, settings),
      weighted: inputs.weighted.get(mix.dimension) ?? [],
    })),
    dimensions_not_in_traffic: [
      ...new Set([...evalN.keys()].map(dimensionOf).filter((d): d is string => d !== undefined && !covered.has(d))),
    ].sort(compareCohortNames),
  };
  const unlisted = [...evalN.keys()].filter(
    (cohort) => dimensionOf(cohort) !== undefined && !traffic.counts.has(cohort),
  );
  return { section, findings: trafficFindings(section, inputs.comparisons, unlisted.sort(compareCohortNames)) };
}

/**
 * The eval's examples in each cohort: pairs for paired data, else the smaller side. A metric with
 * missing values left out has fewer; the cohort's count is its largest.
 */
function examplesPerCohort(evidence: readonly CohortMetricEvidence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of evidence) {
    const n = item.nPaired ?? Math.min(item.nIncumbent, item.nCandidate);
    counts.set(item.cohort, Math.max(counts.get(item.cohort) ?? 0, n));
  }
  return counts;
}
