import { describe, expect, it } from 'vitest';
import {
  miettinenNurminenBounds,
  miettinenNurminenInterval,
  miettinenNurminenRestrictedEstimates,
  miettinenNurminenZ,
} from '../../src/core/stats/independent-proportions.js';
import { normalQuantile } from '../../src/core/stats/normal.js';

describe('miettinenNurminenInterval', () => {
  it('reproduces Newcombe’s published interval for 56/70 − 48/80', () => {
    // Newcombe, "Interval estimation for the difference between independent proportions: comparison
    // of eleven methods", Statistics in Medicine 17 (1998) 873–890, Table II, example (a):
    // Miettinen–Nurminen score interval (with its N/(N − 1) factor) 0.0528 to 0.3382. For comparison,
    // Newcombe's hybrid score interval (method 10) for the same data is 0.0524 to 0.3339.
    const { lower, upper } = miettinenNurminenInterval({ successes: 48, n: 80 }, { successes: 56, n: 70 }, 0.95);
    expect(lower).toBeCloseTo(0.0528, 4);
    expect(upper).toBeCloseTo(0.3382, 4);
  });

  it('is oriented candidate − incumbent', () => {
    const forward = miettinenNurminenInterval({ successes: 48, n: 80 }, { successes: 56, n: 70 }, 0.95);
    const swapped = miettinenNurminenInterval({ successes: 56, n: 70 }, { successes: 48, n: 80 }, 0.95);
    expect(swapped.lower).toBeCloseTo(-forward.upper, 10);
    expect(swapped.upper).toBeCloseTo(-forward.lower, 10);
  });

  it('contains the point estimate and has |z| equal to the critical value at its ends', () => {
    const cases = [
      [
        { successes: 48, n: 80 },
        { successes: 56, n: 70 },
      ],
      [
        { successes: 0, n: 25 },
        { successes: 3, n: 40 },
      ],
      [
        { successes: 930, n: 1000 },
        { successes: 911, n: 1000 },
      ],
    ] as const;
    for (const [incumbent, candidate] of cases) {
      const estimate = candidate.successes / candidate.n - incumbent.successes / incumbent.n;
      const critical = normalQuantile(0.975);
      const { lower, upper } = miettinenNurminenInterval(incumbent, candidate, 0.95);
      expect(lower).toBeLessThan(estimate);
      expect(upper).toBeGreaterThan(estimate);
      expect(miettinenNurminenZ(incumbent, candidate, lower)).toBeCloseTo(critical, 9);
      expect(miettinenNurminenZ(incumbent, candidate, upper)).toBeCloseTo(-critical, 9);
    }
  });

  it('handles proportions of 0 and 1', () => {
    const none = miettinenNurminenInterval({ successes: 0, n: 10 }, { successes: 0, n: 10 }, 0.95);
    expect(none.lower).toBeCloseTo(-none.upper, 12);
    expect(none.upper).toBeGreaterThan(0);
    const extreme = miettinenNurminenInterval({ successes: 0, n: 10 }, { successes: 10, n: 10 }, 0.95);
    expect(extreme.upper).toBe(1);
    expect(extreme.lower).toBeGreaterThan(0.5);
  });

  it('keeps its precision for arms of very different sizes with no successes (0/50 against 0/1e7)', () => {
    // With no successes in either arm and Δ0 > 0 the restricted likelihood falls along the whole
    // constraint line, so its maximum is at p̃_incumbent = 0, p̃_candidate = Δ0. The upper bound then
    // solves Δ0 / √(Δ0(1 − Δ0)/n_c · N/(N − 1)) = z, i.e. Δ0 = c/(1 + c) with c = z²·N/((N − 1)·n_c).
    // With z = Φ⁻¹(0.95), n_c = 1e7, N = 1e7 + 50, mpmath 1.3 at 50 digits gives 2.7055429926519477e-7.
    // The closed-form cubic solution used before gave 1.07e-6, four times too wide.
    const incumbent = { successes: 0, n: 50 };
    const candidate = { successes: 0, n: 1e7 };
    const { upper } = miettinenNurminenInterval(incumbent, candidate, 0.9);
    expect(Math.abs(upper / 2.7055429926519477e-7 - 1)).toBeLessThan(1e-12);
    // The same with successes and failures swapped (all successes), and with the arms swapped.
    const allRight = miettinenNurminenBounds({ successes: 50, n: 50 }, { successes: 1e7, n: 1e7 }, 0.05, 0.05);
    expect(Math.abs(-allRight.lower / 2.7055429926519477e-7 - 1)).toBeLessThan(1e-12);
    const swapped = miettinenNurminenBounds(candidate, incumbent, 0.05, 0.05);
    expect(Math.abs(-swapped.lower / 2.7055429926519477e-7 - 1)).toBeLessThan(1e-12);
  });

  it('keeps a level of 1e-12 exact and agrees with the score test at it', () => {
    const incumbent = { successes: 930, n: 1000 };
    const candidate = { successes: 911, n: 1000 };
    const { lower, upper } = miettinenNurminenBounds(incumbent, candidate, 1e-12, 1e-12);
    const critical = -normalQuantile(1e-12);
    expect(miettinenNurminenZ(incumbent, candidate, lower)).toBeCloseTo(critical, 9);
    expect(miettinenNurminenZ(incumbent, candidate, upper)).toBeCloseTo(-critical, 9);
  });

  it('rejects empty arms and impossible counts', () => {
    expect(() => miettinenNurminenInterval({ successes: 0, n: 0 }, { successes: 1, n: 2 }, 0.95)).toThrow(RangeError);
    expect(() => miettinenNurminenZ({ successes: 5, n: 4 }, { successes: 1, n: 2 }, 0)).toThrow(RangeError);
    expect(() => miettinenNurminenZ({ successes: 1, n: 4 }, { successes: 1, n: 2 }, -2)).toThrow(RangeError);
  });
});

