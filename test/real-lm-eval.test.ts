// Real lm-evaluation-harness outputs committed to public repositories (test/fixtures/real/lm-eval/SOURCE.md
// names each repository, path and commit), run through the CLI in this process
// (runCli on the source; the bundle is smoke-tested in bundle-smoke.test.ts).
import { describe, expect, it } from 'vitest';
import { RUNNERS, cohortsOf as cohorts, type RealReport as Report } from './helpers/real-pair.js';

const R = 'test/fixtures/real/lm-eval';
const V03 = `${R}/v0.3-llama-common-sense`;
const W = `${R}/v0.4.x-samples-winogrande`;

const find = (report: Report | undefined, cohort: string, metric: string) =>
  report?.comparisons.find((c) => c.cohort === cohort && c.metric === metric);

describe.each(RUNNERS)('real lm-eval files through %s', (_name, check) => {
  it('0.3 results (llama-7B vs llama-13B, flat acc/acc_stderr): read, n derived from the stderr, unpaired', async () => {
    const run = await check([
      '--incumbent',
      `${V03}/llama-7B_common_sense_reasoning_0-shot.json`,
      '--candidate',
      `${V03}/llama-13B_common_sense_reasoning_0-shot.json`,
    ]);
    expect(run.code).toBe(1);
    expect(run.report?.inputs.incumbent.format).toBe('lm-eval-results');
    expect(run.report?.design).toBe('unpaired');
    // mc_taco has em/f1 without stderr: no n to derive, left out (noted); the 11 others are compared.
    expect(cohorts(run.report)).toEqual([
      'task:arc_challenge',
      'task:arc_easy',
      'task:boolq',
      'task:copa',
      'task:hellaswag',
      'task:openbookqa',
      'task:piqa',
      'task:prost',
      'task:swag',
      'task:winogrande',
      'task:wsc273',
    ]);
    expect(find(run.report, 'task:arc_challenge', 'acc')).toMatchObject({ n_paired: null });
    expect(find(run.report, 'task:arc_challenge', 'acc')?.incumbent).toBeCloseTo(448 / 1172, 9);
    expect(run.report?.verdict).toBe('block');
    expect(run.report?.findings.map((f) => f.id)).toContain('cohort.regressed');
  });

  it('0.4.2 results without n-samples (Llama-3-8B vs -Instruct, mmlu): subtasks roll up into pooled group cohorts', async () => {
    const run = await check([
      '--incumbent',
      `${R}/v0.4.2-llama3-mmlu/Meta-Llama-3-8B.mmlu.json`,
      '--candidate',
      `${R}/v0.4.2-llama3-mmlu/Meta-Llama-3-8B-Instruct.mmlu.json`,
    ]);
    expect(run.code).toBe(0);
    expect(cohorts(run.report)).toEqual(
      expect.arrayContaining([
        'group:mmlu',
        'group:mmlu_humanities',
        'group:mmlu_other',
        'group:mmlu_social_sciences',
        'group:mmlu_stem',
        'task:mmlu_anatomy',
      ]),
    );
    expect(cohorts(run.report)).toHaveLength(62);
    // 14042 mmlu test questions, each task's n derived from acc and its stderr.
    expect(find(run.report, 'group:mmlu', 'acc')?.incumbent).toBeCloseTo(9133 / 14042, 9);
    expect(find(run.report, 'group:mmlu', 'acc')?.candidate).toBeCloseTo(9242 / 14042, 9);
    expect(run.report?.verdict).toBe('warn');
  });

  it('0.4.2 arc_challenge (no n-samples) and ≥0.4.3 arc_challenge (n-samples) give the same n', async () => {
    const old = await check([
      '--incumbent',
      `${R}/v0.4.2-llama3-arc/Meta-Llama-3-8B.arc.json`,
      '--candidate',
      `${R}/v0.4.2-llama3-arc/Meta-Llama-3-8B-Instruct.arc.json`,
    ]);
    expect(old.code).toBe(0);
    expect(find(old.report, 'task:arc_challenge', 'acc')?.incumbent).toBeCloseTo(650 / 1172, 9);
    const recent = await check([
      '--incumbent',
      `${R}/v0.4.x-results-arc/PowerBot-8B.arc.json`,
      '--candidate',
      `${R}/v0.4.x-results-arc/Proteus-8B.arc.json`,
    ]);
    expect(recent.code).toBe(0);
    expect(cohorts(recent.report)).toEqual(['task:arc_challenge']);
    expect(find(recent.report, 'task:arc_challenge', 'acc_norm')?.incumbent).toBeCloseTo(714 / 1172, 9);
  });

  it("two models' run directories on the same task (EXAONE vs llama, winogrande, 10 docs): paired by doc_id", async () => {
    const run = await check(['--incumbent', `${W}/exaone`, '--candidate', `${W}/llama-pro16-gen`]);
    expect(run.code).toBe(0);
    expect(run.report?.inputs.incumbent.format).toBe('lm-eval-samples');
    expect(run.report?.design).toBe('paired');
    expect(cohorts(run.report)).toEqual(['overall', 'task:winogrande']);
    // The metric is named as the results file names it: exact_match under filter get-answer.
    expect(find(run.report, 'task:winogrande', 'exact_match_get-answer')).toMatchObject({
      n_paired: 10,
      incumbent: 0,
      candidate: 0.7,
    });
    expect(run.report?.verdict).toBe('pass');
  });

  it('the same model under two task configurations (multiple_choice 5-shot vs generate_until 0-shot) is refused', async () => {
    const dirs = await check(['--incumbent', `${W}/llama-pro16-mc`, '--candidate', `${W}/llama-pro16-gen`]);
    expect(dirs.code).toBe(2);
    expect(dirs.stderr).toMatch(
      /configs\.winogrande\.output_type: task winogrande: configs\.winogrande\.output_type differs between the two runs \(incumbent multiple_choice, candidate generate_until\)/,
    );
    const files = await check([
      '--incumbent',
      `${W}/llama-pro16-mc/samples_winogrande_2024-12-23T13-17-27.691350.jsonl`,
      '--candidate',
      `${W}/llama-pro16-gen/samples_winogrande_2024-12-23T14-25-02.822078.jsonl`,
    ]);
    expect(files.code).toBe(2);
    expect(files.stderr).toMatch(/task winogrande: doc_id 0 target_hash differs between the two runs/);
  });
});
