import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { opencompassReader } from '../../src/core/readers/opencompass-reader.js';
import { opencompassSummaryReader } from '../../src/core/readers/opencompass-summary-reader.js';
import type { ReaderOptions } from '../../src/core/readers/reader-types.js';
import { chooseReader } from '../../src/core/readers/registry.js';
import { memorySource } from '../helpers/memory-source.js';
import { collectValidatedRecords } from '../helpers/reader-output.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const F = 'readers/opencompass';
const SUMMARY = 'real/opencompass/summary-llama3.2-1b-instruct/summary_20250604_224810.csv';

async function examples(path: string, text: string) {
  const output = await opencompassReader.read(memorySource(path, text, 4096), {});
  return {
    ...(await collectValidatedRecords(output, path)),
    tally: output.kind === 'examples' ? output.tally : undefined,
  };
}
async function summary(path: string, text: string, options: ReaderOptions = {}) {
  const output = await opencompassSummaryReader.read(memorySource(path, text, 64), options);
  if (output.kind !== 'summary') throw new Error('expected a summary');
  return output;
}
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message;
}

describe('OpenCompass readers: detection', () => {
  it('chooses them by shape, and leaves other JSON and CSV files to their readers', () => {
    const name = (path: string, head: string) => chooseReader({ path, head }, undefined, {}).name;
    expect(name('results/m/gsm8k.json', fixture(`${F}/incumbent-gsm8k.json`))).toBe('opencompass');
    expect(name('predictions/m/piqa.json', fixture(`${F}/ppl-piqa.json`))).toBe('opencompass');
    expect(name('summary_1.csv', fixture(SUMMARY))).toBe('opencompass-summary');
    // A plain results file (no details) and scikit-learn's report keyed "0" are not OpenCompass per-example files.
    expect(opencompassReader.detect({ path: 'gsm8k.json', head: '{\n    "accuracy": 0.83\n}' })).toBe(false);
    expect(opencompassReader.detect({ path: 'r.json', head: '{"0": {"precision": 1, "recall": 1}}' })).toBe(false);
    expect(name('data.csv', 'id,dataset,version,metric,mode,x\n')).toBe('csv');
  });
});

describe('OpenCompass per-example reader', () => {
  it("reads --dump-eval-details results: OpenCompass's own verdict per example, cohort from the file name", async () => {
    const { records, tally } = await examples('results/m/gsm8k.json', fixture(`${F}/candidate-gsm8k.json`));
    expect(records).toHaveLength(20);
    expect(records[0]).toEqual({ id: 'gsm8k:0', cohorts: ['dataset:gsm8k'], correct: true });
    expect(records.filter((r) => r.correct === true)).toHaveLength(15);
    expect(tally?.notes[0]).toContain('details[].correct');
  });

  it('reads perplexity-mode predictions: the chosen label against gold, ids per part file', async () => {
    const { records, lines } = await examples('predictions/m/piqa_1.json', fixture(`${F}/ppl-piqa.json`));
    expect(records.map((r) => r.correct)).toEqual([false, true, true, false, true, true]);
    expect(records[0]).toMatchObject({ id: 'piqa_1:0', cohorts: ['dataset:piqa'] });
    expect(lines.slice(0, 2)).toEqual([2, 17]);
  });

  it('refuses raw generations, telling the user to dump eval details', async () => {
    const message = await refusal(
      examples('ARC-c_0.json', fixture('real/opencompass/predictions-arc-c/1b-instruct/ARC-c_0.json')),
    );
    expect(message).toMatch(/^ARC-c_0\.json, prediction: 37 of 37 predictions are free text/);
    expect(message).toContain('--dump-eval-details');
  });

  it('refuses several predictions per example, and details without a verdict', async () => {
    expect(await refusal(examples('p.json', fixture(`${F}/malformed-predictions.json`)))).toContain(
      'p.json, 0.prediction: expected one prediction, got a list of 2',
    );
    const noVerdict = JSON.stringify({ accuracy: 50, details: [{ pred: 'A', answer: 'B' }] });
    expect(await refusal(examples('r.json', noVerdict))).toContain('r.json, details.0.correct: expected true or false');
  });
});

describe('OpenCompass summary reader', () => {
  it('gives point values per dataset, accuracy as a proportion, and says it has no uncertainty', async () => {
    const { summary: s, tally } = await summary('s.csv', fixture(SUMMARY));
    expect(s.cohorts['dataset:svamp']).toEqual({ n: 1, metrics: { accuracy: { value: 0.662 } } });
    expect(Object.keys(s.cohorts)).toEqual(['dataset:gsm8k', 'dataset:math', 'dataset:svamp']);
    expect(tally?.notes[0]).toContain('scores only (no number of examples, no spread)');
  });

  it('selects one of several model columns with #model=, and refuses without one, listing them', async () => {
    const text =
      'dataset,version,metric,mode,base,sft\nmmlu,4d595a,naive_average,gen,45.10,-\nmmlu,4d595a,accuracy,gen,50,52\n';
    expect(await refusal(summary('s.csv', text))).toContain(
      '2 model columns (base, sft): choose one with s.csv#model=<name>',
    );
    const { summary: s, tally } = await summary('s.csv', text, { select: { key: 'model', value: 'sft' } });
    expect(s.cohorts['dataset:mmlu']?.metrics).toEqual({ accuracy: { value: 0.52 } });
    expect(tally).toMatchObject({ missing: 1, dropped: 1 });
    expect(await refusal(summary('s.csv', text, { select: { key: 'model', value: 'chat' } }))).toContain(
      'no model column "chat"; the table has: base, sft',
    );
  });

  it('refuses malformed rows naming the line and column', async () => {
    expect(await refusal(summary('s.csv', 'dataset,version,metric,mode,m\ngsm8k,1,accuracy,gen,abc\n'))).toBe(
      's.csv, line 2, m: expected a score (a number) or "-", got "abc"',
    );
    expect(await refusal(summary('s.csv', 'dataset,version,metric,mode,m\ngsm8k,1,accuracy,gen,140\n'))).toContain(
      'expected accuracy in percent (0 to 100)',
    );
    expect(
      await refusal(
        summary('s.csv', 'dataset,version,metric,mode,m\ngsm8k,1,accuracy,gen,1\ngsm8k,1,accuracy,ppl,2\n'),
      ),
    ).toContain('line 3');
  });
});
