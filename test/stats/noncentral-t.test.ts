import { describe, expect, it } from 'vitest';
import { regularizedUpperGamma } from '../../src/core/stats/incomplete-gamma.js';
import { noncentralTCdf, tTestNoncentrality } from '../../src/core/stats/noncentral-t.js';
import { normalCdf, normalQuantile } from '../../src/core/stats/normal.js';
import { studentTCdf, studentTQuantile } from '../../src/core/stats/student-t.js';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('noncentralTCdf', () => {
  it('reproduces the published values of Benton & Krishnamoorthy (2003)', () => {
    // D. Benton & K. Krishnamoorthy, "Computing discrete mixtures of continuous distributions:
    // noncentral chisquare, noncentral t and the distribution of the square of the sample multiple
    // correlation coefficient", Computational Statistics & Data Analysis 43 (2003) 249–267: P(T ≤ t)
    // for (df, ncp, t), as reproduced in the Boost.Math test suite (test_nc_t.cpp), which checks them
    // to 5e-12. R's pt(t, df, ncp) implements AS 243 with a stated absolute error of 1e-12.
    const published: [number, number, number, number][] = [
      [3, 1, 2.34, 0.801888999613917],
      [126, -2, -4.33, 1.252846196792878e-2],
      [20, 23, 23, 0.460134400391924],
      [20, 33, 34, 0.532008386378725],
      [12, 38, 39, 0.495868184917805],
      [12, 39, 39, 0.446304024668836],
      [200, 38, 39, 0.666194209961795],
      [200, 42, 40, 0.179292265426085],
    ];
    for (const [df, ncp, t, p] of published) expectRelative(noncentralTCdf(t, df, ncp), p, 5e-12);
  });

  it('matches a 35-digit value and 40-digit quadratures to about 1e-13', () => {
    // Mathematica, N[CDF[NoncentralStudentTDistribution[2, 4], 5], 35] (Boost ticket 10480).
    expectRelative(noncentralTCdf(5, 2, 4), 0.532020698669953, 1e-14);
    // mpmath 1.3 at 40 digits (rounded to doubles here): ∫ Φ(t·s − δ)·f(s) ds over the density f of
    // s = √(χ²_ν/ν).
    expectRelative(noncentralTCdf(2.34, 3, 1), 0.801888999613918, 1e-14);
    expectRelative(noncentralTCdf(-4.33, 126, -2), 0.012528461967896594, 1e-12);
    expectRelative(noncentralTCdf(39, 12, 39), 0.44630402466888947, 1e-12);
  });

  it('stays accurate past δ = 100, where it integrates over the normal instead of summing', () => {
    // Same mpmath quadrature. Both sides of the switch at δ = 100 agree with it.
    expectRelative(noncentralTCdf(300, 1, 99.99), 0.7389092369653402, 1e-10);
    expectRelative(noncentralTCdf(300, 1, 100.01), 0.738858919450137, 1e-10);
    expectRelative(noncentralTCdf(300, 1, 150), 0.6170770333555149, 1e-10);
    expectRelative(noncentralTCdf(150, 3, 99.99), 0.7212754115346396, 1e-10);
    expectRelative(noncentralTCdf(150, 3, 100.01), 0.7211492910061096, 1e-10);
    expectRelative(noncentralTCdf(300, 3, 150), 0.8613751868535534, 1e-10);
  });

  it('reduces to Student t at δ = 0, to the normal for infinite df, and reflects', () => {
    expect(noncentralTCdf(1.7, 6, 0)).toBe(studentTCdf(1.7, 6));
    expect(noncentralTCdf(1.7, Number.POSITIVE_INFINITY, 0.4)).toBe(normalCdf(1.3));
    expect(noncentralTCdf(-2.1, 9, 1.5) + noncentralTCdf(2.1, 9, -1.5)).toBeCloseTo(1, 14);
    expect(noncentralTCdf(0, 9, 1.5)).toBeCloseTo(normalCdf(-1.5), 15);
    expect(noncentralTCdf(1, 0, 1)).toBeNaN();
  });
});

describe('tTestNoncentrality', () => {
  it('gives the noncentrality at which the one-sided t test has the stated power', () => {
    for (const [df, level] of [
      [9, 0.05 / 33],
      [29, 0.05 / 33],
      [4, 0.01],
      [200, 1e-8],
    ] as const) {
      const lambda = tTestNoncentrality(df, level, 0.8);
      const critical = -studentTQuantile(level, df);
      expect(1 - noncentralTCdf(critical, df, lambda)).toBeCloseTo(0.8, 10);
      // Always more than the normal's z₁₋α + z_power, the more so the fewer the df.
      expect(lambda).toBeGreaterThan(-normalQuantile(level) + normalQuantile(0.8));
    }
    // For 10 examples among 33 comparisons: 5.05, where the normal formula says 3.81.
    expect(tTestNoncentrality(9, 0.05 / 33, 0.8)).toBeCloseTo(5.0537, 3);
    // Large df: the normal answer.
    expect(tTestNoncentrality(1e6, 0.05 / 33, 0.8)).toBeCloseTo(-normalQuantile(0.05 / 33) + normalQuantile(0.8), 3);
  });

  it('stays finite and fast for one degree of freedom at a 1e-10 level', () => {
    const started = Date.now();
    const lambda = tTestNoncentrality(1, 1e-10, 0.8);
    expect(Number.isFinite(lambda)).toBe(true);
    expect(1 - noncentralTCdf(-studentTQuantile(1e-10, 1), 1, lambda)).toBeCloseTo(0.8, 8);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('regularizedUpperGamma', () => {
  it('matches its closed forms: Q(1, x) = e^{−x} and Q(½, x) = erfc(√x) = 2Φ(−√(2x))', () => {
    for (const x of [0.01, 0.7, 1.3, 5, 40, 300]) {
      expectRelative(regularizedUpperGamma(1, x), Math.exp(-x), 1e-13);
      expectRelative(regularizedUpperGamma(0.5, x), 2 * normalCdf(-Math.sqrt(2 * x)), 1e-12);
    }
    // Q(3, x) = e^{−x}(1 + x + x²/2) (A&S 6.5.13).
    for (const x of [0.5, 2, 3.9, 4.1, 25])
      expectRelative(regularizedUpperGamma(3, x), Math.exp(-x) * (1 + x + (x * x) / 2), 1e-13);
    expect(regularizedUpperGamma(2, 0)).toBe(1);
    expect(regularizedUpperGamma(0, 1)).toBeNaN();
  });
});
