import { exactConditionalBounds, exactConditionalUpperBound } from '../stats/exact-paired-bounds.js';
import { mcnemarExact } from '../stats/mcnemar.js';
import { miettinenNurminenBounds, miettinenNurminenZ } from '../stats/independent-proportions.js';
import { pairedMeanDifference, welchMeanDifference } from '../stats/mean-difference.js';
import { normalCdf } from '../stats/normal.js';
import { pairedQuantileBootstrap } from '../stats/paired-quantile-bootstrap.js';
import { PairedTable, tangoBounds, tangoScoreZ, tangoUpperBound } from '../stats/paired-proportions.js';
import type { ComparisonData } from './comparison-data.js';
import { type DifferenceInference, normalInference, tInference } from './spread-inference.js';

export interface InferenceSettings {
  readonly direction: 'higher' | 'lower';
  /** Tolerated drop δ ≥ 0 in the metric's unit, given the incumbent's value (relative margins need it). */
  readonly margin: (incumbentValue: number) => number;
  readonly alpha: number;
  readonly bootstrap: { readonly resamples: number; readonly seed: string };
  /** Fewest identical paired differences that may decide a comparison with no spread (quantile_min_n). */
  readonly minIdenticalDifferences: number;
}

/** The statistic of each side (as the files give it, not oriented) and the inference on Δ. */
export interface InferenceResult {
  readonly incumbent: number;
  readonly candidate: number;
  /** The absolute margin δ that was applied. */
  readonly margin: number;
  /** undefined for point values, which carry no uncertainty. */
  readonly inference: DifferenceInference | undefined;
}

/**
 * Runs the method that fits the evidence. Every method tests H0: Δ ≥ −δ one-sided and gives one-sided
 * (1 − alpha) bounds, with Δ oriented so that positive is better, and the upper bound at any other
 * level by inverting the same test (the decision prints it at the level the correction applied).
 */
export function inferDifference(data: ComparisonData, settings: InferenceSettings): InferenceResult {
  switch (data.kind) {
    case 'paired-binary':
      return pairedBinary(data.table, settings);
    case 'unpaired-binary':
      return unpairedBinary(data.incumbent, data.candidate, settings);
    case 'paired-mean': {
      const raw = pairedMeanDifference({ n: data.n, mean: data.meanDiff, sd: data.sdDiff });
      const margin = settings.margin(data.incumbentMean);
      return {
        incumbent: data.incumbentMean,
        candidate: data.candidateMean,
        margin,
        inference: tInference(raw, margin, settings, 'paired t-test on per-example differences', {
          kind: 'paired',
          n: data.n,
          identical: data.sdDiff === 0,
        }),
      };
    }
    case 'unpaired-mean': {
      const raw = welchMeanDifference(data.incumbent, data.candidate);
      const margin = settings.margin(data.incumbent.mean);
      return {
        incumbent: data.incumbent.mean,
        candidate: data.candidate.mean,
        margin,
        inference: tInference(raw, margin, settings, 'Welch t-test (unpaired summaries)', { kind: 'summaries' }),
      };
    }
    case 'paired-quantile': {
      const result =
        data.bootstrap ?? pairedQuantileBootstrap(data.incumbent, data.candidate, data.p, settings.bootstrap);
      const oriented = settings.direction === 'higher' ? result.estimate : -result.estimate;
      const margin = settings.margin(result.incumbent);
      return {
        incumbent: result.incumbent,
        candidate: result.candidate,
        margin,
        inference: normalInference(
          oriented,
          result.standardError,
          margin,
          settings,
          `paired Poisson bootstrap of the p${Math.round(data.p * 100)} difference (${result.resamples} seeded resamples, normal bounds)`,
          { kind: 'paired', n: data.incumbent.length, identical: identicalDifferences(data.incumbent, data.candidate) },
        ),
      };
    }
    case 'post-stratified': {
      const margin = settings.margin(data.incumbent);
      const oriented = settings.direction === 'higher' ? data.delta : -data.delta;
      return {
        incumbent: data.incumbent,
        candidate: data.candidate,
        margin,
        inference: normalInference(
          oriented,
          data.standardError,
          margin,
          settings,
          `post-stratified difference over production's ${data.dimension} mix (${data.cohorts} cohorts, normal bounds${leftOutNote(data.leftOut)})`,
          // A spread of 0 across many cohorts is not n identical paired differences: it decides nothing.
          { kind: 'summaries' },
        ),
      };
    }
    case 'point':
      return {
        incumbent: data.incumbent,
        candidate: data.candidate,
        margin: settings.margin(data.incumbent),
        inference: undefined,
      };
  }
}

