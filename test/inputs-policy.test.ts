// The policy's `inputs` section on the reading path: missing values (tallies and findings), repeated
// ids (pass^k / pass@k), pairing by row order, and options a reader would silently ignore.
import { describe, expect, it } from 'vitest';
import { runGate } from '../src/core/gate/run-gate.js';
import { ExampleColumnsLoader, parseExampleColumns } from '../src/core/load/example-columns.js';
import type { ReaderOptions } from '../src/core/readers/reader-types.js';
import { renderMarkdown } from '../src/core/report/render-markdown.js';
import { renderText } from '../src/core/report/render-text.js';
import type { GateReport } from '../src/core/report/report.js';
import { expectInputError } from './helpers/input-error.js';
import { runCliInProcess } from './helpers/in-process.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

const tool = { name: 'model-release-gate', version: 'test' };

interface Run {
  readonly policy?: string;
  readonly options?: ReaderOptions;
  readonly formatIn?: string;
  readonly loader?: ExampleColumnsLoader;
}

function gate(incumbent: [string, string], candidate: [string, string], run: Run = {}): Promise<GateReport> {
  return runGate({
    incumbent: memorySource(incumbent[0], incumbent[1], 64),
    candidate: memorySource(candidate[0], candidate[1], 64),
    policy: run.policy === undefined ? undefined : { path: 'policy.yml', text: run.policy, sha256: 'x' },
    read: { formatIn: run.formatIn, options: run.options },
    loadExampleColumns: run.loader,
    tool,
  });
}

const finding = (report: GateReport, id: string) => report.findings.find((f) => f.id === id);
const records = (
  n: number,
  correct: (i: number) => boolean,
  extra: (i: number) => Record<string, unknown> = () => ({}),
) => Array.from({ length: n }, (_, i) => ({ id: `q${i}`, correct: correct(i), ...extra(i) }));

describe("inputs.missing_values and the readers' tallies", () => {
  it("hands the policy's missing_values and pair_by to the readers", async () => {
    const seen: ReaderOptions[] = [];
    const loader: ExampleColumnsLoader = (source, spec) => {
      seen.push(spec.options);
      return parseExampleColumns(source, spec);
    };
    const file = jsonl(records(30, () => true));
    await gate(['a.jsonl', file], ['b.jsonl', file], { policy: 'inputs:\n  missing_values: error\n', loader });
    expect(seen.map((o) => [o.missingValues, o.pairBy])).toEqual([
      ['error', 'id'],
      ['error', 'id'],
    ]);
  });

  it('counts what a reader did per side: values.missing (warn), and values.missing-rate-gap (block) above max_missing_rate_gap', async () => {
    const file = jsonl(records(100, () => true));
    // Stands for a reader that dropped 10 candidate examples whose judge score was null.
    const loader: ExampleColumnsLoader = async (source, spec, side) => {
      const columns = await parseExampleColumns(source, spec);
      return side === 'candidate'
        ? {
            ...columns,
            tally: {
              missing: 10,
              missingAsFailure: 0,
              dropped: 10,
              droppedIds: [],
              notes: ['judge scores from column "grade"'],
            },
          }
        : columns;
    };
    const report = await gate(['a.jsonl', file], ['b.jsonl', file], { loader });
    expect(finding(report, 'values.missing')).toEqual({
      id: 'values.missing',
      severity: 'warn',
      message:
        '10 value(s) in the candidate file were missing (10 example(s) dropped), 9.09% of the examples read; inputs.missing_values says what a missing value becomes',
    });
    expect(finding(report, 'values.missing-rate-gap')?.severity).toBe('block');
    expect(finding(report, 'values.missing-rate-gap')?.message).toMatch(
      /^missing values: 0% of the incumbent's examples but 9\.09% of the candidate's, a gap above inputs\.max_missing_rate_gap \(2%\)/,
    );
    expect(report.verdict).toBe('block');
    expect(report.inputs.candidate.notes).toEqual(['judge scores from column "grade"']);
    expect(report.inputs.incumbent.notes).toBeUndefined();
    expect(renderMarkdown(report)).toContain('- candidate: judge scores from column &quot;grade&quot;');
    expect(renderText(report)).toContain('note (candidate): judge scores from column "grade"');

    const tolerant = await gate(['a.jsonl', file], ['b.jsonl', file], {
      loader,
      policy: 'inputs:\n  max_missing_rate_gap: 0.1\n',
    });
    expect(finding(tolerant, 'values.missing-rate-gap')).toBeUndefined();
    expect(finding(tolerant, 'values.missing')?.severity).toBe('warn');
  });

  it("carries a real reader's tally through parseExampleColumns (MLflow table with null judge scores)", async () => {
    const table = (scores: (number | null)[]) =>
      JSON.stringify({ columns: ['id', 'answer/v1/score'], data: scores.map((s, i) => [`r${i}`, s]) });
    const columns = await parseExampleColumns(memorySource('eval_results_table.json', table([1, null, 3, null, 5])), {
      reader: 'mlflow-table',
      options: { missingValues: 'drop' },
    });
    expect(columns.ids).toEqual(['r0', 'r2', 'r4']);
    expect(columns.tally).toMatchObject({ missing: 2, dropped: 2, missingAsFailure: 0 });
    // Plain data: it survives a structured clone (the worker boundary).
    expect(structuredClone(columns.tally)).toEqual(columns.tally);
  });
});

