import { z } from 'zod';
import { OVERALL, compareCohortNames } from '../cohorts.js';
import { InputError } from '../errors.js';
import { percent } from '../manifest/manifest-values.js';
import type { SourceFile } from '../source-file.js';
import { parseLocated, validateLocated } from '../structured-text.js';
import { closestName } from '../suggest-name.js';
import { type Counts, type MetricKinds, WHEN_VALID, metricKinds, sideSchema, timestamp } from './canary-counts.js';

/**
 * A canary observation file: per interval, sufficient statistics of the baseline's and the canary's
 * traffic, per cohort, so that billions of events reduce to a file a monitoring query can write.
 * Each interval holds the counts of that interval only; a look at interval k sums intervals 0..k.
 */
export interface CanaryCounts {
  readonly n: number;
  /** binary metric → events where it was 1 */
  readonly successes: ReadonlyMap<string, number>;
  /** continuous metric → [Σx, Σx²] */
  readonly sums: ReadonlyMap<string, readonly [number, number]>;
}

export interface CanaryInterval {
  readonly end: string;
  /** ms since epoch */
  readonly endMs: number;
  /** cohort → counts, overall first. A cohort absent from an interval had no events there. */
  readonly baseline: ReadonlyMap<string, CanaryCounts>;
  readonly canary: ReadonlyMap<string, CanaryCounts>;
  readonly line: number;
}

export interface CanaryObservations {
  readonly path: string;
  readonly sha256: string;
  readonly stage: {
    readonly traffic: number /* percent, 0–100 */;
    readonly started: string;
    readonly startedMs: number;
  };
  readonly intervals: readonly CanaryInterval[];
  /** metric name → 'binary' | 'continuous' */
  readonly metrics: ReadonlyMap<string, 'binary' | 'continuous'>;
  readonly cohorts: readonly string[] /* overall first, then compareCohortNames order */;
}

const CANARY_SCHEMA = 'model-release-gate/canary@1';

/** Every field name of the format, for "did you mean" on an unknown key. */
const CANARY_FIELDS = [
  'schema',
  'stage',
  'traffic',
  'started',
  'intervals',
  'end',
  'baseline',
  'canary',
  'n',
  'successes',
  'sums',
];

const intervalSchema = z.strictObject(
  { end: timestamp, baseline: sideSchema, canary: sideSchema },
  { error: 'expected an interval as {"end": time, "baseline": {cohort: counts}, "canary": {cohort: counts}}' },
);
type Interval = z.output<typeof intervalSchema>;

const canarySchema = z
  .strictObject({
    schema: z.literal(CANARY_SCHEMA, { error: `expected "schema": "${CANARY_SCHEMA}"` }),
    stage: z.strictObject(
      { traffic: percent, started: timestamp },
      { error: 'expected the stage as {"traffic": "10%", "started": "2026-12-01T10:00:00Z"}' },
    ),
    intervals: z
      .array(intervalSchema, { error: 'expected a list of intervals, oldest first' })
      .min(1, 'expected at least one interval: nothing has been observed yet'),
  })
  .superRefine(({ stage, intervals }, ctx) => {
    intervals.forEach(({ end }, i) => {
      const before = i === 0 ? stage.started : (intervals[i - 1] as Interval).end;
      if (i === 0 && end.ms < before.ms)
        ctx.addIssue({
          code: 'custom',
          path: ['intervals', 0, 'end'],
          message: `expected the first interval to end no earlier than the stage started (stage.started, ${before.text}), got ${end.text}`,
        });
      if (i > 0 && end.ms <= before.ms)
        ctx.addIssue({
          code: 'custom',
          path: ['intervals', i, 'end'],
          message: `expected a time after the previous interval's end (intervals.${i - 1}.end, ${before.text}): intervals are listed oldest first, each once; got ${end.text}`,
        });
    });
    const reference = metricKinds(intervals[0]?.baseline[OVERALL] as Counts);
    if (reference.size === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['intervals', 0, 'baseline', OVERALL],
        message: 'expected at least one metric, in successes (binary) or sums (continuous)',
      });
    else checkSameMetrics(intervals, reference, ctx);
  }, WHEN_VALID);

