/**
 * One replicate of the windowed paired quantile bootstrap: draw the Poisson weights of the aggregate
 * cells and individual slots, then walk each side's in-window values to its replicate quantile.
 */

import type { Rng } from './rng.js';
import { samplePoisson, samplePoissonOne } from './poisson.js';
import { rankTarget } from './nearest-rank.js';
import { CELL_COUNT, type SideWindow, type WindowPlan } from './quantile-windows.js';

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
  // Cell bit 1 set = incumbent above, bit 0 set = candidate above (see cellIndex in quantile-windows.ts).
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
export function drawWeights(plan: WindowPlan, rng: Rng, cellWeights: Float64Array, slotWeights: Float64Array): void {
  // An empty cell has mean 0, which uses no random numbers. So with no cells (small n) the stream is
  // exactly the plain Poisson bootstrap's: one Poisson(1) per pair, in pair order.
  for (let c = 0; c < CELL_COUNT; c++) cellWeights[c] = samplePoisson(rng, plan.cellCounts[c]!);
  for (let s = 0; s < slotWeights.length; s++) slotWeights[s] = samplePoissonOne(rng);
}
