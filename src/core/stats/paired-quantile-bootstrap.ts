/**
 * Seeded paired bootstrap of the difference of a quantile (p50, p95, p99 of a continuous metric such as
 * latency) between candidate and incumbent, on paired data: example i has incumbent value a[i] and
 * candidate value b[i].
 *
 * Requirement: a seeded paired bootstrap whose cost does not grow as resamples × n on large cohorts.
 * Design:
 *
 * 1. Quantile definition, used for the estimate and for every replicate: nearest rank on weights. The
 *    p-quantile is the smallest value v such that the total weight of values ≤ v is ≥ p × total weight.
 *    With unit weights this is the ceil(p·n)-th smallest value. It is always an observed value, so a
 *    constant shift of the candidate moves the quantile by exactly that shift.
 *
 * 2. Poisson bootstrap (Hanley & MacGibbon, "Creating non-parametric bootstrap samples using Poisson
 *    frequencies", Comput. Methods Programs Biomed. 83 (2006) 57–62; Chamandy, Muralidharan, Najmi &
 *    Naik, "Estimating uncertainty for massive data streams", Google, 2012). Each replicate gives
 *    every pair an independent Poisson(1) weight instead of a multinomial count. The same weight
 *    applies to a[i] and b[i], so the pairing is kept exactly. Independent weights are what make
 *    step 3 possible: a sum of m independent Poisson(1) weights is one Poisson(m) draw.
 *
 * 3. Windowing, so a replicate costs O(√n) instead of O(n). Whether a replicate's quantile lies
 *    above the r-th smallest value depends on the sign of (weight of the r smallest) − p·(total
 *    weight). That is a sum of independent Poisson counts, and at r ≈ p·n its standard deviation is
 *    √(n·p·(1−p)), while each rank step moves its mean by about 1. So the replicate quantile almost
 *    surely lies in the rank window
 *        [p·n − h, p·n + h],   h = k·√(n·p·(1−p)) + c,   k = 6, c = 20
 *    of the sorted sample (more than 6 standard deviations outside happens with probability about
 *    1e-9 per side; c covers small n, where the normal approximation is poor). The window is taken
 *    separately for a and for b, over ranks in the sorted side. Values tied with an edge value are
 *    split by pair index, so a window holds exactly its ranks even on heavily tied metrics. Each pair
 *    is then classified by the region (below / inside / above) of its incumbent value and of its
 *    candidate value:
 *    - Pairs with both values outside their windows only matter through the total weight below each
 *      window. They collapse into at most 4 aggregate cells (below/below, below/above, above/below,
 *      above/above), and each cell draws one Poisson(count) weight per replicate. Sampling is exact
 *      for any count (see poisson.ts).
 *    - Pairs with at least one value inside a window are kept individually, with one Poisson(1)
 *      weight each per replicate.
 *    Each side's replicate quantile is found by starting from its below-window weight and adding the
 *    weights of its in-window values in value order (sorted once, up front) until p × total is reached.
 *
 * 4. Correctness never depends on the window. If a replicate's quantile falls outside a window (the
 *    below weight alone already reaches the target, or the in-window values end before reaching it),
 *    that replicate is recomputed exactly over all n pairs. The cell totals are first split into
 *    per-pair weights by placing each unit of a cell's weight on a uniformly chosen member. Given
 *    their sum, independent Poisson(1) weights are exactly multinomial with equal probabilities, so
 *    the split pairs have exactly the law of the plain Poisson bootstrap. This should be
 *    astronomically rare with the default window. The fallback is still exercised in tests with a
 *    deliberately narrow window.
 *
 * 5. A replicate whose total weight is 0 (probability e^-n, which only matters for tiny n) has no
 *    quantile. It is redrawn, which conditions the bootstrap on a non-empty resample.
 *
 * Cost: O(n) once to place the windows (a selection of the window's ranks, see order-statistics.ts)
 * and classify the pairs. Then per replicate, O(m) where m is the
 * number of individual pairs: at most 2·(2h + 2) ≈ 24·√(n·p·(1−p)) + 84, ties or not. It is less when
 * a and b are strongly correlated, because then the two windows hold mostly the same pairs. When n is
 * small the windows cover everything, every pair is individual, and this is exactly the plain Poisson
 * bootstrap, draw for draw.
 *
 * The standard error is the sample standard deviation (R − 1 denominator) of the R replicate
 * differences (candidate quantile − incumbent quantile).
 */

import { createRng } from './rng.js';
import { checkFinite, checkProbability, rankTarget } from './nearest-rank.js';
import { CELL_COUNT, DEFAULT_WINDOW, planWindows, type SideWindow, type WindowWidth } from './quantile-windows.js';
import { drawWeights, windowedReplicate } from './windowed-replicate.js';
import { ExactFallback } from './exact-fallback.js';

// The public surface stays importable from this file; the parts live in the modules above.
export { nearestRankQuantile } from './nearest-rank.js';
export { DEFAULT_WINDOW, INDIVIDUAL_CELL, planWindows } from './quantile-windows.js';
export type { WindowWidth } from './quantile-windows.js';
export { windowedReplicate } from './windowed-replicate.js';

