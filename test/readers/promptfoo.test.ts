import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { openLocated, parseInputLocator } from '../../src/core/input/input-locator.js';
import { canonicalJson, shortLabel } from '../../src/core/readers/promptfoo-identity.js';
import { promptfooReader } from '../../src/core/readers/promptfoo-reader.js';
import type { ReaderOptions, ReaderOutput } from '../../src/core/readers/reader-types.js';
import { memorySource } from '../helpers/memory-source.js';
import { runCliInProcess } from '../helpers/in-process.js';
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
  for (let i = start + 1; lines[i] !== '    ]' && lines[i] !== '    ],'; i++)
    if (lines[i] === '      {') lineNumbers.push(i + 1);
  return lineNumbers;
}

async function read(path: string, text = fixture(path), options: ReaderOptions = {}) {
  const output: ReaderOutput = await promptfooReader.read(memorySource(path, text, 4096), options);
  const collected = await collectValidatedRecords(output, path);
  return { ...collected, notes: output.kind === 'examples' ? (output.tally?.notes ?? []) : [] };
}

const ids = (records: readonly Record<string, unknown>[]) => records.map((r) => r.id as string);
/** An id as the reader names a test: its description, then 12 hex digits of its identity hash. */
const TEST_ID = /^[^#]+#[0-9a-f]{12}$/;

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
    for (const file of [INCUMBENT, CANDIDATE, TWO_PROVIDERS, MALFORMED])
      expect(promptfooReader.detect(probe(file)), file).toBe(true);
    expect(promptfooReader.detect({ path: 'results.json', head: asVersion2(INCUMBENT) })).toBe(true);
  });

  it('does not claim the other tools’ files or the gate’s own', () => {
    for (const file of ['sklearn/incumbent-report.json', 'mlflow/incumbent-eval_results_table.json'])
      expect(promptfooReader.detect(probe(file)), file).toBe(false);
    expect(
      promptfooReader.detect({ path: 'summary.json', head: '{"schema":"model-release-gate/summary@1","cohorts":{}}' }),
    ).toBe(false);
    expect(
      promptfooReader.detect({
        path: 'results.jsonl',
        head: '{"id":"a","correct":true}\n{"id":"b","correct":false}\n',
      }),
    ).toBe(false);
  });
});

