import { describe, expect, it } from 'vitest';
import { pairedMeanDifference, welchMeanDifference } from '../../src/core/stats/mean-difference.js';
import { studentTCdf, studentTQuantile } from '../../src/core/stats/student-t.js';

function summarize(values: readonly number[]): { n: number; mean: number; sd: number } {
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  return { n, mean, sd: Math.sqrt(variance) };
}

describe('pairedMeanDifference', () => {
  it('reproduces the paired t-test on Student’s sleep data', () => {
    // Cushny & Peebles' sleep data (Student 1908; R's datasets::sleep). R's
    // t.test(extra ~ group, data = sleep, paired = TRUE) reports t = −4.0621, df = 9,
    // p-value = 0.002833, 95% CI −2.4598858 to −0.7001142, mean difference −1.58 (the example in R's
    // ?t.test; scipy.stats.ttest_rel gives the same).
    const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const result = pairedMeanDifference(summarize(drug1.map((value, i) => value - (drug2[i] ?? 0))));
    expect(result.estimate).toBeCloseTo(-1.58, 12);
    expect(result.df).toBe(9);
    expect(result.estimate / result.standardError).toBeCloseTo(-4.0621, 4);
    expect(2 * studentTCdf(result.estimate / result.standardError, result.df)).toBeCloseTo(0.002833, 6);
    const margin = studentTQuantile(0.975, result.df) * result.standardError;
    expect(result.estimate - margin).toBeCloseTo(-2.4598858, 7);
    expect(result.estimate + margin).toBeCloseTo(-0.7001142, 7);
  });

  it('is sd/√n on hand-computed data', () => {
    // Differences 1, 2, 3, 4: mean 2.5, sd √(5/3), se = √(5/3)/2.
    const result = pairedMeanDifference(summarize([1, 2, 3, 4]));
    expect(result).toEqual({ estimate: 2.5, standardError: Math.sqrt(5 / 3) / 2, df: 3 });
  });

  it('gives df = 0 for a single pair and rejects an empty or malformed summary', () => {
    const single = pairedMeanDifference({ n: 1, mean: 0.3, sd: Number.NaN });
    expect(single.df).toBe(0);
    expect(single.estimate).toBe(0.3);
    expect(single.standardError).toBeNaN();
    expect(() => pairedMeanDifference({ n: 0, mean: 0, sd: 0 })).toThrow(RangeError);
    expect(() => pairedMeanDifference({ n: 2.5, mean: 0, sd: 1 })).toThrow(RangeError);
    expect(() => pairedMeanDifference({ n: 5, mean: 0, sd: -1 })).toThrow(RangeError);
  });
});

describe('welchMeanDifference', () => {
  it('reproduces R’s Welch two-sample t-test', () => {
    // R: t.test(ts1, ts2) with the data below reports t = −1.8325, df = 17.9 and 95% CI
    // −2.1469104 to 0.1469104 (output quoted in a Cross Validated answer on Welch intervals; scipy
    // 1.17 gives df = 17.900310146211787). ts1 plays the candidate, ts2 the incumbent.
    const ts1 = [11, 9, 10, 11, 10, 12, 9, 11, 12, 9];
    const ts2 = [11, 13, 10, 13, 12, 9, 11, 12, 12, 11];
    const result = welchMeanDifference(summarize(ts2), summarize(ts1));
    expect(result.estimate).toBeCloseTo(-1, 12);
    expect(result.df).toBeCloseTo(17.9, 1);
    expect(result.df).toBeCloseTo(17.900310146211787, 10);
    expect(result.estimate / result.standardError).toBeCloseTo(-1.8325, 4);
    const margin = studentTQuantile(0.975, result.df) * result.standardError;
    expect(result.estimate - margin).toBeCloseTo(-2.1469104, 7);
    expect(result.estimate + margin).toBeCloseTo(0.1469104, 7);
  });

  it('computes the Welch–Satterthwaite df by hand', () => {
    // v₁ = 4/4 = 1, v₂ = 9/9 = 1: df = (1 + 1)² / (1/3 + 1/8) = 4 / (11/24) = 96/11.
    const result = welchMeanDifference({ n: 4, mean: 10, sd: 2 }, { n: 9, mean: 12.5, sd: 3 });
    expect(result.estimate).toBe(2.5);
    expect(result.standardError).toBeCloseTo(Math.SQRT2, 15);
    expect(result.df).toBeCloseTo(96 / 11, 13);
  });

  it('gives df = 0 when an arm has a single observation', () => {
    const result = welchMeanDifference({ n: 1, mean: 3, sd: Number.NaN }, { n: 20, mean: 3.5, sd: 1 });
    expect(result.df).toBe(0);
    expect(result.estimate).toBe(0.5);
  });

  it('handles zero variances without NaN', () => {
    const constant = welchMeanDifference({ n: 5, mean: 1, sd: 0 }, { n: 7, mean: 1, sd: 0 });
    expect(constant).toEqual({ estimate: 0, standardError: 0, df: 10 });
    // One constant sample: all uncertainty, and all df, come from the other (df = n − 1 = 6).
    const oneSided = welchMeanDifference({ n: 5, mean: 1, sd: 0 }, { n: 7, mean: 2, sd: 1.5 });
    expect(oneSided.df).toBeCloseTo(6, 12);
  });
});
