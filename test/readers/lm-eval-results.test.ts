import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { summarySchema } from '../../src/core/input/summary-schema.js';
import { lmEvalResultsReader } from '../../src/core/readers/lm-eval-results-reader.js';
import { memorySource } from '../helpers/memory-source.js';

const DIR = 'test/fixtures/readers/lm-eval-results';
const INCUMBENT = `${DIR}/incumbent/results_2025-01-14T10-02-11.482911.json`;
const CANDIDATE = `${DIR}/candidate/results_2025-01-15T09-40-03.117204.json`;
const MALFORMED = `${DIR}/malformed/results_2025-01-16T08-12-45.330012.json`;

const text = (path: string): string => readFileSync(path, 'utf8');

async function summaryOf(path: string, body = text(path)) {
  const output = await lmEvalResultsReader.read(memorySource(path, body, 4096), {});
  if (output.kind !== 'summary') throw new Error('expected a summary');
  // Whatever the reader gives must be a valid summary@1 for the rest of the gate.
  expect(summarySchema.safeParse(output.summary).success).toBe(true);
  return output.summary;
}

async function errorOf(path: string, body: string): Promise<InputError> {
  const error: unknown = await summaryOf(path, body).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

/** A minimal results document in lm-eval's shape, for cases the fixtures do not cover. */
function results(extra: Record<string, unknown>): string {
  return JSON.stringify(
    { results: {}, group_subtasks: {}, configs: {}, versions: {}, 'n-shot': {}, 'n-samples': {}, ...extra },
    null,
    2,
  );
}

describe('lm-eval-results reader: detect', () => {
  it('recognizes lm_eval results files by their "results" object of "<metric>,<filter>" keys', () => {
    expect(lmEvalResultsReader.detect({ path: INCUMBENT, head: text(INCUMBENT).slice(0, 65536) })).toBe(true);
    expect(
      lmEvalResultsReader.detect({ path: 'out/results.JSON', head: '{"results": {"hellaswag": {"acc,none": 0.5}}}' }),
    ).toBe(true);
  });

  it('rejects other JSON, and the same content under another extension', () => {
    expect(lmEvalResultsReader.detect({ path: 'out/results.jsonl', head: text(INCUMBENT) })).toBe(false);
    expect(
      lmEvalResultsReader.detect({ path: 's.json', head: '{"schema": "model-release-gate/summary@1", "cohorts": {}}' }),
    ).toBe(false);
    expect(
      lmEvalResultsReader.detect({ path: 'r.json', head: '{"accuracy": 0.9, "macro avg": {"precision": 0.8}}' }),
    ).toBe(false);
    expect(lmEvalResultsReader.detect({ path: 'r.json', head: '{"results": {"rows": [1, 2]}, "stats": {}}' })).toBe(
      false,
    );
  });
});

describe('lm-eval-results reader: read', () => {
  it('gives one cohort per task and group, proportions as successes, other metrics as mean/sd or point values', async () => {
    const summary = await summaryOf(INCUMBENT);
    expect(summary.schema).toBe('model-release-gate/summary@1');
    expect(Object.keys(summary.cohorts).sort()).toEqual([
      'group:mmlu_stem',
      'task:arc_easy',
      'task:gsm8k',
      'task:mmlu_abstract_algebra',
      'task:mmlu_anatomy',
      'task:mmlu_astronomy',
      'task:truthfulqa_gen',
      'task:wikitext',
    ]);
    expect(summary.cohorts['task:arc_easy']).toEqual({
      n: 2376,
      metrics: { acc: { successes: 1231, n: 2376 }, acc_norm: { successes: 1108, n: 2376 } },
    });
    // The filter is part of the name unless it is `none`.
    expect(summary.cohorts['task:gsm8k']).toEqual({
      n: 1319,
      metrics: {
        'exact_match_strict-match': { successes: 31, n: 1319 },
        'exact_match_flexible-extract': { successes: 38, n: 1319 },
      },
    });
    expect(summary.cohorts['task:mmlu_anatomy']).toEqual({ n: 135, metrics: { acc: { successes: 40, n: 135 } } });
    // A size-weighted group of proportions is the pooled proportion over its tasks.
    expect(summary.cohorts['group:mmlu_stem']).toEqual({ n: 387, metrics: { acc: { successes: 103, n: 387 } } });

    const truthful = summary.cohorts['task:truthfulqa_gen'];
    expect(truthful?.metrics.bleu_acc).toEqual({ successes: 298, n: 817 });
    const bleuMax = truthful?.metrics.bleu_max as { mean: number; sd: number; n: number };
    expect(bleuMax.mean).toBe(18.620931);
    expect(bleuMax.n).toBe(817);
    // sd = stderr · √n, so the gate's sd / √n is lm-eval's stderr again.
    expect(bleuMax.sd).toBeCloseTo(17.9025, 9);

    // "N/A" stderr: only the point value is known.
    expect(summary.cohorts['task:wikitext']).toEqual({
      n: 62,
      metrics: {
        word_perplexity: { value: 20.9121 },
        byte_perplexity: { value: 1.75933 },
        bits_per_byte: { value: Math.log2(1.75933) },
      },
    });
  });

  it('reads the candidate the same way', async () => {
    const summary = await summaryOf(CANDIDATE);
    expect(summary.cohorts['task:gsm8k']?.metrics['exact_match_strict-match']).toEqual({ successes: 22, n: 1319 });
    expect(summary.cohorts['group:mmlu_stem']).toEqual({ n: 387, metrics: { acc: { successes: 108, n: 387 } } });
  });

  it('pools a group over its tasks by sample count, and notes when lm-eval reports another aggregate', async () => {
    const summary = await summaryOf(
      'results.json',
      results({
        results: {
          grp: { 'acc,none': 0.45, 'acc_stderr,none': 0.04, alias: 'grp' },
          a: { 'acc,none': 0.5, 'acc_stderr,none': Math.sqrt(0.25 / 9) },
          b: { 'acc,none': 0.4, 'acc_stderr,none': Math.sqrt(0.24 / 29) },
        },
        group_subtasks: { grp: ['a', 'b'] },
        'n-samples': { a: { original: 10, effective: 10 }, b: { original: 30, effective: 30 } },
      }),
    );
    expect(summary.cohorts['task:a']?.metrics.acc).toEqual({ successes: 5, n: 10 });
    // 0.45 is the unweighted mean of 0.5 and 0.4; the group's own examples give (5 + 12) / 40.
    expect(summary.cohorts['group:grp']).toEqual({ n: 40, metrics: { acc: { successes: 17, n: 40 } } });
    expect((summary.meta as { notes: string[] }).notes).toEqual([
      expect.stringMatching(
        /^group:grp: acc is compared as the sample-weighted value over its 2 tasks \(0\.425\); lm-eval reports 0\.45/,
      ),
    ]);
  });

  it('gives a group without an aggregate of its own (leaderboard groups) a pooled cohort too', async () => {
    const summary = await summaryOf(
      'results.json',
      results({
        results: {
          top: { alias: 'top' },
          a: { 'exact_match,none': 0.25, 'exact_match_stderr,none': Math.sqrt(0.1875 / 3) },
          b: { 'exact_match,none': 0.5, 'exact_match_stderr,none': Math.sqrt(0.25 / 1) },
        },
        groups: { top: { alias: 'top', ' ': ' ' } },
        group_subtasks: { top: ['a', 'b'], a: [], b: [] },
        'n-samples': { a: { effective: 4 }, b: { effective: 2 } },
      }),
    );
    expect(summary.cohorts['group:top']).toEqual({ n: 6, metrics: { exact_match: { successes: 2, n: 6 } } });
  });

  it('tells proportions from other metrics by value and stderr, not by name alone', async () => {
    const summary = await summaryOf(
      'results.json',
      results({
        results: {
          t: {
            'f1,none': 0.5, // k/n, but a bootstrap stderr that no mean of 0/1 scores has
            'f1_stderr,none': 0.07,
            'acc,none': 0.25,
            'acc_stderr,none': 'N/A', // no stderr: a known 0/1 metric is still a proportion
            'score,none': 0.25,
            'score_stderr,none': 'N/A', // unknown metric without stderr: a point value
            'bypass,none': 999, // --predict_only placeholder
            'bypass_stderr,none': 'N/A',
          },
        },
        'n-samples': { t: { original: 100, effective: 20 } },
      }),
    );
    expect(summary.cohorts['task:t']).toEqual({
      n: 20,
      metrics: {
        f1: { mean: 0.5, sd: 0.07 * Math.sqrt(20), n: 20 },
        acc: { successes: 5, n: 20 },
        score: { value: 0.25 },
      },
    });
  });
});

describe('lm-eval-results reader: errors', () => {
  it('names the file, line and field of a score that is not a number', async () => {
    const error = await errorOf(MALFORMED, text(MALFORMED));
    expect(error.file).toBe(MALFORMED);
    expect(error.field).toBe('results.arc_easy.acc_norm,none');
    expect(error.line).toBe(7);
    expect(error.problem).toBe('expected a finite number, got the string "0.4663"');
  });

  it('names the line of a NaN, which Python writes but JSON does not allow', async () => {
    const body = text(INCUMBENT).replace(/"acc,none": [0-9.]+/, '"acc,none": NaN');
    const error = await errorOf(INCUMBENT, body);
    expect(error.line).toBe(5);
    expect(error.problem).toMatch(/NaN is not a JSON number/);
  });

  it('requires n-samples, since a proportion without its n cannot be tested', async () => {
    const body = results({ results: { t: { 'acc,none': 0.5 } }, 'n-samples': { other: { effective: 3 } } });
    const error = await errorOf('r.json', body);
    expect(error.field).toBe('n-samples.t');
    expect(error.problem).toMatch(/expected \{"effective": N\}/);
  });

  it('derives n from a proportion and its stderr when n-samples is missing (0.4.0–0.4.2), and notes it', async () => {
    // lm-eval's stderr of a mean of 0/1 scores is sqrt(p(1-p)/(n-1)): 31/100 gives n back exactly.
    const body = JSON.stringify({
      results: { t: { 'acc,none': 0.31, 'acc_stderr,none': Math.sqrt((0.31 * 0.69) / 99) } },
      configs: {},
    });
    const summary = await summaryOf('r.json', body);
    expect(summary.cohorts['task:t']).toEqual({ n: 100, metrics: { acc: { successes: 31, n: 100 } } });
    expect((summary.meta as { notes: string[] }).notes).toEqual([
      expect.stringMatching(/^task:t: n = 100 derived from acc and its stderr/),
    ]);
  });

  it('refuses a derived n that is not a whole number ≥ 2, or two proportions that disagree', async () => {
    const notWhole = await errorOf(
      'r.json',
      JSON.stringify({ results: { t: { 'acc,none': 0.31, 'acc_stderr,none': 0.05 } }, configs: {} }),
    );
    expect([notWhole.field, notWhole.problem]).toEqual([
      'results.t',
      expect.stringMatching(/not a whole number ≥ 2 for any proportion \(acc: 86\.560\)/),
    ]);
    const tooSmall = await errorOf(
      'r.json',
      JSON.stringify({ results: { t: { 'acc,none': 0.5, 'acc_stderr,none': 5 } }, configs: {} }),
    );
    // 0.25 / 25 + 1 = 1.01: a whole number, but a proportion of one document has no stderr to give.
    expect(tooSmall.problem).toMatch(/not a whole number ≥ 2 for any proportion \(acc: 1\.010\)/);
    const disagree = await errorOf(
      'r.json',
      JSON.stringify({
        results: {
          t: {
            'acc,none': 0.31,
            'acc_stderr,none': Math.sqrt((0.31 * 0.69) / 99),
            'acc_norm,none': 0.5,
            'acc_norm_stderr,none': Math.sqrt(0.25 / 9),
          },
        },
        configs: {},
      }),
    );
    expect(disagree.problem).toMatch(/give different sample counts \(acc: 100, acc_norm: 10\)/);
  });

  it('reads 0.3 files: flat metric keys, versions and config, no configs', async () => {
    const body = JSON.stringify(
      {
        results: { t: { acc: 0.31, acc_stderr: Math.sqrt((0.31 * 0.69) / 99), ppl: 7.5 } },
        versions: { t: 0 },
        config: { num_fewshot: 0 },
      },
      null,
      2,
    );
    expect(lmEvalResultsReader.detect({ path: 'r.json', head: body })).toBe(true);
    const summary = await summaryOf('r.json', body);
    expect(summary.cohorts['task:t']).toEqual({
      n: 100,
      metrics: { acc: { successes: 31, n: 100 }, ppl: { value: 7.5 } },
    });
  });

  it('rejects a run without any score', async () => {
    const body = results({ results: { t: { alias: 't', 'bypass,none': 999 } }, 'n-samples': { t: { effective: 3 } } });
    const error = await errorOf('r.json', body);
    expect(error.problem).toMatch(/predict_only/);
  });
});
