// Real Ragas result tables: test/fixtures/real/ragas/*/SOURCE.md.
import { describe, expect, it } from 'vitest';
import { RUNNERS, cohortsOf, findingIds } from './helpers/real-pair.js';

const BOOKS = 'test/fixtures/real/ragas/elasticsearch-books';
const ALEXNET = 'test/fixtures/real/ragas/alexnet-llama3-vs-llama3.1';

describe.each(RUNNERS)('real Ragas tables through the CLI (%s)', (_, check) => {
  it('Ragas 0.2 CSV, two committed runs over the same 4 questions: paired by question, gated as the policy names', async () => {
    const { code, report } = await check([
      '--incumbent',
      `${BOOKS}/incumbent-ragas_evaluation.csv`,
      '--candidate',
      `${BOOKS}/candidate-ragas_evaluation.csv`,
      '--policy',
      `${BOOKS}/policy.yml`,
    ]);
    expect(code).toBe(0);
    expect(report?.inputs.incumbent.format).toBe('ragas');
    expect(report?.design).toBe('paired');
    expect(cohortsOf(report)).toEqual(['overall']);
    expect(report?.comparisons.map((c) => [c.metric, c.n_paired, c.status])).toEqual([
      ['context_precision', 4, 'inconclusive'],
      ['context_recall', 4, 'inconclusive'],
      ['faithfulness', 4, 'inconclusive'],
    ]);
    expect(report?.verdict).toBe('warn');
  });

  it('Ragas 0.1 CSV, llama3 vs llama3.1 judged by llama3.1: the candidate’s judge failed on more rows, so the gate blocks', async () => {
    const { code, report } = await check([
      '--incumbent',
      `${ALEXNET}/incumbent-HistoryOfAlexnetDataset_query_llama3_eval_llama3.1.csv`,
      '--candidate',
      `${ALEXNET}/candidate-HistoryOfAlexnetDataset_query_llama3.1_eval_llama3.1.csv`,
      '--policy',
      `${ALEXNET}/policy.yml`,
    ]);
    expect(code).toBe(1);
    expect(report?.inputs.candidate.format).toBe('ragas');
    expect(cohortsOf(report)).toEqual(['overall']);
    // 25 questions each; rows with an empty score are left out (20 and 24), leaving one question in common.
    expect([report?.inputs.incumbent.examples, report?.inputs.candidate.examples]).toEqual([5, 1]);
    expect(report?.comparisons.every((c) => c.n_paired === 1)).toBe(true);
    expect(report?.verdict).toBe('block');
    // One missing judgement counts once: the 4 incumbent questions whose candidate row was dropped are
    // said in values.missing, not reported again as unmatched ids (no ids.unmatched-share).
    expect(findingIds(report)).toEqual(['cohort.inconclusive', 'values.missing', 'values.missing-rate-gap']);
    expect(report?.findings.filter((f) => f.severity === 'block').map((f) => f.id)).toEqual([
      'values.missing-rate-gap',
    ]);
    expect(
      report?.findings.find((f) => f.id === 'values.missing' && f.message.includes('candidate file'))?.message,
    ).toContain(
      "24 example(s) dropped), 96% of the examples read; 4 example(s) left out on both sides because the candidate's value was missing",
    );
  });
});