describe('promptfoo reader: read', () => {
  it('gives one record per test, named by its description and vars: correct = success, score, latency and cost', async () => {
    const { records, lines, layout } = await read(INCUMBENT);
    expect(records).toHaveLength(10);
    for (const id of ids(records)) expect(id).toMatch(TEST_ID);
    expect(new Set(ids(records)).size).toBe(10);
    expect(layout.continuousMetrics).toEqual(['cost', 'latency_ms', 'score']);
    expect(records[0]).toEqual({
      id: expect.stringMatching(/^password reset#/) as unknown,
      correct: true,
      metrics: { score: 1, latency_ms: 150, cost: 0.0000147 },
    });
    expect(records[6]).toMatchObject({ correct: false, metrics: { score: 0, latency_ms: 185, cost: 0.0000087 } });
    expect(lines).toEqual(resultLines(fixture(INCUMBENT)));
  });

  it('names the same test the same in the candidate’s run, whatever its testIdx or place in the file', async () => {
    const incumbent = await read(INCUMBENT);
    const run = output(CANDIDATE);
    // The candidate's run lists its results in another order and numbers its tests differently.
    run.results.results.reverse();
    run.results.results.forEach((r, i) => (r.testIdx = 100 + i));
    const { records } = await read('candidate.json', JSON.stringify(run, null, 2));
    expect(ids(records).sort()).toEqual(ids(incumbent.records).sort());
    const failed = records.filter((r) => r.correct === false).map((r) => r.id);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toBe(incumbent.records[3]?.id);
  });

  it('never names two different tests alike: other vars or another description give another id', async () => {
    const base = await read(INCUMBENT);
    const run = output(INCUMBENT);
    (run.results.results[0]?.vars as Record<string, unknown>).question = 'How do I delete my account?';
    ((run.results.results[1]?.testCase as Record<string, unknown>).description as string) += ' (v2)';
    const changed = await read('changed.json', JSON.stringify(run, null, 2));
    expect(changed.records[0]?.id).not.toBe(base.records[0]?.id);
    expect(changed.records[1]?.id).not.toBe(base.records[1]?.id);
    expect(ids(changed.records).slice(2)).toEqual(ids(base.records).slice(2));
  });

  it('hashes vars whatever their key order (promptfoo merges defaultTest vars first)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
  });

  it('names a test by a variable the user chooses: --columns id=vars.<name>', async () => {
    const run = output(INCUMBENT);
    run.results.results.forEach((r, i) => ((r.vars as Record<string, unknown>).case_id = `faq-${i}`));
    const { records } = await read('r.json', JSON.stringify(run, null, 2), { mapping: { id: 'vars.case_id' } });
    expect(ids(records)).toEqual(Array.from({ length: 10 }, (_, i) => `faq-${i}`));
  });

  it('emits one record per repeat (promptfoo --repeat) with the same id, and says so', async () => {
    const run = output(INCUMBENT);
    // promptfoo --repeat 2 runs every test again under a new testIdx.
    const again = run.results.results.map((r) => ({
      ...r,
      testIdx: (r.testIdx as number) + 10,
      success: false,
      score: 0,
    }));
    run.results.results.push(...again);
    const { records, notes } = await read('repeat.json', JSON.stringify(run, null, 2));
    expect(records).toHaveLength(20);
    expect(ids(records).slice(10)).toEqual(ids(records).slice(0, 10));
    expect(notes.join('\n')).toMatch(/10 test\(s\) appear more than once \(promptfoo --repeat/);
  });

  it('repeats reach the gate as repeats: refused by default, combined with inputs.repeats: all', async () => {
    const run = output(INCUMBENT);
    run.results.results.push(...run.results.results.map((r) => ({ ...r, testIdx: (r.testIdx as number) + 10 })));
    const files = { 'repeat.json': JSON.stringify(run, null, 2), 'policy.yaml': 'inputs:\n  repeats: all\n' };
    const refused = await runCliInProcess(['check', '--incumbent', 'repeat.json', '--candidate', 'repeat.json'], files);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /duplicate id "password reset#[0-9a-f]{12}".*set inputs\.repeats: all \(pass\^k\) or any/,
    );
    const combined = await runCliInProcess(
      [
        'check',
        '--incumbent',
        'repeat.json',
        '--candidate',
        'repeat.json',
        '--policy',
        'policy.yaml',
        '--format',
        'json',
      ],
      files,
    );
    const report = JSON.parse(combined.stdout) as {
      comparisons: { cohort: string; metric: string; n_paired: number }[];
    };
    expect(report.comparisons.find((c) => c.cohort === 'overall' && c.metric === 'accuracy')?.n_paired).toBe(10);
  });

  it('puts tests in cohorts by a test variable', async () => {
    for (const cohortField of ['topic', 'vars.topic']) {
      const { records } = await read(INCUMBENT, undefined, { cohortField });
      expect(records.map((r) => r.cohorts)).toEqual(
        [
          'account',
          'billing',
          'account',
          'billing',
          'account',
          'product',
          'billing',
          'billing',
          'account',
          'billing',
        ].map((t) => [`topic:${t}`]),
      );
    }
  });

  it('takes several cohort fields at once, provider and vars together', async () => {
    const { records } = await read(TWO_PROVIDERS, undefined, { cohortField: 'provider, vars.topic' });
    expect(records[0]).toMatchObject({
      id: expect.stringMatching(/@support-bot-v1$/) as unknown,
      cohorts: ['provider:support-bot-v1', 'topic:account'],
    });
  });

  it('reads a two-provider run with cohortField "provider": one cohort per provider, ids carry it', async () => {
    const { records, lines } = await read(TWO_PROVIDERS, undefined, { cohortField: 'provider' });
    expect(records).toHaveLength(20);
    expect(records[0]).toMatchObject({
      id: expect.stringMatching(/^password reset#[0-9a-f]{12}@support-bot-v1$/) as unknown,
      cohorts: ['provider:support-bot-v1'],
      correct: true,
    });
    expect(records.filter((r) => r.correct === false).map((r) => (r.id as string).split('@')[1])).toEqual([
      'support-bot-v2',
      'support-bot-v1',
    ]);
    expect(lines).toEqual(resultLines(fixture(TWO_PROVIDERS)));
  });

  it('reads one provider of a two-provider run: #provider=<label or id>; both sides name their tests alike', async () => {
    const a = await read(TWO_PROVIDERS, undefined, { select: { key: 'provider', value: 'support-bot-v1' } });
    const b = await read(TWO_PROVIDERS, undefined, { select: { key: 'provider', value: 'support-bot-v2' } });
    expect(a.records).toHaveLength(10);
    expect(ids(b.records)).toEqual(ids(a.records));
    expect(ids(a.records)).toEqual(ids((await read(INCUMBENT)).records));
    expect(a.records.filter((r) => r.correct === false)).toHaveLength(1);
    expect(a.notes[0]).toBe('kept the 10 of 20 result(s) with provider "support-bot-v1"');
    const byId = await read(TWO_PROVIDERS, undefined, { select: { key: 'provider', value: 'file://model.js' } }).catch(
      (e: unknown) => e,
    );
    // Both providers share the id file://model.js: selecting by it keeps both, which is refused as a mix.
    expect((byId as InputError).problem).toMatch(/holds 2 providers/);
  });

  it('keeps a provider’s results over several prompts apart by prompt, with whole prompts shortened', async () => {
    const long = `You are a support agent. ${'Answer briefly and precisely. '.repeat(100)}{{question}}`;
    const run = output(TWO_PROVIDERS);
    run.results.results.forEach((r, i) => {
      if (i % 2 === 1) (r.prompt as Record<string, unknown>).label = long;
    });
    const text = JSON.stringify(run, null, 2);
    const { records, notes } = await read('p.json', text, { select: { key: 'provider', value: 'support-bot-v1' } });
    expect(new Set(records.map((r) => (r.id as string).split('@')[1])).size).toBe(2);
    const short = shortLabel(long);
    expect(short).toMatch(/^You are a support agent\. Answer briefly… ~[0-9a-f]{6}$/);
    expect(notes).toContain(`"${short}" stands for: ${long}`);
    const byPrompt = await read('p.json', text, {
      select: { key: 'provider', value: 'support-bot-v1' },
      cohortField: 'prompt',
    });
    expect(new Set(byPrompt.records.map((r) => (r.cohorts as string[])[0]))).toEqual(
      new Set(['prompt:faq-answer', `prompt:${short}`]),
    );
    // The shortened label selects the prompt as well as the whole one.
    const one = await read('p.json', text, { select: { key: 'prompt', value: short }, cohortField: 'provider' });
    expect(one.records.every((r) => (r.cohorts as string[])[0]?.startsWith('provider:'))).toBe(true);
  });

  it('counts an errored result (failureReason 2) as a failure with score 0, and says how many', async () => {
    const run = output(INCUMBENT);
    Object.assign(run.results.results[0] ?? {}, {
      failureReason: 2,
      success: false,
      score: 0,
      error: 'API error: 429',
      latencyMs: 0,
    });
    const { records, notes } = await read('errored.json', JSON.stringify(run, null, 2));
    expect(records[0]).toMatchObject({ correct: false, metrics: { score: 0 } });
    expect(notes).toContain(
      '1 result(s) errored (promptfoo failureReason 2: the provider call failed) and count as failures with score 0',
    );
  });

  it('reads the older version 2 summary (and version 4) the same way', async () => {
    const v3 = await read(INCUMBENT);
    const v2 = await read('results.json', asVersion2(INCUMBENT));
    expect(v2.records).toEqual(v3.records);
    const v4 = output(INCUMBENT);
    v4.results.version = 4;
    expect(promptfooReader.detect({ path: 'r.json', head: JSON.stringify(v4, null, 2) })).toBe(true);
    expect((await read('results.json', JSON.stringify(v4, null, 2))).records).toEqual(v3.records);
  });

  it('leaves out latency or cost for the whole file when some results lack it', async () => {
    const run = output(INCUMBENT);
    delete run.results.results[2]?.latencyMs;
    const { records, layout } = await read('results.json', JSON.stringify(run, null, 2));
    expect(layout.continuousMetrics).toEqual(['cost', 'score']);
    expect(records[2]).toMatchObject({ correct: true, metrics: { score: 1, cost: 0.0000171 } });
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

  it('refuses a run of several providers unless one is selected or they become cohorts, and shows how', async () => {
    const error = await readError(TWO_PROVIDERS, fixture(TWO_PROVIDERS));
    expect(error.problem).toBe(
      'the run holds 2 providers ("support-bot-v1", "support-bot-v2"), and the gate compares one model per side without mixing them',
    );
    expect(error.details.join('\n')).toContain(
      `--incumbent '${TWO_PROVIDERS}#provider=<provider A>' --candidate '${TWO_PROVIDERS}#provider=<provider B>'`,
    );
    expect(error.details.join('\n')).toContain('--cohort-field provider');
    const byPrompt = await readError(TWO_PROVIDERS, fixture(TWO_PROVIDERS), { cohortField: 'prompt' });
    expect(byPrompt.problem).toMatch(/holds 2 providers/);
    const byVariable = await readError(TWO_PROVIDERS, fixture(TWO_PROVIDERS), { cohortField: 'vars.topic' });
    expect(byVariable.problem).toMatch(/holds 2 providers/);
  });

  it('refuses a selector that matches nothing, names an unknown key, or is also the cohort field', async () => {
    const missing = await readError(TWO_PROVIDERS, fixture(TWO_PROVIDERS), {
      select: { key: 'provider', value: 'support-bot-v3' },
    });
    expect(missing.problem).toBe(
      'no result has provider "support-bot-v3": the file holds 2 provider(s): "support-bot-v1", "support-bot-v2"',
    );
    const unknown = await readError(TWO_PROVIDERS, fixture(TWO_PROVIDERS), { select: { key: 'model', value: 'x' } });
    expect(unknown.problem).toMatch(
      /unknown selector #model=…: a promptfoo file is split with #provider=<label or id> or #prompt=<label>/,
    );
    const both = await readError(TWO_PROVIDERS, fixture(TWO_PROVIDERS), {
      select: { key: 'provider', value: 'support-bot-v1' },
      cohortField: 'provider',
    });
    expect(both.problem).toMatch(/#provider=… keeps one provider, so --cohort-field provider has nothing to split/);
  });

  it('refuses a result it cannot tell from another test: no description and no vars', async () => {
    const run = output(INCUMBENT);
    const result = run.results.results[4] as Record<string, unknown>;
    result.vars = {};
    result.testCase = { vars: {} };
    const error = await readError('r.json', JSON.stringify(run, null, 2));
    expect(error.field).toBe('results.results[4].testCase');
    expect(error.problem).toMatch(/neither a description nor vars/);
  });

  it('takes only id=vars.<name> from --columns, and needs that variable on every test', async () => {
    const others = await readError(INCUMBENT, fixture(INCUMBENT), {
      mapping: { id: 'vars.question', correct: 'success' },
    });
    expect(others.problem).toBe(
      'a promptfoo file takes only id=vars.<name> from --columns (the test variable that names each test), not correct',
    );
    expect((await readError(INCUMBENT, fixture(INCUMBENT), { mapping: { id: 'testIdx' } })).problem).toMatch(
      /takes only id=vars.<name>/,
    );
    const absent = await readError(INCUMBENT, fixture(INCUMBENT), { mapping: { id: 'vars.case_id' } });
    expect(absent.field).toBe('results.results[0].vars.case_id');
    expect(absent.problem).toMatch(
      /expected the test variable case_id .* to be a non-empty text or number, got nothing/,
    );
  });

  it('refuses a cohort field given twice or naming no variable', async () => {
    expect((await readError(INCUMBENT, fixture(INCUMBENT), { cohortField: 'topic,vars.topic' })).problem).toBe(
      'cohort field vars.topic is given twice',
    );
    expect((await readError(INCUMBENT, fixture(INCUMBENT), { cohortField: 'vars.' })).problem).toMatch(
      /names no test variable/,
    );
  });

  it('refuses the whole file at read(), before any record goes out', async () => {
    await expect(promptfooReader.read(memorySource(TWO_PROVIDERS, fixture(TWO_PROVIDERS)), {})).rejects.toBeInstanceOf(
      InputError,
    );
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

  it('rejects files that are not promptfoo output; a result without testIdx is still read (its identity does not need it)', async () => {
    expect((await readError('r.json', '{"results": {"version": 1, "results": []}}')).field).toBe('results');
    const run = output(INCUMBENT);
    delete run.results.results[0]?.testIdx;
    const { records } = await read('r.json', JSON.stringify(run, null, 2));
    expect(records[0]?.id).toBe((await read(INCUMBENT)).records[0]?.id);
  });
});

describe('input locator: file.json#provider=A', () => {
  it('splits at a known key only; any other # stays part of the path', () => {
    expect(parseInputLocator('runs/results.json#provider=openai:gpt-4o')).toEqual({
      path: 'runs/results.json',
      select: { key: 'provider', value: 'openai:gpt-4o' },
    });
    expect(parseInputLocator('r.json#prompt=Answer: {{q}} #2')).toEqual({
      path: 'r.json',
      select: { key: 'prompt', value: 'Answer: {{q}} #2' },
    });
    expect(parseInputLocator('runs/#7/results.json')).toEqual({ path: 'runs/#7/results.json' });
    expect(parseInputLocator('r.json#model=x')).toEqual({ path: 'r.json#model=x' });
    expect(() => parseInputLocator('r.json#provider=')).toThrow(
      /#provider= names no provider: expected r.json#provider=<name>/,
    );
    expect(() => parseInputLocator('#prompt=x')).toThrow(/names no file before #prompt=/);
  });

  it('prefers a file whose whole name matches; otherwise opens the path before the selector', async () => {
    const files = new Map([
      ['odd#provider=a.json', '{}'],
      ['r.json', '{}'],
    ]);
    const open = async (path: string) => {
      const text = files.get(path);
      if (text === undefined) throw new InputError(path, 'file not found');
      return memorySource(path, text);
    };
    const whole = await openLocated('odd#provider=a.json', open);
    expect([whole.source.path, whole.select]).toEqual(['odd#provider=a.json', undefined]);
    const part = await openLocated('r.json#provider=A', open);
    expect([part.source.path, part.select]).toEqual(['r.json', { key: 'provider', value: 'A' }]);
    await expect(openLocated('none.json#provider=A', open)).rejects.toThrow(/none.json: file not found/);
  });
});
