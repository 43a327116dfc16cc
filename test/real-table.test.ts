// Real per-example CSVs without an id column (DVC pipelines' prediction files), paired by row order
// under `inputs.pair_by: row`: each pair is one repository's file at two commits, before and after a
// model change on the same test rows (test/fixtures/real/table/*/SOURCE.md). Run in process on the
// source (the bundle is smoke-tested in bundle-smoke.test.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RUNNERS, cohortsOf, findingIds, type RealReport } from './helpers/real-pair.js';

const R = 'test/fixtures/real/table';
const check = (
  dir: string,
  mapping: string,
  incumbent = `${R}/${dir}/incumbent.csv`,
  candidate = `${R}/${dir}/candidate.csv`,
): string[] => [
  '--incumbent',
  incumbent,
  '--candidate',
  candidate,
  '--columns',
  mapping,
  '--policy',
  `${R}/${dir}/policy.yml`,
];

interface Comparison {
  cohort: string;
  metric: string;
  status: string;
  n_paired: number | null;
  incumbent: number | null;
  candidate: number | null;
}
/** cohort → [n paired, status, incumbent accuracy, candidate accuracy], accuracy only. */
function accuracy(
  report: RealReport | undefined,
): Record<string, [number | null, string, number | null, number | null]> {
  const out: Record<string, [number | null, string, number | null, number | null]> = {};
  for (const c of (report?.comparisons ?? []) as unknown as Comparison[]) {
    expect(c.metric).toBe('accuracy');
    out[c.cohort] = [c.n_paired, c.status, c.incumbent, c.candidate];
  }
  return out;
}
const near = (right: number, n: number) => expect.closeTo(right / n, 9);

function expectRowPairedTables(report: RealReport | undefined, examples: number): void {
  expect(report?.inputs.incumbent.format).toBe('table');
  expect(report?.inputs.candidate.format).toBe('table');
  expect(report?.design).toBe('paired');
  expect(report?.inputs.incumbent.examples).toBe(examples);
  expect(report?.inputs.candidate.examples).toBe(examples);
  expect((report?.inputs.incumbent as { notes?: string[] } | undefined)?.notes).toEqual([
    "paired by row order (inputs.pair_by: row): each example's id is its row number",
  ]);
}

// The fashion-mnist candidate with its rows sorted by the true label (as `df.sort_values("actual")`
// would write it): the same 1,200 rows, no longer in the incumbent's order.
const sortedDir = mkdtempSync(join(tmpdir(), 'real-table-'));
const sortedCandidate = join(sortedDir, 'candidate-sorted.csv');
{
  const [header, ...rows] = readFileSync(`${R}/fashion-mnist-dvc-exp/candidate.csv`, 'utf8').trimEnd().split('\n');
  const sorted = rows
    .map((row, i) => ({ row, i, label: Number(row.split(',')[0]) }))
    .sort((a, b) => a.label - b.label || a.i - b.i);
  writeFileSync(sortedCandidate, `${[header, ...sorted.map((r) => r.row)].join('\n')}\n`);
}
afterAll(() => rmSync(sortedDir, { recursive: true, force: true }));

