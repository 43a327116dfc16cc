import { describe, expect, it } from 'vitest';
import {
  incompleteBetaPair,
  logBeta,
  logGamma,
  regularizedIncompleteBeta,
  regularizedIncompleteBetaComplement,
} from '../../src/core/stats/special.js';
import { exactBinomialUpperTail } from './exact-binomial.js';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('logGamma', () => {
  it('matches exact values of Γ', () => {
    // Γ(½) = √π, Γ(−½) = −2√π, Γ(n) = (n − 1)! (A&S 6.1.8, 6.1.6).
    expectRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-15);
    expectRelative(logGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), 1e-14);
    expectRelative(logGamma(10), Math.log(362880), 1e-15);
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-14);
  });

  it('matches high-precision values across its three regimes', () => {
    // Reference values: mpmath loggamma at 40 digits.
    expectRelative(logGamma(100), 359.1342053695754, 1e-15); // Stirling branch
    expectRelative(logGamma(1e5), 1051287.7089736569, 1e-15);
    expectRelative(logGamma(7.7), 7.926541356269005, 1e-14); // Lanczos branch
    expectRelative(logGamma(1e-10), 23.025850929882736, 1e-15); // reflection branch
    expectRelative(logGamma(-2.5), -0.056243716497674054, 1e-13); // log|Γ| for negative x
  });

  it('is infinite at the poles and NaN for NaN', () => {
    expect(logGamma(0)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(-3)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(Number.NaN)).toBeNaN();
  });

  it('logBeta agrees with its definition, including the large-argument branches', () => {
    // B(2, 3) = 1/12 (A&S 6.2.2: Γ(2)Γ(3)/Γ(5) = 2/24).
    expectRelative(logBeta(2, 3), Math.log(1 / 12), 1e-14);
    // log B(½, 5e7) = −8.2914018362715099943 and log B(5000, 5000) = −6934.4648650716766092, both
    // from mpmath at 40 digits.
    expectRelative(logBeta(0.5, 5e7), -8.29140183627151, 1e-14);
    expectRelative(logBeta(5000, 5000), -6934.464865071676, 1e-14);
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches closed forms', () => {
    // Integrating the Beta(a, b) density in closed form: I_x(1, 1) = x, I_x(a, 1) = x^a,
    // I_x(1, b) = 1 − (1 − x)^b; and I_½(a, a) = ½ by symmetry.
    for (const x of [0.01, 0.2, 0.5, 0.77, 0.99]) {
      expectRelative(regularizedIncompleteBeta(x, 1, 1), x, 1e-14);
      expectRelative(regularizedIncompleteBeta(x, 3.5, 1), x ** 3.5, 1e-14);
      expectRelative(regularizedIncompleteBeta(x, 1, 4), 1 - (1 - x) ** 4, 1e-14);
      // I_x(2, 3) = 6x² − 8x³ + 3x⁴ (integrating the Beta(2, 3) density 12x(1 − x)²).
      expectRelative(regularizedIncompleteBeta(x, 2, 3), 6 * x ** 2 - 8 * x ** 3 + 3 * x ** 4, 1e-13);
    }
    expectRelative(regularizedIncompleteBeta(0.5, 7.25, 7.25), 0.5, 1e-14);
    expectRelative(regularizedIncompleteBeta(0.5, 400, 400), 0.5, 1e-14);
  });

  it('satisfies the symmetry I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    for (const [x, a, b] of [
      [0.3, 2.5, 7],
      [0.9, 12, 3],
      [0.55, 40, 30],
    ] as const) {
      expectRelative(regularizedIncompleteBeta(x, a, b), 1 - regularizedIncompleteBeta(1 - x, b, a), 1e-14);
      expectRelative(regularizedIncompleteBetaComplement(x, a, b), regularizedIncompleteBeta(1 - x, b, a), 1e-13);
    }
  });

  it('equals exact binomial tails, keeping relative accuracy when they are tiny', () => {
    // I_p(k, n − k + 1) = P(X ≥ k) for X ~ Binomial(n, p) (A&S 26.5.24), summed exactly in BigInt.
    const cases: [number, number, number, number][] = [
      [7, 20, 1, 4], // small parameters: logGamma branch
      [180, 200, 1, 2], // tail probability ≈ 1e-25, large parameters: Stirling branch
      [1000, 2000, 31, 64], // near the mean with a, b ≈ 1000
      [1300, 2000, 1, 2], // ≈ 1e-42
      [3, 5000, 1, 1024], // a small, b large: mixed branch of logBeta
    ];
    for (const [k, n, numerator, denominator] of cases) {
      const p = numerator / denominator;
      const exact = exactBinomialUpperTail(k, n, numerator, denominator);
      expectRelative(regularizedIncompleteBeta(p, k, n - k + 1), exact, 1e-12);
      // The complement is the cdf P(X ≤ k − 1), also computed without subtraction.
      expectRelative(regularizedIncompleteBetaComplement(p, k, n - k + 1), 1 - exact, 1e-12);
    }
  });

  it('handles the ends of the interval and rejects invalid arguments', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(-0.1, 2, 3)).toBeNaN();
    expect(regularizedIncompleteBeta(0.5, 0, 3)).toBeNaN();
    expect(regularizedIncompleteBeta(0.5, 2, -1)).toBeNaN();
    // A y = 1 − x that is positive wins over an x that has rounded to 1.
    expect(incompleteBetaPair(1, 1e-20, 2, 0.5).upper).toBeGreaterThan(0);
  });
});
