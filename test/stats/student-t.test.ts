import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/core/stats/normal.js';
import { studentTCdf, studentTQuantile } from '../../src/core/stats/student-t.js';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/**
 * Closed forms of the t cdf for small df (Abramowitz & Stegun 26.7.3 for odd df, 26.7.4 for even df),
 * written with θ = atan(t/√df).
 */
const closedFormCdf: Record<number, (t: number) => number> = {
  1: (t) => 0.5 + Math.atan(t) / Math.PI,
  2: (t) => 0.5 + t / (2 * Math.sqrt(2 + t * t)),
  3: (t) => {
    const theta = Math.atan(t / Math.sqrt(3));
    return 0.5 + (theta + Math.sin(theta) * Math.cos(theta)) / Math.PI;
  },
  4: (t) => {
    const sine = t / Math.sqrt(4 + t * t);
    const cosineSquared = 4 / (4 + t * t);
    return 0.5 + 0.5 * sine * (1 + 0.5 * cosineSquared);
  },
  5: (t) => {
    const theta = Math.atan(t / Math.sqrt(5));
    const cosine = Math.cos(theta);
    return 0.5 + (theta + Math.sin(theta) * cosine * (1 + (2 / 3) * cosine * cosine)) / Math.PI;
  },
};

describe('studentTCdf', () => {
  it('gives P(T ≤ 2) = 0.9490302605850709 for 5 df', () => {
    // A&S 26.7.3 closed form for df = 5 (evaluated below); mpmath at 40 digits gives
    // 0.94903026058507082188, which rounds to the double 0.9490302605850708.
    expectRelative(studentTCdf(2, 5), 0.9490302605850709, 1e-15);
    expectRelative(studentTCdf(2, 5), closedFormCdf[5]?.(2) ?? Number.NaN, 1e-14);
  });

  it('matches the closed forms for df = 1…5 across the range', () => {
    // The closed forms add ½ to a negative number in the lower tail, so in doubles they are only good to
    // about 1e-16 absolute: compare absolutely here, and relatively in the tail test below. The bound
    // allows for log Γ, whose Lanczos approximation is good to about 2e-15 absolute below 10.
    for (const [df, cdf] of Object.entries(closedFormCdf)) {
      for (const t of [-7, -2.5, -1, -0.2, 0.3, 1.7, 4]) {
        expect(Math.abs(studentTCdf(t, Number(df)) - cdf(t))).toBeLessThan(5e-15);
      }
    }
  });

  it('keeps relative accuracy deep in the lower tail', () => {
    // For df = 2, P(T ≤ t) = 1/(√(2 + t²)·(√(2 + t²) + |t|)) for t < 0: A&S 26.7.4 rearranged so that
    // nothing cancels.
    for (const t of [-300, -1e6, -1e100]) {
      const r = Math.sqrt(2 + t * t);
      expectRelative(studentTCdf(t, 2), 1 / (r * (r + Math.abs(t))), 1e-13);
    }
    // Cauchy (df = 1): P(T ≤ −1e8) = atan(1e-8)/π.
    expectRelative(studentTCdf(-1e8, 1), Math.atan(1e-8) / Math.PI, 1e-13);
  });

  it('stays accurate for large df and tends to the normal', () => {
    // P(T ≤ −2) for df = 1e6 is 0.022750266925659603 (mpmath: 40-digit incomplete beta, confirmed by
    // quadrature of the density).
    expectRelative(studentTCdf(-2, 1e6), 0.022750266925659603, 1e-12);
    // P(T ≤ −5) for df = 1e8 is 2.8665205506336430e-7 (same source).
    expectRelative(studentTCdf(-5, 1e8), 2.866520550633643e-7, 1e-10);
    expectRelative(studentTCdf(-2, 1e12), normalCdf(-2), 1e-11);
    expect(studentTCdf(-2, Number.POSITIVE_INFINITY)).toBe(normalCdf(-2));
  });

  it('is ½ at 0, symmetric, and NaN for invalid df', () => {
    expect(studentTCdf(0, 3.7)).toBe(0.5);
    for (const df of [0.7, 3, 30.5, 1e4]) {
      expect(studentTCdf(1.3, df) + studentTCdf(-1.3, df)).toBeCloseTo(1, 14);
    }
    expect(studentTCdf(1, 0)).toBeNaN();
    expect(studentTCdf(1, -2)).toBeNaN();
    expect(studentTCdf(Number.NaN, 2)).toBeNaN();
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 2)).toBe(0);
  });
});

describe('studentTQuantile', () => {
  it('matches the tabulated two-sided 5% critical values', () => {
    // t_{0.975, 10} = 2.228 in every t table (e.g. A&S Table 26.10); to full precision
    // 2.2281388519862747 (mpmath: root of the 40-digit cdf). The value 2.2281388519649385 that is
    // sometimes quoted differs from it by 2e-11.
    expectRelative(studentTQuantile(0.975, 10), 2.228138851986275, 1e-13);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    // df = 1 is the Cauchy distribution: t_{0.975} = tan(0.475π) = 12.706204736174707 (A&S Table 26.10:
    // 12.706).
    expectRelative(studentTQuantile(0.975, 1), 12.706204736174707, 1e-13);
    expectRelative(studentTQuantile(0.975, 1), Math.tan(0.475 * Math.PI), 1e-13);
  });

  it('inverts the cdf, including far in the tails and for fractional df', () => {
    for (const df of [0.8, 1, 2.5, 7, 31.4, 1000, 5e5]) {
      for (const p of [1e-12, 1e-4, 0.025, 0.3, 0.9, 0.999]) {
        const t = studentTQuantile(p, df);
        const reached = p < 0.5 ? studentTCdf(t, df) : 1 - studentTCdf(t, df);
        expectRelative(reached, p < 0.5 ? p : 1 - p, 1e-10);
      }
    }
  });

  it('is symmetric and reduces to the normal quantile for infinite df', () => {
    expect(studentTQuantile(0.05, 12)).toBeCloseTo(-studentTQuantile(0.95, 12), 13);
    expect(studentTQuantile(0.5, 4)).toBe(0);
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975));
  });

  it('returns ∓Infinity at 0 and 1 and NaN for invalid arguments', () => {
    expect(studentTQuantile(0, 5)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTQuantile(1, 5)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTQuantile(1.2, 5)).toBeNaN();
    expect(studentTQuantile(0.5, 0)).toBeNaN();
  });
});
