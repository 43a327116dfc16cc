import type { DifferenceInference } from '../stats/inference.js';
import { mcnemarExact } from '../stats/mcnemar.js';
import { miettinenNurminenInterval, miettinenNurminenZ } from '../stats/independent-proportions.js';
import { pairedMeanDifference, welchMeanDifference } from '../stats/mean-difference.js';
import { normalCdf, normalQuantile } from '../stats/normal.js';
import { pairedQuantileBootstrap } from '../stats/paired-quantile-bootstrap.js';
import { PairedTable, tangoInterval, tangoScoreZ } from '../stats/paired-proportions.js';
import { studentTCdf, studentTQuantile } from '../stats/student-t.js';
import type { ComparisonData } from './comparison-data.js';

export interface InferenceSettings {
  readonly direction: 'higher' | 'lower';
  /** Tolerated drop δ ≥ 0 in the metric's unit, given the incumbent's value (relative margins need it). */
  readonly margin: (incumbentValue: number) => number;
  readonly alpha: number;
  readonly bootstrap: { readonly resamples: number; readonly seed: string };
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
 * (1 − alpha) bounds, with Δ oriented so that positive is better.
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
        inference: tInference(raw, margin, settings, 'paired t-test on per-example differences'),
      };
    }
    case 'unpaired-mean': {
      const raw = welchMeanDifference(data.incumbent, data.candidate);
      const margin = settings.margin(data.incumbent.mean);
      return {
        incumbent: data.incumbent.mean,
        candidate: data.candidate.mean,
        margin,
        inference: tInference(raw, margin, settings, 'Welch t-test (unpaired summaries)'),
      };
    }
    case 'paired-quantile': {
      const result = data.bootstrap ?? pairedQuantileBootstrap(data.incumbent, data.candidate, data.p, settings.bootstrap);
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
        ),
      };
    }
    case 'point':
      return { incumbent: data.incumbent, candidate: data.candidate, margin: settings.margin(data.incumbent), inference: undefined };
  }
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
  const bounds = tangoInterval(table, 1 - 2 * settings.alpha);
  // At a zero margin the score test is McNemar's; its exact conditional form is used there because it
  // stays valid with few discordant pairs, where the asymptotic test would block too easily.
  const exact = margin === 0;
  const pValue = exact ? mcnemarExact(table.n10, table.n01).oneSided : normalCdf(tangoScoreZ(table, -margin));
  const discordance = (table.n10 + table.n01) / n;
  return {
    incumbent,
    candidate: (raw.n11 + raw.n01) / n,
    margin,
    inference: {
      estimate,
      lower: bounds.lower,
      upper: bounds.upper,
      pValue,
      standardError: Math.sqrt(Math.max(0, discordance - estimate * estimate) / n),
      method: exact ? 'exact McNemar test; Tango score interval (paired)' : 'Tango score test and interval (paired)',
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
  const bounds = miettinenNurminenInterval(a, b, 1 - 2 * settings.alpha);
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
    },
  };
}

function tInference(
  raw: { estimate: number; standardError: number; df: number },
  margin: number,
  settings: InferenceSettings,
  method: string,
): DifferenceInference {
  const estimate = settings.direction === 'higher' ? raw.estimate : -raw.estimate;
  const { standardError: se, df } = raw;
  if (!(df >= 1) || !Number.isFinite(se)) {
    // One example (or no spread estimate) cannot bound anything: neither pass nor regress.
    return { estimate, lower: -Infinity, upper: Infinity, pValue: 1, standardError: Number.NaN, method };
  }
  if (se === 0) return degenerate(estimate, margin, method);
  const t = studentTQuantile(1 - settings.alpha, df);
  return {
    estimate,
    lower: estimate - t * se,
    upper: estimate + t * se,
    pValue: studentTCdf((estimate + margin) / se, df),
    standardError: se,
    method,
  };
}

function normalInference(estimate: number, se: number, margin: number, settings: InferenceSettings, method: string): DifferenceInference {
  if (!Number.isFinite(se)) return { estimate, lower: -Infinity, upper: Infinity, pValue: 1, standardError: Number.NaN, method };
  if (se === 0) return degenerate(estimate, margin, method);
  const z = normalQuantile(1 - settings.alpha);
  return {
    estimate,
    lower: estimate - z * se,
    upper: estimate + z * se,
    pValue: normalCdf((estimate + margin) / se),
    standardError: se,
    method,
  };
}

/** No spread at all (every difference identical): the observed Δ is the answer. */
function degenerate(estimate: number, margin: number, method: string): DifferenceInference {
  return { estimate, lower: estimate, upper: estimate, pValue: estimate < -margin ? 0 : 1, standardError: 0, method };
}
