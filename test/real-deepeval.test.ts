// Real DeepEval test runs: test/fixtures/real/deepeval/*/SOURCE.md.
import { describe, expect, it } from 'vitest';
import { RUNNERS, cohortsOf, findingIds } from './helpers/real-pair.js';

const KOREAN = 'test/fixtures/real/deepeval/korean-qa';

describe.each(RUNNERS)('real DeepEval runs through the CLI (%s)', (_, check) => {
  it('12 test cases paired by input; the candidate’s errored metric is a failure (not missing data), too few to tell', async () => {
    const { code, report } = await check([
      '--incumbent',
      `${KOREAN}/incumbent-latest_test_run.json`,
      '--candidate',
      `${KOREAN}/candidate-latest_test_run.json`,
    ]);
    expect(code).toBe(0);
    expect(report?.inputs.incumbent.format).toBe('deepeval');
    expect(report?.design).toBe('paired');
    expect(cohortsOf(report)).toEqual(['overall']);
    const check_ = report?.comparisons.find((c) => c.metric === 'Answer Relevancy');
    expect(check_?.n_paired).toBe(12);
    expect(check_?.status).toBe('inconclusive');
    expect(report?.verdict).toBe('warn');
    expect(findingIds(report)).toEqual(['cohort.inconclusive', 'metric.one-side-only']);
  });

  it('refuses the link-only .latest_test_run.json with the fix', async () => {
    const link = 'test/fixtures/real/deepeval/link-only/latest_test_run.json';
    const { code, stderr } = await check([
      '--incumbent',
      link,
      '--candidate',
      `${KOREAN}/candidate-latest_test_run.json`,
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /latest_test_run\.json, testRunLink: this \.latest_test_run\.json holds only the link .*DEEPEVAL_RESULTS_FOLDER/,
    );
  });
});
