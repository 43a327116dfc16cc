import { normalCdf, normalQuantile } from '../stats/normal.js';
import { studentTCdf, studentTQuantile } from '../stats/student-t.js';

/**
 * The common shape every statistical method returns, so the decision rule is written once.
 *
 * Δ is always oriented so that a positive value is better for the candidate.
 */
export interface DifferenceInference {
  /** Observed Δ (candidate − incumbent, oriented so that positive is better). */
  readonly estimate: number;
  /** One-sided (1 − alpha) lower confidence bound of Δ. */
  readonly lower: number;
  /** One-sided (1 − alpha) upper confidence bound of Δ. */
  readonly upper: number;
  /** One-sided p-value of H0: Δ ≥ −margin against H1: Δ < −margin (small means "regressed beyond the margin"). */
  readonly pValue: number;
  /** Standard error of Δ used for the minimum detectable effect; NaN when the method has none. */
  readonly standardError: number;
  /** Human-readable name of the method, shown in every report. */
  readonly method: string;
  /** Degrees of freedom of a t-based test (its MDE needs them); undefined for the other methods. */
  readonly df?: number;
  /**
   * The upper bound at another one-sided level, from the same test inverted: it is below −margin
   * exactly when pValue < level. A report prints it at the level its (corrected) decision used.
   */
  readonly upperBoundAt?: (level: number) => number;
  /** Why the method could not decide, or decided in an unusual way. */
  readonly note?: string;
}

/** Where the spread came from, which decides what a spread of 0 can mean. */
export type SpreadSource =
  { readonly kind: 'paired'; readonly n: number; readonly identical: boolean } | { readonly kind: 'summaries' };

interface SpreadSettings {
  readonly alpha: number;
  readonly minIdenticalDifferences: number;
}

/** The t-based test and bounds of a mean difference with standard error se and df degrees of freedom. */
export function tInference(
  raw: { estimate: number; standardError: number; df: number },
  margin: number,
  settings: SpreadSettings & { direction: 'higher' | 'lower' },
  method: string,
  source: SpreadSource,
): DifferenceInference {
  const estimate = settings.direction === 'higher' ? raw.estimate : -raw.estimate;
  const { standardError: se, df } = raw;
  if (!(df >= 1) || !Number.isFinite(se)) {
    // One example (or no spread estimate) cannot bound anything: neither pass nor regress.
    return { estimate, lower: -Infinity, upper: Infinity, pValue: 1, standardError: Number.NaN, method };
  }
  if (se === 0) return noSpread(estimate, margin, settings, method, source);
  // Quantiles from the lower tail, where a level of 1e-12 is exact (1 − 1e-12 is not).
  const bound = (level: number): number => -studentTQuantile(level, df) * se;
  return {
    estimate,
    lower: estimate - bound(settings.alpha),
    upper: estimate + bound(settings.alpha),
    pValue: studentTCdf((estimate + margin) / se, df),
    standardError: se,
    method,
    df,
    upperBoundAt: (level) => estimate + bound(level),
  };
}

/** Normal bounds and p-value from a standard error (the quantile bootstrap's). */
export function normalInference(
  estimate: number,
  se: number,
  margin: number,
  settings: SpreadSettings,
  method: string,
  source: SpreadSource,
): DifferenceInference {
  if (!Number.isFinite(se))
    return { estimate, lower: -Infinity, upper: Infinity, pValue: 1, standardError: Number.NaN, method };
  if (se === 0) return noSpread(estimate, margin, settings, method, source);
  const bound = (level: number): number => -normalQuantile(level) * se;
  return {
    estimate,
    lower: estimate - bound(settings.alpha),
    upper: estimate + bound(settings.alpha),
    pValue: normalCdf((estimate + margin) / se),
    standardError: se,
    method,
    upperBoundAt: (level) => estimate + bound(level),
  };
}

/**
 * A standard error of 0 is not certainty: one example, a bootstrap of a handful of tied values, or two
 * summaries claiming sd 0 all give it. On its own it decides nothing (it used to give p = 0 and block
 * on a single slower example). The one case where the data do determine the answer is n paired
 * differences that are all the same value d. Then the t statistic is 0/0, but the exact sign test,
 * valid for any distribution, still applies: all n differences lie on the same side of −δ, which
 * under H0 (the median difference is at least −δ) has probability 2^−n. Its p-value and the matching
 * bounds (d, which the sign test's order-statistic bound reaches once 2^−n is below the level, and
 * unbounded before that) then go through the correction like any other. The sign test speaks of the
 * median, which a rare outlier the sample missed would not move but the mean would; so this is only
 * done from quantile_min_n pairs on, the policy's floor for conclusions from a distribution's shape.
 * Summaries (Welch) with sd 0 on both sides offer no pairs to check and stay undecided.
 */
function noSpread(
  estimate: number,
  margin: number,
  settings: SpreadSettings,
  method: string,
  source: SpreadSource,
): DifferenceInference {
  const undecided = (note: string): DifferenceInference => ({
    estimate,
    lower: -Infinity,
    upper: Infinity,
    pValue: 1,
    standardError: Number.NaN,
    method,
    note,
  });
  if (source.kind === 'summaries') {
    return undecided('both summaries report no spread (sd 0): a difference cannot be judged without one; not decided');
  }
  if (!source.identical) {
    return undecided('the bootstrap found no spread (the percentile is tied across resamples): not decided');
  }
  if (source.n < settings.minIdenticalDifferences) {
    return undecided(
      `all ${source.n} paired differences are identical, fewer than quantile_min_n=${settings.minIdenticalDifferences}: no spread to judge them by; not decided`,
    );
  }
  const signP = Math.pow(0.5, source.n);
  const bound = (level: number, unbounded: number): number => (signP < level ? estimate : unbounded);
  return {
    estimate,
    lower: bound(settings.alpha, -Infinity),
    upper: bound(settings.alpha, Infinity),
    pValue: estimate < -margin ? signP : 1,
    standardError: 0,
    method: `${method}; exact sign test (no spread)`,
    upperBoundAt: (level) => bound(level, Infinity),
    note: `all ${source.n} paired differences are identical: decided by the exact sign test (p = 2^-${source.n} when they lie beyond the margin)`,
  };
}
