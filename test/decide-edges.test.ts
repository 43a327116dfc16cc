// The decision layer at its edges: tiny or spread-free cohorts, overflowing metric values, and the
// agreement between the printed bounds and the decision.
import { describe, expect, it } from 'vitest';
import type { CohortMetricEvidence, ComparisonData } from '../src/core/compare/comparison-data.js';
import { decideComparisons } from '../src/core/compare/decide-comparisons.js';
import { minimumDetectableEffect } from '../src/core/compare/minimum-detectable-effect.js';
import { InputError } from '../src/core/errors.js';
import { runGate } from '../src/core/gate/run-gate.js';
import { parsePolicy } from '../src/core/policy/load-policy.js';
import type { Policy } from '../src/core/policy/policy-schema.js';
import { normalQuantile } from '../src/core/stats/normal.js';
import { createRng } from '../src/core/stats/rng.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

const latencyPolicy = (extra = ''): Policy =>
  parsePolicy(
    'policy.yml',
    `metrics:\n  latency_ms: { direction: lower, margin: 5, statistic: p95 }\n  cost: { direction: lower, margin: 1 }\n${extra}`,
  );

function evidence(
  cohort: string,
  metric: string,
  data: ComparisonData,
  n: number,
  paired = true,
): CohortMetricEvidence {
  const kind = data.kind === 'paired-binary' || data.kind === 'unpaired-binary' ? 'binary' : 'continuous';
  return { cohort, metric, kind, nIncumbent: n, nCandidate: n, nPaired: paired ? n : undefined, data };
}

function quantileData(incumbent: number[], candidate: number[]): ComparisonData {
  return {
    kind: 'paired-quantile',
    p: 0.95,
    incumbent: Float64Array.from(incumbent),
    candidate: Float64Array.from(candidate),
  };
}

function pairedMean(differences: number[]): ComparisonData {
  const n = differences.length;
  const mean = differences.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(differences.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1)) : Number.NaN;
  return { kind: 'paired-mean', n, meanDiff: mean, sdDiff: sd, incumbentMean: 100, candidateMean: 100 + mean };
}

describe('a standard error of 0 decides nothing on its own', () => {
  it('a one-example cohort gated on p95 is inconclusive below quantile_min_n, not regressed with p = 0', () => {
    const { comparisons } = decideComparisons(
      [evidence('region:tiny', 'latency_ms', quantileData([100], [130]), 1)],
      latencyPolicy(),
    );
    const row = comparisons[0];
    expect(row?.status).toBe('inconclusive');
    expect(row?.p_value).toBeNull();
    expect(row?.delta).toBe(-30);
    expect(row?.note).toMatch(/n=1 is below quantile_min_n=20/);
  });

  it('the same holds for 19 pairs, and quantile_min_n can be lowered', () => {
    const slower = quantileData(
      Array.from({ length: 19 }, (_, i) => 100 + i),
      Array.from({ length: 19 }, (_, i) => 140 + i),
    );
    expect(decideComparisons([evidence('c', 'latency_ms', slower, 19)], latencyPolicy()).comparisons[0]?.status).toBe(
      'inconclusive',
    );
    const lowered = decideComparisons([evidence('c', 'latency_ms', slower, 19)], latencyPolicy('quantile_min_n: 10\n'));
    // 19 identical differences of +40 ms: the exact sign test decides (p = 2^-19).
    expect(lowered.comparisons[0]?.status).toBe('regressed');
    expect(lowered.comparisons[0]?.p_value).toBe(0.5 ** 19);
  });

  it('identical paired differences decide by the exact sign test from quantile_min_n pairs on, not below', () => {
    const decide = (differences: number[]): ReturnType<typeof decideComparisons>['comparisons'][number] | undefined =>
      decideComparisons([evidence('c', 'cost', pairedMean(differences), differences.length)], latencyPolicy())
        .comparisons[0];
    // cost is lower-is-better with margin 1: +3 per example is a drop of 3, beyond the margin.
    const many = decide(Array.from({ length: 25 }, () => 3));
    expect(many?.status).toBe('regressed');
    expect(many?.p_value).toBe(0.5 ** 25);
    expect(many?.note).toMatch(/exact sign test/);
    // −0.5 per example (cheaper): within the margin, so it passes, with both bounds at Δ.
    const better = decide(Array.from({ length: 25 }, () => -0.5));
    expect(better?.status).toBe('pass');
    expect(better?.ci_low).toBe(0.5);
    // Five identical differences: no decision, whatever their size.
    const few = decide([3, 3, 3, 3, 3]);
    expect(few?.status).toBe('inconclusive');
    expect(few?.p_value).toBe(1);
    expect(few?.note).toMatch(/fewer than quantile_min_n=20/);
  });

  it('two summaries with sd 0 stay undecided, and a bootstrap with no spread but unequal differences too', () => {
    const constant: ComparisonData = {
      kind: 'unpaired-mean',
      incumbent: { n: 500, mean: 10, sd: 0 },
      candidate: { n: 500, mean: 20, sd: 0 },
    };
    const summary = decideComparisons([evidence('c', 'cost', constant, 500, false)], latencyPolicy()).comparisons[0];
    expect(summary?.status).toBe('inconclusive');
    expect(summary?.note).toMatch(/no spread/);
    // 30 pairs whose p95 is tied at 200 ms on both sides in every resample, while the differences vary.
    const incumbent = Array.from({ length: 30 }, (_, i) => (i < 5 ? 50 + i : 200));
    const candidate = Array.from({ length: 30 }, (_, i) => (i < 5 ? 60 + i : 200));
    const tied = decideComparisons(
      [evidence('c', 'latency_ms', quantileData(incumbent, candidate), 30)],
      latencyPolicy(),
    ).comparisons[0];
    expect(tied?.status).toBe('inconclusive');
    expect(tied?.note).toMatch(/bootstrap found no spread/);
  });
});

