import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { promptfooReader } from '../../src/core/readers/promptfoo-reader.js';
import type { ReaderOptions } from '../../src/core/readers/reader-types.js';
import { memorySource } from '../helpers/memory-source.js';
import { collectValidatedRecords } from '../helpers/reader-output.js';

const dir = new URL('../fixtures/readers/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, dir), 'utf8');
const probe = (path: string, text = fixture(path)) => ({ path, head: text.slice(0, 65536) });
const INCUMBENT = 'promptfoo/incumbent-results.json';
const CANDIDATE = 'promptfoo/candidate-results.json';
const TWO_PROVIDERS = 'promptfoo/two-providers-results.json';
const MALFORMED = 'promptfoo/malformed-results.json';

interface Output {
  evalId?: string;
  results: { version: number; results: Record<string, unknown>[]; prompts?: unknown[] } & Record<string, unknown>;
}
const output = (path: string) => JSON.parse(fixture(path)) as Output;

/** The lines where promptfoo's 2-space JSON opens each entry of results.results, found by indentation. */
function resultLines(text: string): number[] {
  const lines = text.split('\n');
  const start = lines.indexOf('    "results": [');
  const lineNumbers: number[] = [];
  for (let i = start + 1; lines[i] !== '    ]' && lines[i] !== '    ],'; i++) if (lines[i] === '      {') lineNumbers.push(i + 1);
  return lineNumbers;
}

async function read(path: string, text = fixture(path), options: ReaderOptions = {}) {
  return collectValidatedRecords(await promptfooReader.read(memorySource(path, text, 4096), options), path);
}

async function readError(path: string, text: string, options: ReaderOptions = {}): Promise<InputError> {
  const error: unknown = await read(path, text, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

/** The same run as promptfoo's older summary: version 2, results.table instead of results.prompts. */
function asVersion2(path: string): string {
  const { results } = output(path);
  const v2 = {
    version: 2,
    timestamp: results.timestamp,
    results: results.results,
    table: { head: { prompts: results.prompts, vars: ['question', 'topic'] }, body: [] },
    stats: results.stats,
  };
  return JSON.stringify({ results: v2, config: {}, shareableUrl: null }, null, 2);
}

describe('promptfoo reader: detect', () => {
  it('recognizes promptfoo eval --output JSON, version 3 and 2', () => {
    for (const file of [INCUMBENT, CANDIDATE, TWO_PROVIDERS, MALFORMED]) expect(promptfooReader.detect(probe(file)), file).toBe(true);
    expect(promptfooReader.detect({ path: 'results.json', head: asVersion2(INCUMBENT) })).toBe(true);
  });

  it('does not claim the other tools’ files or the gate’s own', () => {
    for (const file of ['sklearn/incumbent-report.json', 'mlflow/incumbent-eval_results_table.json']) expect(promptfooReader.detect(probe(file)), file).toBe(false);
    expect(promptfooReader.detect({ path: 'summary.json', head: '{"schema":"model-release-gate/summary@1","cohorts":{}}' })).toBe(false);
    expect(promptfooReader.detect({ path: 'results.jsonl', head: '{"id":"a","correct":true}\n{"id":"b","correct":false}\n' })).toBe(false);
  });
});

describe('promptfoo reader: read', () => {
  it('gives one record per test: test-<testIdx>, correct = success, score, latency and cost', async () => {
    const { records, lines, layout } = await read(INCUMBENT);
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `test-${i}`));
    expect(layout.continuousMetrics).toEqual(['cost', 'latency_ms', 'score']);
    expect(records[0]).toEqual({ id: 'test-0', correct: true, metrics: { score: 1, latency_ms: 150, cost: 0.0000147 } });
    expect(records[6]).toEqual({ id: 'test-6', correct: false, metrics: { score: 0, latency_ms: 185, cost: 0.0000087 } });
    expect(lines).toEqual(resultLines(fixture(INCUMBENT)));
  });

  it('pairs with the candidate’s run by test index', async () => {
    const { records } = await read(CANDIDATE);
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `test-${i}`));
    expect(records.filter((r) => r.correct === false).map((r) => r.id)).toEqual(['test-3']);
  });

  it('puts tests in cohorts by a test variable', async () => {
    for (const cohortField of ['topic', 'vars.topic']) {
      const { records } = await read(INCUMBENT, undefined, { cohortField });
      expect(records.map((r) => r.cohorts)).toEqual(
        ['account', 'billing', 'account', 'billing', 'account', 'product', 'billing', 'billing', 'account', 'billing'].map((t) => [`topic:${t}`]),
      );
    }
  });

  it('reads a two-provider run with cohortField "provider": one cohort per provider, ids carry it', async () => {
    const { records, lines } = await read(TWO_PROVIDERS, undefined, { cohortField: 'provider' });
    expect(records).toHaveLength(20);
    expect(records[0]).toMatchObject({ id: 'test-0@support-bot-v1', cohorts: ['provider:support-bot-v1'], correct: true });
    expect(records.filter((r) => r.correct === false).map((r) => r.id).sort()).toEqual(['test-3@support-bot-v2', 'test-6@support-bot-v1']);
    expect(lines).toEqual(resultLines(fixture(TWO_PROVIDERS)));
  });

  it('reads the older version 2 summary the same way', async () => {
    const v3 = await read(INCUMBENT);
    const v2 = await read('results.json', asVersion2(INCUMBENT));
    expect(v2.records).toEqual(v3.records);
  });

  it('leaves out latency or cost for the whole file when some results lack it', async () => {
    const run = output(INCUMBENT);
    delete run.results.results[2]?.latencyMs;
    const { records, layout } = await read('results.json', JSON.stringify(run, null, 2));
    expect(layout.continuousMetrics).toEqual(['cost', 'score']);
    expect(records[2]).toEqual({ id: 'test-2', correct: true, metrics: { score: 1, cost: 0.0000171 } });
  });
});

