// The normal-mixture confidence sequence and mSPRT p-value (Howard, Ramdas, McAuliffe & Sekhon, Ann.
// Statist. 2021, §3; Johari, Koomen, Pekelis & Walsh, Operations Research 2022) against a direct
// numerical integration of the mixture, which is their definition: the Gaussian likelihood ratio
// exp(λS − λ²I/2), S = (Δ̂ − θ0)·I, averaged over λ ~ N(0, 1/ρ).
import { describe, expect, it } from 'vitest';
import { alwaysValidPValue, mixingParameter, mixtureHalfWidth } from '../../src/core/stats/confidence-sequence.js';

/**
 * log ∫ exp(λS − λ²I/2) · N(λ; 0, 1/ρ) dλ by composite Simpson's rule, in logs (the integrand can be
 * e^700). The integrand is log-concave with its peak between the prior's centre 0 and the likelihood's
 * λ = Δ̂ − θ0; the peak is found by ternary search, and the grid spans ±16 sd of the narrower factor
 * (the product is narrower still) in 4000 steps, so the rule is accurate to ~1e-12.
 */
function logMixtureByQuadrature(difference: number, information: number, rho: number): number {
  const score = difference * information;
  const logIntegrand = (lambda: number): number =>
    lambda * score -
    (lambda * lambda * information) / 2 + // the Gaussian likelihood ratio
    0.5 * Math.log(rho / (2 * Math.PI)) -
    (rho * lambda * lambda) / 2; // the N(0, 1/ρ) density
  let low = Math.min(0, difference);
  let high = Math.max(0, difference);
  for (let i = 0; i < 200; i++) {
    const left = low + (high - low) / 3;
    const right = high - (high - low) / 3;
    if (logIntegrand(left) < logIntegrand(right)) low = left;
    else high = right;
  }
  const peak = (low + high) / 2;
  const span = 16 * Math.min(1 / Math.sqrt(rho), 1 / Math.sqrt(information));
  const panels = 4000;
  const step = (2 * span) / panels;
  const logs = Array.from({ length: panels + 1 }, (_, i) => logIntegrand(peak - span + i * step));
  const top = logIntegrand(peak);
  let sum = 0;
  logs.forEach((value, i) => {
    const weight = i === 0 || i === panels ? 1 : i % 2 === 1 ? 4 : 2;
    sum += weight * Math.exp(value - top);
  });
  return top + Math.log((sum * step) / 3);
}