/** The production cohorts a weighted comparison had to leave out, as the method says them. */
function leftOutNote(leftOut: { readonly cohorts: readonly string[]; readonly share: number } | undefined): string {
  if (leftOut === undefined) return '';
  const names = leftOut.cohorts;
  const shown = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  const share = leftOut.share < 0.0001 ? 'under 0.01%' : `${(leftOut.share * 100).toFixed(2)}%`;
  return `; without ${shown}, ${share} of production, which the eval lacks`;
}

/** Swaps success and failure, so a lower-is-better rate is tested as a higher-is-better one. */
function orientTable(table: PairedTable, direction: 'higher' | 'lower'): PairedTable {
  return direction === 'higher' ? table : { n11: table.n00, n10: table.n01, n01: table.n10, n00: table.n11 };
}

function pairedBinary(raw: PairedTable, settings: InferenceSettings): InferenceResult {
  const table = orientTable(raw, settings.direction);
  const n = table.n11 + table.n10 + table.n01 + table.n00;
  const estimate = (table.n01 - table.n10) / n;
  const incumbent = (raw.n11 + raw.n10) / n;
  const margin = settings.margin(incumbent);
  // At a zero margin the score test is McNemar's; its exact conditional form is used there because it
  // stays valid with few discordant pairs, where the asymptotic test would block too easily. The
  // bounds always invert the test that decides, so "upper bound below −δ" and "regressed" agree.
  const exact = margin === 0;
  const bounds = (lowerLevel: number, upperLevel: number): { lower: number; upper: number } =>
    exact ? exactConditionalBounds(table, lowerLevel, upperLevel) : tangoBounds(table, lowerLevel, upperLevel);
  const { lower, upper } = bounds(settings.alpha, settings.alpha);
  const pValue = exact ? mcnemarExact(table.n10, table.n01).oneSided : normalCdf(tangoScoreZ(table, -margin));
  const discordance = (table.n10 + table.n01) / n;
  return {
    incumbent,
    candidate: (raw.n11 + raw.n01) / n,
    margin,
    inference: {
      estimate,
      lower,
      upper,
      pValue,
      standardError: Math.sqrt(Math.max(0, discordance - estimate * estimate) / n),
      method: exact
        ? 'exact McNemar test and exact conditional bounds (paired)'
        : 'Tango score test and interval (paired)',
      upperBoundAt: (level) => (exact ? exactConditionalUpperBound(table, level) : tangoUpperBound(table, level)),
    },
  };
}

function unpairedBinary(
  incumbentCounts: { successes: number; n: number },
  candidateCounts: { successes: number; n: number },
  settings: InferenceSettings,
): InferenceResult {
  const orient = (c: { successes: number; n: number }): { successes: number; n: number } =>
    settings.direction === 'higher' ? c : { successes: c.n - c.successes, n: c.n };
  const a = orient(incumbentCounts);
  const b = orient(candidateCounts);
  const pa = a.successes / a.n;
  const pb = b.successes / b.n;
  const bounds = miettinenNurminenBounds(a, b, settings.alpha, settings.alpha);
  const incumbent = incumbentCounts.successes / incumbentCounts.n;
  const margin = settings.margin(incumbent);
  return {
    incumbent,
    candidate: candidateCounts.successes / candidateCounts.n,
    margin,
    inference: {
      estimate: pb - pa,
      lower: bounds.lower,
      upper: bounds.upper,
      pValue: normalCdf(miettinenNurminenZ(a, b, -margin)),
      standardError: Math.sqrt((pa * (1 - pa)) / a.n + (pb * (1 - pb)) / b.n),
      method: 'Miettinen–Nurminen score test and interval (unpaired)',
      upperBoundAt: (level) => miettinenNurminenBounds(a, b, settings.alpha, level).upper,
    },
  };
}

/** Whether every pair differs by the same amount (candidate − incumbent). */
function identicalDifferences(incumbent: Float64Array, candidate: Float64Array): boolean {
  const first = (candidate[0] ?? 0) - (incumbent[0] ?? 0);
  for (let i = 1; i < incumbent.length; i++) if ((candidate[i] ?? 0) - (incumbent[i] ?? 0) !== first) return false;
  return true;
}