describe('inputs.repeats: repeated ids combined per side', () => {
  // q0: passes 3/3 on both sides; q1: 2/3 incumbent, 3/3 candidate; q2: 0/3 incumbent, 1/3 candidate.
  const repeated = (passes: number[]) =>
    jsonl(
      passes.flatMap((p, q) =>
        [0, 1, 2].map((k) => ({
          id: `q${q}`,
          cohorts: ['eu'],
          correct: k < p,
          metrics: { latency: 10 * (k + 1) + q },
        })),
      ),
    );
  const incumbent = repeated([3, 2, 0]);
  const candidate = repeated([3, 3, 1]);

  it('refuses a duplicate id by default, and says how to combine repeats', async () => {
    const error = await expectInputError(() => gate(['a.jsonl', incumbent], ['b.jsonl', candidate]));
    expect(error.file).toBe('a.jsonl');
    expect(error.line).toBe(2);
    expect(error.problem).toMatch(
      /duplicate id "q0".*set inputs\.repeats: all \(pass\^k\) or any \(pass@k\) in the policy/,
    );
  });

  it('all (pass^k): an example passes when every repeat passes; scores are averaged; repeat counts are reported', async () => {
    const report = await gate(['a.jsonl', incumbent], ['b.jsonl', candidate], {
      policy: 'inputs:\n  repeats: all\nmetrics:\n  latency:\n    direction: lower\n',
    });
    const accuracy = report.comparisons.find((c) => c.cohort === 'overall' && c.metric === 'accuracy');
    expect(accuracy).toMatchObject({ n_paired: 3, incumbent: 1 / 3, candidate: 2 / 3 });
    const latency = report.comparisons.find((c) => c.cohort === 'overall' && c.metric === 'latency');
    // Mean of 10+q, 20+q, 30+q = 20+q; averaged over q = 0, 1, 2: 21 on both sides.
    expect(latency).toMatchObject({ n_paired: 3, incumbent: 21, candidate: 21 });
    expect(report.inputs.incumbent.examples).toBe(3);
    expect(report.inputs.incumbent.repeats).toEqual({ ids: 3, min: 3, max: 3 });
    expect(report.inputs.candidate.notes).toEqual([
      '3 id(s) have repeated records (3 per example), combined as inputs.repeats: all says: an outcome passes when every repeat passes (pass^k), scores are averaged',
    ]);
    expect(finding(report, 'repeats.unequal')).toBeUndefined();
  });

  it('any (pass@k): an example passes when one repeat passes', async () => {
    const report = await gate(['a.jsonl', incumbent], ['b.jsonl', candidate], { policy: 'inputs:\n  repeats: any\n' });
    expect(report.comparisons.find((c) => c.cohort === 'overall' && c.metric === 'accuracy')).toMatchObject({
      n_paired: 3,
      incumbent: 2 / 3,
      candidate: 1,
    });
  });

  it('blocks (repeats.unequal) when the two sides repeat an example a different number of times', async () => {
    const fewer = jsonl([
      ...JSON.parse(`[${candidate.trim().split('\n').join(',')}]`).filter(
        (r: { id: string }, i: number) => !(r.id === 'q2' && i % 3 === 2),
      ),
    ]);
    const report = await gate(['a.jsonl', incumbent], ['b.jsonl', fewer], { policy: 'inputs:\n  repeats: all\n' });
    expect(report.inputs.candidate.repeats).toEqual({ ids: 3, min: 2, max: 3 });
    expect(finding(report, 'repeats.unequal')?.severity).toBe('block');
    expect(finding(report, 'repeats.unequal')?.message).toMatch(
      /^1 paired example\(s\) combine a different number of repeats in the two files \(e\.g\. "q2"; incumbent: 3 per example, candidate: 2–3 per example\): pass\^k changes with/,
    );
    expect(report.verdict).toBe('block');
  });

  it('refuses repeats of one id in different cohorts or with different labels, naming the id and both lines', async () => {
    const bad = jsonl([
      { id: 'x', cohorts: ['eu'], label: 'cat', prediction: 'cat' },
      { id: 'y', cohorts: ['eu'], label: 'cat', prediction: 'dog' },
      { id: 'x', cohorts: ['eu'], label: 'dog', prediction: 'cat' },
    ]);
    const error = await expectInputError(() =>
      gate(['a.jsonl', bad], ['b.jsonl', bad], { policy: 'inputs:\n  repeats: any\n' }),
    );
    expect(error.file).toBe('a.jsonl');
    expect(error.line).toBe(3);
    expect(error.problem).toMatch(
      /^id "x" is repeated with different cohorts or label: line 1 has .*"label:cat".*, line 3 has .*"label:dog"/,
    );
  });
});

