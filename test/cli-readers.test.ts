// Every reader through the CLI (runCli in this process, the real file adapters), on fixtures in each tool's documented output shape
// (test/fixtures/readers/*/SOURCE.md says where the shape is documented and which command made it).
import { describe, expect, it } from 'vitest';
import { runCliWith } from './helpers/cli-run.js';

interface Report {
  verdict: string;
  design: string;
  inputs: { incumbent: { format: string }; candidate: { format: string } };
  comparisons: { cohort: string; metric: string; status: string; method: string; n_paired: number | null }[];
}

async function check(...args: string[]): Promise<{ status: number; report: Report | undefined; stderr: string }> {
  const run = await runCliWith(['check', ...args, '--format', 'json']);
  return {
    status: run.code,
    report: run.code === 2 ? undefined : (JSON.parse(run.stdout) as Report),
    stderr: run.stderr,
  };
}

const F = 'test/fixtures/readers';

describe('readers through the CLI', () => {
  it('scikit-learn classification_report: gates per class, unpaired', async () => {
    const run = await check(
      '--incumbent',
      `${F}/sklearn/incumbent-report.json`,
      '--candidate',
      `${F}/sklearn/candidate-report.json`,
    );
    expect(run.report?.inputs.incumbent.format).toBe('sklearn');
    expect(run.report?.design).toBe('unpaired');
    const cohorts = new Set(run.report?.comparisons.filter((c) => c.metric === 'accuracy').map((c) => c.cohort));
    expect(cohorts.has('overall')).toBe(true);
    expect([...cohorts].filter((c) => c.startsWith('label:')).length).toBeGreaterThanOrEqual(2);
    expect(run.report?.comparisons.find((c) => c.cohort === 'label:fraud')?.method).toContain('Miettinen');
  });

  it('lm-evaluation-harness results JSON: one cohort per task', async () => {
    const run = await check(
      '--incumbent',
      `${F}/lm-eval-results/incumbent/results_2025-01-14T10-02-11.482911.json`,
      '--candidate',
      `${F}/lm-eval-results/candidate/results_2025-01-15T09-40-03.117204.json`,
    );
    expect(run.report?.inputs.candidate.format).toBe('lm-eval-results');
    expect(run.report?.comparisons.some((c) => c.cohort.startsWith('task:'))).toBe(true);
  });

  it('lm-evaluation-harness --log_samples JSONL: paired by doc_id', async () => {
    const run = await check(
      '--incumbent',
      `${F}/lm-eval-samples/incumbent/samples_arc_easy_2025-01-14T10-02-11.482911.jsonl`,
      '--candidate',
      `${F}/lm-eval-samples/candidate/samples_arc_easy_2025-01-15T09-40-03.117204.jsonl`,
    );
    expect(run.report?.design).toBe('paired');
    expect(run.report?.inputs.incumbent.format).toBe('lm-eval-samples');
    const task = run.report?.comparisons.find((c) => c.cohort === 'task:arc_easy');
    expect(task?.n_paired).toBeGreaterThan(0);
  });

  it('promptfoo results.json: per test case, cohorts from a test variable', async () => {
    const run = await check(
      '--incumbent',
      `${F}/promptfoo/incumbent-results.json`,
      '--candidate',
      `${F}/promptfoo/candidate-results.json`,
      '--cohort-field',
      'vars.topic',
    );
    expect(run.report?.inputs.candidate.format).toBe('promptfoo');
    expect(run.report?.comparisons.some((c) => c.cohort.startsWith('topic:'))).toBe(true);
  });

  it('MLflow eval_results_table.json: per row', async () => {
    const run = await check(
      '--incumbent',
      `${F}/mlflow/incumbent-eval_results_table.json`,
      '--candidate',
      `${F}/mlflow/candidate-eval_results_table.json`,
    );
    expect(run.report?.inputs.incumbent.format).toBe('mlflow-table');
    expect(run.report?.design).toBe('paired');
  });

  it('a generic CSV with a column mapping', async () => {
    const run = await check(
      '--incumbent',
      `${F}/table/incumbent.csv`,
      '--candidate',
      `${F}/table/candidate.csv`,
      '--columns',
      'id=row_id,label=y_true,prediction=y_pred,cohorts=region|lang,checks=grounded,metrics=latency_ms|cost',
    );
    expect(run.report?.inputs.incumbent.format).toBe('table');
    expect(run.report?.comparisons.some((c) => c.cohort.startsWith('region:'))).toBe(true);
  });

  it('Parquet (pure JavaScript reader)', async () => {
    const run = await check(
      '--incumbent',
      `${F}/parquet/incumbent.parquet`,
      '--candidate',
      `${F}/parquet/candidate.parquet`,
    );
    expect(run.report?.inputs.incumbent.format).toBe('parquet');
    expect(run.report?.design).toBe('paired');
  });

  it('a paired summary computed in a warehouse: one file for both models, the paired tests', async () => {
    const run = await check('--paired', 'test/fixtures/paired-summary/support-bot.json');
    expect(run.status).toBe(1);
    const icelandic = run.report?.comparisons.find((c) => c.cohort === 'lang:is');
    expect(icelandic?.status).toBe('regressed');
    expect(icelandic?.method).toContain('Tango');
    expect(run.report?.comparisons.find((c) => c.cohort === 'overall')?.status).toBe('pass');
  });

  it('a file that matches no reader lists what was expected', async () => {
    const run = await check('--incumbent', 'package.json', '--candidate', 'package.json');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('matches no known eval format. Expected one of:');
    expect(run.stderr).toContain('- promptfoo: ');
  });

  it('a malformed tool output is an error naming the file', async () => {
    const run = await check(
      '--incumbent',
      `${F}/sklearn/malformed-report.json`,
      '--candidate',
      `${F}/sklearn/candidate-report.json`,
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${F}/sklearn/malformed-report.json`);
    expect(run.stderr).toContain('support');
  });
});
