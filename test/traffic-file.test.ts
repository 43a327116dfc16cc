import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.js';
import { parseTrafficFile } from '../src/core/traffic/traffic-file.js';

const parse = (path: string, text: string) => parseTrafficFile({ path, text, sha256: `sha-of-${path}` });

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

const JSON_FILE = `{
  "schema": "model-release-gate/traffic@1",
  "window": {"from": "2026-11-01", "to": "2026-11-30"},
  "source": "warehouse: prod.predictions, 30 days",
  "cohorts": {
    "region:eu": 412000,
    "region:na": 380500,
    "lang:is": 1200,
    "label:chargeback": 9100
  }
}
`;

const YAML_FILE = `schema: model-release-gate/traffic@1
window: {from: 2026-11-01, to: 2026-11-30}   # unquoted dates stay text
source: "warehouse: prod.predictions, 30 days"
cohorts:
  region:eu: 412000
  region:na: 380500
  lang:is: 1200
  label:chargeback: 9100
`;

/** A valid YAML file with `line` (1-based) replaced, for errors on a known line. */
function yamlWith(line: number, replacement: string): string {
  const lines = YAML_FILE.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}

describe('parseTrafficFile: valid files', () => {
  it('reads the same traffic from JSON and from YAML, counts in file order', () => {
    const fromJson = parse('traffic.json', JSON_FILE);
    const fromYaml = parse('traffic.yml', YAML_FILE);
    expect(fromJson).toEqual({
      path: 'traffic.json',
      sha256: 'sha-of-traffic.json',
      window: { from: '2026-11-01', to: '2026-11-30' },
      source: 'warehouse: prod.predictions, 30 days',
      counts: new Map([
        ['region:eu', 412000],
        ['region:na', 380500],
        ['lang:is', 1200],
        ['label:chargeback', 9100],
      ]),
    });
    expect({ ...fromYaml, path: 'traffic.json', sha256: 'sha-of-traffic.json' }).toEqual(fromJson);
    expect([...fromYaml.counts.keys()]).toEqual(['region:eu', 'region:na', 'lang:is', 'label:chargeback']);
  });

  it('reads a file without an extension by its content; source is optional; a one-day window and a count of 0 are fine', () => {
    const traffic = parse(
      'traffic',
      '{"schema": "model-release-gate/traffic@1", "window": {"from": "2026-11-30", "to": "2026-11-30"}, "cohorts": {"region:eu": 0, "lang:zh:hant": 5}}',
    );
    expect(traffic.source).toBeNull();
    expect(traffic.window).toEqual({ from: '2026-11-30', to: '2026-11-30' });
    expect([...traffic.counts]).toEqual([
      ['region:eu', 0],
      ['lang:zh:hant', 5],
    ]);
  });

  it('reads examples/traffic.json, whose cohorts are all cohorts of the example eval', () => {
    const traffic = parse('examples/traffic.json', readFileSync('examples/traffic.json', 'utf8'));
    const evalCohorts = new Set(
      readFileSync('examples/incumbent.jsonl', 'utf8')
        .trim()
        .split('\n')
        .flatMap((line) => {
          const record = JSON.parse(line) as { cohorts: string[]; label: string };
          return [...record.cohorts, `label:${record.label}`];
        }),
    );
    expect([...traffic.counts.keys()].filter((name) => !evalCohorts.has(name))).toEqual([]);
    expect(traffic.window).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('accepts hostile cohort names as data, as the eval files do (renderers escape them)', () => {
    const names = [
      'region:**eu**',
      'x:<img src=x onerror=alert(1)>',
      'region:::error::x',
      'lang:a\u0000b\u001b[31m',
      'a:__proto__',
    ];
    const cohorts = Object.fromEntries(names.map((name, i) => [name, i + 1]));
    const traffic = parse(
      'traffic.json',
      JSON.stringify({
        schema: 'model-release-gate/traffic@1',
        window: { from: '2026-11-01', to: '2026-11-30' },
        cohorts,
      }),
    );
    expect([...traffic.counts.keys()]).toEqual(names);
    expect(traffic.counts.get('a:__proto__')).toBe(5);
  });
});

describe('parseTrafficFile: bad input fails closed, naming file, line and field', () => {
  it.each([
    [
      'a wrong schema',
      yamlWith(1, 'schema: model-release-gate/traffic@2'),
      1,
      'schema',
      'expected "schema": "model-release-gate/traffic@1"',
    ],
    ['no schema', yamlWith(1, ''), 2, 'schema', 'expected "schema": "model-release-gate/traffic@1"'],
    [
      'a misspelt key',
      yamlWith(4, 'cohort:'),
      4,
      'cohort',
      'unknown key "cohort" (did you mean "cohorts"?; unknown keys are rejected so a typo cannot be ignored)',
    ],
    [
      'a misspelt window key',
      yamlWith(2, 'window: {form: 2026-11-01, to: 2026-11-30}'),
      2,
      'window.form',
      'unknown key "form" (did you mean "from"?; unknown keys are rejected so a typo cannot be ignored)',
    ],
    [
      'a date not written YYYY-MM-DD',
      yamlWith(2, 'window: {from: 2026/11/01, to: 2026-11-30}'),
      2,
      'window.from',
      'expected a real date written as YYYY-MM-DD',
    ],
    [
      'a date that does not exist',
      yamlWith(2, 'window: {from: 2026-02-01, to: 2026-02-30}'),
      2,
      'window.to',
      'expected a real date written as YYYY-MM-DD',
    ],
    [
      'a date as a number',
      yamlWith(2, 'window: {from: 20261101, to: 2026-11-30}'),
      2,
      'window.from',
      'expected a date written as YYYY-MM-DD',
    ],
    [
      'a window that ends before it starts',
      yamlWith(2, 'window: {from: 2026-11-30, to: 2026-11-01}'),
      2,
      'window.to',
      'expected the window to end on or after the day it starts (from ≤ to)',
    ],
    [
      'a window that is not an object',
      yamlWith(2, 'window: 2026-11'),
      2,
      'window',
      'expected the window as {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"} (both days included)',
    ],
    ['an empty source', yamlWith(3, 'source: ""'), 3, 'source', 'expected non-empty text'],
    [
      'a fractional count',
      yamlWith(6, '  region:na: 380500.5'),
      6,
      'cohorts.region:na',
      'expected a whole number of events ≥ 0, got number 380500.5',
    ],
    [
      'a negative count',
      yamlWith(7, '  lang:is: -1'),
      7,
      'cohorts.lang:is',
      'expected a whole number of events ≥ 0, got number -1',
    ],
    [
      'an infinite count',
      yamlWith(7, '  lang:is: .inf'),
      7,
      'cohorts.lang:is',
      'expected a whole number of events ≥ 0, got number Infinity',
    ],
    [
      'a count as text',
      yamlWith(7, '  lang:is: "1200"'),
      7,
      'cohorts.lang:is',
      'expected a whole number of events ≥ 0, got the string "1200"',
    ],
    [
      'a missing count',
      yamlWith(7, '  lang:is:'),
      7,
      'cohorts.lang:is',
      'expected a whole number of events ≥ 0, got null',
    ],
    [
      'a count too large to be exact',
      yamlWith(7, '  lang:is: 1e300'),
      7,
      'cohorts.lang:is',
      'expected a whole number of events ≥ 0, got number 1e+300',
    ],
    [
      'a name without a dimension',
      yamlWith(5, '  eu: 412000'),
      5,
      'cohorts.eu',
      'expected a cohort name written dimension:value (e.g. "region:eu"): shares are compared within a dimension',
    ],
    [
      'a name with an empty value',
      yamlWith(5, '  "region:": 412000'),
      5,
      'cohorts.region:',
      'expected a cohort name written dimension:value (e.g. "region:eu"): shares are compared within a dimension',
    ],
    [
      'a name with an empty dimension',
      yamlWith(5, '  ":eu": 412000'),
      5,
      'cohorts.:eu',
      'expected a cohort name written dimension:value (e.g. "region:eu"): shares are compared within a dimension',
    ],
    [
      'overall',
      yamlWith(5, '  overall: 803700'),
      5,
      'cohorts.overall',
      '"overall" has no production share: shares are compared within a dimension (the prefix before ":"), so list that dimension\'s cohorts instead, e.g. "region:eu" and "region:na"',
    ],
    [
      'a traffic-weighted comparison name',
      yamlWith(5, '  overall@traffic:region: 1'),
      5,
      'cohorts.overall@traffic:region',
      "is the name of a traffic-weighted comparison the gate makes, not a cohort: list the dimension's cohorts instead",
    ],
    [
      'no cohorts',
      'schema: model-release-gate/traffic@1\nwindow: {from: 2026-11-01, to: 2026-11-30}\ncohorts: {}\n',
      3,
      'cohorts',
      'expected at least one cohort with its count of events',
    ],
    [
      'cohorts missing',
      'schema: model-release-gate/traffic@1\nwindow: {from: 2026-11-01, to: 2026-11-30}\n',
      1,
      'cohorts',
      'missing: expected the cohorts, an object of cohort name → events in the window',
    ],
    [
      'cohorts as a list',
      'schema: model-release-gate/traffic@1\nwindow: {from: 2026-11-01, to: 2026-11-30}\ncohorts: [region:eu]\n',
      3,
      'cohorts',
      'expected an object of named entries, got an array',
    ],
  ])('%s', (_case, text, line, field, problem) => {
    expect(failure('traffic.yml', text)).toEqual({ file: 'traffic.yml', line, field, problem });
  });

  it('refuses a cohort written twice, in JSON and in YAML, on the line of the second', () => {
    const json = JSON_FILE.replace('"lang:is": 1200', '"region:eu": 1200');
    expect(failure('traffic.json', json)).toEqual({
      file: 'traffic.json',
      line: 8,
      field: undefined,
      problem: 'cannot be parsed: Map keys must be unique',
    });
    // The same key spelt with an escape is still the same key.
    expect(failure('traffic.json', JSON_FILE.replace('"lang:is"', '"region:\\u0065u"')).line).toBe(8);
    expect(failure('traffic.yml', yamlWith(7, '  region:eu: 1200'))).toMatchObject({
      line: 7,
      problem: 'cannot be parsed: Map keys must be unique',
    });
  });

  it('refuses a NaN from a Python export, an empty file and a top-level list', () => {
    expect(failure('traffic.json', JSON_FILE.replace('"lang:is": 1200', '"lang:is": NaN'))).toMatchObject({
      line: 8,
      field: 'cohorts.lang:is',
      problem: 'expected a whole number of events ≥ 0, got the string "NaN"',
    });
    expect(failure('traffic.json', ' \n').problem).toBe('the file is empty: expected a YAML or JSON document');
    expect(failure('traffic.json', '[{"region:eu": 1}]').problem).toMatch(/^expected a mapping with "schema"/);
  });

  it('escapes a hostile name quoted in a message: no control character or line break reaches the log', () => {
    const { field } = failure('traffic.yml', yamlWith(5, '  "eu\\u001b[31m\\n<b>evil": 1'));
    // Written out as escapes (backslash, u, four hex digits), not as the characters themselves.
    expect(field).toBe(String.raw`cohorts.eu\u001b[31m\u000a<b>evil`);
  });
});

const JSONL_COLUMNS = "{id: 'VARCHAR', cohorts: 'VARCHAR[]'}";

describe('sql/traffic.sql (DuckDB)', () => {
  it('counts each cohort of the predictions in the window into a file the parser reads', async () => {
    const examples = readFileSync('examples/incumbent.jsonl', 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; cohorts: string[] });
    // Prediction txn-i is served 10·i minutes after 2026-10-31 23:00 UTC: predictions 0–5 come before the
    // window, 6 at its first instant (2026-11-01 00:00), and 4326 onwards at or after its end (2026-12-01 00:00).
    const inWindow = examples.slice(6, 4326);
    const expected = new Map<string, number>();
    for (const { cohorts } of inWindow) {
      const names = [...cohorts];
      if (!cohorts.some((c) => c.startsWith('lang:'))) names.push('lang:unknown');
      for (const name of names) expected.set(name, (expected.get(name) ?? 0) + 1);
    }

    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const db = await instance.connect();
    try {
      const value = (dimension: string) =>
        `substr(list_filter(cohorts, c -> starts_with(c, '${dimension}:'))[1], ${dimension.length + 2})`;
      await db.run(`CREATE TABLE predictions AS
        SELECT id, TIMESTAMP '2026-10-31 23:00:00' + to_minutes(10 * CAST(substr(id, 5) AS BIGINT)) AS predicted_at,
               ${value('region')} AS region, ${value('channel')} AS channel, ${value('lang')} AS lang
        FROM read_json('examples/incumbent.jsonl', format = 'newline_delimited', columns = ${JSONL_COLUMNS})`);
      // A prediction logged twice counts once.
      await db.run(`INSERT INTO predictions SELECT * FROM predictions WHERE id = 'txn-00100'`);
      const sql = readFileSync('sql/traffic.sql', 'utf8');
      const rows = (await db.runAndReadAll(sql)).getRowObjectsJson() as { cohort: string; events: string | number }[];
      const file = {
        schema: 'model-release-gate/traffic@1',
        window: { from: '2026-11-01', to: '2026-11-30' },
        source: 'test: examples/incumbent.jsonl as predictions',
        cohorts: Object.fromEntries(rows.map((row) => [row.cohort, Number(row.events)])),
      };
      const traffic = parse('traffic.json', JSON.stringify(file));
      expect(Object.fromEntries(traffic.counts)).toEqual(Object.fromEntries(expected));
      const regionTotal = [...traffic.counts]
        .filter(([name]) => name.startsWith('region:'))
        .reduce((t, [, n]) => t + n, 0);
      expect(regionTotal).toBe(4320);
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  });
});