describe('miettinenNurminenZ', () => {
  it('at Δ0 = 0 is the pooled score statistic with the N/(N − 1) variance factor', () => {
    // Miettinen & Nurminen (1985): under Δ0 = 0 the restricted estimate is the pooled proportion, so
    // z² is Pearson's chi-square times (N − 1)/N.
    const incumbent = { successes: 48, n: 80 };
    const candidate = { successes: 56, n: 70 };
    const total = 150;
    const pooled = 104 / total;
    const pearson = (56 / 70 - 48 / 80) / Math.sqrt(pooled * (1 - pooled) * (1 / 70 + 1 / 80));
    expect(miettinenNurminenZ(incumbent, candidate, 0)).toBeCloseTo(pearson * Math.sqrt((total - 1) / total), 12);
  });

  it('is zero at the observed difference and decreasing in Δ0', () => {
    const incumbent = { successes: 17, n: 41 };
    const candidate = { successes: 30, n: 52 };
    expect(miettinenNurminenZ(incumbent, candidate, 30 / 52 - 17 / 41)).toBeCloseTo(0, 12);
    let previous = Number.POSITIVE_INFINITY;
    for (let delta = -0.99; delta <= 0.99; delta += 0.01) {
      const z = miettinenNurminenZ(incumbent, candidate, delta);
      expect(z).toBeLessThan(previous);
      previous = z;
    }
  });
});

describe('miettinenNurminenRestrictedEstimates', () => {
  it('solves the constrained likelihood equation', () => {
    // With p_i = p_c − Δ0, the derivative of the binomial log-likelihood in p_c must vanish:
    // x_c/p_c − (n_c − x_c)/(1 − p_c) + x_i/p_i − (n_i − x_i)/(1 − p_i) = 0.
    const cases = [
      [{ successes: 48, n: 80 }, { successes: 56, n: 70 }, 0.1],
      [{ successes: 48, n: 80 }, { successes: 56, n: 70 }, -0.25],
      [{ successes: 3, n: 30 }, { successes: 9, n: 11 }, 0.4],
      [{ successes: 700, n: 1000 }, { successes: 20, n: 25 }, -0.05],
    ] as const;
    for (const [incumbent, candidate, delta] of cases) {
      const { candidate: pc, incumbent: pi } = miettinenNurminenRestrictedEstimates(incumbent, candidate, delta);
      expect(pc - pi).toBeCloseTo(delta, 14);
      const score =
        candidate.successes / pc -
        (candidate.n - candidate.successes) / (1 - pc) +
        incumbent.successes / pi -
        (incumbent.n - incumbent.successes) / (1 - pi);
      expect(Math.abs(score)).toBeLessThan(1e-8 * (candidate.n + incumbent.n));
    }
  });

  it('is the pooled proportion at Δ0 = 0', () => {
    const estimates = miettinenNurminenRestrictedEstimates({ successes: 48, n: 80 }, { successes: 56, n: 70 }, 0);
    expect(estimates.candidate).toBeCloseTo(104 / 150, 14);
    expect(estimates.incumbent).toBeCloseTo(104 / 150, 14);
  });
});
