/**
 * The nearest-rank quantile definition shared by the paired quantile bootstrap (see the header of
 * paired-quantile-bootstrap.ts), with the input checks and the sorted-array search it relies on.
 */

/**
 * 1-based rank of the nearest-rank p-quantile among values of total weight `total`, i.e. ceil(p·total).
 * Weights are integers, so the cumulative weight is compared with an integer rank. The product is
 * shaved by a few ulps first. p is a decimal such as 0.07 that a double cannot hold exactly, and
 * without the shave the representation error could push an exact rank (0.07·100 = 7) to the next one.
 */
export function rankTarget(p: number, total: number): number {
  return Math.max(1, Math.ceil(p * total * (1 - 4 * Number.EPSILON)));
}

/** First index of `sorted` whose value is ≥ v. */
export function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Throws unless 0 < p < 1. `where` names the caller in the message. */
export function checkProbability(p: number, where: string): void {
  if (!(p > 0 && p < 1)) throw new RangeError(`${where}: p must be strictly between 0 and 1, got ${p}`);
}

/** Throws on the first value of `values` that is not finite. */
export function checkFinite(values: Float64Array, label: string, where: string): void {
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
