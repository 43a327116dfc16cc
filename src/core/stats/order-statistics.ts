/**
 * A run of consecutive order statistics (the values of ranks lo..hi, as a sorted copy would hold
 * them) in O(n) instead of the O(n log n) of a full sort: the paired quantile bootstrap only looks at
 * a rank window around its quantile, and sorting every cohort in full was most of its set-up cost.
 */

/** Below this many values a typed-array sort (native, no comparator) beats partitioning by hand. */
const SORT_BELOW = 64;

/**
 * Values of 1-based ranks lo..hi (1 ≤ lo ≤ hi ≤ n) of `values` in ascending order, exactly as
 * `values.slice().sort()` would hold them at those positions, −0 before +0 included.
 */
export function orderStatistics(values: Float64Array, lo: number, hi: number): Float64Array {
  const n = values.length;
  if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 1 && lo <= hi && hi <= n)) {
    throw new RangeError(`orderStatistics: ranks ${lo}..${hi} are not within 1..${n}`);
  }
  const work = values.slice();
  select(work, lo - 1, 0, n - 1);
  if (hi > lo) select(work, hi - 1, lo, n - 1);
  const window = work.slice(lo - 1, hi).sort();
  fixZeroSigns(values, window, lo - 1);
  return window;
}

/**
 * Partitions work[left..right] so that work[k] holds the value a sort would put there, everything
 * before it is ≤ and everything after it ≥ (Hoare partitioning around a median of three).
 */
function select(work: Float64Array, k: number, left: number, right: number): void {
  let lo = left;
  let hi = right;
  // Bounded like introselect: after this many rounds without converging, sort what is left.
  let rounds = 2 * Math.ceil(Math.log2(right - left + 2)) + 8;
  while (hi - lo >= SORT_BELOW) {
    if (rounds-- === 0) break;
    const mid = lo + ((hi - lo) >> 1);
    const pivot = medianOfThree(work[lo]!, work[mid]!, work[hi]!);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (work[i]! < pivot) i++;
      while (work[j]! > pivot) j--;
      if (i <= j) {
        const t = work[i]!;
        work[i] = work[j]!;
        work[j] = t;
        i++;
        j--;
      }
    }
    // Now work[lo..j] ≤ pivot ≤ work[i..hi], and anything between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
  work.subarray(lo, hi + 1).sort();
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

/**
 * Comparisons cannot tell −0 from +0, so the zeros that land in the window may carry either sign.
 * A sort puts all negative zeros first, so a zero's sign follows from its rank alone.
 */
function fixZeroSigns(values: Float64Array, window: Float64Array, offset: number): void {
  if (!window.includes(0)) return;
  let negatives = 0;
  let negativeZeros = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < 0) negatives++;
    else if (v === 0 && Object.is(v, -0)) negativeZeros++;
  }
  for (let j = 0; j < window.length; j++) {
    if (window[j] === 0) window[j] = offset + j < negatives + negativeZeros ? -0 : 0;
  }
}