describe('inputs.pair_by: row, for per-example tables without an id column', () => {
  const predictions = (labels: string[], predicted: string[]) =>
    `text,label,pred\n${labels.map((l, i) => `t${i},${l},${predicted[i]}`).join('\n')}\n`;
  const mapping = { label: 'label', prediction: 'pred' };
  const labels = ['a', 'b', 'a', 'b', 'a', 'b'];

  it('without it, a table with no id column is refused with both ways out', async () => {
    const error = await expectInputError(() =>
      gate(['predictions.csv', predictions(labels, labels)], ['predictions2.csv', predictions(labels, labels)], {
        options: { mapping },
      }),
    );
    expect(error.file).toBe('predictions.csv');
    expect(error.problem).toMatch(/--columns id=<column>.*inputs\.pair_by: row/);
  });

  it('pairs the generic table by row number, and says so in the report', async () => {
    const report = await gate(
      ['predictions.csv', predictions(labels, labels)],
      ['predictions2.csv', predictions(labels, ['a', 'b', 'a', 'b', 'b', 'b'])],
      {
        options: { mapping },
        policy: 'inputs:\n  pair_by: row\n',
      },
    );
    expect(report.comparisons.find((c) => c.cohort === 'overall')).toMatchObject({
      n_paired: 6,
      incumbent: 1,
      candidate: 5 / 6,
    });
    expect(report.inputs.incumbent.notes).toEqual([
      "paired by row order (inputs.pair_by: row): each example's id is its row number",
    ]);
  });

  it("pairs the gate's own CSV without an id column by row number", async () => {
    const csv = (correct: number[]) =>
      `cohorts,correct\n${correct.map((c, i) => `${i % 2 === 0 ? 'eu' : 'us'},${c}`).join('\n')}\n`;
    const report = await gate(
      ['evaluation_results.csv', csv([1, 1, 0, 1])],
      ['evaluation_results2.csv', csv([1, 0, 0, 1])],
      { policy: 'inputs:\n  pair_by: row\n' },
    );
    expect(report.inputs.incumbent.format).toBe('csv');
    expect(report.comparisons.find((c) => c.cohort === 'overall')).toMatchObject({
      n_paired: 4,
      incumbent: 0.75,
      candidate: 0.5,
    });
    const error = await expectInputError(() => gate(['evaluation_results.csv', csv([1, 1])], ['b.csv', csv([1, 1])]));
    expect(error.line).toBe(1);
    expect(error.problem).toMatch(/--columns id=<column>.*inputs\.pair_by: row/);
  });

  it('refuses different row counts, and a label that differs in some row (naming the first)', async () => {
    const policy = 'inputs:\n  pair_by: row\n';
    const short = await expectInputError(() =>
      gate(['a.csv', predictions(labels, labels)], ['b.csv', predictions(labels.slice(0, 5), labels)], {
        options: { mapping },
        policy,
      }),
    );
    expect(short.file).toBe('b.csv');
    expect(short.problem).toMatch(/the candidate has 5 row\(s\) and the incumbent a\.csv has 6/);
    const shifted = ['a', 'b', 'a', 'a', 'b', 'b'];
    const error = await expectInputError(() =>
      gate(['a.csv', predictions(labels, labels)], ['b.csv', predictions(shifted, shifted)], {
        options: { mapping },
        policy,
      }),
    );
    expect(error.file).toBe('b.csv');
    expect(error.line).toBe(5);
    expect(error.field).toBe('label');
    expect(error.problem).toMatch(/^row 4 has label "a" here but "b" in the incumbent a\.csv \(line 5\)/);
  });

  it('refuses pairing by row for a file that has ids, and for a reader that cannot pair by row', async () => {
    const withId = jsonl(records(5, () => true));
    const jsonlError = await expectInputError(() =>
      gate(['a.jsonl', withId], ['b.jsonl', withId], { policy: 'inputs:\n  pair_by: row\n' }),
    );
    expect(jsonlError.problem).toMatch(
      /pairing by row order \(inputs\.pair_by: row in the policy\) is given, but the jsonl reader .* does not use it; readers that do: .*csv.*table/,
    );
    const csvWithId = 'id,correct\n1,1\n2,0\n';
    const csvError = await expectInputError(() =>
      gate(['a.csv', csvWithId], ['b.csv', csvWithId], { policy: 'inputs:\n  pair_by: row\n' }),
    );
    expect(csvError.problem).toMatch(/pairs by row order .* but the table has an id/);
  });
});

