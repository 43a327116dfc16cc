import { describe, expect, it } from 'vitest';
import { mcnemarExact } from '../../src/core/stats/mcnemar.js';

describe('mcnemarExact', () => {
  it('gives one-sided 0.019287 and two-sided 0.038574 for b = 10, c = 2', () => {
    // Under H0, b ~ Binomial(12, ½): P(X ≥ 10) = (C(12,10) + C(12,11) + C(12,12))/2^12 = 79/4096
    // = 0.019287…, and the two-sided p-value doubles the smaller tail: 79/2048 = 0.038574….
    const result = mcnemarExact(10, 2);
    expect(result.oneSided).toBeCloseTo(79 / 4096, 15);
    expect(result.oneSided).toBeCloseTo(0.019287, 6);
    expect(result.twoSided).toBeCloseTo(79 / 2048, 15);
    expect(result.twoSided).toBeCloseTo(0.038574, 6);
  });

  it('reproduces the published exact conditional McNemar p-value for the Cavo et al. data', () => {
    // Cavo et al. (2012) complete response before/after consolidation, discordant pairs 6 and 16:
    // "The McNemar exact conditional test: P = 0.052479" (Fagerland, Lydersen & Laake, Statistical
    // Analysis of Contingency Tables, ch. 8; output asserted in the contingencytables R package's
    // tests/testthat/test-ch8.R).
    expect(mcnemarExact(6, 16).twoSided).toBeCloseTo(0.052479, 6);
    // Bentur et al. (2009) airway hyper-responsiveness, discordant pairs 1 and 7: 2·(1 + 8)/2^8 = 0.0703
    // (exact conditional p-value reported as 0.070 by Fagerland, Lydersen & Laake, BMC Medical
    // Research Methodology 13 (2013) 91).
    expect(mcnemarExact(1, 7).twoSided).toBeCloseTo(18 / 256, 15);
  });

  it('orients the one-sided p-value towards large b', () => {
    // P(X ≥ 2) for Binomial(12, ½) = 1 − (1 + 12)/4096.
    expect(mcnemarExact(2, 10).oneSided).toBeCloseTo(1 - 13 / 4096, 15);
    expect(mcnemarExact(2, 10).twoSided).toBeCloseTo(79 / 2048, 15);
  });

  it('caps the two-sided p-value at 1 and handles no discordant pairs', () => {
    expect(mcnemarExact(5, 5).twoSided).toBe(1);
    expect(mcnemarExact(0, 0)).toEqual({ oneSided: 1, twoSided: 1 });
    // b = 0, c = 7: P(X ≥ 0) = 1, two-sided 2·(1/2^7).
    const noneOneWay = mcnemarExact(0, 7);
    expect(noneOneWay.oneSided).toBe(1);
    expect(noneOneWay.twoSided).toBeCloseTo(2 / 128, 15);
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => mcnemarExact(-1, 3)).toThrow(RangeError);
    expect(() => mcnemarExact(1.5, 3)).toThrow(RangeError);
  });
});