describe.each(RUNNERS)('real per-example CSVs without ids, paired by row order (%s)', (_, run) => {
  it('DVC experiment on Fashion-MNIST (1,200 rows): better overall, but class 0 regresses and blocks', async () => {
    const { code, report, stderr } = await run(check('fashion-mnist-dvc-exp', 'label=actual,prediction=predicted'));
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expectRowPairedTables(report, 1200);
    expect(cohortsOf(report)).toEqual([
      'label:0',
      'label:1',
      'label:2',
      'label:3',
      'label:4',
      'label:5',
      'label:6',
      'label:7',
      'label:8',
      'label:9',
      'overall',
    ]);
    const a = accuracy(report);
    // Counts from the files themselves; they agree with the accuracies (0.7975, 0.8467) in each commit's reports/metrics.json.
    expect(a.overall).toEqual([1200, 'pass', near(957, 1200), near(1016, 1200)]);
    expect(a['label:0']).toEqual([121, 'regressed', near(107, 121), near(94, 121)]);
    expect(a['label:4']).toEqual([116, 'pass', near(59, 116), near(89, 116)]);
    expect(a['label:6']).toEqual([129, 'inconclusive', near(67, 129), near(69, 129)]);
    expect(report?.verdict).toBe('block');
    expect(findingIds(report)).toEqual(['cohort.inconclusive', 'cohort.regressed']);
    expect(report?.findings.find((f) => f.id === 'cohort.regressed')?.message).toMatch(
      /^cohort label:0 · accuracy: 88\.4% → 77\.7%/,
    );
  });

  it('XGBoost credit-risk model before and after widening its grid search (6,517 rows, text labels): passes', async () => {
    const { code, report, stderr } = await run(check('credit-risk-xgb-grid', 'label=y_true,prediction=predicted'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expectRowPairedTables(report, 6517);
    expect(accuracy(report)).toEqual({
      overall: [6517, 'pass', near(6176, 6517), near(6185, 6517)],
      'label:Default': [1445, 'pass', near(1149, 1445), near(1167, 1445)],
      'label:Not Default': [5072, 'pass', near(5027, 5072), near(5018, 5072)],
    });
    expect(report?.verdict).toBe('pass');
    expect(report?.findings).toEqual([]);
  });

  it('skin-disease tutorial (37 rows, CRLF, -1 for an abstained prediction counted as a miss): better overall, small classes warn', async () => {
    const { code, report, stderr } = await run(check('skin-disease-threshold', 'label=actual,prediction=predicted'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expectRowPairedTables(report, 37);
    const a = accuracy(report);
    expect(Object.keys(a).sort()).toEqual([
      'label:0',
      'label:1',
      'label:2',
      'label:3',
      'label:4',
      'label:5',
      'overall',
    ]);
    expect(a.overall).toEqual([37, 'pass', near(30, 37), near(36, 37)]);
    expect(a['label:3']).toEqual([8, 'pass', near(4, 8), 1]);
    expect(a['label:1']).toEqual([5, 'inconclusive', near(3, 5), 1]);
    expect(report?.verdict).toBe('warn');
    expect(findingIds(report)).toEqual(['cohort.inconclusive']);
  });

  it('the same skin-disease pair the other way round (a 16-point drop on 37 rows) does not pass: too little data to tell', async () => {
    const D = `${R}/skin-disease-threshold`;
    const { code, report } = await run(
      check('skin-disease-threshold', 'label=actual,prediction=predicted', `${D}/candidate.csv`, `${D}/incumbent.csv`),
    );
    expect(code).toBe(0);
    expect(accuracy(report).overall).toEqual([37, 'inconclusive', near(36, 37), near(30, 37)]);
    expect(report?.findings.find((f) => f.message.startsWith('cohort overall'))?.message).toMatch(
      /too little data to tell\. n=37 .* observed Δ −16\.2 pts/,
    );
    expect(report?.verdict).toBe('warn');
  });

  it('rows reordered (the candidate sorted by its label column): refused, naming the first row whose label differs', async () => {
    const D = `${R}/fashion-mnist-dvc-exp`;
    const { code, report, stderr } = await run(
      check('fashion-mnist-dvc-exp', 'label=actual,prediction=predicted', `${D}/incumbent.csv`, sortedCandidate),
    );
    expect(code).toBe(2);
    expect(report).toBeUndefined();
    expect(stderr).toContain(
      `${sortedCandidate}, line 2, label: row 1 has label "0" here but "6" in the incumbent ${D}/incumbent.csv (line 2): pairing by row order (inputs.pair_by: row) needs both files to list the same examples in the same order`,
    );
  });

  it('without inputs.pair_by: row, a table with no id column is refused with both ways out', async () => {
    const D = `${R}/credit-risk-xgb-grid`;
    const { code, stderr } = await run([
      '--incumbent',
      `${D}/incumbent.csv`,
      '--candidate',
      `${D}/candidate.csv`,
      '--columns',
      'label=y_true,prediction=predicted',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/incumbent\.csv.*no id column.*--columns id=<column>.*inputs\.pair_by: row/);
  });
});
