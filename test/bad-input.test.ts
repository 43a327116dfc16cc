import { describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.js';
import { runGate } from '../src/core/gate/run-gate.js';
import type { GateReport } from '../src/core/report/report.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

const tool = { name: 'model-release-gate', version: 'test' };

function examples(
  n: number,
  correct: (i: number) => boolean,
  extra: Record<string, unknown> = {},
): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({ id: `e${i}`, cohorts: ['a'], correct: correct(i), ...extra }));
}

const good = jsonl(examples(50, (i) => i % 10 !== 0));

async function gate(files: { inc?: [string, string]; cand?: [string, string]; policy?: string }): Promise<GateReport> {
  const [incPath, incText] = files.inc ?? ['inc.jsonl', good];
  const [candPath, candText] = files.cand ?? ['cand.jsonl', good];
  return runGate({
    incumbent: memorySource(incPath, incText),
    candidate: memorySource(candPath, candText),
    policy: files.policy === undefined ? undefined : { path: 'policy.yml', text: files.policy, sha256: 'x' },
    tool,
  });
}

async function inputError(files: Parameters<typeof gate>[0]): Promise<InputError> {
  const error = await gate(files).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('bad input fails closed with a message naming file, line or field, and what was expected', () => {
  it('empty file', async () => {
    const error = await inputError({ cand: ['cand.jsonl', ''] });
    expect(error.message).toBe('cand.jsonl: the file has no examples: expected at least one record');
  });

  it('blank-only file is empty too', async () => {
    const error = await inputError({ inc: ['inc.jsonl', '\n\n  \n'] });
    expect(error.message).toContain('inc.jsonl: the file has no examples');
  });

  it('invalid JSON on line N', async () => {
    const text = `${JSON.stringify({ id: 1, correct: true })}\n${JSON.stringify({ id: 2, correct: false })}\n{"id": 3, "correct": tru}\n`;
    const error = await inputError({ cand: ['cand.jsonl', text] });
    expect(error.file).toBe('cand.jsonl');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^cand\.jsonl, line 3: invalid JSON .*expected one JSON object per line/);
  });

  it('NaN and Infinity in a metric are named', async () => {
    const text = '{"id": 1, "correct": true, "metrics": {"latency_ms": NaN}}\n';
    const error = await inputError({ cand: ['cand.jsonl', text] });
    expect(error.line).toBe(1);
    expect(error.message).toContain('NaN and Infinity are not numbers in JSON');
  });

  it('null in a metric', async () => {
    const records = examples(3, () => true, { metrics: { latency_ms: 12 } });
    (records[2] as { metrics: unknown }).metrics = { latency_ms: null };
    const error = await inputError({ inc: ['inc.jsonl', jsonl(records)] });
    expect(error.message).toBe('inc.jsonl, line 3, metrics.latency_ms: expected a finite number, got null');
  });

  it('NaN in a CSV metric cell', async () => {
    const csv = 'id,correct,metrics.latency_ms\n1,true,12\n2,false,NaN\n';
    const error = await inputError({ inc: ['inc.csv', csv], cand: ['cand.csv', csv] });
    expect(error.message).toBe('inc.csv, line 3, metrics.latency_ms: expected a finite number, got "NaN"');
  });

  it('CSV with a wrong column count', async () => {
    const csv = 'id,correct,cohorts\n1,true,a\n2,false\n';
    const error = await inputError({ inc: ['inc.csv', csv], cand: ['cand.csv', csv] });
    expect(error.file).toBe('inc.csv');
    expect(error.line).toBe(3);
    expect(error.message).toContain('wrong number of columns: expected 3 as in the header');
  });

  it('duplicate id', async () => {
    const text = jsonl([
      { id: 'x', correct: true },
      { id: 'y', correct: true },
      { id: 'x', correct: false },
    ]);
    const error = await inputError({ cand: ['cand.jsonl', text] });
    expect(error.message).toBe(
      'cand.jsonl, line 3, id: duplicate id "x": ids must be unique within a file (they pair the two models\' examples); if the file holds several results per example (repeats), set inputs.repeats: all (pass^k) or any (pass@k) in the policy to combine them',
    );
  });

  it('duplicate id in the incumbent', async () => {
    const text = jsonl([
      { id: 7, correct: true },
      { id: '7', correct: true },
    ]);
    const error = await inputError({ inc: ['inc.jsonl', text] });
    expect(error.line).toBe(2);
    expect(error.message).toContain('duplicate id "7"');
  });

  it('successes > n in a summary', async () => {
    const summary = (x: number): string =>
      JSON.stringify(
        {
          schema: 'model-release-gate/summary@1',
          cohorts: { overall: { n: 100, metrics: { accuracy: { successes: x } } } },
        },
        null,
        2,
      );
    const error = await inputError({ inc: ['inc.json', summary(90)], cand: ['cand.json', summary(101)] });
    expect(error.file).toBe('cand.json');
    expect(error.field).toBe('cohorts.overall.metrics.accuracy.successes');
    expect(error.line).toBe(8);
    expect(error.message).toContain('successes (101) is greater than n (100)');
  });

  it('n = 0 in a summary', async () => {
    const summary = JSON.stringify({
      schema: 'model-release-gate/summary@1',
      cohorts: { overall: { n: 0, metrics: { accuracy: { successes: 0 } } } },
    });
    const error = await inputError({ inc: ['inc.json', summary], cand: ['cand.json', summary] });
    expect(error.field).toBe('cohorts.overall.n');
    expect(error.message).toContain('n ≥ 1');
  });

  it('null in a summary metric', async () => {
    const summary = JSON.stringify({
      schema: 'model-release-gate/summary@1',
      cohorts: { overall: { n: 10, metrics: { latency_ms: { mean: null, sd: 1 } } } },
    });
    const error = await inputError({ inc: ['inc.json', summary], cand: ['cand.json', summary] });
    expect(error.file).toBe('inc.json');
    expect(error.field).toMatch(/^cohorts\.overall\.metrics\.latency_ms/);
  });

  it('a policy naming a metric no file has', async () => {
    const error = await inputError({ policy: 'alpha: 0.05\nmetrics:\n  acuracy: {margin: 0.02}\n' });
    expect(error.file).toBe('policy.yml');
    expect(error.line).toBe(3);
    expect(error.field).toBe('metrics.acuracy');
    expect(error.message).toContain(
      'the policy names metric "acuracy", which neither eval file has (they have: accuracy)',
    );
  });

  it('mismatched formats', async () => {
    const summary = JSON.stringify({
      schema: 'model-release-gate/summary@1',
      cohorts: { overall: { n: 10, metrics: { accuracy: { successes: 9 } } } },
    });
    const error = await inputError({ cand: ['cand.json', summary] });
    expect(error.message).toContain(
      'mismatched formats: the incumbent is per-example results (jsonl) but the candidate is a per-cohort summary (summary)',
    );
  });

  it('an unknown file type', async () => {
    const error = await inputError({ cand: ['cand.txt', good] });
    expect(error.message).toContain('this file matches no known eval format. Expected one of:');
    expect(error.message).toContain('- sklearn: ');
  });

  it('policy: unknown key, negative margin, NaN margin, wrong type', async () => {
    expect((await inputError({ policy: 'alpah: 0.1\n' })).message).toBe(
      'policy.yml, line 1, alpah: unknown key "alpah" (check the spelling; unknown keys are rejected so a typo cannot be ignored)',
    );
    const negative = await inputError({ policy: 'metrics:\n  accuracy:\n    margin: -0.01\n' });
    expect(negative.line).toBe(3);
    expect(negative.message).toContain('expected a margin ≥ 0');
    const nan = await inputError({ policy: 'metrics:\n  accuracy: {margin: .nan}\n' });
    expect(nan.field).toBe('metrics.accuracy.margin');
    const wrongType = await inputError({ policy: 'alpha: high\n' });
    expect(wrongType.field).toBe('alpha');
    expect(wrongType.line).toBe(1);
  });

  it('a record missing a field the first line had', async () => {
    const text = jsonl([
      { id: 1, correct: true, checks: { grounded: true } },
      { id: 2, correct: true },
    ]);
    const error = await inputError({ cand: ['cand.jsonl', text] });
    expect(error.message).toBe('cand.jsonl, line 2, checks: expected checks.grounded, as on the first line');
  });
});