const KEY = { binary: 'successes', continuous: 'sums' } as const;

/** Every counts object reports exactly the metrics, of the same kinds, that intervals.0.baseline.overall does. */
function checkSameMetrics(intervals: readonly Interval[], reference: MetricKinds, ctx: z.RefinementCtx): void {
  const expected = [...reference].map(([metric, kind]) => `${metric} in ${KEY[kind]}`).join(', ');
  const because = `every interval, side and cohort reports the same metrics as intervals.0.baseline.${OVERALL} (${expected})`;
  intervals.forEach((interval, i) => {
    for (const side of ['baseline', 'canary'] as const)
      for (const [cohort, counts] of Object.entries(interval[side])) {
        const problem = metricProblem(metricKinds(counts), reference);
        if (problem !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['intervals', i, side, cohort, ...problem.path],
            message: `${problem.message}: ${because}`,
          });
      }
  });
}

function metricProblem(kinds: MetricKinds, reference: MetricKinds): { path: string[]; message: string } | undefined {
  for (const [metric, kind] of kinds) {
    const wanted = reference.get(metric);
    if (wanted === kind) continue;
    const meant = wanted === undefined ? closestName(metric, [...reference.keys()]) : undefined;
    const message =
      wanted === undefined
        ? `unexpected metric ${JSON.stringify(metric)}${meant === undefined ? '' : ` (did you mean ${JSON.stringify(meant)}?)`}`
        : `${JSON.stringify(metric)} is in ${KEY[wanted]} there`;
    return { path: [KEY[kind], metric], message };
  }
  const missing = [...reference].find(([metric]) => !kinds.has(metric));
  return missing === undefined
    ? undefined
    : { path: [KEY[missing[1]]], message: `missing ${JSON.stringify(missing[0])}` };
}

/** Parses a canary observation file (JSON or YAML); every problem names the file, and the line and field where known. */
export function parseCanaryObservations(file: SourceFile): CanaryObservations {
  const document = parseLocated(file.path, file.text);
  if (document.value === null || typeof document.value !== 'object' || Array.isArray(document.value))
    throw new InputError(file.path, `expected a mapping with "schema": "${CANARY_SCHEMA}", stage and intervals`);
  const parsed = validateLocated(document, canarySchema, CANARY_FIELDS);
  const metrics = metricKinds(parsed.intervals[0]?.baseline[OVERALL] as Counts);
  const cohorts = new Set<string>();
  const side = (record: Record<string, Counts>): ReadonlyMap<string, CanaryCounts> => {
    const names = Object.keys(record).sort(compareCohortNames);
    for (const name of names) cohorts.add(name);
    return new Map(names.map((name) => [name, toCounts(record[name] as Counts, metrics)]));
  };
  return {
    path: file.path,
    sha256: file.sha256,
    stage: { traffic: parsed.stage.traffic, started: parsed.stage.started.text, startedMs: parsed.stage.started.ms },
    intervals: parsed.intervals.map((interval, i) => ({
      end: interval.end.text,
      endMs: interval.end.ms,
      baseline: side(interval.baseline),
      canary: side(interval.canary),
      line: document.lineOf(['intervals', i]) ?? 1,
    })),
    metrics,
    cohorts: [...cohorts].sort(compareCohortNames),
  };
}

/** Counts with their metrics in one order (the file's first interval's), whatever order each object used. */
function toCounts(counts: Counts, metrics: MetricKinds): CanaryCounts {
  const successes = new Map<string, number>();
  const sums = new Map<string, readonly [number, number]>();
  for (const [metric, kind] of metrics) {
    if (kind === 'binary') successes.set(metric, counts.successes?.[metric] as number);
    else sums.set(metric, counts.sums?.[metric] as [number, number]);
  }
  return { n: counts.n, successes, sums };
}
