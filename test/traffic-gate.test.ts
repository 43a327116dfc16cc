// Issue 12's scenarios, through the whole gate: a traffic file next to a paired summary.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../src/core/compare/comparison.js';
import { runGate } from '../src/core/gate/run-gate.js';
import type { GateReport } from '../src/core/report/report.js';
import type { SourceFile } from '../src/core/source-file.js';
import { tool } from './helpers/golden-run.js';
import { memorySource } from './helpers/memory-source.js';

/** One cohort of a paired summary: n pairs, the incumbent's successes, and the discordant pairs. */
function cohort(n: number, incumbentRight: number, incumbentOnly: number, candidateOnly: number): unknown {
  return {
    n,
    metrics: {
      accuracy: {
        incumbent_successes: incumbentRight,
        candidate_successes: incumbentRight - incumbentOnly + candidateOnly,
        incumbent_only_successes: incumbentOnly,
        candidate_only_successes: candidateOnly,
      },
    },
  };
}

function file(path: string, value: unknown): SourceFile {
  const text = JSON.stringify(value, null, 2);
  return { path, text, sha256: createHash('sha256').update(text).digest('hex') };
}

function traffic(cohorts: Record<string, number>, to = '2026-11-30', from = '2026-11-01'): SourceFile {
  return file('traffic.json', {
    schema: 'model-release-gate/traffic@1',
    window: { from, to },
    source: 'warehouse: prod.predictions, 30 days',
    cohorts,
  });
}

async function gate(cohorts: Record<string, unknown>, trafficFile?: SourceFile, policy?: string): Promise<GateReport> {
  const summary = JSON.stringify({ schema: 'model-release-gate/paired-summary@1', cohorts });
  return runGate({
    incumbent: memorySource('paired.json', summary, 4096),
    candidate: memorySource('paired.json', summary, 4096),
    policy: policy === undefined ? undefined : { path: 'policy.yml', text: policy, sha256: 'p' },
    traffic: trafficFile,
    readiness: { today: '2026-12-01', evidenceExists: () => false, requireVerifiedWaiversByDefault: false },
    tool,
  });
}

function comparison(report: GateReport, cohortName: string): Comparison {
  const found = report.comparisons.find((c) => c.cohort === cohortName && c.metric === 'accuracy');
  if (found === undefined) throw new Error(`no accuracy comparison for ${cohortName}`);
  return found;
}

const ids = (report: GateReport): string[] =>
  report.findings.map((f) => f.id).filter((id) => id.startsWith('traffic.'));

