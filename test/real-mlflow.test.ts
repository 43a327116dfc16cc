// A real MLflow eval_results_table.json (GPT-4 judge rate-limited on 6 of 10 rows) against a copy
// with three scores changed: test/fixtures/real/mlflow/math-tutor/SOURCE.md.
import { describe, expect, it } from 'vitest';
import { RUNNERS, cohortsOf, findingIds } from './helpers/real-pair.js';

const D = 'test/fixtures/real/mlflow/math-tutor';
const PAIR = [
  '--incumbent',
  `${D}/incumbent-eval_results_table.json`,
  '--candidate',
  `${D}/candidate-eval_results_table.json`,
];

describe.each(RUNNERS)('real MLflow table through the CLI (%s)', (_, check) => {
  it('reads the file with null judge scores: rows paired by question text, the null rows left out on both sides', async () => {
    const { code, report } = await check(PAIR);
    expect(code).toBe(0);
    expect(report?.inputs.incumbent.format).toBe('mlflow-table');
    expect(report?.inputs.candidate.format).toBe('mlflow-table');
    expect(report?.design).toBe('paired');
    expect(cohortsOf(report)).toEqual(['overall']);
    // 10 rows, 6 with answer_correctness null: 4 compared, paired by their inputs' text.
    expect(report?.inputs.incumbent.examples).toBe(4);
    expect(report?.comparisons.find((c) => c.metric === 'accuracy')?.n_paired).toBe(4);
    expect(report?.verdict).toBe('warn');
    expect(findingIds(report)).toEqual(['cohort.inconclusive', 'values.missing']);
  });

  it('with inputs.missing_values: error, names the first null score', async () => {
    const { code, stderr } = await check([...PAIR, '--policy', 'test/fixtures/real/mlflow/missing-error-policy.yml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /incumbent-eval_results_table\.json, line 1, data\[2\]\[7\]: row 2, column "answer_correctness\/v1\/score": the value is missing/,
    );
  });
});