describe('data problems that are findings, never a silent pass', () => {
  it('a tracked cohort missing from one side', async () => {
    const candidate = jsonl(examples(50, (i) => i % 10 !== 0).map((r) => ({ ...r, cohorts: [] })));
    const report = await gate({ cand: ['cand.jsonl', candidate], policy: 'cohorts: {required: [a]}\n' });
    const row = report.comparisons.find((c) => c.cohort === 'a');
    expect(row?.status).toBe('missing');
    expect(report.findings.some((f) => f.id === 'cohort.membership-mismatch' && f.severity === 'block')).toBe(true);
    expect(report.verdict).toBe('block');
  });

  it('ids on one side only are counted and shown; more than max_unmatched_share of a file blocks', async () => {
    // 10 of 60 candidate ids (17%) have no partner: over the default 5%, so a block, not (as before) a warning.
    const candidate = jsonl(examples(60, (i) => i % 10 !== 0));
    const report = await gate({ cand: ['cand.jsonl', candidate] });
    const finding = report.findings.find((f) => f.id === 'ids.unmatched-share');
    expect(finding?.message).toContain(
      '10 of 60 example id(s) in the candidate file (16.7%) have no partner in the other file',
    );
    expect(finding?.severity).toBe('block');
    expect(report.verdict).toBe('block');
    const relaxed = await gate({ cand: ['cand.jsonl', candidate], policy: 'max_unmatched_share: 0.2\n' });
    expect(relaxed.findings.find((f) => f.id === 'ids.unmatched')?.severity).toBe('warn');
    expect(relaxed.verdict).toBe('warn');
  });

  it('a required cohort that appears in neither file blocks', async () => {
    const report = await gate({ policy: 'cohorts: {required: ["label:charge"]}\n' });
    expect(report.comparisons.find((c) => c.cohort === 'label:charge')?.status).toBe('missing');
    expect(report.verdict).toBe('block');
  });
});

describe('policy values that cannot apply to a proportion', () => {
  it('rejects a margin of 1 or more on a binary metric, and a statistic on it', async () => {
    const margin = await inputError({ policy: 'metrics:\n  accuracy: {margin: 1.5}\n' });
    expect(margin.field).toBe('metrics.accuracy.margin');
    expect(margin.line).toBe(2);
    const statistic = await inputError({ policy: 'metrics:\n  accuracy: {statistic: p95}\n' });
    expect(statistic.message).toContain('a statistic (p95) applies only to continuous metrics');
  });
});
