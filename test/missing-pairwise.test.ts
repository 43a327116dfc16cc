// An example a reader leaves out for a missing value (inputs.missing_values: drop) takes its partner
// in the other file with it: one missing judgement is counted once, as a missing value, and never a
// second time as an id without a partner.
import { describe, expect, it } from 'vitest';
import { runGate } from '../src/core/gate/run-gate.js';
import { parseExampleColumns } from '../src/core/load/example-columns.js';
import type { GateReport } from '../src/core/report/report.js';
import { memorySource } from './helpers/memory-source.js';

const tool = { name: 'model-release-gate', version: 'test' };

/** An MLflow eval_results_table.json with one judge score per row; null: the judge failed on that row. */
const table = (ids: readonly string[], score: (i: number) => number | null) =>
  JSON.stringify({ columns: ['id', 'answer/v1/score'], data: ids.map((id, i) => [id, score(i)]) });
const ids = (n: number, prefix = 'q') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const POLICY = 'metrics:\n  answer_v1_score: {direction: higher, margin: 0.5}\ninputs:\n  missing_values: drop\n';

function gate(incumbent: string, candidate: string): Promise<GateReport> {
  return runGate({
    incumbent: memorySource('incumbent/eval_results_table.json', incumbent, 4096),
    candidate: memorySource('candidate/eval_results_table.json', candidate, 4096),
    policy: { path: 'policy.yml', text: POLICY, sha256: 'x' },
    tool,
  });
}

const ids_ = (report: GateReport) => report.findings.map((f) => f.id);
const finding = (report: GateReport, id: string) => report.findings.filter((f) => f.id === id);

describe('examples dropped for a missing value are left out pairwise, not counted as unmatched', () => {
  it('the candidate drops 3 of 100 rows: 97 pairs, values.missing on the candidate side, no ids.unmatched finding', async () => {
    const dropped = new Set([10, 50, 90]);
    const report = await gate(
      table(ids(100), (i) => (i % 5) / 4),
      table(ids(100), (i) => (dropped.has(i) ? null : (i % 5) / 4)),
    );
    const overall = report.comparisons.filter((c) => c.cohort === 'overall');
    expect(overall.map((c) => [c.metric, c.n_paired])).toEqual([['answer_v1_score', 97]]);
    expect(ids_(report).filter((id) => id.startsWith('ids.unmatched'))).toEqual([]);
    expect(finding(report, 'values.missing')).toEqual([
      {
        id: 'values.missing',
        severity: 'warn',
        message:
          "3 value(s) in the candidate file were missing (3 example(s) dropped), 3% of the examples read; 3 example(s) left out on both sides because the candidate's value was missing (their partners in the incumbent file are not counted as unmatched); inputs.missing_values says what a missing value becomes",
      },
    ]);
    // 3% against 0%: above the default max_missing_rate_gap (2%), so the gap still blocks, once.
    expect(finding(report, 'values.missing-rate-gap').map((f) => f.severity)).toEqual(['block']);
    expect(report.inputs.incumbent.examples).toBe(100);
    expect(report.inputs.candidate.examples).toBe(97);
  });

  it('either side may drop; ids without a partner for any other reason are still unmatched', async () => {
    // The incumbent drops q1 (the candidate's q1 loses its partner); the candidate drops q2; the
    // candidate also has x0 and lacks q3, which are unmatched ids as before.
    const candidateIds = [...ids(40).filter((id) => id !== 'q3'), 'x0'];
    const report = await gate(
      table(ids(40), (i) => (i === 1 ? null : 0.5)),
      table(candidateIds, (i) => (candidateIds[i] === 'q2' ? null : 0.5)),
    );
    expect(report.comparisons.find((c) => c.cohort === 'overall')?.n_paired).toBe(37);
    const unmatched = report.findings.filter((f) => f.id.startsWith('ids.unmatched')).map((f) => f.message);
    expect(unmatched).toEqual([
      expect.stringMatching(/^1 of 39 example id\(s\) in the incumbent file .* \(e\.g\. "q3"\)$/),
      expect.stringMatching(/^1 of 39 example id\(s\) in the candidate file .* \(e\.g\. "x0"\)$/),
    ]);
    expect(finding(report, 'values.missing').map((f) => f.message)).toEqual([
      expect.stringContaining(
        "in the incumbent file were missing (1 example(s) dropped), 2.5% of the examples read; 1 example(s) left out on both sides because the incumbent's value was missing",
      ),
      expect.stringContaining(
        "in the candidate file were missing (1 example(s) dropped), 2.5% of the examples read; 1 example(s) left out on both sides because the candidate's value was missing",
      ),
    ]);
  });

  it('the reader records the dropped ids in its tally, as plain data that crosses a worker boundary', async () => {
    const columns = await parseExampleColumns(
      memorySource(
        'eval_results_table.json',
        table(['a', 'b', 'c', 'd'], (i) => (i % 2 === 0 ? null : 1)),
      ),
      {
        reader: 'mlflow-table',
        options: { missingValues: 'drop' },
      },
    );
    expect(columns.ids).toEqual(['b', 'd']);
    expect(columns.tally?.droppedIds).toEqual(['a', 'c']);
    expect(structuredClone(columns.tally)).toEqual(columns.tally);
  });
});
