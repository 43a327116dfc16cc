import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CanaryCounts, type CanaryInterval, parseCanaryObservations } from '../src/core/canary/canary-file.js';
import { InputError } from '../src/core/errors.js';

const parse = (path: string, text: string) => parseCanaryObservations({ path, text, sha256: `sha-of-${path}` });

/** The InputError parsing `text` throws, as the parts a reader sees. */
function failure(
  path: string,
  text: string,
): { file: string; line: number | undefined; field: string | undefined; problem: string } {
  let error: unknown;
  try {
    parse(path, text);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  const { file, line, field, problem } = error as InputError;
  return { file, line, field, problem };
}

// The second interval: region:na had no events on either side (a GROUP BY writes no row), region:eu
// none on the canary, and its end is written with an offset (11:10+01:00 is 10:10Z).
const YAML_FILE = `schema: model-release-gate/canary@1
stage: {traffic: 10%, started: 2026-12-01T10:00:00Z}
intervals:
  - end: 2026-12-01T10:05:00Z
    baseline:
      overall: {n: 52000, successes: {accuracy: 48100}, sums: {latency_ms: [6.1e6, 7.9e8]}}
      region:na: {n: 21000, successes: {accuracy: 19300}, sums: {latency_ms: [2.6e6, 3.4e8]}}
      region:eu: {n: 31000, successes: {accuracy: 28800}, sums: {latency_ms: [3.5e6, 4.5e8]}}
    canary:
      overall: {n: 5800, successes: {accuracy: 5320}, sums: {latency_ms: [6.9e5, 9.1e7]}}
      region:na: {n: 2400, successes: {accuracy: 2190}, sums: {latency_ms: [2.9e5, 3.8e7]}}
      region:eu: {n: 3400, successes: {accuracy: 3130}, sums: {latency_ms: [4.0e5, 5.3e7]}}
  - end: 2026-12-01T11:10:00+01:00
    baseline:
      overall: {n: 51000, sums: {latency_ms: [6.0e6, 7.8e8]}, successes: {accuracy: 47200}}
      region:eu: {n: 30000, successes: {accuracy: 27900}, sums: {latency_ms: [3.4e6, 4.4e8]}}
    canary:
      overall: {n: 5700, successes: {accuracy: 5250}, sums: {latency_ms: [6.8e5, 9.0e7]}}
      region:eu: {n: 0, successes: {accuracy: 0}, sums: {latency_ms: [0, 0]}}
`;

const JSON_FILE = `{
  "schema": "model-release-gate/canary@1",
  "stage": {"traffic": "10%", "started": "2026-12-01T10:00:00Z"},
  "intervals": [
    {"end": "2026-12-01T10:05:00Z",
     "baseline": {
       "overall": {"n": 52000, "successes": {"accuracy": 48100}, "sums": {"latency_ms": [6100000, 790000000]}},
       "region:na": {"n": 21000, "successes": {"accuracy": 19300}, "sums": {"latency_ms": [2.6e6, 3.4e8]}},
       "region:eu": {"n": 31000, "successes": {"accuracy": 28800}, "sums": {"latency_ms": [3.5e6, 4.5e8]}}},
     "canary": {
       "overall": {"n": 5800, "successes": {"accuracy": 5320}, "sums": {"latency_ms": [6.9e5, 9.1e7]}},
       "region:na": {"n": 2400, "successes": {"accuracy": 2190}, "sums": {"latency_ms": [2.9e5, 3.8e7]}},
       "region:eu": {"n": 3400, "successes": {"accuracy": 3130}, "sums": {"latency_ms": [4.0e5, 5.3e7]}}}},
    {"end": "2026-12-01T11:10:00+01:00",
     "baseline": {
       "overall": {"n": 51000, "successes": {"accuracy": 47200}, "sums": {"latency_ms": [6.0e6, 7.8e8]}},
       "region:eu": {"n": 30000, "successes": {"accuracy": 27900}, "sums": {"latency_ms": [3.4e6, 4.4e8]}}},
     "canary": {
       "overall": {"n": 5700, "successes": {"accuracy": 5250}, "sums": {"latency_ms": [6.8e5, 9.0e7]}},
       "region:eu": {"n": 0, "successes": {"accuracy": 0}, "sums": {"latency_ms": [0, 0]}}}}
  ]
}
`;

/** A valid YAML file with `line` (1-based) replaced, for errors on a known line. */
function yamlWith(line: number, replacement: string): string {
  const lines = YAML_FILE.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}

function counts(n: number, accuracy: number, latency: [number, number]): CanaryCounts {
  return { n, successes: new Map([['accuracy', accuracy]]), sums: new Map([['latency_ms', latency]]) };
}

/** An interval without its line, which differs between the JSON and the YAML layout. */
const withoutLine = ({ end, endMs, baseline, canary }: CanaryInterval) => ({ end, endMs, baseline, canary });

describe('parseCanaryObservations: valid files', () => {
  it('reads the same observations from JSON and from YAML', () => {
    const fromYaml = parse('canary.yml', YAML_FILE);
    const fromJson = parse('canary.json', JSON_FILE);
    expect(fromYaml.path).toBe('canary.yml');
    expect(fromYaml.sha256).toBe('sha-of-canary.yml');
    expect(fromYaml.stage).toEqual({
      traffic: 10,
      started: '2026-12-01T10:00:00Z',
      startedMs: Date.UTC(2026, 11, 1, 10, 0),
    });
    expect(fromYaml.intervals.map(withoutLine)).toEqual([
      {
        end: '2026-12-01T10:05:00Z',
        endMs: Date.UTC(2026, 11, 1, 10, 5),
        baseline: new Map([
          ['overall', counts(52000, 48100, [6.1e6, 7.9e8])],
          ['region:eu', counts(31000, 28800, [3.5e6, 4.5e8])],
          ['region:na', counts(21000, 19300, [2.6e6, 3.4e8])],
        ]),
        canary: new Map([
          ['overall', counts(5800, 5320, [6.9e5, 9.1e7])],
          ['region:eu', counts(3400, 3130, [4.0e5, 5.3e7])],
          ['region:na', counts(2400, 2190, [2.9e5, 3.8e7])],
        ]),
      },
      {
        end: '2026-12-01T11:10:00+01:00',
        endMs: Date.UTC(2026, 11, 1, 10, 10),
        baseline: new Map([
          ['overall', counts(51000, 47200, [6.0e6, 7.8e8])],
          ['region:eu', counts(30000, 27900, [3.4e6, 4.4e8])],
        ]),
        canary: new Map([
          ['overall', counts(5700, 5250, [6.8e5, 9.0e7])],
          ['region:eu', counts(0, 0, [0, 0])],
        ]),
      },
    ]);
    // Cohorts sorted (the file lists region:na first); maps iterate in that order too.
    expect(fromYaml.cohorts).toEqual(['overall', 'region:eu', 'region:na']);
    expect([...(fromYaml.intervals[0]?.canary.keys() ?? [])]).toEqual(['overall', 'region:eu', 'region:na']);
    expect(fromYaml.metrics).toEqual(
      new Map([
        ['accuracy', 'binary'],
        ['latency_ms', 'continuous'],
      ]),
    );
    expect(fromYaml.intervals.map((interval) => interval.line)).toEqual([4, 13]);
    expect(fromJson.intervals.map((interval) => interval.line)).toEqual([5, 14]);
    const comparable = (o: ReturnType<typeof parse>) => ({
      ...o,
      path: '',
      sha256: '',
      intervals: o.intervals.map(withoutLine),
    });
    expect(comparable(fromJson)).toEqual(comparable(fromYaml));
  });

  it('accepts fractional seconds, minutes without seconds, a 0% stage and one interval ending as the stage starts', () => {
    const text = `schema: model-release-gate/canary@1
stage: {traffic: 0, started: "2026-12-01T10:00:00.250-05:30"}
intervals:
  - {end: "2026-12-01T10:00:00.250-05:30", baseline: {overall: {n: 1, successes: {ok: 1}}}, canary: {overall: {n: 0, successes: {ok: 0}}}}
  - {end: "2026-12-01T15:31Z", baseline: {overall: {n: 2, successes: {ok: 0}}}, canary: {overall: {n: 1, successes: {ok: 1}}}}
`;
    const observations = parse('c.yml', text);
    expect(observations.stage).toEqual({
      traffic: 0,
      started: '2026-12-01T10:00:00.250-05:30',
      startedMs: Date.UTC(2026, 11, 1, 15, 30, 0, 250),
    });
    expect(observations.intervals.map((i) => i.endMs)).toEqual([
      Date.UTC(2026, 11, 1, 15, 30, 0, 250),
      Date.UTC(2026, 11, 1, 15, 31),
    ]);
    expect(observations.metrics).toEqual(new Map([['ok', 'binary']]));
  });

  it('reads the recorded examples in examples/canary/', () => {
    for (const name of ['promote', 'hold', 'rollback']) {
      const path = `examples/canary/${name}.json`;
      const observations = parse(path, readFileSync(path, 'utf8'));
      expect(observations.cohorts).toEqual(['overall', 'region:eu', 'region:na']);
      expect(observations.stage.traffic).toBe(10);
      expect(observations.metrics).toEqual(
        new Map([
          ['accuracy', 'binary'],
          ['latency_ms', 'continuous'],
        ]),
      );
    }
  });
});

const COUNTS_6 = '      overall: {n: 52000, successes: {accuracy: 48100}, sums: {latency_ms: [6.1e6, 7.9e8]}}';
const SAME_METRICS =
  'every interval, side and cohort reports the same metrics as intervals.0.baseline.overall (accuracy in successes, latency_ms in sums)';

describe('parseCanaryObservations: bad input fails closed, naming file, line and field', () => {
  it.each([
    [
      'a wrong schema',
      yamlWith(1, 'schema: model-release-gate/canary@2'),
      1,
      'schema',
      'expected "schema": "model-release-gate/canary@1"',
    ],
    [
      'a misspelt key',
      yamlWith(3, 'intervalls:'),
      3,
      'intervalls',
      'unknown key "intervalls" (did you mean "intervals"?; unknown keys are rejected so a typo cannot be ignored)',
    ],
    [
      'a misspelt counts key',
      yamlWith(6, COUNTS_6.replace('successes', 'sucesses')),
      6,
      'intervals.0.baseline.overall.sucesses',
      'unknown key "sucesses" (did you mean "successes"?; unknown keys are rejected so a typo cannot be ignored)',
    ],
    [
      'a traffic share that is not a percentage',
      yamlWith(2, 'stage: {traffic: 110%, started: 2026-12-01T10:00:00Z}'),
      2,
      'stage.traffic',
      'expected a percentage from 0 to 100 (like 10 or "10%"), got "110%"',
    ],
    [
      'a stage that is not an object',
      yamlWith(2, 'stage: 10%'),
      2,
      'stage',
      'expected the stage as {"traffic": "10%", "started": "2026-12-01T10:00:00Z"}',
    ],
    [
      'a time without a zone',
      yamlWith(2, 'stage: {traffic: 10%, started: 2026-12-01T10:00:00}'),
      2,
      'stage.started',
      'expected a time like "2026-12-01T10:05:00Z" (ISO 8601 with Z or an offset such as +01:00), got the string "2026-12-01T10:00:00"',
    ],
    [
      'a day that does not exist',
      yamlWith(4, '  - end: 2026-11-31T10:05:00Z'),
      4,
      'intervals.0.end',
      'expected a time like "2026-12-01T10:05:00Z" (ISO 8601 with Z or an offset such as +01:00), got the string "2026-11-31T10:05:00Z"',
    ],
    [
      'an hour that does not exist',
      yamlWith(4, '  - end: 2026-12-01T24:05:00Z'),
      4,
      'intervals.0.end',
      'expected a time like "2026-12-01T10:05:00Z" (ISO 8601 with Z or an offset such as +01:00), got the string "2026-12-01T24:05:00Z"',
    ],
    [
      'a time as a number',
      yamlWith(4, '  - end: 1796119500'),
      4,
      'intervals.0.end',
      'expected a time like "2026-12-01T10:05:00Z" (ISO 8601 with Z or an offset such as +01:00), got number 1796119500',
    ],
    [
      'a first interval ending before the stage started',
      yamlWith(4, '  - end: 2026-12-01T09:55:00Z'),
      4,
      'intervals.0.end',
      'expected the first interval to end no earlier than the stage started (stage.started, 2026-12-01T10:00:00Z), got 2026-12-01T09:55:00Z',
    ],
    [
      'an interval ending with the one before (the same instant, written with an offset)',
      yamlWith(13, '  - end: 2026-12-01T11:05:00+01:00'),
      13,
      'intervals.1.end',
      "expected a time after the previous interval's end (intervals.0.end, 2026-12-01T10:05:00Z): intervals are listed oldest first, each once; got 2026-12-01T11:05:00+01:00",
    ],
    [
      'an interval without an end',
      yamlWith(13, '  - baseline:').replace('  - baseline:\n    baseline:', '  - baseline:'),
      13,
      'intervals.1.end',
      'expected a time like "2026-12-01T10:05:00Z" (ISO 8601 with Z or an offset such as +01:00), got nothing (the key is missing)',
    ],
    [
      'a fractional n',
      yamlWith(6, COUNTS_6.replace('52000', '52000.5')),
      6,
      'intervals.0.baseline.overall.n',
      'expected a whole number of events ≥ 0, got number 52000.5',
    ],
    [
      'a negative n',
      yamlWith(6, COUNTS_6.replace('52000', '-1')),
      6,
      'intervals.0.baseline.overall.n',
      'expected a whole number of events ≥ 0, got number -1',
    ],
    [
      'n as text',
      yamlWith(6, COUNTS_6.replace('52000', '"52000"')),
      6,
      'intervals.0.baseline.overall.n',
      'expected a whole number of events ≥ 0, got the string "52000"',
    ],
    [
      'successes above n',
      yamlWith(18, '      overall: {n: 5700, successes: {accuracy: 5900}, sums: {latency_ms: [6.8e5, 9.0e7]}}'),
      18,
      'intervals.1.canary.overall.successes.accuracy',
      'expected 0 ≤ successes ≤ n (5700), got 5900',
    ],
    [
      'negative successes',
      yamlWith(6, COUNTS_6.replace('48100', '-3')),
      6,
      'intervals.0.baseline.overall.successes.accuracy',
      'expected a whole number of successes ≥ 0, got number -3',
    ],
    [
      'a negative variance (Σx² below (Σx)²/n)',
      yamlWith(6, COUNTS_6.replace('7.9e8', '7.0e8')),
      6,
      'intervals.0.baseline.overall.sums.latency_ms',
      'expected Σx² ≥ (Σx)²/n = 715576923.0769231, got 700000000: a smaller Σx² would mean a negative variance, which no data gives',
    ],
    [
      'sums without events',
      yamlWith(19, '      region:eu: {n: 0, successes: {accuracy: 0}, sums: {latency_ms: [0, 4]}}'),
      19,
      'intervals.1.canary.region:eu.sums.latency_ms',
      'expected [0, 0]: n is 0, so there is nothing to sum, got [0, 4]',
    ],
    [
      'sums that are not a pair',
      yamlWith(6, COUNTS_6.replace('[6.1e6, 7.9e8]', '[6.1e6]')),
      6,
      'intervals.0.baseline.overall.sums.latency_ms',
      'expected [Σx, Σx²], two finite numbers, got an array',
    ],
    [
      'an infinite sum',
      yamlWith(6, COUNTS_6.replace('7.9e8', '.inf')),
      6,
      'intervals.0.baseline.overall.sums.latency_ms',
      'expected [Σx, Σx²], two finite numbers, got an array',
    ],
    [
      'a metric both counted and summed',
      yamlWith(6, COUNTS_6.replace('latency_ms', 'accuracy')),
      6,
      'intervals.0.baseline.overall.sums.accuracy',
      '"accuracy" is also in successes: a metric is either a count of successes (binary) or sums (continuous), not both',
    ],
    [
      'a metric missing from a later interval',
      yamlWith(18, '      overall: {n: 5700, successes: {accuracy: 5250}}'),
      18,
      'intervals.1.canary.overall.sums',
      `missing "latency_ms": ${SAME_METRICS}`,
    ],
    [
      'a metric missing from a cohort',
      yamlWith(11, '      region:na: {n: 2400, sums: {latency_ms: [2.9e5, 3.8e7]}}'),
      11,
      'intervals.0.canary.region:na.successes',
      `missing "accuracy": ${SAME_METRICS}`,
    ],
    [
      'a metric of another kind',
      yamlWith(16, '      region:eu: {n: 30000, successes: {accuracy: 27900, latency_ms: 3}}'),
      16,
      'intervals.1.baseline.region:eu.successes.latency_ms',
      `"latency_ms" is in sums there: ${SAME_METRICS}`,
    ],
    [
      'a misspelt metric',
      yamlWith(12, '      region:eu: {n: 3400, successes: {acuracy: 3130}, sums: {latency_ms: [4.0e5, 5.3e7]}}'),
      12,
      'intervals.0.canary.region:eu.successes.acuracy',
      `unexpected metric "acuracy" (did you mean "accuracy"?): ${SAME_METRICS}`,
    ],
    [
      'no metric at all',
      yamlWith(6, '      overall: {n: 52000}'),
      6,
      'intervals.0.baseline.overall',
      'expected at least one metric, in successes (binary) or sums (continuous)',
    ],
    [
      'no overall (a cohort written Overall)',
      yamlWith(10, '      Overall: {n: 5800, successes: {accuracy: 5320}, sums: {latency_ms: [6.9e5, 9.1e7]}}'),
      9,
      'intervals.0.canary',
      'missing "overall": every interval needs the overall counts of both sides ("Overall" is not "overall": cohort names are exact)',
    ],
    [
      'no overall on the baseline side, whose metrics the others are checked against',
      yamlWith(6, ''),
      5,
      'intervals.0.baseline',
      'missing "overall": every interval needs the overall counts of both sides',
    ],
    [
      'a traffic-weighted comparison name',
      yamlWith(8, '      overall@traffic:region: {n: 1, successes: {accuracy: 1}, sums: {latency_ms: [1, 1]}}'),
      8,
      'intervals.0.baseline.overall@traffic:region',
      'is the name of a traffic-weighted comparison the gate makes, not a cohort',
    ],
    [
      'a side missing',
      YAML_FILE.split('\n').slice(0, 8).join('\n'),
      4,
      'intervals.0.canary',
      'missing: expected cohort name → {"n", "successes", "sums"}, "overall" first',
    ],
    [
      'counts that are not an object',
      yamlWith(6, '      overall: 52000'),
      6,
      'intervals.0.baseline.overall',
      'expected the counts as {"n": events, "successes": {metric: count}, "sums": {metric: [Σx, Σx²]}}',
    ],
    [
      'no intervals',
      'schema: model-release-gate/canary@1\nstage: {traffic: 10%, started: 2026-12-01T10:00:00Z}\nintervals: []\n',
      3,
      'intervals',
      'expected at least one interval: nothing has been observed yet',
    ],
    [
      'intervals as an object',
      'schema: model-release-gate/canary@1\nstage: {traffic: 10%, started: 2026-12-01T10:00:00Z}\nintervals: {}\n',
      3,
      'intervals',
      'expected a list of intervals, oldest first',
    ],
  ])('%s', (_case, text, line, field, problem) => {
    expect(failure('canary.yml', text)).toEqual({ file: 'canary.yml', line, field, problem });
  });

  it('refuses a key written twice, in JSON and in YAML, on the line of the second', () => {
    const json = JSON_FILE.replace('"region:eu": {"n": 31000', '"region:na": {"n": 31000');
    expect(failure('canary.json', json)).toEqual({
      file: 'canary.json',
      line: 9,
      field: undefined,
      problem: 'cannot be parsed: Map keys must be unique',
    });
    expect(failure('canary.yml', yamlWith(8, COUNTS_6))).toMatchObject({
      line: 8,
      problem: 'cannot be parsed: Map keys must be unique',
    });
  });

  it('refuses an empty file and a top-level list', () => {
    expect(failure('canary.json', ' \n').problem).toBe('the file is empty: expected a YAML or JSON document');
    expect(failure('canary.json', '[]').problem).toBe(
      'expected a mapping with "schema": "model-release-gate/canary@1", stage and intervals',
    );
  });

  it('escapes a hostile cohort name quoted in a field: no control character or line break reaches the log', () => {
    const { field } = failure(
      'canary.yml',
      yamlWith(8, '      "eu\\u001b[31m\\n": {n: 1, successes: {accuracy: 2}, sums: {latency_ms: [1, 1]}}'),
    );
    expect(field).toBe(String.raw`intervals.0.baseline.eu\u001b[31m\u000a.successes.accuracy`);
  });
});
