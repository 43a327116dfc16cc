import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runGate } from '../src/core/gate/run-gate.js';
import type { GateReport } from '../src/core/report/report.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

const tool = { name: 'model-release-gate', version: 'test' };

async function gate(incumbent: [string, string], candidate: [string, string], policy?: string): Promise<GateReport> {
  return runGate({
    incumbent: memorySource(incumbent[0], incumbent[1], 64),
    candidate: memorySource(candidate[0], candidate[1], 64),
    policy: policy === undefined ? undefined : { path: 'policy.yml', text: policy, sha256: 'x' },
    tool,
  });
}

const ids = (report: GateReport, severity?: string) =>
  report.findings.filter((f) => severity === undefined || f.severity === severity).map((f) => f.id);
const finding = (report: GateReport, id: string) => report.findings.find((f) => f.id === id);

/** n examples with ids `${prefix}${i}`, all right, in cohorts `cohorts(i)`. */
function examples(
  n: number,
  prefix = 'e',
  cohorts: (i: number) => string[] = () => ['eu'],
  extra: Record<string, unknown> = { correct: true },
): string {
  return jsonl(Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, cohorts: cohorts(i), ...extra })));
}

describe('a run in which nothing was tested never passes (run.nothing-compared)', () => {
  it('no id in common: blocks, and says why (before: 0 tested, verdict warn)', async () => {
    const report = await gate(['inc.jsonl', examples(50, 'a')], ['cand.jsonl', examples(50, 'b')]);
    expect(report.summary.tested).toBe(0);
    expect(report.verdict).toBe('block');
    expect(finding(report, 'run.nothing-compared')).toEqual({
      id: 'run.nothing-compared',
      severity: 'block',
      message:
        'nothing was compared: no example id is in both files, so no pair could be formed. A run that tests nothing cannot pass.',
    });
    // Every id of each file lacks a partner: both sides exceed max_unmatched_share.
    expect(report.findings.filter((f) => f.id === 'ids.unmatched-share').map((f) => f.message.slice(0, 40))).toEqual([
      '50 of 50 example id(s) in the incumbent ',
      '50 of 50 example id(s) in the candidate ',
    ]);
  });

  it('no metric in common (continuous metrics, report-only): blocks', async () => {
    const report = await gate(
      ['inc.jsonl', examples(20, 'e', () => [], { metrics: { latency_ms: 1 } })],
      ['cand.jsonl', examples(20, 'e', () => [], { metrics: { cost: 1 } })],
    );
    expect(report.verdict).toBe('block');
    expect(finding(report, 'run.nothing-compared')?.message).toContain('the two files have no metric in common');
  });

  it('no gated metric: blocks, naming that every metric is report-only', async () => {
    const rows = examples(20, 'e', () => [], { metrics: { latency_ms: 1 } });
    const report = await gate(['inc.jsonl', rows], ['cand.jsonl', rows]);
    expect(report.reported_metrics.length).toBeGreaterThan(0);
    expect(finding(report, 'run.nothing-compared')?.message).toContain('no metric is gated');
  });

  it('summaries with no cohort in common: every cohort missing, blocks', async () => {
    const summary = (cohort: string) =>
      JSON.stringify({
        schema: 'model-release-gate/summary@1',
        cohorts: { [cohort]: { n: 100, metrics: { accuracy: { successes: 90 } } } },
      });
    const report = await gate(['inc.json', summary('eu')], ['cand.json', summary('us')]);
    expect(report.verdict).toBe('block');
    expect(finding(report, 'run.nothing-compared')?.message).toContain(
      'every tracked cohort and metric is missing from one side',
    );
    // eu: the incumbent has it, the candidate lacks it (missing_cohort: block); us: new in the candidate, a warning.
    expect(report.findings.filter((f) => f.id === 'cohort.missing').map((f) => [f.cohort, f.severity])).toEqual([
      ['eu', 'block'],
      ['us', 'warn'],
    ]);
  });

  it('every comparison below min_n: blocks', async () => {
    const report = await gate(['inc.jsonl', examples(10)], ['cand.jsonl', examples(10)], 'cohorts: {min_n: 50}\n');
    expect(report.comparisons.every((c) => c.status === 'inconclusive')).toBe(true);
    expect(finding(report, 'run.nothing-compared')?.message).toContain('below min_n');
    expect(report.verdict).toBe('block');
  });

  it('point values decide a run (no uncertainty, no test): no run.nothing-compared', async () => {
    const summary = (f1: number) =>
      JSON.stringify({
        schema: 'model-release-gate/summary@1',
        cohorts: { overall: { n: 100, metrics: { f1: { value: f1 } } } },
      });
    const report = await gate(
      ['inc.json', summary(0.8)],
      ['cand.json', summary(0.81)],
      'metrics:\n  f1: {direction: higher, margin: 0.01}\n',
    );
    expect(ids(report)).not.toContain('run.nothing-compared');
    expect(report.verdict).toBe('pass');
  });
});

