import type { Policy } from '../policy/policy-schema.js';
import { CohortSettings, MetricSettings, cohortSettings, metricSettings } from '../policy/effective-settings.js';
import { adjustPValues, decisionLevel } from '../stats/multiplicity.js';
import { withAbsentRequiredCohorts } from './absent-required-cohorts.js';
import { nearestRankQuantile } from '../stats/paired-quantile-bootstrap.js';
import type { CohortMetricEvidence } from './comparison-data.js';
import type { Comparison, ReportedMetric } from './comparison.js';
import {
  EvidenceFiles,
  requireFiniteReported,
  requireFiniteResult,
  requireFiniteStatistics,
} from './finite-statistics.js';
import { inferDifference } from './infer-difference.js';
import { minimumDetectableEffect } from './minimum-detectable-effect.js';
import { compareCohortNames } from '../cohorts.js';
import { bootstrapSeed } from './quantile-bootstraps.js';
import { reportOnly } from './report-only.js';

export interface Decisions {
  readonly comparisons: Comparison[];
  readonly reported: ReportedMetric[];
  /** Comparisons that carried a test into the multiplicity correction. */
  readonly testedCount: number;
}

interface Pending {
  readonly base: Omit<Comparison, 'status' | 'p_adjusted' | 'mde' | 'note'>;
  readonly evidence: CohortMetricEvidence;
  readonly cohort: CohortSettings;
  readonly metric: MetricSettings;
  readonly tested: boolean;
  readonly standardError: number;
  readonly df?: number | undefined;
  /** The upper bound at another one-sided level (the one the correction applied to this comparison). */
  readonly upperBoundAt?: ((level: number) => number) | undefined;
  readonly status?: Comparison['status'];
  readonly note?: string;
}

/**
 * Decides every tracked (cohort, metric):
 * - regressed: H0 Δ ≥ −δ is rejected at alpha after the correction across all tested pairs;
 * - pass: the one-sided (1 − alpha) lower bound of Δ is above −δ;
 * - inconclusive: neither (with the smallest drop the cohort could detect);
 * - missing: absent on a side, or required and below min_n.
 * `files` names the eval files in the error for a statistic that overflows.
 */
export function decideComparisons(
  evidence: readonly CohortMetricEvidence[],
  policy: Policy,
  files?: EvidenceFiles,
): Decisions {
  const pending: Pending[] = [];
  const reported: ReportedMetric[] = [];
  const cohortCache = new Map<string, CohortSettings>();
  const settingsOf = (cohort: string): CohortSettings => {
    let settings = cohortCache.get(cohort);
    if (settings === undefined) {
      settings = cohortSettings(policy, cohort);
      cohortCache.set(cohort, settings);
    }
    return settings;
  };

  for (const item of withAbsentRequiredCohorts(evidence, policy)) {
    const cohort = settingsOf(item.cohort);
    if (!cohort.tracked) continue;
    const metric = metricSettings(policy, item.metric, item.kind);
    if (!metric.gated) {
      reported.push(requireFiniteReported(item, files, reportOnly(item, metric)));
      continue;
    }
    pending.push(prepare(item, cohort, metric, policy, files));
  }

  const testedIndexes = pending.flatMap((p, i) => (p.tested ? [i] : []));
  const adjusted = adjustPValues(
    testedIndexes.map((i) => (pending[i] as Pending).base.p_value as number),
    policy.correction,
  );
  const adjustedByIndex = new Map(testedIndexes.map((index, k) => [index, adjusted[k] as number]));
  // The MDE is reported at the strictest per-comparison level the correction can apply (alpha/m for
  // Holm, Bonferroni and BH alike), so it never promises more sensitivity than the gate has.
  const correctedAlpha = policy.correction === 'none' ? policy.alpha : policy.alpha / Math.max(1, testedIndexes.length);

  const comparisons = pending.map((p, index) => finish(p, adjustedByIndex.get(index), correctedAlpha, policy));
  comparisons.sort(
    (a, b) => compareCohortNames(a.cohort, b.cohort) || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0),
  );
  reported.sort(
    (a, b) => compareCohortNames(a.cohort, b.cohort) || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0),
  );
  return { comparisons, reported, testedCount: testedIndexes.length };
}

