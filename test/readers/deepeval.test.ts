// DeepEval test runs, on real .deepeval/.latest_test_run.json files (test/fixtures/real/deepeval/*/SOURCE.md)
// and small runs in the shapes DeepEval's TestRun model writes (deepeval/test_run/api.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { deepevalReader } from '../../src/core/readers/deepeval-reader.js';
import type { ReaderOptions } from '../../src/core/readers/reader-types.js';
import { memorySource } from '../helpers/memory-source.js';
import { collectValidatedRecords } from '../helpers/reader-output.js';

const R = 'test/fixtures/real/deepeval';
const KOREAN = `${R}/korean-qa/incumbent-latest_test_run.json`;
const KOREAN_CANDIDATE = `${R}/korean-qa/candidate-latest_test_run.json`;
const CREDIT = `${R}/credit-risk-geval/latest_test_run.json`;
const LINK = `${R}/link-only/latest_test_run.json`;
const text = (path: string) => readFileSync(path, 'utf8');

async function read(path: string, body = text(path), options: ReaderOptions = {}) {
  const output = await deepevalReader.read(memorySource(path, body, 4096), options);
  const collected = await collectValidatedRecords(output, path);
  return { ...collected, tally: output.kind === 'examples' ? output.tally : undefined };
}

async function readError(path: string, body: string, options: ReaderOptions = {}): Promise<InputError> {
  const error: unknown = await read(path, body, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

const metric = (name: string, score: number | null, success: boolean | null, error?: string) => ({
  name,
  threshold: 0.5,
  success,
  score,
  ...(error === undefined ? {} : { error }),
});
const run = (cases: unknown[]) => JSON.stringify({ testRunData: { testCases: cases, conversationalTestCases: [] } });
const testCase = (name: string, input: string, metrics: unknown[]) => ({
  name,
  input,
  actualOutput: 'x',
  success: true,
  metricsData: metrics,
});

describe('deepeval reader: detect', () => {
  it('recognizes .latest_test_run.json, a bare saved test run, and the link-only file', () => {
    for (const path of [KOREAN, CREDIT, LINK])
      expect(deepevalReader.detect({ path, head: text(path).slice(0, 65536) }), path).toBe(true);
    expect(
      deepevalReader.detect({
        path: 'test_run_20250101_120000.json',
        head: '{"testFile": "test_x.py", "testCases": [',
      }),
    ).toBe(true);
    expect(deepevalReader.detect({ path: 'results.json', head: '{"evalId":"x","results":{"version":3' })).toBe(false);
    expect(deepevalReader.detect({ path: 'run.jsonl', head: '{"testRunData": {}}' })).toBe(false);
  });
});

describe('deepeval reader: read', () => {
  it('real run: one example per test case, a check and a score per metric; positional names give way to the input', async () => {
    const { records, layout, tally } = await read(KOREAN);
    expect(records).toHaveLength(12);
    expect(layout.binaryMetrics).toEqual(['Answer Relevancy']);
    expect(layout.continuousMetrics).toEqual(['Answer Relevancy.score']);
    // evaluate() names test cases test_case_<position>: not an identity, so the input's hash is.
    expect(records[2]).toEqual({
      id: expect.stringMatching(/^input:[0-9a-f]{16}$/) as string,
      cohorts: [],
      checks: { 'Answer Relevancy': false },
      metrics: { 'Answer Relevancy.score': 0.75 },
    });
    expect(tally).toEqual({ missing: 0, missingAsFailure: 0, dropped: 0, droppedIds: [], notes: [] });
  });

  it('real run with meaningful, unique test names (pytest parameters): the names are the ids', async () => {
    const { records } = await read(CREDIT);
    expect(records.map((r) => r.id)).toEqual([
      'test_all_low_risk_scenarios[perfect_credit_high_income]',
      'test_all_low_risk_scenarios[short_history_no_debt]',
    ]);
    expect(records[1]?.checks).toEqual({ 'Analysis Evaluation [GEval]': false, 'Output Hallucination [GEval]': true });
  });

  it('a metric with error is a failure of its check, and its score is not compared for the file', async () => {
    const { records, layout, tally } = await read(KOREAN_CANDIDATE);
    const errored = records[9];
    expect(errored?.checks).toEqual({ 'Answer Relevancy': false });
    expect(layout.continuousMetrics).toEqual([]);
    // A failure, and not missing data as well: one error counts once.
    expect(tally).toMatchObject({ missing: 0, missingAsFailure: 0, dropped: 0 });
    expect(tally?.notes).toEqual([
      '"Answer Relevancy.score" not compared: some test cases have no score for Answer Relevancy (an errored or skipped metric); its pass/fail check still counts them',
    ]);
    // Even when the policy drops missing values: the judge's error is the tool's own verdict.
    expect((await read(KOREAN_CANDIDATE, undefined, { missingValues: 'drop' })).records).toHaveLength(12);
  });

  it('reads DeepEval 0.21 (metricsMetadata, metric) and snake_case dumps the same way', async () => {
    const old = JSON.stringify({
      testFile: 'test_chat.py',
      testCases: [
        {
          name: 'test_greeting',
          input: 'hi',
          actualOutput: 'hello',
          success: true,
          metricsMetadata: [{ metric: 'Answer Relevancy', threshold: 0.7, success: true, score: 0.9 }],
          runDuration: 1,
        },
      ],
    });
    expect((await read('old.json', old)).records).toEqual([
      {
        id: 'test_greeting',
        cohorts: [],
        checks: { 'Answer Relevancy': true },
        metrics: { 'Answer Relevancy.score': 0.9 },
      },
    ]);
    const snake = JSON.stringify({
      test_results: [
        {
          name: 'test_greeting',
          input: 'hi',
          success: true,
          metrics_data: [{ name: 'Answer Relevancy', threshold: 0.7, success: true, score: 0.9 }],
        },
      ],
    });
    expect((await read('snake.json', snake)).records).toEqual((await read('old.json', old)).records);
  });

  it('missing verdicts follow missing_values: failure by default, dropped, or an error naming the test case', async () => {
    const body = run([testCase('test_a', 'a', [metric('Bias', 0.1, true)]), testCase('test_b', 'b', [])]);
    const unset = await read('r.json', body);
    expect(unset.records[1]?.checks).toEqual({ Bias: false });
    expect(unset.tally).toMatchObject({ missing: 1, missingAsFailure: 1 });
    expect((await read('r.json', body, { missingValues: 'drop' })).records.map((r) => r.id)).toEqual(['test_a']);
    const error = await readError('r.json', body, { missingValues: 'error' });
    expect(error.problem).toMatch(/^test case "test_b", column "Bias": the value is missing/);
  });

  it('repeated inputs under positional names are one example repeated; tags make cohorts', async () => {
    const body = run([
      { ...testCase('test_case_0', 'same', [metric('Bias', 0, true)]), tags: ['billing'] },
      { ...testCase('test_case_1', 'same', [metric('Bias', 0, true)]), tags: ['billing'] },
    ]);
    const { records } = await read('r.json', body, { cohortField: 'tags' });
    expect(records[0]?.id).toBe(records[1]?.id);
    expect(records[0]?.cohorts).toEqual(['tag:billing']);
  });
});

describe('deepeval reader: errors', () => {
  it('refuses the link-only file DeepEval leaves after uploading, saying how to keep the results', async () => {
    const error = await readError(LINK, text(LINK));
    expect(error.field).toBe('testRunLink');
    expect(error.problem).toMatch(/holds only the link .* DEEPEVAL_RESULTS_FOLDER/);
  });

  it('names the field and what was expected', async () => {
    expect((await readError('r.json', run([]))).problem).toMatch(/no test cases/);
    expect((await readError('r.json', run([{ input: 'x', metricsData: [] }]))).field).toBe(
      'testRunData.testCases[0].name',
    );
    expect(
      (await readError('r.json', run([testCase('t', 'x', [{ ...metric('Bias', 1, true), score: '0.5' }])]))).field,
    ).toBe('testRunData.testCases[0].metricsData[0].score');
    expect(
      (await readError('r.json', run([testCase('t', 'x', [metric('Bias', 1, true), metric('Bias', 1, true)])])))
        .problem,
    ).toMatch(/metric "Bias" appears twice/);
    expect(
      (await readError('r.json', run([testCase('t', 'x', [metric('Bias', 1, true)])]), { cohortField: 'tags' }))
        .problem,
    ).toMatch(/no test case has tags/);
  });
});
