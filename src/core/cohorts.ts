/**
 * How cohorts are named and ordered, in one place: every file has the `overall` cohort, a label makes
 * a `label:<label>` cohort, and every report lists cohorts in the order compareCohortNames gives.
 */
export const OVERALL = 'overall';
export const LABEL_PREFIX = 'label:';

/**
 * `overall` first, then in natural order: runs of digits compare as numbers, so `seg:2` comes before
 * `seg:10`; everything else in code-unit order, so the result does not depend on the locale. Names
 * equal as numbers (`seg:02`, `seg:2`) fall back to code-unit order, so the order stays total.
 */
export function compareCohortNames(a: string, b: string): number {
  if (a === b) return 0;
  if (a === OVERALL) return -1;
  if (b === OVERALL) return 1;
  const left = a.match(/\d+|\D+/g) ?? [];
  const right = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as string;
    const y = right[i] as string;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const xs = x.replace(/^0+(?=\d)/, '');
      const ys = y.replace(/^0+(?=\d)/, '');
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return xs < ys ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : 1;
}