describe('options a reader does not use are refused, not ignored', () => {
  const file = jsonl(records(5, () => true));

  it('--cohort-field on a reader without cohort fields', async () => {
    const run = await runCliInProcess(
      ['check', '--incumbent', 'a.jsonl', '--candidate', 'b.jsonl', '--cohort-field', 'vars.topic'],
      { 'a.jsonl': file, 'b.jsonl': file },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /a cohort field \(--cohort-field \/ the cohort-field input\) is given, but the jsonl reader that reads this file does not use it; readers that do: .*promptfoo/,
    );
  });

  it('an empty --cohort-field or --columns is refused, not dropped', async () => {
    const run = await runCliInProcess(
      ['check', '--incumbent', 'a.jsonl', '--candidate', 'b.jsonl', '--cohort-field', '', '--columns', ' '],
      { 'a.jsonl': file, 'b.jsonl': file },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --cohort-field needs a value\nerror: --columns needs a value\n');
  });

  it("--columns on a reader that does not map columns (the gate's JSONL, a summary report)", async () => {
    const error = await expectInputError(() =>
      gate(['a.jsonl', file], ['b.jsonl', file], { options: { mapping: { id: 'id', correct: 'ok' } } }),
    );
    expect(error.problem).toMatch(
      /a column mapping \(--columns \/ the columns input\) is given, but the jsonl reader .*readers that do: .*table/,
    );
    const report =
      '{"a": {"precision": 1.0, "recall": 1.0, "f1-score": 1.0, "support": 3}, "accuracy": 1.0, "macro avg": {"precision": 1.0, "recall": 1.0, "f1-score": 1.0, "support": 3}}';
    const sklearn = await expectInputError(() =>
      gate(['r.json', report], ['s.json', report], { options: { mapping: { id: 'id', correct: 'ok' } } }),
    );
    expect(sklearn.problem).toMatch(/the sklearn reader that reads this file does not use it/);
  });
});
