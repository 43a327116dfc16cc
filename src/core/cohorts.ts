/**
 * How cohorts are named and ordered, in one place: every file has the `overall` cohort, a label makes
 * a `label:<label>` cohort, and every report lists cohorts in the order compareCohortNames gives.
 */
export const OVERALL = 'overall';
export const LABEL_PREFIX = 'label:';
/**
 * The name of a traffic-weighted comparison: `overall@traffic:region` is the overall difference
 * re-weighted to production's region mix. `@` keeps it apart from any cohort a file can name
 * with a dimension prefix, and it sorts right after `overall`.
 */
const WEIGHTED_PREFIX = 'overall@traffic:';

export function weightedCohortName(dimension: string): string {
  return `${WEIGHTED_PREFIX}${dimension}`;
}

export function isWeightedCohort(cohort: string): boolean {
  return cohort.startsWith(WEIGHTED_PREFIX);
}

/**
 * `overall` first, then the traffic-weighted overalls, then in natural order: runs of digits compare as numbers, so `seg:2` comes before
 * `seg:10`; everything else in code-unit order, so the result does not depend on the locale. Names
 * equal as numbers (`seg:02`, `seg:2`) fall back to code-unit order, so the order stays total.
 *
 * The names are walked run by run in place, without splitting them into arrays: every report sorts
 * its cohorts, and a 100,000-cohort report makes millions of these calls.
 */
export function compareCohortNames(a: string, b: string): number {
  if (a === b) return 0;
  if (a === OVERALL) return -1;
  if (b === OVERALL) return 1;
  // Traffic-weighted overalls next, so that they sit beside the overall they re-weight.
  const aWeighted = isWeightedCohort(a);
  if (aWeighted !== isWeightedCohort(b)) return aWeighted ? -1 : 1;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const aDigits = isDigit(a.charCodeAt(i));
    const bDigits = isDigit(b.charCodeAt(j));
    const aEnd = runEnd(a, i, aDigits);
    const bEnd = runEnd(b, j, bDigits);
    const order = aDigits && bDigits ? compareNumberRuns(a, i, aEnd, b, j, bEnd) : compareRuns(a, i, aEnd, b, j, bEnd);
    if (order !== 0) return order;
    i = aEnd;
    j = bEnd;
  }
  // One name ran out of runs first: it has fewer, and comes first.
  if (i < a.length) return 1;
  if (j < b.length) return -1;
  return a < b ? -1 : 1;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Where the run of digits (or of non-digits) starting at `start` ends. */
function runEnd(text: string, start: number, digits: boolean): number {
  let end = start + 1;
  while (end < text.length && isDigit(text.charCodeAt(end)) === digits) end++;
  return end;
}

/** Two digit runs as numbers: leading zeros dropped, then the longer is larger, then digit by digit. */
function compareNumberRuns(a: string, i: number, aEnd: number, b: string, j: number, bEnd: number): number {
  while (i < aEnd - 1 && a.charCodeAt(i) === 48) i++;
  while (j < bEnd - 1 && b.charCodeAt(j) === 48) j++;
  if (aEnd - i !== bEnd - j) return aEnd - i - (bEnd - j);
  return compareRuns(a, i, aEnd, b, j, bEnd);
}

/** Two runs in code-unit order, a run that is a prefix of the other first. */
function compareRuns(a: string, i: number, aEnd: number, b: string, j: number, bEnd: number): number {
  for (; i < aEnd && j < bEnd; i++, j++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (x !== y) return x < y ? -1 : 1;
  }
  return aEnd - i - (bEnd - j);
}
