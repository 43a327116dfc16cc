/**
 * Rank windows of the paired quantile bootstrap (step 3 of the header of paired-quantile-bootstrap.ts):
 * place a window on each side, classify every pair as below / inside / above it, and collapse the pairs
 * outside both windows into aggregate cells.
 */

import { orderStatistics } from './order-statistics.js';

/** Half-width of the rank window: k·√(n·p·(1−p)) + c. */
export interface WindowWidth {
  readonly k: number;
  readonly c: number;
}

/**
 * The default window. See the header of paired-quantile-bootstrap.ts for why 6 standard deviations plus
 * 20 ranks is enough.
 */
export const DEFAULT_WINDOW: WindowWidth = { k: 6, c: 20 };

const BELOW = 0;
const INSIDE = 1;
const ABOVE = 2;
/** cellOf value for a pair kept individually. Values 0..3 are the aggregate cells. */
export const INDIVIDUAL_CELL = 4;
export const CELL_COUNT = 4;
/** Aggregate cell index for two outside regions (each BELOW or ABOVE): bit 1 = incumbent above, bit 0 = candidate above. */
function cellIndex(regionA: number, regionB: number): number {
  return (regionA >> 1) * 2 + (regionB >> 1);
}

/** The precomputed window of one side (incumbent or candidate). */
export interface SideWindow {
  /** All values of this side, ascending, sorted on first use: for the exact fallback. */
  readonly sorted: Float64Array;
  /** The values of ranks lowRank..highRank, ascending: the estimate's rank is among them. */
  readonly windowValues: Float64Array;
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
  /** The values of ranks lowRank..highRank, ascending. */
  readonly windowValues: Float64Array;
  /** Number of values strictly below `low`, and strictly below `high`. */
  private readonly lessThanLow: number;
  private readonly lessThanHigh: number;
  /** Ties with low (and with high) seen so far, in pair order. */
  private seenLow = 0;
  private seenHigh = 0;

  constructor(values: Float64Array, p: number, width: WindowWidth) {
    const n = values.length;
    const half = width.k * Math.sqrt(n * p * (1 - p)) + width.c;
    this.lowRank = Math.min(n, Math.max(1, Math.floor(p * n - half)));
    this.highRank = Math.max(this.lowRank, Math.min(n, Math.ceil(p * n + half)));
    // Only the window's ranks are put in order: O(n), where sorting the whole side was O(n log n).
    this.windowValues = orderStatistics(values, this.lowRank, this.highRank);
    this.low = this.windowValues[0]!;
    this.high = this.windowValues[this.windowValues.length - 1]!;
    let lessThanLow = 0;
    let lessThanHigh = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v < this.high) {
        lessThanHigh++;
        if (v < this.low) lessThanLow++;
      }
    }
    this.lessThanLow = lessThanLow;
    this.lessThanHigh = lessThanHigh;
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
export function planWindows(
  a: Float64Array,
  b: Float64Array,
  p: number,
  width: WindowWidth = DEFAULT_WINDOW,
): WindowPlan {
  const n = a.length;
  const wa = new RankClassifier(a, p, width);
  const wb = new RankClassifier(b, p, width);

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

  const side = (
    w: RankClassifier,
    all: Float64Array,
    below: Uint8Array,
    slots: Int32Array,
    values: Float64Array,
  ): SideWindow => {
    let sorted: Float64Array | undefined;
    return {
      // Sorted in full only when asked (the exact fallback, which almost never runs, and the tests).
      get sorted() {
        return (sorted ??= all.slice().sort());
      },
      windowValues: w.windowValues,
      lowRank: w.lowRank,
      highRank: w.highRank,
      low: w.low,
      high: w.high,
      belowSlot: below,
      insideSlots: slots,
      insideValues: values,
    };
  };
  return {
    n,
    p,
    cellOf,
    cellCounts,
    individual,
    incumbent: side(wa, a, belowA, insideSlotsA, insideValuesA),
    candidate: side(wb, b, belowB, insideSlotsB, insideValuesB),
  };
}
