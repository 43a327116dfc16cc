// Ragas per-row results (result.to_pandas() → to_csv / to_json), on real files committed by Ragas
// users (test/fixtures/real/ragas/*/SOURCE.md) and small tables made from them in memory.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { ragasReader } from '../../src/core/readers/ragas-reader.js';
import { mlflowReader } from '../../src/core/readers/mlflow-reader.js';
import type { ReaderOptions } from '../../src/core/readers/reader-types.js';
import { memorySource } from '../helpers/memory-source.js';
import { collectValidatedRecords } from '../helpers/reader-output.js';

const R = 'test/fixtures/real/ragas';
const BOOKS = `${R}/elasticsearch-books/incumbent-ragas_evaluation.csv`;
const BOOKS_CANDIDATE = `${R}/elasticsearch-books/candidate-ragas_evaluation.csv`;
const ALEXNET = `${R}/alexnet-llama3-vs-llama3.1/incumbent-HistoryOfAlexnetDataset_query_llama3_eval_llama3.1.csv`;
const VERITAS = `${R}/veritas-json/ragas_results.json`;
const text = (path: string) => readFileSync(path, 'utf8');
const probe = (path: string, body = text(path)) => ({ path, head: body.slice(0, 65536) });

async function read(path: string, body = text(path), options: ReaderOptions = {}) {
  const output = await ragasReader.read(memorySource(path, body, 4096), options);
  const collected = await collectValidatedRecords(output, path);
  return { ...collected, tally: output.kind === 'examples' ? output.tally : undefined };
}

