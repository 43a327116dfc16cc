/**
 * Multiplicity corrections for the per-cohort p-values.
 *
 * The gate tests every cohort, so without a correction a candidate that is no worse anywhere would
 * still fail somewhere by chance. Holm (S. Holm, "A simple sequentially rejective multiple test
 * procedure", Scandinavian Journal of Statistics 6 (1979) 65–70) controls the family-wise error rate
 * like Bonferroni but is uniformly more powerful; Benjamini–Hochberg (JRSS B 57 (1995) 289–300)
 * controls the false discovery rate instead.
 */

export type Correction = 'holm' | 'bonferroni' | 'bh' | 'none';

/**
 * Adjusted p-values, in the order of the input, capped at 1. Comparing an adjusted p-value with α is
 * the same decision as running the procedure at level α.
 *
 * NaN entries (a cohort with no p-value) stay NaN and do not count towards the number of tests m.
 */
export function adjustPValues(pValues: readonly number[], method: Correction): number[] {
  const tested = pValues.flatMap((p, index) => (Number.isNaN(p) ? [] : [{ p, index }]));
  const adjusted = pValues.map(() => Number.NaN);
  const m = tested.length;

  switch (method) {
    case 'none':
      for (const { p, index } of tested) adjusted[index] = p;
      return adjusted;
    case 'bonferroni':
      for (const { p, index } of tested) adjusted[index] = Math.min(1, m * p);
      return adjusted;
    case 'holm': {
      // Step-down: the i-th smallest (from 1) is multiplied by m − i + 1, and a running maximum keeps
      // the adjusted values in the same order as the raw ones (a hypothesis is only rejected if all
      // smaller ones were).
      const ascending = [...tested].sort((x, y) => x.p - y.p);
      let runningMax = 0;
      ascending.forEach(({ p, index }, rank) => {
        runningMax = Math.max(runningMax, Math.min(1, (m - rank) * p));
        adjusted[index] = runningMax;
      });
      return adjusted;
    }
    case 'bh': {
      // Step-up: the i-th smallest is multiplied by m / i, and a running minimum from the largest
      // down makes each one reject whenever any larger one does.
      const descending = [...tested].sort((x, y) => y.p - x.p);
      let runningMin = 1;
      descending.forEach(({ p, index }, position) => {
        const rank = m - position;
        runningMin = Math.min(runningMin, (m / rank) * p);
        adjusted[index] = runningMin;
      });
      return adjusted;
    }
  }
}

/**
 * The per-comparison level the correction applied: alpha·p/p_adjusted. Then p_adjusted < alpha exactly
 * when p < that level, whatever the correction (alpha/m for Bonferroni, alpha/(m − k + 1) at step k of
 * Holm's procedure, alpha·k/m for Benjamini–Hochberg, alpha itself without a correction). A p-value
 * of 0 has no ratio; it regresses at any level, and the strictest one is used.
 */
export function decisionLevel(pValue: number, pAdjusted: number, alpha: number, strictest: number): number {
  return pAdjusted > 0 ? Math.min(alpha, (alpha * pValue) / pAdjusted) : strictest;
}
