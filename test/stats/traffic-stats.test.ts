import { describe, expect, it } from 'vitest';
import { collectPairedEvidence } from '../../src/core/compare/collect-paired.js';
import type { ComparisonData } from '../../src/core/compare/comparison-data.js';
import { cohortDifference } from '../../src/core/compare/difference-variance.js';
import { loadPairedExamples } from '../../src/core/load/paired-data.js';
import { chiSquareGoodnessOfFit } from '../../src/core/stats/chi-square-fit.js';
import { normalCdf } from '../../src/core/stats/normal.js';
import { PSI_EPSILON, populationStabilityIndex } from '../../src/core/stats/population-stability.js';
import { jsonl, memorySource } from '../helpers/memory-source.js';

describe('populationStabilityIndex', () => {
  it('matches a hand computation', () => {
    // e = (0.5, 0.3, 0.2), p = (0.4, 0.4, 0.2):
    // (0.5 − 0.4)·ln(0.5/0.4) = 0.1·ln 1.25; (0.3 − 0.4)·ln(0.3/0.4) = −0.1·ln 0.75 = 0.1·ln(4/3); 0·ln 1 = 0.
    // PSI = 0.1·(ln 1.25 + ln(4/3)) = 0.1·ln(5/3) = 0.1 · 0.5108256237659907 = 0.05108256237659907.
    const { psi, terms } = populationStabilityIndex([0.5, 0.3, 0.2], [0.4, 0.4, 0.2]);
    expect(terms[0]).toBeCloseTo(0.1 * 0.22314355131420976, 15);
    expect(terms[1]).toBeCloseTo(0.1 * 0.2876820724517809, 15);
    expect(terms[2]).toBe(0);
    expect(psi).toBeCloseTo(0.05108256237659907, 15);
    // Symmetric in its two arguments.
    expect(populationStabilityIndex([0.4, 0.4, 0.2], [0.5, 0.3, 0.2]).psi).toBeCloseTo(psi, 15);
  });

  it('floors a zero share at PSI_EPSILON = 1e-4, without renormalising', () => {
    expect(PSI_EPSILON).toBe(1e-4);
    // The eval lacks a cohort holding half of production: (1e-4 − 0.5)·ln(1e-4/0.5) = 0.4999·ln 5000
    // = 0.4999 · 8.517193191416238 = 4.257744876388977; the other term is (1 − 0.5)·ln 2 = 0.34657359027997264
    // (the eval's share of 1 is kept, not lowered to 1 − 1e-4).
    const { psi, terms } = populationStabilityIndex([0, 1], [0.5, 0.5]);
    expect(terms[0]).toBeCloseTo(4.257744876388977, 12);
    expect(terms[1]).toBeCloseTo(0.34657359027997264, 15);
    expect(psi).toBeCloseTo(4.60431846666895, 12);
    // A cohort absent from both sides contributes nothing.
    expect(populationStabilityIndex([0, 0.5, 0.5], [0, 0.5, 0.5])).toEqual({ psi: 0, terms: [0, 0, 0] });
  });

  it('throws on mismatched lengths and negative or non-finite shares', () => {
    expect(() => populationStabilityIndex([0.5, 0.5], [1])).toThrow(/2 eval shares against 1/);
    expect(() => populationStabilityIndex([-0.1, 1.1], [0.5, 0.5])).toThrow(/eval share 0/);
    expect(() => populationStabilityIndex([0.5, 0.5], [0.5, Number.NaN])).toThrow(/production share 1/);
    expect(() => populationStabilityIndex([Infinity, 0], [0.5, 0.5])).toThrow(/finite/);
  });
});