describe('promptfoo reader: errors', () => {
  it('names the file, line and result of a result without success', async () => {
    const text = fixture(MALFORMED);
    const error = await readError(MALFORMED, text);
    expect(error.message).toContain(MALFORMED);
    expect(error.field).toBe('results.results[3].success');
    expect(error.line).toBe(resultLines(text)[3]);
    expect(error.problem).toMatch(/expected success \(true or false\), got nothing/);
  });

  it('refuses a run of several providers unless they become cohorts', async () => {
    const error = await readError(TWO_PROVIDERS, fixture(TWO_PROVIDERS));
    expect(error.problem).toMatch(/compares 2 providers \(support-bot-v1, support-bot-v2\).*set cohortField to "provider"/);
    const byPrompt = await readError(TWO_PROVIDERS, fixture(TWO_PROVIDERS), { cohortField: 'prompt' });
    expect(byPrompt.problem).toMatch(/compares 2 providers/);
  });

  it('refuses the whole file at read(), before any record goes out', async () => {
    await expect(promptfooReader.read(memorySource(TWO_PROVIDERS, fixture(TWO_PROVIDERS)), {})).rejects.toBeInstanceOf(InputError);
  });

  it('rejects a cohort variable whose value is not a text, number or boolean', async () => {
    const run = output(INCUMBENT);
    (run.results.results[2]?.vars as Record<string, unknown>).topic = { area: 'account' };
    const error = await readError('results.json', JSON.stringify(run, null, 2), { cohortField: 'topic' });
    expect(error.field).toBe('results.results[2].vars.topic');
    expect(error.problem).toMatch(/expected a text, number or boolean to name a cohort, got object/);
  });

  it('says when no test has the cohort variable', async () => {
    const error = await readError(INCUMBENT, fixture(INCUMBENT), { cohortField: 'vars.region' });
    expect(error.problem).toMatch(/no result has the test variable "region"/);
  });

  it('rejects files that are not promptfoo output and results without a test index', async () => {
    expect((await readError('r.json', '{"results": {"version": 1, "results": []}}')).field).toBe('results');
    const run = output(INCUMBENT);
    delete run.results.results[0]?.testIdx;
    const error = await readError('r.json', JSON.stringify(run, null, 2));
    expect(error.field).toBe('results.results[0].testIdx');
  });
});