describe('a candidate better on the eval mix and worse on production mix', () => {
  // The eval over-represents the easy cohort (95% of the eval, 60% of production); the candidate
  // gains a point there and loses twelve on the hard cohort (5% of the eval, 40% of production).
  const eval_ = {
    overall: cohort(4000, 3750, 68, 82),
    'segment:easy': cohort(3800, 3610, 40, 78),
    'segment:hard': cohort(200, 140, 28, 4),
  };

  it('passes the eval-mix overall, regresses the traffic-weighted overall, and blocks', async () => {
    const report = await gate(eval_, traffic({ 'segment:easy': 60_000, 'segment:hard': 40_000 }));
    expect(comparison(report, 'overall').status).toBe('pass');
    const weighted = comparison(report, 'overall@traffic:segment');
    expect(weighted.status).toBe('regressed');
    // Δ_w = 0.6 × (+1 pt) + 0.4 × (−12 pts) = −4.2 pts, while the eval's own mix says +0.35 pts.
    expect(comparison(report, 'overall').delta).toBeCloseTo(14 / 4000, 12);
    expect(weighted.delta).toBeCloseTo(0.6 * (38 / 3800) + 0.4 * (-24 / 200), 12);
    expect(weighted.method).toMatch(/post-stratified difference over production's segment mix/);
    expect(report.verdict).toBe('block');
    expect(report.findings).toContainEqual(
      expect.objectContaining({ id: 'cohort.regressed', severity: 'block', cohort: 'overall@traffic:segment' }),
    );
    // The mix itself is a reason to look, not to block.
    expect(report.findings).toContainEqual(expect.objectContaining({ id: 'traffic.mix-shift', severity: 'warn' }));
    expect(report.traffic?.dimensions[0]?.weighted).toEqual([
      { metric: 'accuracy', cohort: 'overall@traffic:segment', reason: null },
    ]);
  });

  it('passes on the same eval when production looks like the eval', async () => {
    const report = await gate(eval_, traffic({ 'segment:easy': 95_000, 'segment:hard': 5_000 }));
    expect(comparison(report, 'overall@traffic:segment').status).not.toBe('regressed');
    expect(ids(report)).not.toContain('traffic.mix-shift');
  });
});

describe('a production cohort the eval lacks', () => {
  const eval_ = {
    overall: cohort(4000, 3600, 20, 20),
    'segment:a': cohort(2000, 1800, 10, 10),
    'segment:b': cohort(2000, 1800, 10, 10),
  };

  it('blocks when it has 5% of production', async () => {
    const report = await gate(eval_, traffic({ 'segment:a': 47_500, 'segment:b': 47_500, 'segment:c': 5_000 }));
    const absent = report.findings.filter((f) => f.id === 'traffic.cohort-absent');
    expect(absent).toEqual([expect.objectContaining({ severity: 'block', cohort: 'segment:c' })]);
    expect(absent[0]?.message).toMatch(/segment:c is 5\.0% of segment traffic .* but the eval has no example of it/);
    expect(report.verdict).toBe('block');
    // Production is not covered, so no weighted comparison is made, and the report says why.
    expect(report.comparisons.some((c) => c.cohort.startsWith('overall@traffic:'))).toBe(false);
    expect(report.traffic?.dimensions[0]?.weighted[0]?.reason).toMatch(
      /segment:c \(5\.0% of production\) has no accuracy result/,
    );
  });

  it('raises no traffic finding when the mix matches', async () => {
    const report = await gate(eval_, traffic({ 'segment:a': 50_000, 'segment:b': 50_000 }));
    expect(ids(report)).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report.traffic?.dimensions[0]?.psi).toBeCloseTo(0, 12);
    expect(comparison(report, 'overall@traffic:segment').status).toBe('pass');
  });

  it('blocks a name that differs from an eval cohort only in case, and says which name was meant', async () => {
    const report = await gate(eval_, traffic({ 'segment:A': 50_000, 'segment:b': 50_000 }));
    const absent = report.findings.filter((f) => f.id === 'traffic.cohort-absent');
    expect(absent).toEqual([expect.objectContaining({ severity: 'block', cohort: 'segment:A' })]);
    expect(absent[0]?.message).toMatch(
      /The eval has segment:a, which the traffic file does not list: did you mean it\? Cohort names must match exactly$/,
    );
    // The same across a dimension spelt differently; a cohort the traffic file lists is never suggested.
    const dimension = await gate(eval_, traffic({ 'Segment:a': 50_000, 'segment:b': 50_000 }));
    expect(dimension.findings.find((f) => f.cohort === 'Segment:a')?.message).toMatch(/The eval has segment:a,/);
    const listed = await gate(eval_, traffic({ 'segment:a': 47_500, 'segment:b': 47_500, 'segment:c': 5_000 }));
    expect(listed.findings.find((f) => f.cohort === 'segment:c')?.message).not.toMatch(/did you mean/);
  });

  it('blocks a production dimension the eval has no example of, though no cohort of it reaches min_share', async () => {
    const tail = (dimension: string): Record<string, number> =>
      Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`${dimension}:c${i}`, 500]));
    const report = await gate(eval_, traffic({ 'segment:a': 50_000, 'segment:b': 50_000, ...tail('country') }));
    expect(report.findings.filter((f) => f.id === 'traffic.cohort-absent')).toEqual([
      expect.objectContaining({
        severity: 'block',
        message:
          "production's country traffic (200 cohorts, 100,000 events, 2026-11-01 to 2026-11-30) has no example in the eval: none of its cohorts is in it, though none alone reaches traffic.min_share 0.01",
      }),
    ]);
    expect(report.verdict).toBe('block');
    // A dimension spelt differently from the eval's is most likely that one.
    const misspelt = await gate(eval_, traffic(tail('segmnt')));
    expect(misspelt.findings.find((f) => f.id === 'traffic.cohort-absent')?.message).toMatch(
      /The eval has segment cohorts, which the traffic file does not list: did you mean that dimension\?$/,
    );
  });

  it('does not block for a cohort below min_share', async () => {
    const report = await gate(eval_, traffic({ 'segment:a': 49_750, 'segment:b': 49_750, 'segment:c': 500 }));
    expect(ids(report)).not.toContain('traffic.cohort-absent');
    expect(report.traffic?.dimensions[0]?.cohorts.find((row) => row.cohort === 'segment:c')?.state).toBe('minor');
  });
});

