import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { collectPairedEvidence } from '../src/core/compare/collect-paired.js';
import type { CohortMetricEvidence } from '../src/core/compare/comparison-data.js';
import { decideComparisons } from '../src/core/compare/decide-comparisons.js';
import { InputError } from '../src/core/errors.js';
import { comparisonFindings } from '../src/core/findings/comparison-findings.js';
import { loadPairedExamples } from '../src/core/load/paired-data.js';
import { pairedSummaryEvidence } from '../src/core/compare/collect-paired-summary.js';
import { loadPairedSummary } from '../src/core/load/paired-summary.js';
import { defaultPolicy, parsePolicy } from '../src/core/policy/load-policy.js';
import type { Policy, Statistic } from '../src/core/policy/policy-schema.js';
import { memorySource } from './helpers/memory-source.js';

const binary = {
  incumbent_successes: 8,
  candidate_successes: 7,
  incumbent_only_successes: 2,
  candidate_only_successes: 1,
};
const continuous = { mean_diff: -1.5, sd_diff: 2, incumbent_mean: 10, candidate_mean: 8.5 };
const validDocument = () => ({
  schema: 'model-release-gate/paired-summary@1',
  incumbent: { model: { name: 'clf', version: '1' } },
  cohorts: {
    overall: { n: 10, metrics: { accuracy: { ...binary }, latency_ms: { ...continuous } } },
    'region:eu': {
      n: 4,
      n_incumbent: 5,
      metrics: {
        accuracy: {
          n: 3,
          incumbent_successes: 1,
          candidate_successes: 2,
          incumbent_only_successes: 0,
          candidate_only_successes: 1,
        },
      },
    },
  },
});
type Doc = ReturnType<typeof validDocument> & Record<string, unknown>;
const load = (text: string) => loadPairedSummary(memorySource('paired.json', text, 64));

/** The line of a (nested) key in pretty-printed JSON, found by walking down the keys in order. */
function lineOfKey(text: string, path: readonly string[]): number {
  let at = 0;
  for (const key of path) at = text.indexOf(`"${key}":`, at);
  return text.slice(0, at).split('\n').length;
}

