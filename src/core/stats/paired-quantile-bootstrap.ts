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
 * Cost: two sorts, O(n log n) once, plus O(n) classification. Then per replicate, O(m) where m is the
 * number of individual pairs: at most 2·(2h + 2) ≈ 24·√(n·p·(1−p)) + 84, ties or not. It is less when
 * a and b are strongly correlated, because then the two windows hold mostly the same pairs. When n is
 * small the windows cover everything, every pair is individual, and this is exactly the plain Poisson
 * bootstrap, draw for draw.
 *
 * The standard error is the sample standard deviation (R − 1 denominator) of the R replicate
 * differences (candidate quantile − incumbent quantile).
 */

import { createRng, type Rng } from './rng.js';
import { samplePoisson, samplePoissonOne } from './poisson.js';

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

/** Half-width of the rank window: k·√(n·p·(1−p)) + c. */
export interface WindowWidth {
  readonly k: number;
  readonly c: number;
}

/** The default window. See the header for why 6 standard deviations plus 20 ranks is enough. */
export const DEFAULT_WINDOW: WindowWidth = { k: 6, c: 20 };

const BELOW = 0;
const INSIDE = 1;
const ABOVE = 2;
/** cellOf value for a pair kept individually. Values 0..3 are the aggregate cells. */
export const INDIVIDUAL_CELL = 4;
const CELL_COUNT = 4;
/** Aggregate cell index for two outside regions (each BELOW or ABOVE): bit 1 = incumbent above, bit 0 = candidate above. */
function cellIndex(regionA: number, regionB: number): number {
  return (regionA >> 1) * 2 + (regionB >> 1);
}

/**
 * 1-based rank of the nearest-rank p-quantile among values of total weight `total`, i.e. ceil(p·total).
 * Weights are integers, so the cumulative weight is compared with an integer rank. The product is
 * shaved by a few ulps first. p is a decimal such as 0.07 that a double cannot hold exactly, and
 * without the shave the representation error could push an exact rank (0.07·100 = 7) to the next one.
 */
function rankTarget(p: number, total: number): number {
  return Math.max(1, Math.ceil(p * total * (1 - 4 * Number.EPSILON)));
}

/** First index of `sorted` whose value is ≥ v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkProbability(p: number, where: string): void {
  if (!(p > 0 && p < 1)) throw new RangeError(`${where}: p must be strictly between 0 and 1, got ${p}`);
}

function checkFinite(values: Float64Array, label: string, where: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(`${where}: ${label}[${i}] is not a finite number (${values[i]})`);
    }
  }
}

/**
 * Nearest-rank p-quantile of unit-weight values: the ceil(p·n)-th smallest. Does not mutate the input.
 */
export function nearestRankQuantile(values: Float64Array, p: number): number {
  const where = 'nearestRankQuantile';
  checkProbability(p, where);
  if (values.length === 0) throw new RangeError(`${where}: no values`);
  checkFinite(values, 'values', where);
  const sorted = values.slice().sort();
  return sorted[rankTarget(p, sorted.length) - 1]!;
}

/** The precomputed window of one side (incumbent or candidate). */
export interface SideWindow {
  /** All values of this side, ascending. Used for the estimate and for the exact fallback. */
  readonly sorted: Float64Array;
  /** 1-based ranks bounding the window: exactly the values of rank lowRank..highRank are inside. */
  readonly lowRank: number;
  readonly highRank: number;
  /** Values at those ranks. Anything < low is below the window and anything > high is above it. */
  readonly low: number;
  readonly high: number;
  /** Per individual slot: 1 when this side's value is below the window, else 0. */
  readonly belowSlot: Uint8Array;
  /** Individual slots whose value on this side is inside the window, in ascending order of that value. */
  readonly insideSlots: Int32Array;
  /** The values of those slots, ascending. */
  readonly insideValues: Float64Array;
}

/** Everything a replicate needs, computed once per (a, b, p). */
export interface WindowPlan {
  readonly n: number;
  readonly p: number;
  /** Per pair: aggregate cell 0..3, or INDIVIDUAL_CELL. */
  readonly cellOf: Uint8Array;
  /** Number of pairs in each of the 4 aggregate cells. */
  readonly cellCounts: Float64Array;
  /** Original pair index of each individual slot, ascending. */
  readonly individual: Int32Array;
  readonly incumbent: SideWindow;
  readonly candidate: SideWindow;
}

