import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/core/stats/normal.js';

/** |actual − expected| ≤ tolerance·|expected|. */
function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('normalCdf', () => {
  it('matches Abramowitz & Stegun Table 26.1 at ±1.96', () => {
    // A&S Table 26.1 (15 decimals): P(1.96) = 0.975002104851780, so Φ(−1.96) = 0.024997895148220;
    // the remaining digits, 0.024997895148220435, are the correctly rounded double (mpmath, 50 digits).
    expectRelative(normalCdf(-1.96), 0.024997895148220435, 1e-14);
    expectRelative(normalCdf(1.96), 0.97500210485178, 1e-14);
  });

  it('keeps relative accuracy far into the lower tail', () => {
    // Φ(−8) = 6.2209605742717841e-16 and Φ(−30) = 4.906713927148187e-198 (mpmath, 50-digit ncdf).
    expectRelative(normalCdf(-8), 6.22096057427178e-16, 1e-13);
    expectRelative(normalCdf(-30), 4.906713927148187e-198, 1e-10);
  });

  it('is exactly ½ at 0, symmetric, and saturates in the tails', () => {
    expect(normalCdf(0)).toBe(0.5);
    for (const x of [0.1, 0.5, 0.6629, 1, 2.5, 4.1, 6]) {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    }
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it('is accurate on both sides of the breakpoints of Cody’s three approximation intervals', () => {
    // Cody switches approximation at x/√2 = 0.46875 (x ≈ 0.66291) and at x/√2 = 4 (x ≈ 5.65685).
    // Reference values: mpmath, 50-digit ncdf.
    const references: [number, number][] = [
      [-0.6629, 0.2536973008682368],
      [-0.663, 0.2536652770386165],
      [-5.6568, 7.711064856975537e-9],
      [-5.657, 7.702088172177601e-9],
      [-3, 0.0013498980316300946],
      [-1, 0.15865525393145705],
    ];
    for (const [x, expected] of references) expectRelative(normalCdf(x), expected, 1e-14);
  });
});

describe('normalQuantile', () => {
  it('matches the standard percentage points', () => {
    // z_{0.975} = 1.959963984540054 and z_{0.95} = 1.6448536269514722: A&S Table 26.5 gives
    // 1.959963985 and 1.644853627; the full doubles are Wichura's AS 241 values (Wichura 1988, which
    // reports about 1e-16 relative accuracy).
    expectRelative(normalQuantile(0.975), 1.959963984540054, 1e-15);
    expectRelative(normalQuantile(0.95), 1.6448536269514722, 1e-15);
    // Q(x) = 1e-10 at x = 6.361340902 (A&S Table 26.6); full digits 6.361340902404056 (AS 241).
    expectRelative(normalQuantile(1e-10), -6.361340902404056, 1e-15);
  });

  it('covers the far-tail branch (r > 5) accurately', () => {
    // Φ⁻¹(1e-300) = −37.047096299361199… and Φ⁻¹(1e-100) = −21.273453560965324… (mpmath, 50 digits).
    expectRelative(normalQuantile(1e-300), -37.0470962993612, 1e-14);
    expectRelative(normalQuantile(1e-100), -21.273453560965326, 1e-14);
    // The round trip through normalCdf checks both functions against each other.
    // A relative error δ in x becomes about x²·δ in Φ(x) (x² ≈ 1400 at p = 1e-300).
    for (const p of [1e-300, 1e-100, 1e-20, 1e-12]) {
      expectRelative(normalCdf(normalQuantile(p)), p, 1e-12);
    }
  });

  it('inverts normalCdf over the whole range', () => {
    for (const x of [-12, -7.5, -3, -1.2, -0.3, 0.01, 0.42, 1.1, 2.9, 5.5]) {
      // Above x ≈ 5, Φ(x) rounds to a double near 1 and only ~1e-9 of x survives the round trip.
      expectRelative(normalQuantile(normalCdf(x)), x, x > 5 ? 1e-9 : 1e-13);
    }
  });

  it('returns ∓Infinity at 0 and 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});
