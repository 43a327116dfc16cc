/**
 * Exact fallback of the paired quantile bootstrap (step 4 of the header of
 * paired-quantile-bootstrap.ts): a replicate whose quantile left a window is recomputed over all n pairs.
 */

import type { Rng } from './rng.js';
import { lowerBound, rankTarget } from './nearest-rank.js';
import { CELL_COUNT, INDIVIDUAL_CELL, type WindowPlan } from './quantile-windows.js';

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
export class ExactFallback {
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
   * independent Poisson(1) (see the header of paired-quantile-bootstrap.ts).
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