describe('the window and the eval set', () => {
  const eval_ = { overall: cohort(4000, 3600, 20, 20), 'segment:a': cohort(4000, 3600, 20, 20) };

  it('warns when the window ended too long before the run, or after it', async () => {
    const old = await gate(eval_, traffic({ 'segment:a': 10 }, '2026-09-30', '2026-09-01'));
    expect(old.findings).toContainEqual(
      expect.objectContaining({
        id: 'traffic.stale-window',
        severity: 'warn',
        message: expect.stringMatching(/62 days before this run/),
      }),
    );
    const future = await gate(eval_, traffic({ 'segment:a': 10 }, '2026-12-31'));
    expect(future.findings).toContainEqual(expect.objectContaining({ id: 'traffic.stale-window' }));
    const fresh = await gate(eval_, traffic({ 'segment:a': 10 }));
    expect(ids(fresh)).toEqual([]);
  });

  it('lists the eval cohorts production does not name, and the dimensions it does not cover', async () => {
    const report = await gate(
      { ...eval_, 'segment:b': cohort(100, 90, 0, 0), 'lang:de': cohort(100, 90, 0, 0) },
      traffic({ 'segment:a': 10 }),
    );
    expect(report.traffic?.dimensions[0]?.cohorts.find((row) => row.cohort === 'segment:b')?.state).toBe(
      'unknown-share',
    );
    expect(report.traffic?.dimensions_not_in_traffic).toEqual(['lang']);
    expect(report.inputs.traffic).toMatchObject({
      path: 'traffic.json',
      window: { from: '2026-11-01', to: '2026-11-30' },
    });
  });
});

describe('production cohorts too small to matter that the eval lacks', () => {
  // Three hard cohorts, each down 3 points on 800 pairs (inconclusive alone), and an easy cohort up
  // a point on 8,000 pairs: the eval's mix passes, production's (90% hard) regresses.
  const hard = (): unknown => cohort(800, 600, 44, 20);
  const eval_ = {
    overall: cohort(10_400, 9400, 172, 180),
    'segment:easy': cohort(8000, 7600, 40, 120),
    'segment:h1': hard(),
    'segment:h2': hard(),
    'segment:h3': hard(),
  };
  const production = { 'segment:easy': 10_000, 'segment:h1': 30_000, 'segment:h2': 30_000, 'segment:h3': 30_000 };

  it('do not switch the traffic-weighted comparison off: it is made without them, and says so', async () => {
    const full = await gate(eval_, traffic(production));
    expect(comparison(full, 'overall@traffic:segment').status).toBe('regressed');
    // Twelve events of a cohort the eval lacks (0.01% of production) must not hide that regression.
    const report = await gate(eval_, traffic({ ...production, 'segment:rare': 12 }));
    expect(comparison(report, 'overall').status).toBe('pass');
    const weighted = comparison(report, 'overall@traffic:segment');
    expect(weighted.status).toBe('regressed');
    // Re-weighted among the covered cohorts: the same Δ_w as with full coverage.
    expect(weighted.delta).toBeCloseTo(0.1 * (80 / 8000) + 0.9 * (-24 / 800), 12);
    expect(weighted.method).toContain('without segment:rare, 0.01% of production, which the eval lacks');
    expect(report.verdict).toBe('block');
    expect(ids(report)).not.toContain('traffic.cohort-absent');
  });

  it('still stop it when together they reach min_share', async () => {
    const report = await gate(eval_, traffic({ ...production, 'segment:r1': 600, 'segment:r2': 600 }));
    expect(report.comparisons.some((c) => c.cohort === 'overall@traffic:segment')).toBe(false);
    expect(report.traffic?.dimensions[0]?.weighted[0]?.reason).toMatch(
      /segment:r1 \(0\.6% of production\), segment:r2/,
    );
  });
});