async function readError(path: string, body: string, options: ReaderOptions = {}): Promise<InputError> {
  const error: unknown = await read(path, body, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

const SMALL =
  'user_input,response,faithfulness,answer_relevancy,category\nWhat is A?,a,1.0,0.9,easy\nWhat is B?,b,,0.5,hard\nWhat is A?,a,0.5,0.7,easy\n';

describe('ragas reader: detect', () => {
  it('recognizes Ragas 0.2 and 0.1 tables, CSV and JSON, by their columns', () => {
    for (const path of [BOOKS, ALEXNET, VERITAS]) expect(ragasReader.detect(probe(path)), path).toBe(true);
    const records = JSON.stringify([{ question: 'q', answer: 'a', faithfulness: 1 }]);
    expect(ragasReader.detect({ path: 'r.json', head: records })).toBe(true);
    expect(
      ragasReader.detect({
        path: 'r.jsonl',
        head: `${JSON.stringify({ user_input: 'q', response: 'a', faithfulness: 1 })}\n`,
      }),
    ).toBe(true);
  });

  it('leaves the gate’s own CSV, MLflow tables and other tools’ files alone', () => {
    expect(ragasReader.detect({ path: 'r.csv', head: 'id,label,prediction\n1,a,a\n' })).toBe(false);
    const mlflow =
      '{"columns":["question","answer","outputs","answer_similarity\\/v1\\/score"],"data":[["q","a","a",5]]}';
    expect(ragasReader.detect({ path: 'eval_results_table.json', head: mlflow })).toBe(false);
    expect(mlflowReader.detect({ path: 'eval_results_table.json', head: mlflow })).toBe(true);
    expect(ragasReader.detect({ path: 'r.txt', head: SMALL })).toBe(false);
  });
});

describe('ragas reader: read', () => {
  it('Ragas 0.2 CSV: one example per row, identified by the question’s text, metric columns as scores', async () => {
    const { records, layout, tally } = await read(BOOKS);
    expect(records).toHaveLength(4);
    expect(layout.continuousMetrics).toEqual(['context_precision', 'context_recall', 'faithfulness']);
    expect(records[1]).toEqual({
      id: expect.stringMatching(/^q:[0-9a-f]{16}$/) as string,
      cohorts: [],
      metrics: { context_precision: 0.3333333333, faithfulness: 0.5, context_recall: 1 },
    });
    expect(tally).toEqual({
      missing: 0,
      missingAsFailure: 0,
      dropped: 0,
      droppedIds: [],
      notes: ['examples identified by the text of user_input (no id column)'],
    });
    // The candidate's run asked the same questions: the same ids, in whatever order.
    expect((await read(BOOKS_CANDIDATE)).records.map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
  });

  it('Ragas 0.1 CSV with pandas’ index column and empty cells for failed judgements', async () => {
    const { records, tally } = await read(ALEXNET);
    // 25 rows; faithfulness is empty in 17 and context_precision in 7: 20 rows have a missing score.
    expect(tally).toMatchObject({ missing: 20, dropped: 20, missingAsFailure: 0 });
    expect(records).toHaveLength(5);
    // The left-out rows' ids (the question's text) are recorded, so their partners are not called unmatched.
    expect(new Set([...(tally?.droppedIds ?? []), ...records.map((r) => String(r.id))]).size).toBe(25);
    expect(Object.keys(records[0]?.metrics as object).sort()).toEqual([
      'answer_relevancy',
      'context_precision',
      'context_recall',
      'faithfulness',
      'harmfulness',
    ]);
  });

  it('JSON written by json.dump with bare NaN reads NaN as a missing score', async () => {
    const error = await readError(VERITAS, text(VERITAS));
    // faithfulness and answer_correctness are NaN on every one of the 25 rows.
    expect(error.problem).toMatch(/all 25 example\(s\) have a missing value/);
  });

  it('the same question twice is one example repeated; --cohort-field names a cohort column', async () => {
    const { records } = await read('r.csv', SMALL, { cohortField: 'category' });
    expect(records.map((r) => r.cohorts)).toEqual([['category:easy'], ['category:easy']]);
    expect(records[0]?.id).toBe(records[1]?.id);
  });

  it('pandas to_json in every orientation gives the same records as the CSV', async () => {
    const rows = [
      { user_input: 'What is A?', response: 'a', faithfulness: 1, answer_relevancy: 0.9 },
      { user_input: 'What is B?', response: 'b', faithfulness: null, answer_relevancy: 0.5 },
    ];
    const columns = Object.keys(rows[0] as object);
    const byColumn = Object.fromEntries(
      columns.map((c) => [c, Object.fromEntries(rows.map((r, i) => [String(i), (r as Record<string, unknown>)[c]]))]),
    );
    const forms = [
      JSON.stringify(rows),
      JSON.stringify(byColumn),
      JSON.stringify(Object.fromEntries(rows.map((r, i) => [String(i), r]))),
      JSON.stringify({
        columns,
        index: [0, 1],
        data: rows.map((r) => columns.map((c) => (r as Record<string, unknown>)[c])),
      }),
    ];
    const expected = (
      await read('r.csv', 'user_input,response,faithfulness,answer_relevancy\nWhat is A?,a,1,0.9\nWhat is B?,b,,0.5\n')
    ).records;
    for (const form of forms) expect((await read('r.json', form)).records, form).toEqual(expected);
    expect((await read('r.jsonl', rows.map((r) => JSON.stringify(r)).join('\n'))).records).toEqual(expected);
  });
});

describe('ragas reader: missing values', () => {
  it('unset, fail and drop leave a row with a missing score out and count it; error names the row and column', async () => {
    for (const missingValues of [undefined, 'fail', 'drop'] as const) {
      const { records, tally } = await read('r.csv', SMALL, { missingValues });
      expect(records, String(missingValues)).toHaveLength(2);
      expect(tally).toMatchObject({ missing: 1, dropped: 1, missingAsFailure: 0 });
    }
    const error = await readError('r.csv', SMALL, { missingValues: 'error' });
    expect(error.message).toMatch(/^r\.csv, line 3, faithfulness: row 1, column "faithfulness": the value is missing/);
  });
});

describe('ragas reader: errors', () => {
  it('names the file, field and fix', async () => {
    expect((await readError('r.csv', 'user_input,response\nq,a\n')).problem).toMatch(/no metric column/);
    expect((await readError('r.csv', SMALL, { cohortField: 'topic' })).problem).toMatch(
      /--cohort-field names column "topic".*columns: user_input/,
    );
    expect((await readError('r.csv', 'user_input,response,faithfulness\nq,a,1.5\n')).problem).toMatch(
      /expected a score between 0 and 1/,
    );
    expect((await readError('r.csv', 'response,faithfulness\na,1\n')).problem).toMatch(
      /expected a user_input .* or question .* column/,
    );
    expect(
      (await readError('r.csv', 'id,user_input,response,faithfulness\n1,q,a,1\n', { pairBy: 'row' })).problem,
    ).toMatch(/pairs by row order/);
    expect((await readError('r.json', '[{"user_input":"q","response":"a","faithfulness":Infinity}]')).problem).toMatch(
      /Infinity is not a score/,
    );
  });
});