describe('chiSquareGoodnessOfFit', () => {
  // Published values: the examples of scipy.stats.chisquare,
  // https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.chisquare.html
  it('reproduces the scipy.stats.chisquare documentation examples', () => {
    const uniform = chiSquareGoodnessOfFit([16, 18, 16, 14, 12, 12], [1, 1, 1, 1, 1, 1]);
    expect(uniform.statistic).toBeCloseTo(2.0, 12);
    expect(uniform.df).toBe(5);
    expect(uniform.pValue).toBeCloseTo(0.84914503608460956, 13);
    // f_exp = [16, 16, 16, 16, 16, 8]: expected counts, passed here as shares (normalised to sum 1).
    const given = chiSquareGoodnessOfFit([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8]);
    expect(given.statistic).toBeCloseTo(3.5, 12);
    expect(given.df).toBe(5);
    expect(given.pValue).toBeCloseTo(0.62338762774958223, 13);
  });

  it('reproduces Mendel’s dihybrid cross against 9:3:3:1', () => {
    // Mendel's round-yellow / round-green / wrinkled-yellow / wrinkled-green counts 315, 108, 101, 32
    // (556 seeds), worked in P. McClean's genetics notes
    // (https://www.ndsu.edu/pubweb/~mcclean/plsc431/mendel/mendel4.htm): χ² = 0.47 on 3 df.
    // Expected 312.75, 104.25, 104.25, 34.75: 2.25²/312.75 + 3.75²/104.25 + 3.25²/104.25 + 2.75²/34.75
    // = 0.0161871 + 0.1348921 + 0.1013189 + 0.2176259 = 0.4700240.
    const result = chiSquareGoodnessOfFit([315, 108, 101, 32], [9 / 16, 3 / 16, 3 / 16, 1 / 16]);
    expect(result.statistic).toBeCloseTo(0.47, 2);
    expect(result.statistic).toBeCloseTo(0.470024, 6);
    expect(result.df).toBe(3);
    // The χ²₃ upper tail in closed form, independent of the incomplete gamma function:
    // P(χ²₃ > x) = 2·(1 − Φ(√x)) + √(2x/π)·e^(−x/2). It gives the often-quoted p = 0.9254.
    const x = result.statistic;
    const closedForm = 2 * (1 - normalCdf(Math.sqrt(x))) + Math.sqrt((2 * x) / Math.PI) * Math.exp(-x / 2);
    expect(result.pValue).toBeCloseTo(closedForm, 13);
    expect(result.pValue).toBeCloseTo(0.9254, 4);
  });

  it('gives the exact χ²₂ tail e^(−x/2) on 3 categories', () => {
    // O = (30, 50, 20), shares (0.3, 0.3, 0.4) of N = 100: E = (30, 30, 40);
    // X² = 0 + 400/30 + 400/40 = 13.333… + 10 = 23.333…; P(χ²₂ > x) = e^(−x/2).
    const result = chiSquareGoodnessOfFit([30, 50, 20], [0.3, 0.3, 0.4]);
    expect(result.statistic).toBeCloseTo(70 / 3, 12);
    expect(result.pValue / Math.exp(-35 / 3)).toBeCloseTo(1, 12);
  });

  it('normalises the shares: counts, percentages and shares of the listed cohorts give one answer', () => {
    const fromShares = chiSquareGoodnessOfFit([40, 35, 25], [0.5, 0.3, 0.2]);
    expect(chiSquareGoodnessOfFit([40, 35, 25], [412_000, 247_200, 164_800])).toEqual(fromShares);
    // Shares over a wider set of cohorts (these three are 80% of the dimension) mean the mix among them.
    const partial = chiSquareGoodnessOfFit([40, 35, 25], [0.4, 0.24, 0.16]);
    expect(partial.statistic).toBeCloseTo(fromShares.statistic, 12);
    expect(partial.pValue).toBeCloseTo(fromShares.pValue, 12);
  });

  it('gives a cohort production never sees share PSI_EPSILON: a large, finite statistic', () => {
    // O = (10, 5), shares (1, 0) → (1, 1e-4): E = (15, 0.0015);
    // X² = 25/15 + (5 − 0.0015)²/0.0015 = 1.6666667 + 16656.6681667 = 16658.3348333.
    const result = chiSquareGoodnessOfFit([10, 5], [1, 0]);
    expect(result.statistic).toBeCloseTo(16658.334833333334, 8);
    expect(result.df).toBe(1);
    expect(result.pValue).toBeLessThan(1e-300);
    // The same eval with no example of that cohort fits perfectly.
    expect(chiSquareGoodnessOfFit([15, 0], [1, 0]).statistic).toBeCloseTo(0.0015, 12);
  });

  it('has nothing to test with fewer than two categories or no observations', () => {
    expect(chiSquareGoodnessOfFit([42], [1])).toEqual({ statistic: 0, df: 0, pValue: 1 });
    expect(chiSquareGoodnessOfFit([], [])).toEqual({ statistic: 0, df: 0, pValue: 1 });
    expect(chiSquareGoodnessOfFit([0, 0, 0], [0.2, 0.3, 0.5])).toEqual({ statistic: 0, df: 2, pValue: 1 });
  });

  it('throws on mismatched lengths, negative or non-finite input, and shares summing to 0', () => {
    expect(() => chiSquareGoodnessOfFit([1, 2], [1])).toThrow(/2 counts against 1 shares/);
    expect(() => chiSquareGoodnessOfFit([1, -2], [0.5, 0.5])).toThrow(/count 1/);
    expect(() => chiSquareGoodnessOfFit([1, 2], [Number.NaN, 0.5])).toThrow(/share 0/);
    expect(() => chiSquareGoodnessOfFit([1, Infinity], [0.5, 0.5])).toThrow(/finite/);
    expect(() => chiSquareGoodnessOfFit([1, 2], [0, 0])).toThrow(/sum to 0/);
  });
});