describe('paired summary validation: errors name the file, line and field', () => {
  const overall = (d: Doc) =>
    d.cohorts.overall as Record<string, unknown> & { metrics: Record<string, Record<string, unknown>> };
  const cases: [string, (d: Doc) => void, string[], RegExp][] = [
    [
      'a negative count',
      (d) => void (overall(d).metrics.accuracy!.incumbent_only_successes = -1),
      ['overall', 'accuracy', 'incumbent_only_successes'],
      /count ≥ 0/,
    ],
    [
      'a fractional count',
      (d) => void (overall(d).metrics.accuracy!.candidate_successes = 6.5),
      ['overall', 'accuracy', 'candidate_successes'],
      /whole number/,
    ],
    ['n of 0', (d) => void (overall(d).n = 0), ['overall', 'n'], /n ≥ 1/],
    [
      'successes above n',
      (d) => void (overall(d).metrics.accuracy!.incumbent_successes = 11),
      ['overall', 'accuracy', 'incumbent_successes'],
      /\(11\) is greater than n \(10\)/,
    ],
    [
      'successes above the metric n',
      (d) => void (overall(d).metrics.accuracy!.n = 6),
      ['overall', 'accuracy', 'incumbent_successes'],
      /greater than n \(6\)/,
    ],
    [
      'incumbent_only above incumbent_successes',
      (d) => void Object.assign(overall(d).metrics.accuracy!, { incumbent_successes: 1 }),
      ['overall', 'accuracy', 'incumbent_only_successes'],
      /\(2\) is greater than incumbent_successes \(1\)/,
    ],
    [
      'candidate_only above candidate_successes',
      (d) => void Object.assign(overall(d).metrics.accuracy!, { candidate_successes: 0 }),
      ['overall', 'accuracy', 'candidate_only_successes'],
      /greater than candidate_successes/,
    ],
    [
      'both-right counts that disagree',
      (d) => void (overall(d).metrics.accuracy!.candidate_successes = 6),
      ['overall', 'accuracy', 'candidate_only_successes'],
      /both models got right: .* = 6, .* = 5/,
    ],
    [
      'a negative both-wrong count',
      (d) =>
        void Object.assign(overall(d).metrics.accuracy!, {
          incumbent_successes: 9,
          incumbent_only_successes: 3,
          candidate_successes: 9,
          candidate_only_successes: 3,
        }),
      ['overall', 'accuracy', 'candidate_only_successes'],
      /imply -2 pairs both models got wrong/,
    ],
    [
      'a negative sd_diff',
      (d) => void (overall(d).metrics.latency_ms!.sd_diff = -1),
      ['overall', 'latency_ms', 'sd_diff'],
      /sd_diff ≥ 0/,
    ],
    [
      'a null sd_diff for many pairs',
      (d) => void (overall(d).metrics.latency_ms!.sd_diff = null),
      ['overall', 'latency_ms', 'sd_diff'],
      /sample standard deviation of the 10/,
    ],
    [
      'an sd_diff for one pair',
      (d) => void (overall(d).metrics.latency_ms!.n = 1),
      ['overall', 'latency_ms', 'sd_diff'],
      /null for a single pair/,
    ],
    [
      'mean_diff taken the other way round',
      (d) => void (overall(d).metrics.latency_ms!.mean_diff = 1.5),
      ['overall', 'latency_ms', 'mean_diff'],
      /candidate_mean − incumbent_mean/,
    ],
    [
      'a metric n above the cohort n',
      (d) => void (overall(d).metrics.latency_ms!.n = 11),
      ['overall', 'latency_ms', 'n'],
      /greater than the cohort's 10 pairs/,
    ],
    [
      'fewer examples than pairs',
      (d) => void (overall(d).n_candidate = 9),
      ['overall', 'n_candidate'],
      /less than the 10 pairs/,
    ],
    [
      'an unknown key',
      (d) => void (overall(d).metrics.accuracy!.incumbent_only = 2),
      ['overall', 'accuracy', 'incumbent_only'],
      /unknown key "incumbent_only"/,
    ],
    [
      'mixed shapes',
      (d) => void (overall(d).metrics.accuracy!.mean_diff = 0),
      ['overall', 'accuracy'],
      /mixes binary and continuous/,
    ],
    [
      'neither shape',
      (d) => void (overall(d).metrics.accuracy = { successes: 3 }),
      ['overall', 'accuracy'],
      /expected \{"incumbent_successes"/,
    ],
    [
      'a metric of two kinds',
      (d) => void (overall(d).metrics.accuracy = { ...continuous }),
      ['region:eu', 'accuracy'],
      /continuous here but binary in cohort overall|binary here but continuous in cohort overall/,
    ],
    ['the wrong schema', (d) => void (d.schema = 'model-release-gate/summary@1'), ['schema'], /paired-summary@1/],
  ];

  it.each(cases)('rejects %s', async (_name, mutate, path, message) => {
    const document = validDocument() as Doc;
    mutate(document);
    const text = JSON.stringify(document, null, 2);
    const error = await load(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const { file, line, field, problem } = error as InputError;
    // Cases name [cohort, metric, field] or [cohort, cohort field]; the file nests metrics under "metrics".
    const [cohort = '', ...rest] = path;
    const cohortField = rest.length === 1 && ['n', 'n_incumbent', 'n_candidate'].includes(rest[0] ?? '');
    const fieldPath = cohort === 'schema' ? path : ['cohorts', cohort, ...(cohortField ? rest : ['metrics', ...rest])];
    expect({ file, line, field }).toEqual({
      file: 'paired.json',
      line: lineOfKey(text, fieldPath),
      field: fieldPath.join('.'),
    });
    expect(problem).toMatch(message);
  });

  it('rejects NaN with the line, and accepts the valid document', async () => {
    const error = (await load(
      '{\n  "schema": "model-release-gate/paired-summary@1",\n  "cohorts": {"overall": {"n": NaN}}\n}',
    ).catch((e: unknown) => e)) as InputError;
    expect([error.line, error.problem]).toEqual([3, expect.stringMatching(/NaN and Infinity are not valid JSON/)]);
    const summary = await load(JSON.stringify(validDocument(), null, 2));
    const evidence = pairedSummaryEvidence(summary, () => 'mean');
    expect(evidence.map((e) => [e.cohort, e.metric, e.nIncumbent, e.nCandidate, e.nPaired])).toEqual([
      ['overall', 'accuracy', 10, 10, 10],
      ['overall', 'latency_ms', 10, 10, 10],
      ['region:eu', 'accuracy', 5, 4, 3],
      // Kept, and so reported missing: region:eu gives no latency.
      ['region:eu', 'latency_ms', 0, 0, 0],
    ]);
    expect(evidence[0]?.data).toEqual({ kind: 'paired-binary', table: { n11: 6, n10: 2, n01: 1, n00: 1 } });
    expect(evidence[3]?.data).toBeUndefined();
  });

  it('refuses a quantile statistic for a continuous metric: the file has means only', async () => {
    const summary = await load(JSON.stringify(validDocument(), null, 2));
    expect(() => pairedSummaryEvidence(summary, (m) => (m === 'latency_ms' ? 'p95' : 'mean'))).toThrow(
      /gates latency_ms on p95, but a paired summary carries means only/,
    );
  });
});

const SQL = readFileSync('sql/paired-summary.sql', 'utf8').trim().replace(/;$/, '');
const JSONL_COLUMNS =
  "{id: 'VARCHAR', cohorts: 'VARCHAR[]', label: 'VARCHAR', prediction: 'VARCHAR', checks: 'STRUCT(calibrated BOOLEAN)', metrics: 'STRUCT(latency_ms DOUBLE)'}";

/** The warehouse route: per-example files → eval_examples (one UNPIVOT) → the SQL → the script → a paired summary. */
async function summaryViaDuckDb(incumbentPath: string, candidatePath: string): Promise<{ csv: string; json: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'paired-summary-'));
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const db = await instance.connect();
  try {
    const read = (path: string) => `read_json('${path}', format = 'newline_delimited', columns = ${JSONL_COLUMNS})`;
    await db.run(`CREATE TABLE eval_results AS
      SELECT 'incumbent' AS model, * FROM ${read(incumbentPath)} UNION ALL SELECT 'candidate' AS model, * FROM ${read(candidatePath)}`);
    // Wide: one row per (model, example, cohort), as the gate derives cohorts from a per-example file.
    await db.run(`CREATE TABLE wide AS SELECT DISTINCT r.model, r.id, u.cohort,
        CAST(r.label = r.prediction AS DOUBLE) AS accuracy, CAST(r.checks.calibrated AS DOUBLE) AS calibrated, r.metrics.latency_ms AS latency_ms
      FROM eval_results r, UNNEST(list_concat(['overall'], coalesce(r.cohorts, []), ['label:' || r.label])) AS u(cohort)`);
    await db.run(`CREATE TABLE eval_examples AS
      SELECT model, id, cohort, metric, value, CASE WHEN metric = 'latency_ms' THEN 'continuous' ELSE 'binary' END AS kind
      FROM wide UNPIVOT INCLUDE NULLS (value FOR metric IN (accuracy, calibrated, latency_ms))`);
    const rowsJson = join(dir, 'rows.json');
    writeFileSync(rowsJson, JSON.stringify((await db.runAndReadAll(SQL)).getRowObjectsJson()));
    const rowsCsv = join(dir, 'rows.csv');
    await db.run(`COPY (${SQL}) TO '${rowsCsv}' (HEADER)`);
    const convert = (rows: string) =>
      execFileSync(process.execPath, ['scripts/paired-summary-to-json.js', rows, '--incumbent-model', 'fraud-clf@1'], {
        encoding: 'utf8',
      });
    return { csv: convert(rowsCsv), json: convert(rowsJson) };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

async function perExampleEvidence(
  incumbentPath: string,
  candidatePath: string,
  statisticOf: (m: string) => Statistic,
): Promise<CohortMetricEvidence[]> {
  const side = (path: string) => ({
    source: memorySource(path, readFileSync(path, 'utf8'), 1 << 16),
    spec: { reader: 'jsonl', options: {} },
  });
  return collectPairedEvidence(
    await loadPairedExamples(side(incumbentPath), side(candidatePath), new Set()),
    statisticOf,
  );
}

const close = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number'
    ? (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
    : a === b;

function expectSameEvidence(fromSummary: CohortMetricEvidence[], fromExamples: CohortMetricEvidence[]): void {
  const key = (e: CohortMetricEvidence) => `${e.cohort} · ${e.metric}`;
  const examples = new Map(fromExamples.map((e) => [key(e), e]));
  expect(fromSummary.map(key).sort()).toEqual([...examples.keys()].sort());
  for (const s of fromSummary) {
    const { data, ...sizes } = examples.get(key(s)) as CohortMetricEvidence;
    expect({ ...s, data: undefined }, key(s)).toEqual({ ...sizes, data: undefined });
    if (data?.kind === 'paired-binary') expect(s.data, key(s)).toEqual(data);
    else {
      expect(s.data?.kind).toBe('paired-mean');
      for (const [field, value] of Object.entries(data ?? {}))
        expect(close((s.data as Record<string, unknown>)[field], value), `${key(s)} ${field}`).toBe(true);
    }
  }
}

function expectSameDecisions(
  fromSummary: CohortMetricEvidence[],
  fromExamples: CohortMetricEvidence[],
  policy: Policy,
): void {
  const a = decideComparisons(fromSummary, policy);
  const b = decideComparisons(fromExamples, policy);
  expect(a.testedCount).toBe(b.testedCount);
  expect(a.comparisons.length).toBe(b.comparisons.length);
  a.comparisons.forEach((c, i) => {
    for (const [field, value] of Object.entries(b.comparisons[i] ?? {}))
      expect(close((c as unknown as Record<string, unknown>)[field], value), `${c.cohort} · ${c.metric} ${field}`).toBe(
        true,
      );
  });
  expect(a.reported.length).toBe(b.reported.length);
  a.reported.forEach((r, i) => {
    for (const [field, value] of Object.entries(b.reported[i] ?? {}))
      expect(close((r as unknown as Record<string, unknown>)[field], value), `${r.cohort} · ${r.metric} ${field}`).toBe(
        true,
      );
  });
  expect(comparisonFindings(a.comparisons)).toEqual(comparisonFindings(b.comparisons));
}

describe('paired summary from SQL (DuckDB) = per-example results', () => {
  const latencyOnMean = parsePolicy('policy.yml', 'metrics:\n  latency_ms: {direction: lower, margin: "10%"}\n');

  it('gives the examples the same evidence, statistics, statuses and findings', async () => {
    const { csv, json } = await summaryViaDuckDb('examples/incumbent.jsonl', 'examples/candidate.jsonl');
    expect(csv).toBe(json);
    const summary = await loadPairedSummary(memorySource('paired.json', csv, 1 << 16));
    const statisticOf = (m: string) => latencyOnMean.metrics[m]?.statistic ?? 'mean';
    const fromSummary = pairedSummaryEvidence(summary, statisticOf);
    const fromExamples = await perExampleEvidence('examples/incumbent.jsonl', 'examples/candidate.jsonl', statisticOf);
    expect(fromSummary.length).toBeGreaterThan(30);
    expectSameEvidence(fromSummary, fromExamples);
    expectSameDecisions(fromSummary, fromExamples, latencyOnMean);
    expectSameDecisions(fromSummary, fromExamples, defaultPolicy());
    const statuses = new Set(decideComparisons(fromSummary, latencyOnMean).comparisons.map((c) => c.status));
    expect([...statuses].sort()).toEqual(['inconclusive', 'pass']);
  });

  it('agrees with unmatched ids and a one-pair cohort (no sample sd)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paired-examples-'));
    const record = (id: string, cohorts: string[], right: boolean, ok: boolean | null, latency: number) =>
      JSON.stringify({
        id,
        cohorts,
        label: 'a',
        prediction: right ? 'a' : 'b',
        checks: { calibrated: ok },
        metrics: { latency_ms: latency },
      });
    const incumbent = [
      record('1', ['x'], true, true, 10),
      record('2', ['x'], false, true, 12),
      record('3', ['solo'], true, false, 7),
      record('only-inc', ['x'], true, true, 9),
    ];
    const candidate = [
      record('2', ['x'], true, true, 11),
      record('1', ['x'], true, false, 9.5),
      record('3', ['solo'], false, true, 8),
      record('only-cand', [], false, true, 1),
    ];
    writeFileSync(join(dir, 'inc.jsonl'), `${incumbent.join('\n')}\n`);
    writeFileSync(join(dir, 'cand.jsonl'), `${candidate.join('\n')}\n`);
    const { csv } = await summaryViaDuckDb(join(dir, 'inc.jsonl'), join(dir, 'cand.jsonl'));
    expect(JSON.parse(csv).cohorts.solo.metrics.latency_ms.sd_diff).toBeNull();
    const fromSummary = pairedSummaryEvidence(await loadPairedSummary(memorySource('paired.json', csv)), () => 'mean');
    expectSameEvidence(
      fromSummary,
      await perExampleEvidence(join(dir, 'inc.jsonl'), join(dir, 'cand.jsonl'), () => 'mean'),
    );

    // A NULL value (here a check with no result) is refused, not dropped from the counts.
    writeFileSync(
      join(dir, 'cand.jsonl'),
      `${[...candidate.slice(1), record('2', ['x'], true, null, 11)].join('\n')}\n`,
    );
    await expect(summaryViaDuckDb(join(dir, 'inc.jsonl'), join(dir, 'cand.jsonl'))).rejects.toThrow(
      /cohort label:a, metric calibrated: 1 pair\(s\) have a NULL value/,
    );
  });
});
