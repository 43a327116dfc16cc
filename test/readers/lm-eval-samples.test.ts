import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { CohortRegistry } from '../../src/core/load/cohort-registry.js';
import { layoutFromFirstRecord } from '../../src/core/input/example-layout.js';
import { createParsedExample, parseExampleRecord } from '../../src/core/load/example-record.js';
import { runFileMarkerLine } from '../../src/core/readers/lm-eval-run.js';
import { taskFromPath } from '../../src/core/readers/lm-eval-run.js';
import { lmEvalSamplesReader } from '../../src/core/readers/lm-eval-samples-reader.js';
import { jsonl, memorySource } from '../helpers/memory-source.js';

const DIR = 'test/fixtures/readers/lm-eval-samples';
const INCUMBENT = `${DIR}/incumbent/samples_arc_easy_2025-01-14T10-02-11.482911.jsonl`;
const CANDIDATE = `${DIR}/candidate/samples_arc_easy_2025-01-15T09-40-03.117204.jsonl`;
const GSM8K = `${DIR}/incumbent/samples_gsm8k_2025-01-14T10-02-11.482911.jsonl`;
const MALFORMED = `${DIR}/malformed/samples_arc_easy_2025-01-16T08-12-45.330012.jsonl`;

const text = (path: string): string => readFileSync(path, 'utf8');

/** Reads a file with the reader and checks every record with the gate's own validator. */
async function recordsOf(
  path: string,
  body = text(path),
  cohortField?: string,
): Promise<{ record: Record<string, unknown>; line: number }[]> {
  const output = await lmEvalSamplesReader.read(memorySource(path, body, 512), { cohortField });
  if (output.kind !== 'examples') throw new Error('expected examples');
  const all: { record: Record<string, unknown>; line: number }[] = [];
  for await (const batch of output.records) {
    batch.records.forEach((record, i) =>
      all.push({ record: record as Record<string, unknown>, line: batch.lines[i] as number }),
    );
  }
  const first = all[0]?.record ?? {};
  const layout = layoutFromFirstRecord(first, path, 1);
  const parsed = createParsedExample(layout);
  for (const { record, line } of all) parseExampleRecord(record, layout, new CohortRegistry(), parsed, path, line);
  return all;
}