/**
 * Assigns each value of one side to below / inside / above the rank window. Values tied with the edge
 * values are split by pair index, so the window holds exactly highRank − lowRank + 1 values however
 * many ties there are. Classifying by value alone would put all ties of an edge value inside: on a
 * coarse metric (integer milliseconds, token counts) that could be most of the cohort, and the cost
 * per replicate would grow back to O(n). Any split is valid. The walk only needs every below value to
 * be ≤ every inside value ≤ every above value, and the ties respect that whichever side they land on.
 */
class RankClassifier {
  readonly lowRank: number;
  readonly highRank: number;
  readonly low: number;
  readonly high: number;
  /** Number of values strictly below `low`, and strictly below `high`. */
  private readonly lessThanLow: number;
  private readonly lessThanHigh: number;
  /** Ties with low (and with high) seen so far, in pair order. */
  private seenLow = 0;
  private seenHigh = 0;

  constructor(sorted: Float64Array, p: number, width: WindowWidth) {
    const n = sorted.length;
    const half = width.k * Math.sqrt(n * p * (1 - p)) + width.c;
    this.lowRank = Math.min(n, Math.max(1, Math.floor(p * n - half)));
    this.highRank = Math.max(this.lowRank, Math.min(n, Math.ceil(p * n + half)));
    this.low = sorted[this.lowRank - 1]!;
    this.high = sorted[this.highRank - 1]!;
    this.lessThanLow = lowerBound(sorted, this.low);
    this.lessThanHigh = lowerBound(sorted, this.high);
  }

  /** Region of the next value. Must be called once per pair, in pair order. */
  classify(v: number): number {
    if (v < this.low) return BELOW;
    if (v > this.high) return ABOVE;
    // A tie gets its rank among the equal values by order of appearance. When low = high, one counter
    // serves both edges.
    let rank: number;
    if (v === this.low) rank = this.lessThanLow + ++this.seenLow;
    else if (v === this.high) rank = this.lessThanHigh + ++this.seenHigh;
    else return INSIDE;
    return rank < this.lowRank ? BELOW : rank > this.highRank ? ABOVE : INSIDE;
  }
}

/**
 * Sort the two sides, place the windows, and classify every pair. Exported for the tests, which check
 * the windowed replicate against a brute-force one with the same per-pair weights. Inputs are assumed
 * valid (pairedQuantileBootstrap validates them).
 */