describe('missing_cohort: a tracked cohort the incumbent has and the candidate lacks', () => {
  const incumbent = examples(400, 'e', (i) => (i < 200 ? ['eu'] : ['us']));
  const candidate = examples(400, 'e', (i) => (i < 200 ? ['apac'] : ['us']));

  it('blocks by default (before: a warning); a cohort new in the candidate stays a warning', async () => {
    const report = await gate(['inc.jsonl', incumbent], ['cand.jsonl', candidate]);
    const missing = report.findings.filter((f) => f.id === 'cohort.missing').map((f) => [f.cohort, f.severity]);
    expect(missing).toEqual([
      ['apac', 'warn'],
      ['eu', 'block'],
    ]);
    expect(finding(report, 'cohort.missing')?.message).toBe('cohort apac · accuracy: absent from the incumbent file');
    expect(report.findings.find((f) => f.cohort === 'eu')?.message).toBe(
      'cohort eu · accuracy: absent from the candidate file; the incumbent has this cohort, so it cannot be judged (missing_cohort: block)',
    );
    expect(report.verdict).toBe('block');
  });

  it('missing_cohort: warn makes it a warning', async () => {
    const report = await gate(['inc.jsonl', incumbent], ['cand.jsonl', candidate], 'missing_cohort: warn\n');
    expect(report.findings.filter((f) => f.id === 'cohort.missing').every((f) => f.severity === 'warn')).toBe(true);
  });

  it('a cohort on both sides whose ids never pair is lost too', async () => {
    // eu's examples exist in both files but under different ids: nothing of eu can be compared.
    const inc = jsonl([
      ...Array.from({ length: 10 }, (_, i) => ({ id: `x${i}`, cohorts: ['eu'], correct: true })),
      ...Array.from({ length: 400 }, (_, i) => ({ id: `e${i}`, correct: true })),
    ]);
    const cand = jsonl([
      ...Array.from({ length: 10 }, (_, i) => ({ id: `y${i}`, cohorts: ['eu'], correct: true })),
      ...Array.from({ length: 400 }, (_, i) => ({ id: `e${i}`, correct: true })),
    ]);
    const report = await gate(['inc.jsonl', inc], ['cand.jsonl', cand], 'max_unmatched_share: 0.5\n');
    const eu = report.findings.find((f) => f.id === 'cohort.missing' && f.cohort === 'eu');
    expect(eu?.severity).toBe('block');
    expect(eu?.message).toContain('absent from the pairing');
  });
});

describe('max_unmatched_share: too many ids without a partner block, whatever unmatched_ids says', () => {
  const incumbent = examples(100);

  it('under the share: ids.unmatched at unmatched_ids (warn)', async () => {
    const report = await gate(['inc.jsonl', incumbent], ['cand.jsonl', examples(98)]);
    expect(finding(report, 'ids.unmatched')).toEqual({
      id: 'ids.unmatched',
      severity: 'warn',
      message:
        '2 of 100 example id(s) in the incumbent file (2%) have no partner in the other file and were left out of the paired comparison (e.g. "e98", "e99")',
    });
    expect(ids(report)).not.toContain('ids.unmatched-share');
  });

  it('over the share: ids.unmatched-share blocks (before: a warning)', async () => {
    const report = await gate(['inc.jsonl', incumbent], ['cand.jsonl', examples(90)], 'unmatched_ids: warn\n');
    expect(finding(report, 'ids.unmatched-share')).toMatchObject({
      severity: 'block',
      message: expect.stringMatching(
        /^10 of 100 example id\(s\) in the incumbent file \(10%\) .*; more than max_unmatched_share \(5%\) is unmatched$/,
      ) as unknown,
    });
    expect(report.verdict).toBe('block');
    const relaxed = await gate(['inc.jsonl', incumbent], ['cand.jsonl', examples(90)], 'max_unmatched_share: 0.2\n');
    expect(ids(relaxed).filter((id) => id.startsWith('ids.'))).toEqual(['ids.unmatched']);
  });

  it('a paired summary whose overall counts too many examples without a partner', async () => {
    const metrics = {
      accuracy: {
        incumbent_successes: 90,
        candidate_successes: 90,
        incumbent_only_successes: 0,
        candidate_only_successes: 0,
      },
    };
    const text = JSON.stringify({
      schema: 'model-release-gate/paired-summary@1',
      cohorts: { overall: { n: 100, n_incumbent: 100, n_candidate: 125, metrics } },
    });
    const report = await gate(['p.json', text], ['p.json', text]);
    expect(finding(report, 'ids.unmatched-share')?.message).toBe(
      '25 of 125 example id(s) in the candidate file (20%) have no partner in the other file and were left out of the paired comparison (as the paired summary counts overall); more than max_unmatched_share (5%) is unmatched',
    );
    expect(report.verdict).toBe('block');
  });
});

describe('promptfoo: errors are failures, never absent data', () => {
  const fixture = readFileSync(new URL('fixtures/readers/promptfoo/incumbent-results.json', import.meta.url), 'utf8');

  it('a candidate whose every test errored blocks (the rows may lack success and score)', async () => {
    const output = JSON.parse(fixture) as { results: { results: Record<string, unknown>[] } };
    output.results.results.forEach((row, i) => {
      Object.assign(row, {
        failureReason: 2,
        error: 'Provider call failed: 503 Service Unavailable',
        latencyMs: 0,
        response: { error: '503' },
      });
      delete row.cost;
      // Some writers leave the verdict and score out of an errored row; it is still a failure.
      if (i % 2 === 0) {
        delete row.success;
        delete row.score;
      } else Object.assign(row, { success: false, score: 0 });
    });
    const report = await gate(
      ['incumbent/results.json', fixture],
      ['candidate/results.json', JSON.stringify(output, null, 2)],
    );
    const accuracy = report.comparisons.find((c) => c.cohort === 'overall' && c.metric === 'accuracy');
    expect(accuracy).toMatchObject({ n_paired: 10, incumbent: 0.9, candidate: 0, status: 'regressed' });
    expect(report.verdict).toBe('block');
  });
});