function prepare(
  item: CohortMetricEvidence,
  cohort: CohortSettings,
  metric: MetricSettings,
  policy: Policy,
  files: EvidenceFiles | undefined,
): Pending {
  const n = item.nPaired ?? Math.min(item.nIncumbent, item.nCandidate);
  const base = {
    cohort: item.cohort,
    metric: item.metric,
    statistic: metric.statistic,
    direction: metric.direction,
    n_incumbent: item.nIncumbent,
    n_candidate: item.nCandidate,
    n_paired: item.nPaired ?? null,
    rare: Math.min(item.nIncumbent, item.nCandidate) < policy.cohorts.rare_below,
    required: cohort.required,
    inconclusive_setting: cohort.inconclusive,
  };
  const empty = {
    incumbent: null,
    candidate: null,
    delta: null,
    ci_low: null,
    ci_high: null,
    margin: null,
    p_value: null,
    method: 'none',
  };
  if (item.data === undefined || item.nIncumbent === 0 || item.nCandidate === 0 || n === 0) {
    const side =
      item.nIncumbent === 0 && item.nCandidate === 0
        ? 'both files'
        : item.nIncumbent === 0
          ? 'the incumbent file'
          : item.nCandidate === 0
            ? 'the candidate file'
            : 'the pairing (no id in this cohort is in both files)';
    return {
      base: { ...base, ...empty },
      evidence: item,
      cohort,
      metric,
      tested: false,
      standardError: Number.NaN,
      status: 'missing',
      note: `absent from ${side}`,
    };
  }
  if (cohort.required && Math.min(item.nIncumbent, item.nCandidate, n) < cohort.minN) {
    return {
      base: { ...base, ...empty },
      evidence: item,
      cohort,
      metric,
      tested: false,
      standardError: Number.NaN,
      status: 'missing',
      note: `required cohort has n=${Math.min(item.nIncumbent, item.nCandidate, n)}, below min_n=${cohort.minN}`,
    };
  }

  const marginSetting = cohort.marginFor(item.metric, metric.margin);
  const marginOf = (incumbentValue: number): number =>
    marginSetting.kind === 'absolute' ? marginSetting.value : marginSetting.value * Math.abs(incumbentValue);
  requireFiniteStatistics(item, files);
  const data = item.data;
  if (
    data.kind === 'paired-quantile' &&
    Math.min(data.incumbent.length, data.candidate.length) < policy.quantile_min_n
  ) {
    // A bootstrap of a handful of values has (next to) no spread: one slower example would look certain.
    const incumbent = nearestRankQuantile(data.incumbent, data.p);
    const candidate = nearestRankQuantile(data.candidate, data.p);
    const size = Math.min(data.incumbent.length, data.candidate.length);
    const delta = orientedPointDelta(incumbent, candidate, metric.direction);
    requireFiniteResult(item, files, { estimate: delta, standardError: Number.NaN });
    return {
      base: {
        ...base,
        ...empty,
        incumbent,
        candidate,
        margin: marginOf(incumbent),
        delta,
        method: 'none (too few examples for a percentile test)',
      },
      evidence: item,
      cohort,
      metric,
      tested: false,
      standardError: Number.NaN,
      status: 'inconclusive',
      note: `n=${size} is below quantile_min_n=${policy.quantile_min_n}: a percentile of so few values has no usable spread; not tested`,
    };
  }
  const result = inferDifference(data, {
    direction: metric.direction,
    margin: marginOf,
    alpha: policy.alpha,
    bootstrap: { resamples: policy.bootstrap.resamples, seed: bootstrapSeed(policy, item.cohort, item.metric) },
    minIdenticalDifferences: policy.quantile_min_n,
  });
  const { margin } = result;
  const inference = result.inference;
  const common = {
    ...base,
    incumbent: result.incumbent,
    candidate: result.candidate,
    margin,
  };
  if (inference === undefined) {
    const delta = orientedPointDelta(result.incumbent, result.candidate, metric.direction);
    return {
      base: {
        ...common,
        delta,
        ci_low: null,
        ci_high: null,
        p_value: null,
        method: 'point comparison (the files give no uncertainty; none was used)',
      },
      evidence: item,
      cohort,
      metric,
      tested: false,
      standardError: Number.NaN,
      status: delta < -margin ? 'regressed' : 'pass',
      note: 'decided on point values alone: no confidence bound could be computed',
    };
  }
  requireFiniteResult(item, files, inference);
  const belowMinN = n < cohort.minN;
  const note = belowMinN ? `n=${n} is below min_n=${cohort.minN}: not tested` : inference.note;
  return {
    base: {
      ...common,
      delta: inference.estimate,
      ci_low: inference.lower,
      ci_high: inference.upper,
      p_value: inference.pValue,
      method: inference.method,
    },
    evidence: item,
    cohort,
    metric,
    tested: !belowMinN,
    standardError: inference.standardError,
    df: inference.df,
    upperBoundAt: inference.upperBoundAt,
    ...(belowMinN ? { status: 'inconclusive' as const } : {}),
    ...(note === undefined ? {} : { note }),
  };
}

function finish(p: Pending, pAdjusted: number | undefined, correctedAlpha: number, policy: Policy): Comparison {
  const { base } = p;
  const mde =
    p.evidence.data === undefined || base.incumbent === null || base.margin === null
      ? null
      : finiteOrNull(
          minimumDetectableEffect(
            p.evidence.data,
            base.incumbent,
            { standardError: p.standardError, df: p.df },
            { margin: base.margin, alpha: correctedAlpha, power: policy.power, direction: base.direction },
          ),
        );
  // The upper bound is printed at the level the correction held this comparison to, so that "the upper
  // bound is below −δ" and "regressed" are the same statement in every row.
  const level =
    pAdjusted === undefined || base.p_value === null
      ? undefined
      : decisionLevel(base.p_value, pAdjusted, policy.alpha, correctedAlpha);
  const ciHigh =
    level !== undefined && level < policy.alpha && p.upperBoundAt !== undefined ? p.upperBoundAt(level) : base.ci_high;
  let status = p.status;
  if (status === undefined) {
    const margin = base.margin ?? 0;
    if (pAdjusted !== undefined && pAdjusted < policy.alpha) status = 'regressed';
    else if (base.ci_low !== null && base.ci_low > -margin) status = 'pass';
    else status = 'inconclusive';
  }
  return { ...base, ci_high: ciHigh, status, p_adjusted: pAdjusted ?? null, mde, note: p.note ?? null };
}

function orientedPointDelta(incumbent: number, candidate: number, direction: 'higher' | 'lower'): number {
  return direction === 'higher' ? candidate - incumbent : incumbent - candidate;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
