import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/core/stats/normal.js';
import {
  pairedDifference,
  tangoInterval,
  tangoScoreZ,
  type PairedTable,
} from '../../src/core/stats/paired-proportions.js';

/**
 * Cavo et al. (2012), complete response before and after consolidation therapy, as analysed by
 * Fagerland, Lydersen & Laake ("Recommended tests and confidence intervals for paired binomial
 * proportions", Statistics in Medicine 33 (2014) 2850–2875, and their book Statistical Analysis of
 * Contingency Tables, ch. 8). Their table is n = [[59, 6], [16, 80]] with Δ = (n12 − n21)/N =
 * −10/161 = −0.0621. Our Δ is (n01 − n10)/n, so n12 → n01 and n21 → n10.
 */
const CAVO: PairedTable = { n11: 59, n10: 16, n01: 6, n00: 80 };

describe('tangoInterval', () => {
  it('reproduces the published Tango interval for the Cavo et al. data', () => {
    // "Tango asymptotic score CI: estimate = -0.0621 (95% CI -0.1240 to -0.0054)": Fagerland,
    // Lydersen & Laake's implementation, output asserted in the contingencytables R package
    // (tests/testthat/test-ch8.R).
    expect(pairedDifference(CAVO)).toBeCloseTo(-0.0621, 4);
    const { lower, upper } = tangoInterval(CAVO, 0.95);
    expect(lower).toBeCloseTo(-0.124, 4);
    expect(upper).toBeCloseTo(-0.0054, 4);
  });

  it('reproduces the worked examples of Tango (1998), section 6', () => {
    // Tango (1998), Statistics in Medicine 17:891–908, §6. Values as quoted in secondary sources (the
    // primary text was not available here); all agree to the three decimals published.
    // Karacan et al. sleep data: n = 32 pairs, discordant 9 (for) and 3 (against): 95% CI −0.027 to 0.390.
    // (Tango's statistic depends on the concordant cells only through n, so their split is arbitrary.)
    const karacan: PairedTable = { n11: 10, n10: 3, n01: 9, n00: 10 };
    const sleep = tangoInterval(karacan, 0.95);
    expect(sleep.lower).toBeCloseTo(-0.027, 3);
    expect(sleep.upper).toBeCloseTo(0.39, 3);
    // Soft contact lens cross-over trial: n = 44, one discordant pair against, none for. The
    // non-inferiority statistic at margin 0.1 is Z = 1.709, and the 90% CI's lower limit is −0.096.
    const lenses: PairedTable = { n11: 43, n10: 1, n01: 0, n00: 0 };
    expect(tangoScoreZ(lenses, -0.1)).toBeCloseTo(1.709, 3);
    expect(tangoInterval(lenses, 0.9).lower).toBeCloseTo(-0.096, 3);
  });

  it('has |z| equal to the critical value at both ends and contains the estimate', () => {
    for (const table of [CAVO, { n11: 5, n10: 0, n01: 3, n00: 12 }, { n11: 400, n10: 37, n01: 52, n00: 11 }]) {
      for (const confidence of [0.8, 0.95, 0.999]) {
        const critical = normalQuantile(0.5 + confidence / 2);
        const { lower, upper } = tangoInterval(table, confidence);
        expect(tangoScoreZ(table, lower)).toBeCloseTo(critical, 9);
        expect(tangoScoreZ(table, upper)).toBeCloseTo(-critical, 9);
        expect(lower).toBeLessThan(pairedDifference(table));
        expect(upper).toBeGreaterThan(pairedDifference(table));
      }
    }
  });

  it('gives one-sided bounds through confidence 1 − 2α', () => {
    // The lower end at confidence 0.90 is the one-sided 95% lower bound: z there is z_{0.95}.
    const { lower } = tangoInterval(CAVO, 0.9);
    expect(1 - normalCdf(tangoScoreZ(CAVO, lower))).toBeCloseTo(0.05, 10);
  });

  it('handles tables with no discordant pairs or only one kind', () => {
    // No discordant pairs: z(Δ0) = −√(nΔ0/(1 − Δ0)) for Δ0 > 0, so the upper end is z²/(n + z²).
    const agree: PairedTable = { n11: 10, n10: 0, n01: 0, n00: 5 };
    const z = normalQuantile(0.975);
    const { lower, upper } = tangoInterval(agree, 0.95);
    expect(upper).toBeCloseTo((z * z) / (15 + z * z), 10);
    expect(lower).toBeCloseTo(-upper, 10);
    expect(tangoScoreZ(agree, 0)).toBe(0);
    expect(tangoScoreZ(agree, 1)).toBe(Number.NEGATIVE_INFINITY);
    expect(tangoScoreZ(agree, -1)).toBe(Number.POSITIVE_INFINITY);
    // Every pair favours the candidate: the estimate is 1, which is also the upper end.
    const allFor: PairedTable = { n11: 0, n10: 0, n01: 5, n00: 0 };
    expect(tangoInterval(allFor, 0.95).upper).toBe(1);
    expect(tangoScoreZ(allFor, 1)).toBe(0);
    expect(tangoInterval(allFor, 0.95).lower).toBeGreaterThan(0);
  });

  it('rejects empty tables, negative counts and bad confidence levels', () => {
    expect(() => tangoInterval({ n11: 0, n10: 0, n01: 0, n00: 0 }, 0.95)).toThrow(RangeError);
    expect(() => tangoScoreZ({ n11: 1, n10: -1, n01: 0, n00: 0 }, 0)).toThrow(RangeError);
    expect(() => tangoScoreZ(CAVO, 1.5)).toThrow(RangeError);
    expect(() => tangoInterval(CAVO, 1)).toThrow(RangeError);
  });
});

describe('tangoScoreZ', () => {
  it('equals the asymptotic McNemar statistic at Δ0 = 0', () => {
    // McNemar z = (n01 − n10)/√(n01 + n10). For Cavo et al.: "The McNemar asymptotic test:
    // P = 0.033006, Z = -2.132" (contingencytables, tests/testthat/test-ch8.R).
    expect(tangoScoreZ(CAVO, 0)).toBeCloseTo(-2.132, 3);
    expect(2 * normalCdf(-Math.abs(tangoScoreZ(CAVO, 0)))).toBeCloseTo(0.033006, 6);
    for (const table of [CAVO, { n11: 3, n10: 12, n01: 2, n00: 40 }, { n11: 0, n10: 1, n01: 9, n00: 0 }]) {
      expect(tangoScoreZ(table, 0)).toBeCloseTo((table.n01 - table.n10) / Math.sqrt(table.n01 + table.n10), 12);
    }
  });

  it('decreases in Δ0 and is zero at the observed difference', () => {
    const table: PairedTable = { n11: 120, n10: 14, n01: 25, n00: 41 };
    expect(tangoScoreZ(table, pairedDifference(table))).toBeCloseTo(0, 12);
    let previous = Number.POSITIVE_INFINITY;
    for (let delta = -0.99; delta <= 0.99; delta += 0.01) {
      const z = tangoScoreZ(table, delta);
      expect(z).toBeLessThan(previous);
      previous = z;
    }
  });
});