export function planWindows(a: Float64Array, b: Float64Array, p: number, width: WindowWidth = DEFAULT_WINDOW): WindowPlan {
  const n = a.length;
  // Typed-array sort without a comparator is numeric and runs natively: the O(n log n) part, done once.
  const sortedA = a.slice().sort();
  const sortedB = b.slice().sort();
  const wa = new RankClassifier(sortedA, p, width);
  const wb = new RankClassifier(sortedB, p, width);

  // The tie split depends on the order of classification, so each pair is classified once, and the
  // regions are kept (incumbent in bits 0–1, candidate in bits 2–3) for the second pass.
  const regions = new Uint8Array(n);
  const cellOf = new Uint8Array(n);
  const cellCounts = new Float64Array(CELL_COUNT);
  let individualCount = 0;
  let insideA = 0;
  let insideB = 0;
  for (let i = 0; i < n; i++) {
    const ra = wa.classify(a[i]!);
    const rb = wb.classify(b[i]!);
    regions[i] = ra | (rb << 2);
    if (ra === INSIDE || rb === INSIDE) {
      cellOf[i] = INDIVIDUAL_CELL;
      individualCount++;
      if (ra === INSIDE) insideA++;
      if (rb === INSIDE) insideB++;
    } else {
      const cell = cellIndex(ra, rb);
      cellOf[i] = cell;
      cellCounts[cell]!++;
    }
  }

  const individual = new Int32Array(individualCount);
  const belowA = new Uint8Array(individualCount);
  const belowB = new Uint8Array(individualCount);
  const insideSlotsA = new Int32Array(insideA);
  const insideSlotsB = new Int32Array(insideB);
  let slot = 0;
  let nextA = 0;
  let nextB = 0;
  for (let i = 0; i < n; i++) {
    if (cellOf[i] !== INDIVIDUAL_CELL) continue;
    individual[slot] = i;
    const ra = regions[i]! & 3;
    const rb = regions[i]! >> 2;
    if (ra === BELOW) belowA[slot] = 1;
    else if (ra === INSIDE) insideSlotsA[nextA++] = slot;
    if (rb === BELOW) belowB[slot] = 1;
    else if (rb === INSIDE) insideSlotsB[nextB++] = slot;
    slot++;
  }
  // Only the in-window values need a per-replicate walk, so only they are kept in value order. The
  // order among tied values does not matter, because the walk returns a value and ties share it.
  insideSlotsA.sort((x, y) => a[individual[x]!]! - a[individual[y]!]!);
  insideSlotsB.sort((x, y) => b[individual[x]!]! - b[individual[y]!]!);
  const insideValuesA = Float64Array.from(insideSlotsA, (s) => a[individual[s]!]!);
  const insideValuesB = Float64Array.from(insideSlotsB, (s) => b[individual[s]!]!);

  const side = (w: RankClassifier, sorted: Float64Array, below: Uint8Array, slots: Int32Array, values: Float64Array): SideWindow => ({
    sorted,
    lowRank: w.lowRank,
    highRank: w.highRank,
    low: w.low,
    high: w.high,
    belowSlot: below,
    insideSlots: slots,
    insideValues: values,
  });
  return {
    n,
    p,
    cellOf,
    cellCounts,
    individual,
    incumbent: side(wa, sortedA, belowA, insideSlotsA, insideValuesA),
    candidate: side(wb, sortedB, belowB, insideSlotsB, insideValuesB),
  };
}

/** Walk one side's in-window values. NaN means the quantile is outside the window on this side. */
function walkWindow(side: SideWindow, below: number, slotWeights: Float64Array, target: number): number {
  if (below >= target) return Number.NaN;
  let cumulative = below;
  const slots = side.insideSlots;
  for (let j = 0; j < slots.length; j++) {
    cumulative += slotWeights[slots[j]!]!;
    if (cumulative >= target) return side.insideValues[j]!;
  }
  return Number.NaN;
}

/**
 * Evaluate one replicate from its aggregate cell weights and individual slot weights. Writes the
 * incumbent and candidate replicate quantiles to out[0] and out[1]. A side whose quantile falls outside
 * its window gets NaN and must be recomputed exactly. Returns the replicate's total weight. If that is
 * 0, there is no quantile and out is left untouched. Exported for the tests.
 */
export function windowedReplicate(
  plan: WindowPlan,
  cellWeights: Float64Array,
  slotWeights: Float64Array,
  out: Float64Array,
): number {
  const c0 = cellWeights[0]!;
  const c1 = cellWeights[1]!;
  const c2 = cellWeights[2]!;
  const c3 = cellWeights[3]!;
  let total = c0 + c1 + c2 + c3;
  // Cell bit 1 set = incumbent above, bit 0 set = candidate above (see cellIndex).
  let belowA = c0 + c1;
  let belowB = c0 + c2;
  const flagsA = plan.incumbent.belowSlot;
  const flagsB = plan.candidate.belowSlot;
  for (let s = 0; s < slotWeights.length; s++) {
    const w = slotWeights[s]!;
    total += w;
    belowA += w * flagsA[s]!;
    belowB += w * flagsB[s]!;
  }
  if (total === 0) return 0;
  const target = rankTarget(plan.p, total);
  out[0] = walkWindow(plan.incumbent, belowA, slotWeights, target);
  out[1] = walkWindow(plan.candidate, belowB, slotWeights, target);
  return total;
}

