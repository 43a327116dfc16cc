import { z } from 'zod';
import { OVERALL, isWeightedCohort } from '../cohorts.js';
import { describe } from '../input/example-layout.js';
import { isCalendarDate } from '../manifest/manifest-values.js';
import { namedRecord } from '../named-record.js';
import { closestName } from '../suggest-name.js';

/**
 * The values of a canary observation file (see canary-file.ts): times, and one side's counts per
 * cohort. Each check here sees one value; the checks across intervals are in canary-file.ts.
 */

export type MetricKinds = ReadonlyMap<string, 'binary' | 'continuous'>;

/**
 * Σx² below (Σx)²/n by more than this share of (Σx)²/n is a negative variance. The slack absorbs the
 * rounding of sums over many events (a constant metric has Σx² = (Σx)²/n exactly), nothing more.
 */
const VARIANCE_TOLERANCE = 1e-9;

/**
 * For checks that read the parsed value: zod runs a refinement even after issues it may continue past
 * (a failed refine, a too-short list), and then the value is not what the schema promises.
 */
export const WHEN_VALID = { when: (payload: { readonly issues: readonly unknown[] }) => payload.issues.length === 0 };

function got(value: unknown): string {
  if (value === undefined) return 'nothing (the key is missing)';
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? 'an object' : describe(value);
}

/** An ISO-8601 time with a zone, `Z` or an offset: a time without one is a different instant on each machine. */
export const timestamp = z.unknown().transform((value, ctx) => {
  const ms = typeof value === 'string' ? instant(value) : undefined;
  if (typeof value === 'string' && ms !== undefined) return { text: value, ms };
  ctx.addIssue({
    code: 'custom',
    message: `expected a time like "2026-12-01T10:05:00Z" (ISO 8601 with Z or an offset such as +01:00), got ${got(value)}`,
  });
  return z.NEVER;
});

/** Milliseconds since the epoch, or undefined for text that is not a real time with a zone. */
function instant(text: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(text);
  if (match === null || !isCalendarDate(match[1] as string)) return undefined;
  const [hours, minutes, seconds, offsetHours, offsetMinutes] = match.slice(2).map((part) => Number(part ?? 0));
  if ((hours as number) > 23 || (minutes as number) > 59 || (seconds as number) > 59) return undefined;
  if ((offsetHours as number) > 23 || (offsetMinutes as number) > 59) return undefined;
  return Date.parse(text);
}

/** A whole number ≥ 0: a fraction, a string, NaN or Infinity is a broken export, not a count. */
const count = (what: string) =>
  z.unknown().transform((value, ctx): number => {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    ctx.addIssue({ code: 'custom', message: `expected a whole number of ${what} ≥ 0, got ${got(value)}` });
    return z.NEVER;
  });

const sumPair = z.unknown().transform((value, ctx): [number, number] => {
  if (Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === 'number' && Number.isFinite(x)))
    return [value[0] as number, value[1] as number];
  ctx.addIssue({ code: 'custom', message: `expected [Σx, Σx²], two finite numbers, got ${got(value)}` });
  return z.NEVER;
});

const countsSchema = z
  .strictObject(
    {
      n: count('events'),
      successes: namedRecord(count('successes')).optional(),
      sums: namedRecord(sumPair).optional(),
    },
    { error: 'expected the counts as {"n": events, "successes": {metric: count}, "sums": {metric: [Σx, Σx²]}}' },
  )
  .superRefine(({ n, successes = {}, sums = {} }, ctx) => {
    for (const [metric, k] of Object.entries(successes))
      if (k > n)
        ctx.addIssue({
          code: 'custom',
          path: ['successes', metric],
          message: `expected 0 ≤ successes ≤ n (${n}), got ${k}`,
        });
    for (const [metric, [sum, sumOfSquares]] of Object.entries(sums)) {
      const path = ['sums', metric];
      if (Object.hasOwn(successes, metric))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `${JSON.stringify(metric)} is also in successes: a metric is either a count of successes (binary) or sums (continuous), not both`,
        });
      else if (n === 0 && (sum !== 0 || sumOfSquares !== 0))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `expected [0, 0]: n is 0, so there is nothing to sum, got [${sum}, ${sumOfSquares}]`,
        });
      else if (n > 0 && sumOfSquares < ((sum * sum) / n) * (1 - VARIANCE_TOLERANCE))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `expected Σx² ≥ (Σx)²/n = ${(sum * sum) / n}, got ${sumOfSquares}: a smaller Σx² would mean a negative variance, which no data gives`,
        });
    }
  }, WHEN_VALID);

export type Counts = z.output<typeof countsSchema>;

/** One side of an interval: cohort name → counts, `overall` required. */
export const sideSchema = z
  .unknown()
  .refine(
    (value): boolean => value !== undefined,
    'missing: expected cohort name → {"n", "successes", "sums"}, "overall" first',
  )
  .pipe(namedRecord(countsSchema))
  .superRefine((cohorts, ctx) => {
    const names = Object.keys(cohorts);
    for (const name of names)
      if (isWeightedCohort(name))
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'is the name of a traffic-weighted comparison the gate makes, not a cohort',
        });
    if (!Object.hasOwn(cohorts, OVERALL)) {
      const meant = closestName(OVERALL, names);
      const hint = meant === undefined ? '' : ` (${JSON.stringify(meant)} is not "${OVERALL}": cohort names are exact)`;
      ctx.addIssue({
        code: 'custom',
        message: `missing "${OVERALL}": every interval needs the overall counts of both sides${hint}`,
      });
    }
  }, WHEN_VALID);

/** The metrics one counts object reports, successes first, each in file order. */
export function metricKinds(counts: Counts): Map<string, 'binary' | 'continuous'> {
  const kinds = new Map<string, 'binary' | 'continuous'>();
  for (const metric of Object.keys(counts.successes ?? {})) kinds.set(metric, 'binary');
  for (const metric of Object.keys(counts.sums ?? {})) kinds.set(metric, 'continuous');
  return kinds;
}
