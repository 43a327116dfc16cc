import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { mlflowReader } from '../../src/core/readers/mlflow-reader.js';
import type { ReaderOptions } from '../../src/core/readers/reader-types.js';
import { memorySource } from '../helpers/memory-source.js';
import { collectValidatedRecords } from '../helpers/reader-output.js';

const dir = new URL('../fixtures/readers/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, dir), 'utf8');
const probe = (path: string, text = fixture(path)) => ({ path, head: text.slice(0, 65536) });
const INCUMBENT = 'mlflow/incumbent-eval_results_table.json';
const CANDIDATE = 'mlflow/candidate-eval_results_table.json';
const MALFORMED = 'mlflow/malformed-eval_results_table.json';

interface Table {
  columns: string[];
  data: unknown[][];
}
const table = (path: string) => JSON.parse(fixture(path)) as Table;

async function read(path: string, text = fixture(path), options: ReaderOptions = {}) {
  return collectValidatedRecords(await mlflowReader.read(memorySource(path, text, 4096), options), path);
}

async function readError(path: string, text: string, options: ReaderOptions = {}): Promise<InputError> {
  const error: unknown = await read(path, text, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('mlflow-table reader: detect', () => {
  it('recognizes the split-orientation table pandas writes for MLflow', () => {
    for (const file of [INCUMBENT, CANDIDATE, MALFORMED]) expect(mlflowReader.detect(probe(file)), file).toBe(true);
    expect(
      mlflowReader.detect({ path: 'eval_results_table.json', head: JSON.stringify(table(INCUMBENT), null, 2) }),
    ).toBe(true);
  });

  it('needs a .json path and a table of named columns', () => {
    expect(mlflowReader.detect({ ...probe(INCUMBENT), path: 'eval_results_table.txt' })).toBe(false);
    expect(mlflowReader.detect({ path: 't.json', head: '{"columns":[1,2],"data":[[1,2]]}' })).toBe(false);
  });

  it('does not claim the other tools’ files or the gate’s own', () => {
    for (const file of ['sklearn/incumbent-report.json', 'promptfoo/incumbent-results.json'])
      expect(mlflowReader.detect(probe(file)), file).toBe(false);
    expect(
      mlflowReader.detect({ path: 'summary.json', head: '{"schema":"model-release-gate/summary@1","cohorts":{}}' }),
    ).toBe(false);
    expect(mlflowReader.detect({ path: 'results.jsonl', head: '{"id":"a","label":"x","prediction":"x"}\n' })).toBe(
      false,
    );
  });
});

describe('mlflow-table reader: read', () => {
  it('gives one record per row: id column, exact match of target and outputs, per-row metric columns', async () => {
    const { records, lines, layout } = await read(INCUMBENT);
    expect(records).toHaveLength(12);
    expect(layout.continuousMetrics).toEqual([
      'answer_similarity_v1_score',
      'ari_grade_level_v1_score',
      'flesch_kincaid_grade_level_v1_score',
      'token_count',
      'toxicity_v1_score',
    ]);
    expect(records[0]).toEqual({
      id: 'q-001',
      correct: true,
      metrics: {
        token_count: 1,
        toxicity_v1_score: 0.000213839,
        flesch_kincaid_grade_level_v1_score: -3.4,
        ari_grade_level_v1_score: -9.6,
        answer_similarity_v1_score: 5,
      },
    });
    // "The Pacific Ocean" is not "Pacific Ocean", and "Oxygen" is not "Carbon dioxide".
    expect(records.filter((r) => r.correct === false).map((r) => r.id)).toEqual(['q-007', 'q-010']);
    // pandas writes the table on one line.
    expect(new Set(lines)).toEqual(new Set([1]));
  });

  it('pairs with the candidate’s table by id', async () => {
    const incumbent = await read(INCUMBENT);
    const candidate = await read(CANDIDATE);
    expect(candidate.records.map((r) => r.id)).toEqual(incumbent.records.map((r) => r.id));
    expect(candidate.records.filter((r) => r.correct === false).map((r) => r.id)).toEqual(['q-006', 'q-011']);
    expect(candidate.layout).toEqual(incumbent.layout);
  });

  it('takes cohorts, classes and metrics from a mapping', async () => {
    const mapping = {
      id: 'id',
      cohorts: ['topic'],
      label: 'ground_truth',
      prediction: 'outputs',
      metrics: ['answer_similarity/v1/score'],
    };
    const { records } = await read(INCUMBENT, undefined, { mapping });
    expect(records[6]).toEqual({
      id: 'q-007',
      cohorts: ['topic:geography'],
      label: 'Pacific Ocean',
      prediction: 'The Pacific Ocean',
      metrics: { answer_similarity_v1_score: 5 },
    });
  });

  it('without an id column, identifies rows by their input text, or by row number under pair_by: row', async () => {
    const t = table(INCUMBENT);
    const keep = [1, 3, 4, 5];
    const text = JSON.stringify({
      columns: [...keep.map((i) => t.columns[i]), 'is_polite/v1/score'],
      data: t.data.map((row, r) => [...keep.map((i) => row[i]), r !== 2]),
    });
    const byText = await read('t.json', text);
    expect(byText.records[0]?.id).toMatch(/^input:[0-9a-f]{16}$/);
    // The same question elsewhere in the other table is the same example.
    const reversed = JSON.stringify({ ...JSON.parse(text), data: [...(JSON.parse(text) as Table).data].reverse() });
    expect((await read('t.json', reversed)).records.map((r) => r.id)).toEqual(
      byText.records.map((r) => r.id).reverse(),
    );
    const byRow = await read('t.json', text, { pairBy: 'row' });
    expect(byRow.records.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(byRow.records[2]).toEqual({
      id: 2,
      correct: true,
      checks: { is_polite_v1_score: false },
      metrics: { token_count: 1 },
    });
  });

  it('refuses a table with neither id nor input column unless the policy pairs by row', async () => {
    const error = await readError(
      't.json',
      '{"columns":["ground_truth","outputs","token_count"],"data":[["a","a",1]]}',
    );
    expect(error.problem).toMatch(/no id column.*inputs\.pair_by: row/);
    expect((await readError(INCUMBENT, fixture(INCUMBENT), { pairBy: 'row' })).problem).toMatch(
      /pairs by row order.*has an id/,
    );
  });

  it('points at the row’s own line when the table is re-indented', async () => {
    const t = table(MALFORMED);
    const error = await readError('t.json', JSON.stringify(t, null, 2), { missingValues: 'error' });
    // 11 column names after line 2, "data" opens on line 15, and each row takes 13 lines.
    expect(error.line).toBe(16 + 4 * 13);
  });
});

describe('mlflow-table reader: missing values (a judge that failed on a row)', () => {
  async function tallied(options: ReaderOptions) {
    const output = await mlflowReader.read(memorySource(MALFORMED, fixture(MALFORMED), 4096), options);
    const { records } = await collectValidatedRecords(output, MALFORMED);
    return { records, tally: output.kind === 'examples' ? output.tally : undefined };
  }

  it('unset, fail and drop: the row with a null score is left out and counted as dropped', async () => {
    for (const missingValues of [undefined, 'fail', 'drop'] as const) {
      const { records, tally } = await tallied({ missingValues });
      expect(
        records.map((r) => r.id),
        String(missingValues),
      ).not.toContain('q-005');
      expect(records).toHaveLength(11);
      expect(tally).toMatchObject({ missing: 1, dropped: 1, missingAsFailure: 0 });
    }
    expect((await tallied({ missingValues: 'fail' })).tally?.notes.join()).toMatch(
      /continuous score has no failing value/,
    );
  });

  it('a null pass/fail check is a failure unless the policy drops it', async () => {
    const text = JSON.stringify({
      columns: ['id', 'is_polite/v1/score'],
      data: [
        ['a', true],
        ['b', null],
        ['c', false],
      ],
    });
    const failed = await mlflowReader.read(memorySource('t.json', text), {});
    expect((await collectValidatedRecords(failed, 't.json')).records[1]).toEqual({
      id: 'b',
      checks: { is_polite_v1_score: false },
    });
    expect(failed.kind === 'examples' ? failed.tally : undefined).toMatchObject({
      missing: 1,
      missingAsFailure: 1,
      dropped: 0,
    });
    const dropped = await mlflowReader.read(memorySource('t.json', text), { missingValues: 'drop' });
    expect((await collectValidatedRecords(dropped, 't.json')).records.map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('a table whose every row lost a value compares nothing and says why', async () => {
    const text = JSON.stringify({
      columns: ['id', 'toxicity/v1/score'],
      data: [
        ['a', null],
        ['b', null],
      ],
    });
    expect((await readError('t.json', text)).problem).toMatch(/all 2 example\(s\) have a missing value/);
  });
});

describe('mlflow-table reader: errors', () => {
  it('missing_values: error names the file, row and column of a missing score', async () => {
    const error = await readError(MALFORMED, fixture(MALFORMED), { missingValues: 'error' });
    expect(error.message).toContain(MALFORMED);
    expect(error.line).toBe(1);
    expect(error.field).toBe('data[4][6]');
    expect(error.problem).toMatch(
      /^row 4, column "toxicity\/v1\/score": the value is missing .*inputs\.missing_values: error/,
    );
  });

  it('rejects tables that are not the split orientation, or ragged', async () => {
    expect((await readError('t.json', '{"columns":["a"],"data":[[1]],"extra":1}')).field).toBe('extra');
    const ragged = await readError('t.json', '{"columns":["a/v1/score","b"],"data":[[1,2],[3]]}');
    expect(ragged.problem).toMatch(/row 1: expected an array of 2 cells/);
    expect((await readError('t.json', '{"columns":["x","x"],"data":[[1,2]]}')).problem).toMatch(
      /column "x" appears twice/,
    );
    expect((await readError('t.json', '{"columns":["a"],"data":[[NaN]]}')).problem).toMatch(/NaN is not JSON/);
  });

  it('says what it looked for when nothing can be compared, and names a mapped column that is missing', async () => {
    expect((await readError('t.json', '{"columns":["inputs"],"data":[["hi"]]}')).problem).toMatch(
      /nothing to compare: expected per-row metric columns/,
    );
    const error = await readError(INCUMBENT, fixture(INCUMBENT), { mapping: { id: 'id', cohorts: ['region'] } });
    expect(error.problem).toMatch(/names a cohort column "region", but the table has no such column/);
  });
});