describe('metric values too large to sum', () => {
  it('are an InputError naming the file, cohort and metric, never a pass or an internal error', () => {
    const overflowed: ComparisonData = {
      kind: 'paired-mean',
      n: 3,
      meanDiff: Number.POSITIVE_INFINITY,
      sdDiff: Number.NaN,
      incumbentMean: -1.5e308,
      candidateMean: 1.5e308,
    };
    const run = (): unknown =>
      decideComparisons([evidence('region:eu', 'cost', overflowed, 3)], latencyPolicy(), {
        incumbent: 'inc.jsonl',
        candidate: 'cand.jsonl',
      });
    expect(run).toThrow(InputError);
    expect(run).toThrow(
      /^inc\.jsonl and cand\.jsonl: values too large to sum: .*metric "cost" in cohort "region:eu".*rescale the metric/,
    );
  });

  it('from per-example files near ±1.5e308 end the run with that InputError, not an internal error', async () => {
    const rows = (sign: number): Record<string, unknown>[] =>
      Array.from({ length: 40 }, (_, i) => ({
        id: i,
        cohorts: ['region:eu'],
        correct: true,
        metrics: { cost: sign * 1.5e308 },
      }));
    const run = runGate({
      incumbent: memorySource('inc.jsonl', jsonl(rows(-1)), 4096),
      candidate: memorySource('cand.jsonl', jsonl(rows(1)), 4096),
      policy: { path: 'policy.yml', text: 'metrics:\n  cost: { direction: lower, margin: 1 }\n', sha256: 'test' },
      tool: { name: 'model-release-gate', version: 'test' },
    });
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(
      /values too large to sum: .*metric "cost" in cohort "(overall|region:eu)".*rescale the metric/,
    );
  });

  it('in a summary, name the side whose variance overflows', () => {
    const huge: ComparisonData = {
      kind: 'unpaired-mean',
      incumbent: { n: 10, mean: 1, sd: 1 },
      candidate: { n: 10, mean: 2, sd: 1e300 },
    };
    const run = (): unknown =>
      decideComparisons([evidence('overall', 'cost', huge, 10, false)], latencyPolicy(), {
        incumbent: 'a.json',
        candidate: 'b.json',
      });
    expect(run).toThrow(/^b\.json, cohorts\.overall\.metrics\.cost: values too large to sum: the candidate's variance/);
  });

  it('a quantile difference that overflows is refused as well', () => {
    const values = Array.from({ length: 30 }, (_, i) => -1.5e308 + i * 1e292);
    const flipped = values.map((v) => -v);
    const run = (): unknown =>
      decideComparisons([evidence('c', 'latency_ms', quantileData(values, flipped), 30)], latencyPolicy());
    expect(run).toThrow(InputError);
    expect(run).toThrow(/values too large to sum/);
  });
});

describe('the minimum detectable effect', () => {
  it('of a 3-example pass/fail cohort among 33 comparisons is the root of d = δ + z·SE(d), about 83 points', () => {
    const data: ComparisonData = { kind: 'paired-binary', table: { n11: 3, n10: 0, n01: 0, n00: 0 } };
    const alpha = 0.05 / 33;
    const mde = minimumDetectableEffect(
      data,
      1,
      { standardError: 0 },
      { margin: 0.01, alpha, power: 0.8, direction: 'higher' },
    );
    const z = -normalQuantile(alpha) + normalQuantile(0.8);
    // The fixed-point iteration alternated and reported 0.01 (1.0 pt).
    expect(mde).toBeGreaterThan(0.8);
    expect(mde).toBeLessThan(0.86);
    expect(mde).toBeCloseTo(0.01 + z * Math.sqrt((mde - mde * mde) / 3), 12);
  });
});

describe('the printed bounds agree with the decision', () => {
  it('for seeded random 2×2 tables: upper bound below −δ ⇔ regressed, lower bound above −δ ⇔ pass (one comparison)', () => {
    const rng = createRng('bounds agree with decisions');
    const counts = { regressed: 0, pass: 0, inconclusive: 0 };
    for (let i = 0; i < 300; i++) {
      const n10 = Math.floor(rng.next() * 20);
      const n01 = Math.floor(rng.next() * 20);
      const n = n10 + n01 + 1 + Math.floor(rng.next() * 400);
      const table = { n11: n - n10 - n01 - 1, n10, n01, n00: 1 };
      // Half at margin 0 (exact McNemar), half at 1 or 2 points (Tango).
      const margin = [0, 0, 0.01, 0.02][i % 4] as number;
      const policy = parsePolicy('policy.yml', `metrics:\n  accuracy: { margin: ${margin} }\n`);
      const row = decideComparisons([evidence('c', 'accuracy', { kind: 'paired-binary', table }, n)], policy)
        .comparisons[0];
      if (row === undefined || row.ci_low === null || row.ci_high === null) throw new Error('no row');
      expect(row.ci_high < -margin).toBe(row.status === 'regressed');
      expect(row.ci_low > -margin).toBe(row.status === 'pass');
      counts[row.status as keyof typeof counts]++;
    }
    expect(counts.regressed).toBeGreaterThan(20);
    expect(counts.pass).toBeGreaterThan(20);
    expect(counts.inconclusive).toBeGreaterThan(20);
  });

  it('and within one Holm-corrected run of 60 comparisons, where the upper bound is at the level Holm applied', () => {
    const rng = createRng('bounds agree under Holm');
    for (const margin of [0, 0.01]) {
      const items: CohortMetricEvidence[] = [];
      for (let i = 0; i < 60; i++) {
        const n10 = Math.floor(rng.next() * 30);
        const n01 = Math.floor(rng.next() * 12);
        const n = n10 + n01 + 50 + Math.floor(rng.next() * 400);
        items.push(
          evidence(`c${i}`, 'accuracy', { kind: 'paired-binary', table: { n11: n - n10 - n01, n10, n01, n00: 0 } }, n),
        );
      }
      const policy = parsePolicy('policy.yml', `metrics:\n  accuracy: { margin: ${margin} }\n`);
      const { comparisons } = decideComparisons(items, policy);
      const regressed = comparisons.filter((c) => c.status === 'regressed').length;
      expect(regressed).toBeGreaterThan(5);
      expect(regressed).toBeLessThan(60);
      for (const row of comparisons) {
        expect((row.ci_high ?? Infinity) < -margin).toBe(row.status === 'regressed');
        expect((row.ci_low ?? -Infinity) > -margin).toBe(row.status === 'pass');
      }
    }
  });
});