/** Golden-section minimisation of a unimodal function of log ρ: an independent check on the tuning. */
function argminOverRho(width: (rho: number) => number, low: number, high: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(low);
  let b = Math.log(high);
  for (let i = 0; i < 200; i++) {
    const c = b - ratio * (b - a);
    const d = a + ratio * (b - a);
    if (width(Math.exp(c)) < width(Math.exp(d))) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}

describe('the mixture likelihood ratio (mSPRT)', () => {
  // [difference Δ̂ − θ0, information I, ρ]: from a handful of events to a canary stage's end.
  const cases: [number, number, number][] = [
    [3, 1, 1],
    [1.2, 10, 0.5],
    [-0.3, 400, 40],
    [0.03, 2e4, 2.5e5],
    [-0.004, 2e6, 2.5e5],
    [0.01, 2e6, 2.5e5],
  ];
  it.each(cases)('1/p is the integrated mixture for Δ̂ − θ0 = %s, I = %s, ρ = %s', (difference, information, rho) => {
    const logRatio = logMixtureByQuadrature(difference, information, rho);
    expect(logRatio).toBeGreaterThan(0.5); // every case rejects somewhat, so p = 1/Λ is not capped
    const p = alwaysValidPValue(difference, 0, information, rho, 'two-sided');
    expect(-Math.log(p)).toBeCloseTo(logRatio, 9);
    // The one-sided p-value is the same number on the tested side and 1 on the other.
    expect(alwaysValidPValue(difference, 0, information, rho, 'less')).toBe(difference < 0 ? p : 1);
  });

  it('is capped at 1 where the mixture is below 1', () => {
    expect(logMixtureByQuadrature(0.001, 100, 10)).toBeLessThan(0);
    expect(alwaysValidPValue(0.001, 0, 100, 10, 'two-sided')).toBe(1);
    expect(alwaysValidPValue(0.25, 0.25, 100, 10, 'two-sided')).toBe(1);
  });

  it('depends on the estimate only through Δ̂ − θ0, and reaches 0 without overflowing', () => {
    const shifted = alwaysValidPValue(-0.01 - 0.02, -0.01, 2e6, 2.5e5, 'less');
    const centred = alwaysValidPValue(-0.02, 0, 2e6, 2.5e5, 'less');
    expect(shifted).toBeGreaterThan(0);
    expect(shifted / centred).toBeCloseTo(1, 6);
    expect(alwaysValidPValue(-1, 0, 1e300, 1, 'less')).toBe(0);
  });
});

describe('the half-width and the p-value', () => {
  const levels = [0.2, 0.05, 0.01 / 3, 1e-6];
  const designs: [number, number][] = [
    [3, 1],
    [2e4, 2.5e5],
    [2e6, 2.5e5],
    [1e9, 12],
  ];
  it.each(levels)('at the boundary w the integrated mixture is 1/α and p = α (α = %s)', (alpha) => {
    for (const [information, rho] of designs) {
      const w = mixtureHalfWidth(information, rho, alpha);
      expect(logMixtureByQuadrature(w, information, rho)).toBeCloseTo(-Math.log(alpha), 9);
      for (const side of ['two-sided', 'less'] as const) {
        const p = alwaysValidPValue(-w, 0, information, rho, side);
        expect(p / alpha).toBeCloseTo(1, 12);
        // The boundary is the edge of rejection: a hair beyond it rejects, a hair inside does not.
        expect(alwaysValidPValue(-w * (1 + 1e-9), 0, information, rho, side)).toBeLessThan(alpha);
        expect(alwaysValidPValue(-w * (1 - 1e-9), 0, information, rho, side)).toBeGreaterThan(alpha);
      }
      expect(alwaysValidPValue(w, 0, information, rho, 'two-sided') / alpha).toBeCloseTo(1, 12);
      expect(alwaysValidPValue(w, 0, information, rho, 'less')).toBe(1);
    }
  });

  it('narrows as information grows and as α grows, and p falls as the evidence grows', () => {
    const informations = Array.from({ length: 60 }, (_, i) => 10 ** (-3 + i / 5));
    for (const alpha of levels) {
      const widths = informations.map((information) => mixtureHalfWidth(information, 40, alpha));
      widths.slice(1).forEach((w, i) => expect(w).toBeLessThan(widths[i] as number));
      const pValues = informations.map((information) => alwaysValidPValue(-0.05, 0, information, 40, 'less'));
      pValues.slice(1).forEach((p, i) => expect(p).toBeLessThanOrEqual(pValues[i] as number));
      expect(pValues[0]).toBe(1);
      expect(pValues.at(-1)).toBeLessThan(1e-6);
    }
    const byLevel = levels.map((alpha) => mixtureHalfWidth(2e4, 2.5e5, alpha));
    byLevel.slice(1).forEach((w, i) => expect(w).toBeGreaterThan(byLevel[i] as number));
    const byDifference = [0.001, 0.01, 0.02, 0.05].map((d) => alwaysValidPValue(-d, 0, 2e4, 2.5e5, 'less'));
    byDifference.slice(1).forEach((p, i) => expect(p).toBeLessThanOrEqual(byDifference[i] as number));
  });

  it('is wider than the fixed-sample interval at every information (the price of looking often)', () => {
    // z₀.₉₇₅ = 1.959963984540054: a fixed-sample 95% interval is ±1.96/√I.
    for (const information of [1, 100, 1e4, 1e6]) {
      expect(mixtureHalfWidth(information, mixingParameter(information, 0.05), 0.05)).toBeGreaterThan(
        1.959963984540054 / Math.sqrt(information),
      );
    }
  });
});

describe('mixingParameter', () => {
  it.each([0.2, 0.05, 0.01, 1e-8, 0.9])('minimises the half-width at the planned information (α = %s)', (alpha) => {
    for (const planned of [1, 2e4, 2e6]) {
      const rho = mixingParameter(planned, alpha);
      const best = argminOverRho((r) => mixtureHalfWidth(planned, r, alpha), planned * 1e-6, planned * 1e3);
      expect(rho / best).toBeCloseTo(1, 4);
      expect(mixtureHalfWidth(planned, rho, alpha)).toBeLessThanOrEqual(
        mixtureHalfWidth(planned, best, alpha) * (1 + 1e-14),
      );
      // Proportional to the planned information: x = I*/ρ depends on α only.
      expect(planned / rho).toBeCloseTo(1 / mixingParameter(1, alpha), 9);
    }
  });

  it('solves x = 2 log(1/α) + log(1 + x) and is near the two-term approximation', () => {
    const alpha = 0.05;
    const twiceLogInverse = -2 * Math.log(alpha);
    const x = 1 / mixingParameter(1, alpha);
    expect(x).toBeCloseTo(twiceLogInverse + Math.log1p(x), 12);
    const approximation = twiceLogInverse + Math.log1p(twiceLogInverse);
    expect(x / approximation).toBeGreaterThan(1.02);
    expect(x / approximation).toBeLessThan(1.05);
  });
});

describe('programming errors', () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses information %s', (information) => {
    expect(() => mixtureHalfWidth(information, 1, 0.05)).toThrow(/mixtureHalfWidth: information must be/);
    expect(() => alwaysValidPValue(0.1, 0, information, 1, 'less')).toThrow(/alwaysValidPValue: information/);
    expect(() => mixingParameter(information, 0.05)).toThrow(/mixingParameter: planned information must be/);
  });

  it.each([0, 1, -0.1, 1.5, Number.NaN])('refuses alpha %s', (alpha) => {
    expect(() => mixtureHalfWidth(100, 1, alpha)).toThrow(/mixtureHalfWidth: alpha must be in \(0, 1\)/);
    expect(() => mixingParameter(100, alpha)).toThrow(/mixingParameter: alpha must be in \(0, 1\)/);
  });

  it('refuses a non-positive ρ and a non-finite estimate or null', () => {
    expect(() => mixtureHalfWidth(100, 0, 0.05)).toThrow(/rho must be/);
    expect(() => alwaysValidPValue(0.1, 0, 100, -2, 'two-sided')).toThrow(/rho must be/);
    expect(() => alwaysValidPValue(Number.NaN, 0, 100, 1, 'less')).toThrow(/must be finite/);
    expect(() => alwaysValidPValue(0, Number.POSITIVE_INFINITY, 100, 1, 'less')).toThrow(/must be finite/);
  });
});