async function errorOf(path: string, body: string): Promise<InputError> {
  const error: unknown = await recordsOf(path, body).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

/** One sample line in lm-eval's shape; only the fields the reader looks at vary. */
function sample(docId: number, scores: Record<string, unknown>, filter = 'none'): Record<string, unknown> {
  return {
    doc_id: docId,
    doc: { question: `q${docId}` },
    target: '0',
    arguments: { gen_args_0: { arg_0: 'Q:', arg_1: ' A' } },
    resps: [[['-1.0', 'False']]],
    filtered_resps: [['-1.0', 'False']],
    filter,
    metrics: Object.keys(scores),
    doc_hash: 'd',
    prompt_hash: 'p',
    target_hash: 't',
    ...scores,
  };
}

describe('lm-eval-samples reader: detect', () => {
  it('recognizes --log_samples files by doc_id and resps on the first line', () => {
    expect(lmEvalSamplesReader.detect({ path: INCUMBENT, head: text(INCUMBENT).slice(0, 65536) })).toBe(true);
    expect(
      lmEvalSamplesReader.detect({ path: 'x.JSONL', head: '{"doc_id": 0, "filtered_resps": ["A"], "acc": 1.0}\n' }),
    ).toBe(true);
    // A first line longer than the head (a long document) is judged by how it starts.
    expect(
      lmEvalSamplesReader.detect({ path: 'x.jsonl', head: `{"doc_id": 0, "doc": {"text": "${'x'.repeat(70000)}` }),
    ).toBe(true);
  });

  it('rejects other JSON lines and other extensions', () => {
    expect(lmEvalSamplesReader.detect({ path: 'x.json', head: text(INCUMBENT) })).toBe(false);
    expect(lmEvalSamplesReader.detect({ path: 'x.jsonl', head: '{"id": "a", "correct": true}\n' })).toBe(false);
    expect(lmEvalSamplesReader.detect({ path: 'x.jsonl', head: '{"doc_id": 0, "acc": 1.0}\n{"resps": []}\n' })).toBe(
      false,
    );
  });

  it("takes the task name from lm-eval's file name", () => {
    expect(taskFromPath(GSM8K)).toBe('gsm8k');
    expect(taskFromPath('out\\m\\samples_mmlu_abstract_algebra_2024-05-13T11-25-30.789012.jsonl')).toBe(
      'mmlu_abstract_algebra',
    );
    expect(taskFromPath('incumbent.jsonl')).toBeUndefined();
  });
});

describe('lm-eval-samples reader: read', () => {
  it('gives one record per document, 0/1 scores as checks', async () => {
    const records = await recordsOf(INCUMBENT);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(records.map((r) => r.record)).toEqual([
      { id: 'arc_easy:0', cohorts: ['task:arc_easy'], checks: { acc: true, acc_norm: true }, metrics: {} },
      { id: 'arc_easy:1', cohorts: ['task:arc_easy'], checks: { acc: true, acc_norm: false }, metrics: {} },
      { id: 'arc_easy:2', cohorts: ['task:arc_easy'], checks: { acc: false, acc_norm: true }, metrics: {} },
      { id: 'arc_easy:3', cohorts: ['task:arc_easy'], checks: { acc: true, acc_norm: true }, metrics: {} },
      { id: 'arc_easy:4', cohorts: ['task:arc_easy'], checks: { acc: true, acc_norm: true }, metrics: {} },
      { id: 'arc_easy:5', cohorts: ['task:arc_easy'], checks: { acc: false, acc_norm: true }, metrics: {} },
    ]);
    const candidate = await recordsOf(CANDIDATE);
    expect(candidate.map((r) => r.record.checks)).toEqual([
      { acc: true, acc_norm: true },
      { acc: true, acc_norm: true },
      { acc: true, acc_norm: true },
      { acc: false, acc_norm: true },
      { acc: true, acc_norm: true },
      { acc: true, acc_norm: true },
    ]);
  });

  it("keeps each filter's score on the same document, named like the results file names it", async () => {
    const records = await recordsOf(GSM8K);
    expect(records).toEqual([
      {
        line: 1,
        record: {
          id: 'gsm8k:0',
          cohorts: ['task:gsm8k'],
          checks: { 'exact_match_strict-match': true, 'exact_match_flexible-extract': true },
          metrics: {},
        },
      },
      {
        line: 2,
        record: {
          id: 'gsm8k:1',
          cohorts: ['task:gsm8k'],
          checks: { 'exact_match_strict-match': false, 'exact_match_flexible-extract': true },
          metrics: {},
        },
      },
      {
        line: 3,
        record: {
          id: 'gsm8k:2',
          cohorts: ['task:gsm8k'],
          checks: { 'exact_match_strict-match': false, 'exact_match_flexible-extract': true },
          metrics: {},
        },
      },
    ]);
  });

  it('makes a metric continuous if any score is not 0/1, and skips corpus-level (gold, prediction) pairs', async () => {
    const body = jsonl([
      sample(0, { bleu_max: 1.0, bleu_acc: 1.0, bleu: [['ref'], 'pred'] }),
      sample(1, { bleu_max: 12.5, bleu_acc: 0.0, bleu: [['ref'], 'pred'] }),
      sample(2, { bleu_max: 0.0, bleu_acc: true, bleu: [['ref'], 'pred'] }),
    ]);
    const records = await recordsOf('run/samples_truthfulqa_gen_2025-01-14T10-02-11.482911.jsonl', body);
    expect(records.map((r) => r.record)).toEqual([
      {
        id: 'truthfulqa_gen:0',
        cohorts: ['task:truthfulqa_gen'],
        checks: { bleu_acc: true },
        metrics: { bleu_max: 1 },
      },
      {
        id: 'truthfulqa_gen:1',
        cohorts: ['task:truthfulqa_gen'],
        checks: { bleu_acc: false },
        metrics: { bleu_max: 12.5 },
      },
      {
        id: 'truthfulqa_gen:2',
        cohorts: ['task:truthfulqa_gen'],
        checks: { bleu_acc: true },
        metrics: { bleu_max: 0 },
      },
    ]);
  });

  it('uses plain doc ids and no task cohort when the file was renamed', async () => {
    const records = await recordsOf('incumbent.jsonl', text(INCUMBENT));
    expect(records[0]?.record).toEqual({ id: '0', cohorts: [], checks: { acc: true, acc_norm: true }, metrics: {} });
  });
});

describe('lm-eval-samples reader: errors', () => {
  it('names the file, line and metric of a missing score', async () => {
    const error = await errorOf(MALFORMED, text(MALFORMED));
    expect(error.file).toBe(MALFORMED);
    expect(error.line).toBe(3);
    expect(error.field).toBe('acc');
    expect(error.problem).toBe("expected a finite number (this document's score), got null");
  });

  it('rejects a document that lacks a filter the others have', async () => {
    const lines = text(GSM8K).trim().split('\n');
    const error = await errorOf(GSM8K, `${lines.slice(0, 5).join('\n')}\n`);
    expect(error.line).toBe(3);
    expect(error.field).toBe('exact_match_flexible-extract');
    expect(error.problem).toMatch(/doc_id 2 has no exact_match_flexible-extract score/);
  });

  it('gives the same document and filter twice (repeats) one record each, with the same id', async () => {
    const records = await recordsOf(
      'samples_t_2025-01-14T10-02-11.jsonl',
      jsonl([sample(0, { acc: 1 }), sample(1, { acc: 0 }), sample(0, { acc: 0 })]),
    );
    expect(records.map((r) => [r.record.id, r.record.checks])).toEqual([
      ['t:0', { acc: true }],
      ['t:0', { acc: false }],
      ['t:1', { acc: false }],
    ]);
  });

  it('refuses a repeat in files that name no filter (before 0.4.3): a repeat cannot be told from another filter', async () => {
    const old = (docId: number, acc: number) => ({
      doc_id: docId,
      doc: {},
      target: '0',
      arguments: [],
      resps: [],
      filtered_resps: [],
      acc,
    });
    const error = await errorOf('samples_t_2025-01-14T10-02-11.jsonl', jsonl([old(0, 1), old(0, 0)]));
    expect([error.line, error.field]).toEqual([2, 'doc_id']);
    expect(error.problem).toMatch(/appears again \(first on line 1\) and the lines name no filter/);
  });

  it('puts documents in cohorts from fields of doc (--cohort-field doc.<field>, several comma-separated)', async () => {
    const body = jsonl([
      { ...sample(0, { acc: 1 }), doc: { subject: 'law', level: 2 } },
      { ...sample(1, { acc: 0 }), doc: { subject: 'math', level: 1 } },
    ]);
    const records = await recordsOf('samples_mmlu_2025-01-14T10-02-11.jsonl', body, 'doc.subject, doc.level');
    expect(records.map((r) => r.record.cohorts)).toEqual([
      ['task:mmlu', 'subject:law', 'level:2'],
      ['task:mmlu', 'subject:math', 'level:1'],
    ]);
    const missing: unknown = await recordsOf(
      'samples_mmlu_2025-01-14T10-02-11.jsonl',
      body.replace('"subject":"math",', ''),
      'doc.subject',
    ).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(InputError);
    expect(missing).toMatchObject({ line: 2, field: 'doc.subject' });
    await expect(recordsOf('samples_mmlu_2025-01-14T10-02-11.jsonl', body, 'subject')).rejects.toThrow(
      /expected doc.<field>/,
    );
  });

  it('reads a run directory: every task file, task cohorts, names from the results file, metrics not shared noted', async () => {
    const results = JSON.stringify(
      { results: { a: { 'exact_match,get-answer': 0.5 }, b: { 'acc,none': 1 } } },
      null,
      2,
    );
    const old = (docId: number, scores: Record<string, number>) => ({
      doc_id: docId,
      doc: {},
      target: '1',
      arguments: [],
      resps: [],
      filtered_resps: [],
      ...scores,
    });
    const body = [
      runFileMarkerLine('results_2025-01-14T10-02-11.json'),
      `${results}\n`,
      runFileMarkerLine('samples_a_2025-01-14T10-02-11.jsonl'),
      jsonl([old(0, { exact_match: 1, acc: 1 }), old(1, { exact_match: 0, acc: 0 })]),
      runFileMarkerLine('samples_b_2025-01-14T10-02-11.jsonl'),
      jsonl([sample(0, { acc: 1, f1: 0.5 })]),
    ].join('');
    expect(lmEvalSamplesReader.detect({ path: 'out/model', head: body })).toBe(true);
    const output = await lmEvalSamplesReader.read(memorySource('out/model', body, 64), {});
    if (output.kind !== 'examples') throw new Error('expected examples');
    const records: unknown[] = [];
    for await (const batch of output.records) records.push(...batch.records);
    expect(records).toEqual([
      { id: 'a:0', cohorts: ['task:a'], checks: { acc: true }, metrics: {} },
      { id: 'a:1', cohorts: ['task:a'], checks: { acc: false }, metrics: {} },
      { id: 'b:0', cohorts: ['task:b'], checks: { acc: true }, metrics: {} },
    ]);
    expect(output.tally?.notes).toEqual([
      'task:a: the samples name no filter; "exact_match" named exact_match_get-answer after the results file\'s only filter for it',
      "exact_match_get-answer is left out: only a of the run's tasks score it (compare those tasks' samples files on their own to see it)",
      "f1 is left out: only b of the run's tasks score it (compare those tasks' samples files on their own to see it)",
    ]);
  });

  it('rejects a bad doc_id, invalid JSON, and a run without scores', async () => {
    expect(
      (await errorOf('s.jsonl', jsonl([sample(0, { acc: 1 }), { ...sample(1, { acc: 1 }), doc_id: -1 }]))).field,
    ).toBe('doc_id');
    expect((await errorOf('s.jsonl', '{"doc_id": 0, "acc": NaN}\n')).problem).toMatch(
      /NaN and Infinity are not numbers/,
    );
    const bypass = await errorOf('s.jsonl', jsonl([sample(0, { bypass: null })]));
    expect(bypass.problem).toMatch(/no sample has a per-document score/);
  });
});