/** Draw one replicate's weights: one Poisson(count) per aggregate cell, then one Poisson(1) per slot. */
function drawWeights(plan: WindowPlan, rng: Rng, cellWeights: Float64Array, slotWeights: Float64Array): void {
  // An empty cell has mean 0, which uses no random numbers. So with no cells (small n) the stream is
  // exactly the plain Poisson bootstrap's: one Poisson(1) per pair, in pair order.
  for (let c = 0; c < CELL_COUNT; c++) cellWeights[c] = samplePoisson(rng, plan.cellCounts[c]!);
  for (let s = 0; s < slotWeights.length; s++) slotWeights[s] = samplePoissonOne(rng);
}

/** A uniform integer in [0, count), unbiased: rejection on the 32-bit output behind rng.next(). */
function uniformIndex(rng: Rng, count: number): number {
  const range = 4294967296;
  const limit = range - (range % count);
  for (;;) {
    const x = Math.floor(rng.next() * range);
    if (x < limit) return x % count;
  }
}

/**
 * Exact recomputation of a replicate whose quantile left a window. Its buffers are O(n), so they are
 * allocated only on the first use, which in practice never happens with the default window.
 */
class ExactFallback {
  private members: Int32Array[] | undefined;
  private pairWeights: Float64Array | undefined;
  private bins: Float64Array | undefined;

  constructor(
    private readonly plan: WindowPlan,
    private readonly a: Float64Array,
    private readonly b: Float64Array,
  ) {}

  /** Overwrite the NaN entries of out with the exact replicate quantiles. */
  recompute(cellWeights: Float64Array, slotWeights: Float64Array, total: number, rng: Rng, out: Float64Array): void {
    const weights = this.splitWeights(cellWeights, slotWeights, rng);
    const target = rankTarget(this.plan.p, total);
    if (Number.isNaN(out[0])) out[0] = this.exactQuantile(this.a, this.plan.incumbent.sorted, weights, target);
    if (Number.isNaN(out[1])) out[1] = this.exactQuantile(this.b, this.plan.candidate.sorted, weights, target);
  }

  /**
   * Per-pair weights consistent with the drawn ones. Individual slots keep theirs. Each unit of a cell's
   * Poisson(count) total goes to a uniformly chosen member, which makes the per-pair weights exactly
   * independent Poisson(1) (see the header).
   */
  private splitWeights(cellWeights: Float64Array, slotWeights: Float64Array, rng: Rng): Float64Array {
    const plan = this.plan;
    const members = (this.members ??= this.buildMembers());
    const weights = (this.pairWeights ??= new Float64Array(plan.n));
    weights.fill(0);
    for (let s = 0; s < slotWeights.length; s++) weights[plan.individual[s]!] = slotWeights[s]!;
    for (let c = 0; c < CELL_COUNT; c++) {
      const list = members[c]!;
      const units = cellWeights[c]!;
      for (let u = 0; u < units; u++) weights[list[uniformIndex(rng, list.length)]!]!++;
    }
    return weights;
  }

  private buildMembers(): Int32Array[] {
    const plan = this.plan;
    const members = Array.from(plan.cellCounts, (count) => new Int32Array(count));
    const fill = new Int32Array(CELL_COUNT);
    for (let i = 0; i < plan.n; i++) {
      const cell = plan.cellOf[i]!;
      if (cell !== INDIVIDUAL_CELL) members[cell]![fill[cell]!++] = i;
    }
    return members;
  }

  /**
   * Weighted nearest-rank quantile over all pairs. Weights are binned by each value's position in the
   * sorted side (ties share a bin), then accumulated in order.
   */
  private exactQuantile(values: Float64Array, sorted: Float64Array, weights: Float64Array, target: number): number {
    const bins = (this.bins ??= new Float64Array(this.plan.n));
    bins.fill(0);
    for (let i = 0; i < values.length; i++) {
      const w = weights[i]!;
      if (w > 0) bins[lowerBound(sorted, values[i]!)]! += w;
    }
    let cumulative = 0;
    for (let j = 0; j < bins.length; j++) {
      cumulative += bins[j]!;
      if (cumulative >= target) return sorted[j]!;
    }
    // Unreachable: the bins sum to the total weight, which is ≥ target.
    return sorted[sorted.length - 1]!;
  }
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
  const incumbentQuantile = plan.incumbent.sorted[rank - 1]!;
  const candidateQuantile = plan.candidate.sorted[rank - 1]!;

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