describe('eval cohorts of one dimension that overlap', () => {
  it('are not weighted: their differences are not independent, so the variance would be too small', async () => {
    // 2,500 + 2,000 examples in the segment cohorts of a 4,000-example eval: 500 are in both.
    const eval_ = {
      overall: cohort(4000, 3600, 20, 20),
      'segment:a': cohort(2500, 2250, 10, 10),
      'segment:b': cohort(2000, 1800, 10, 10),
    };
    const report = await gate(eval_, traffic({ 'segment:a': 50_000, 'segment:b': 50_000 }));
    expect(report.comparisons.some((c) => c.cohort === 'overall@traffic:segment')).toBe(false);
    expect(report.traffic?.dimensions[0]?.weighted[0]?.reason).toBe(
      "the eval's segment cohorts overlap: their accuracy examples add up to 4,500, more than the overall's 4,000, so some example is in two of them and their results are not independent",
    );
  });
});

describe('a weighted comparison the data do not allow', () => {
  it('is a traffic.not-weighted warning, never silent; one skipped by design (a single production cohort) is not', async () => {
    // The eval's segment cohorts overlap (they add up to more than overall), so their differences are not independent.
    const overlapping = {
      overall: cohort(4000, 3600, 20, 20),
      'segment:a': cohort(2500, 2250, 10, 10),
      'segment:b': cohort(2500, 2250, 10, 10),
    };
    const report = await gate(overlapping, traffic({ 'segment:a': 50_000, 'segment:b': 50_000 }));
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        id: 'traffic.not-weighted',
        severity: 'warn',
        message: expect.stringMatching(/^no traffic-weighted comparison over production's segment mix for accuracy/),
      }),
    );
    const single = await gate(
      { overall: cohort(4000, 3600, 20, 20), 'segment:a': cohort(4000, 3600, 20, 20) },
      traffic({ 'segment:a': 10 }),
    );
    expect(ids(single)).not.toContain('traffic.not-weighted');
  });
});

describe('a policy override for the weighted comparisons', () => {
  it('sets their margin through a pattern on their name, which then matches something', async () => {
    const eval_ = {
      overall: cohort(4000, 3600, 20, 20),
      'segment:a': cohort(2000, 1800, 10, 10),
      'segment:b': cohort(2000, 1800, 10, 10),
    };
    const policy = 'cohorts:\n  overrides:\n    "overall@traffic:*": {metrics: {accuracy: {margin: 0.05}}}\n';
    const report = await gate(eval_, traffic({ 'segment:a': 30_000, 'segment:b': 70_000 }), policy);
    expect(comparison(report, 'overall@traffic:segment').margin).toBe(0.05);
    expect(comparison(report, 'overall').margin).toBe(0.01);
    expect(report.findings.map((f) => f.id)).not.toContain('policy.pattern-matches-nothing');
  });
});