describe('cohortDifference', () => {
  const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

  it('paired-binary: Δ = (n01 − n10)/n and the plug-in variance of the per-example differences over n', () => {
    // n11 50, n10 8 (incumbent right, candidate wrong), n01 14, n00 28: each pair's difference
    // candidate − incumbent is 0, −1, +1, 0. Computed from the 100 differences directly:
    const differences = [...Array<number>(50).fill(0), ...Array<number>(8).fill(-1), ...Array<number>(14).fill(1)];
    differences.push(...Array<number>(28).fill(0));
    const d = mean(differences);
    const plugInVariance = mean(differences.map((x) => (x - d) ** 2));
    const result = cohortDifference({ kind: 'paired-binary', table: { n11: 50, n10: 8, n01: 14, n00: 28 } });
    expect(result?.incumbent).toBeCloseTo(0.58, 15);
    expect(result?.candidate).toBeCloseTo(0.64, 15);
    expect(result?.delta).toBeCloseTo(0.06, 15);
    expect(result?.delta).toBeCloseTo(d, 15);
    // (p01 + p10 − Δ²)/n = (0.22 − 0.0036)/100.
    expect(result?.variance).toBeCloseTo(0.002164, 15);
    expect(result?.variance).toBeCloseTo(plugInVariance / 100, 15);
  });

  it('no discordant pair (or a side at 0% or 100%) counts as one: a small agreeing cohort is not certain', () => {
    // 20 pairs, all concordant: the plug-in variance is 0; one discordant pair's is (1/20 − 1/400)/20.
    const agreeing = cohortDifference({ kind: 'paired-binary', table: { n11: 15, n10: 0, n01: 0, n00: 5 } });
    expect(agreeing?.delta).toBe(0);
    expect(agreeing?.variance).toBeCloseTo((1 / 20 - 1 / 400) / 20, 15);
    const oneDiscordant = cohortDifference({ kind: 'paired-binary', table: { n11: 15, n10: 0, n01: 1, n00: 4 } });
    expect(oneDiscordant?.variance).toBeCloseTo((1 / 20 - 1 / 400) / 20, 15);
    // A perfect side: 30 of 30 against 27 of 30 gives (1/30)(29/30)/30 + 0.9·0.1/30.
    const perfect = cohortDifference({
      kind: 'unpaired-binary',
      incumbent: { successes: 30, n: 30 },
      candidate: { successes: 27, n: 30 },
    });
    expect(perfect?.variance).toBeCloseTo(29 / 900 / 30 + 0.09 / 30, 15);
  });

  it('unpaired-binary: p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂', () => {
    const data: ComparisonData = {
      kind: 'unpaired-binary',
      incumbent: { successes: 45, n: 60 },
      candidate: { successes: 120, n: 150 },
    };
    // 0.75·0.25/60 + 0.8·0.2/150 = 0.003125 + 0.00106666… = 0.00419166…
    const result = cohortDifference(data);
    expect([result?.incumbent, result?.candidate]).toEqual([0.75, 0.8]);
    expect(result?.delta).toBeCloseTo(0.05, 15);
    expect(result?.variance).toBeCloseTo(0.003125 + 0.16 / 150, 15);
  });

  it('paired-mean: Δ = mean difference, Var = sd_diff²/n', () => {
    // Differences (1, 0, 2, −1, 2): mean 0.8, sample variance (0.04 + 0.64 + 1.44 + 3.24 + 1.44)/4 = 1.7.
    const result = cohortDifference({
      kind: 'paired-mean',
      n: 5,
      meanDiff: 0.8,
      sdDiff: Math.sqrt(1.7),
      incumbentMean: 3,
      candidateMean: 3.8,
    });
    expect(result).toEqual({ incumbent: 3, candidate: 3.8, delta: 0.8, variance: expect.closeTo(0.34, 15) });
  });

  it('unpaired-mean: Δ = candidate − incumbent mean, Var = sd₁²/n₁ + sd₂²/n₂', () => {
    const result = cohortDifference({
      kind: 'unpaired-mean',
      incumbent: { n: 40, mean: 120, sd: 8 },
      candidate: { n: 25, mean: 115, sd: 10 },
    });
    // 64/40 + 100/25 = 1.6 + 4 = 5.6.
    expect(result).toEqual({ incumbent: 120, candidate: 115, delta: -5, variance: expect.closeTo(5.6, 13) });
  });

  it('gives no difference for percentiles, point values, weighted overalls, or evidence without a finite variance', () => {
    const p90: ComparisonData = {
      kind: 'paired-quantile',
      p: 0.9,
      incumbent: Float64Array.of(1, 2, 3),
      candidate: Float64Array.of(1, 2, 4),
    };
    expect(cohortDifference(p90)).toBeUndefined();
    expect(cohortDifference({ kind: 'point', incumbent: 0.9, candidate: 0.91 })).toBeUndefined();
    const weighted: ComparisonData = {
      kind: 'post-stratified',
      dimension: 'region',
      cohorts: 3,
      incumbent: 0.9,
      candidate: 0.88,
      delta: -0.02,
      standardError: 0.01,
      paired: true,
    };
    expect(cohortDifference(weighted)).toBeUndefined();
    const onePair = { n: 1, meanDiff: 0.5, sdDiff: Number.NaN, incumbentMean: 1, candidateMean: 1.5 } as const;
    expect(cohortDifference({ kind: 'paired-mean', ...onePair })).toBeUndefined();
    const empty = { successes: 0, n: 0 };
    expect(cohortDifference({ kind: 'unpaired-binary', incumbent: empty, candidate: { successes: 1, n: 2 } })).toBe(
      undefined,
    );
  });

  it('keeps the loaders’ orientation: Δ = candidate − incumbent from per-example files', async () => {
    // Six paired examples of one cohort: correctness and latency per side.
    const incumbentRight = [1, 1, 1, 0, 1, 0];
    const candidateRight = [1, 0, 0, 0, 1, 1];
    const incumbentLatency = [100, 120, 90, 110, 105, 95];
    const candidateLatency = [104, 118, 99, 112, 101, 100];
    const records = (right: number[], latency: number[]): string =>
      jsonl(
        right.map((r, i) => ({
          id: `e${i}`,
          cohorts: ['region:eu'],
          label: 'fraud',
          prediction: r === 1 ? 'fraud' : 'legit',
          metrics: { latency_ms: latency[i] },
        })),
      );
    const side = (path: string, text: string) => ({
      source: memorySource(path, text),
      spec: { reader: 'jsonl', options: {} },
    });
    const loaded = await loadPairedExamples(
      side('incumbent.jsonl', records(incumbentRight, incumbentLatency)),
      side('candidate.jsonl', records(candidateRight, candidateLatency)),
      new Set(),
    );
    const evidence = collectPairedEvidence(loaded, () => 'mean');
    const of = (metric: string) => {
      const data = evidence.find((e) => e.cohort === 'region:eu' && e.metric === metric)?.data;
      if (data === undefined) throw new Error(`no evidence for ${metric}`);
      return cohortDifference(data);
    };
    // Accuracy: differences (0, −1, −1, 0, 0, +1), mean −1/6, plug-in variance 1/2 − 1/36 = 17/36, over n = 6.
    const accuracyDifferences = candidateRight.map((c, i) => c - (incumbentRight[i] ?? 0));
    const accuracyDelta = mean(accuracyDifferences);
    expect(of('accuracy')).toEqual({
      incumbent: expect.closeTo(4 / 6, 15),
      candidate: expect.closeTo(3 / 6, 15),
      delta: expect.closeTo(-1 / 6, 15),
      variance: expect.closeTo(mean(accuracyDifferences.map((x) => (x - accuracyDelta) ** 2)) / 6, 15),
    });
    expect(accuracyDelta).toBeCloseTo(-1 / 6, 15);
    // Latency: differences (4, −2, 9, 2, −4, 5), mean 14/6, sample variance over n − 1, divided by n.
    const latencyDifferences = candidateLatency.map((c, i) => c - (incumbentLatency[i] ?? 0));
    const latencyDelta = mean(latencyDifferences);
    const sampleVariance = latencyDifferences.reduce((s, x) => s + (x - latencyDelta) ** 2, 0) / 5;
    expect(of('latency_ms')).toEqual({
      incumbent: expect.closeTo(mean(incumbentLatency), 12),
      candidate: expect.closeTo(mean(candidateLatency), 12),
      delta: expect.closeTo(14 / 6, 12),
      variance: expect.closeTo(sampleVariance / 6, 12),
    });
  });
});
