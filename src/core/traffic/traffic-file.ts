import { z } from 'zod';
import { OVERALL, isWeightedCohort } from '../cohorts.js';
import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';
import { isoDate } from '../manifest/manifest-values.js';
import { namedRecord } from '../named-record.js';
import type { SourceFile } from '../source-file.js';
import { parseLocated, validateLocated } from '../structured-text.js';

/**
 * A traffic file: how many production events each cohort had over a window, exported from the
 * team's warehouse or monitoring. The gate compares the eval's cohort mix with it per dimension
 * (the prefix before the first `:`), so every name must have one.
 */
export interface TrafficFile {
  readonly path: string;
  readonly sha256: string;
  readonly window: { readonly from: string; readonly to: string };
  readonly source: string | null;
  /** cohort name → events in the window, in file order */
  readonly counts: ReadonlyMap<string, number>;
}

const TRAFFIC_SCHEMA = 'model-release-gate/traffic@1';

/** Every field name of the format, for "did you mean" on an unknown key. */
const TRAFFIC_FIELDS = ['schema', 'window', 'from', 'to', 'source', 'cohorts'] as const;

/** A count of events: a whole number ≥ 0. A string, a fraction, NaN or Infinity is a broken export, not a count. */
const eventCount = z.unknown().transform((value, ctx): number => {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  const got = typeof value === 'object' && value !== null && !Array.isArray(value) ? 'an object' : describe(value);
  ctx.addIssue({ code: 'custom', message: `expected a whole number of events ≥ 0, got ${got}` });
  return z.NEVER;
});

const trafficSchema = z.strictObject({
  schema: z.literal(TRAFFIC_SCHEMA, { error: `expected "schema": "${TRAFFIC_SCHEMA}"` }),
  window: z
    .strictObject(
      { from: isoDate, to: isoDate },
      { error: 'expected the window as {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"} (both days included)' },
    )
    .refine((window) => window.from <= window.to, {
      path: ['to'],
      message: 'expected the window to end on or after the day it starts (from ≤ to)',
    }),
  source: z
    .string({ error: 'expected text saying where the counts come from' })
    .min(1, 'expected non-empty text')
    .optional(),
  cohorts: z
    .unknown()
    .refine(
      (value): boolean => value !== undefined,
      'missing: expected the cohorts, an object of cohort name → events in the window',
    )
    .pipe(namedRecord(eventCount))
    .superRefine((cohorts, ctx) => {
      const names = Object.keys(cohorts);
      if (names.length === 0)
        ctx.addIssue({ code: 'custom', message: 'expected at least one cohort with its count of events' });
      for (const name of names) {
        const problem = nameProblem(name);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [name], message: problem });
      }
    }),
});

/** Why a cohort name cannot be placed in a dimension, or undefined when it can. */
function nameProblem(name: string): string | undefined {
  if (name === OVERALL)
    return `"${OVERALL}" has no production share: shares are compared within a dimension (the prefix before ":"), so list that dimension's cohorts instead, e.g. "region:eu" and "region:na"`;
  if (isWeightedCohort(name))
    return "is the name of a traffic-weighted comparison the gate makes, not a cohort: list the dimension's cohorts instead";
  const colon = name.indexOf(':');
  if (colon < 0 || name.slice(0, colon).trim() === '' || name.slice(colon + 1).trim() === '')
    return 'expected a cohort name written dimension:value (e.g. "region:eu"): shares are compared within a dimension';
  return undefined;
}

/** Parses a traffic file (JSON or YAML); every problem names the file, and the line and field where known. */
export function parseTrafficFile(file: SourceFile): TrafficFile {
  // JSON is YAML: one located parser reads both, and refuses a key written twice in either, with its line.
  const document = parseLocated(file.path, file.text);
  if (document.value === null || typeof document.value !== 'object' || Array.isArray(document.value)) {
    throw new InputError(
      file.path,
      `expected a mapping with "schema": "${TRAFFIC_SCHEMA}", window, source and cohorts (cohort name → events)`,
    );
  }
  const parsed = validateLocated(document, trafficSchema, TRAFFIC_FIELDS);
  return {
    path: file.path,
    sha256: file.sha256,
    window: { from: parsed.window.from, to: parsed.window.to },
    source: parsed.source ?? null,
    counts: new Map(Object.entries(parsed.cohorts)),
  };
}