export interface PairedQuantileBootstrapResult {
  /** Sample quantile of the incumbent values. */
  readonly incumbent: number;
  /** Sample quantile of the candidate values. */
  readonly candidate: number;
  /** candidate − incumbent. */
  readonly estimate: number;
  /** Standard deviation of the replicate differences. */
  readonly standardError: number;
  readonly resamples: number;
  /** How many pairs were kept individually, not collapsed into an aggregate cell (for the docs and the bench). */
  readonly individualPairs: number;
}

export interface PairedQuantileBootstrapOptions {
  /** Number of bootstrap replicates, an integer ≥ 2. */
  readonly resamples: number;
  /** Seed of the generator; the same seed and data always give the same result. */
  readonly seed: string;
}

/** Full output of a run, for the tests and the bench. */
export interface PairedQuantileBootstrapRun {
  readonly result: PairedQuantileBootstrapResult;
  /** The R replicate differences (candidate − incumbent), in draw order. */
  readonly replicates: Float64Array;
  /** How many replicates needed the exact fallback. */
  readonly fallbackReplicates: number;
}

/**
 * The bootstrap with an explicit window width. Exported so the tests can force the exact fallback
 * with a narrow window. Production code should call pairedQuantileBootstrap.
 */
export function runPairedQuantileBootstrap(
  incumbent: Float64Array,
  candidate: Float64Array,
  p: number,
  options: PairedQuantileBootstrapOptions,
  width: WindowWidth,
): PairedQuantileBootstrapRun {
  const where = 'pairedQuantileBootstrap';
  if (incumbent.length !== candidate.length) {
    throw new RangeError(
      `${where}: incumbent and candidate must be paired (same length), got ${incumbent.length} and ${candidate.length}`,
    );
  }
  if (incumbent.length === 0) throw new RangeError(`${where}: no pairs`);
  checkProbability(p, where);
  checkFinite(incumbent, 'incumbent', where);
  checkFinite(candidate, 'candidate', where);
  const resamples = options.resamples;
  if (!Number.isInteger(resamples) || resamples < 2) {
    throw new RangeError(`${where}: resamples must be an integer ≥ 2, got ${resamples}`);
  }
  if (!(width.k >= 0 && width.c >= 0 && Number.isFinite(width.k) && Number.isFinite(width.c))) {
    throw new RangeError(`${where}: window width must be finite and ≥ 0, got k=${width.k}, c=${width.c}`);
  }

  const plan = planWindows(incumbent, candidate, p, width);
  const n = plan.n;
  const rank = rankTarget(p, n);
  const incumbentQuantile = valueOfRank(plan.incumbent, rank);
  const candidateQuantile = valueOfRank(plan.candidate, rank);

  const rng = createRng(options.seed);
  const cellWeights = new Float64Array(CELL_COUNT);
  const slotWeights = new Float64Array(plan.individual.length);
  const out = new Float64Array(2);
  const replicates = new Float64Array(resamples);
  const fallback = new ExactFallback(plan, incumbent, candidate);
  let fallbackReplicates = 0;
  // Welford's running mean and sum of squares, which stays accurate when the differences are nearly
  // constant, e.g. a pure shift with SE ≈ 0.
  let mean = 0;
  let m2 = 0;
  for (let r = 0; r < resamples; r++) {
    let total = 0;
    while (total === 0) {
      drawWeights(plan, rng, cellWeights, slotWeights);
      total = windowedReplicate(plan, cellWeights, slotWeights, out);
    }
    if (Number.isNaN(out[0]) || Number.isNaN(out[1])) {
      fallback.recompute(cellWeights, slotWeights, total, rng, out);
      fallbackReplicates++;
    }
    const difference = out[1]! - out[0]!;
    replicates[r] = difference;
    const delta = difference - mean;
    mean += delta / (r + 1);
    m2 += delta * (difference - mean);
  }

  return {
    result: {
      incumbent: incumbentQuantile,
      candidate: candidateQuantile,
      estimate: candidateQuantile - incumbentQuantile,
      standardError: Math.sqrt(m2 / (resamples - 1)),
      resamples,
      individualPairs: plan.individual.length,
    },
    replicates,
    fallbackReplicates,
  };
}

/** The rank-th smallest value of a side: in its window (always, unless the window is forced narrow in tests). */
function valueOfRank(side: SideWindow, rank: number): number {
  if (rank >= side.lowRank && rank <= side.highRank) return side.windowValues[rank - side.lowRank]!;
  return side.sorted[rank - 1]!;
}

/**
 * Paired Poisson bootstrap of quantile(candidate) − quantile(incumbent). See the header for the
 * windowed design that keeps the cost per replicate at O(√n).
 */
export function pairedQuantileBootstrap(
  incumbent: Float64Array,
  candidate: Float64Array,
  p: number,
  options: PairedQuantileBootstrapOptions,
): PairedQuantileBootstrapResult {
  return runPairedQuantileBootstrap(incumbent, candidate, p, options, DEFAULT_WINDOW).result;
}
