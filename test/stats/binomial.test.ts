import { describe, expect, it } from 'vitest';
import { binomialCdf, binomialUpperTail } from '../../src/core/stats/binomial.js';
import { exactBinomialCdf, exactBinomialUpperTail } from './exact-binomial.js';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('binomialCdf', () => {
  it('gives P(X ≤ 2) = 79/4096 for Binomial(12, ½)', () => {
    // (C(12,0) + C(12,1) + C(12,2)) / 2^12 = (1 + 12 + 66)/4096, by direct summation.
    expectRelative(binomialCdf(2, 12, 0.5), 79 / 4096, 1e-14);
  });

  it('equals the exact sums for every k of small binomials', () => {
    // Exact rational sums in BigInt (p = 3/10 is not a double, so p = 5/16 and 1/4 are used instead).
    for (const [n, numerator, denominator] of [
      [30, 5, 16],
      [17, 1, 4],
      [1, 1, 2],
    ] as const) {
      for (let k = 0; k <= n; k++) {
        expectRelative(
          binomialCdf(k, n, numerator / denominator),
          exactBinomialCdf(k, n, numerator, denominator),
          1e-13,
        );
      }
    }
  });

  it('keeps relative accuracy for tiny tails of large binomials', () => {
    // P(X ≤ 350) for Binomial(1000, ½) ≈ 1e-21, exact by BigInt summation.
    expectRelative(binomialCdf(350, 1000, 0.5), exactBinomialCdf(350, 1000, 1, 2), 1e-12);
    // P(X ≤ 2) for Binomial(5000, 1/1024): the small-a, large-b corner.
    expectRelative(binomialCdf(2, 5000, 1 / 1024), exactBinomialCdf(2, 5000, 1, 1024), 1e-12);
  });

  it('handles the ends and rejects invalid arguments', () => {
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
    expect(binomialCdf(2.7, 10, 0.3)).toBe(binomialCdf(2, 10, 0.3));
    expect(binomialCdf(3, 10, 0)).toBe(1);
    expect(binomialCdf(3, 10, 1)).toBe(0);
    expect(binomialCdf(3, 10.5, 0.3)).toBeNaN();
    expect(binomialCdf(3, 10, 1.5)).toBeNaN();
    expect(binomialCdf(Number.NaN, 10, 0.5)).toBeNaN();
  });
});

describe('binomialUpperTail', () => {
  it('equals the exact upper tail and complements the cdf', () => {
    // P(X ≥ 10) for Binomial(12, ½) = (66 + 12 + 1)/4096 = 79/4096.
    expectRelative(binomialUpperTail(10, 12, 0.5), 79 / 4096, 1e-14);
    expectRelative(binomialUpperTail(700, 1000, 0.5), exactBinomialUpperTail(700, 1000, 1, 2), 1e-12);
    for (let k = 0; k <= 20; k++) {
      expect(binomialUpperTail(k, 20, 0.35) + binomialCdf(k - 1, 20, 0.35)).toBeCloseTo(1, 14);
    }
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
  });
});
