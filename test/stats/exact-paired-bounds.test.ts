import { describe, expect, it } from 'vitest';
import {
  clopperPearsonLower,
  clopperPearsonUpper,
  exactConditionalBounds,
} from '../../src/core/stats/exact-paired-bounds.js';
import { mcnemarExact } from '../../src/core/stats/mcnemar.js';
import { createRng } from '../../src/core/stats/rng.js';

describe('Clopper–Pearson bounds', () => {
  it('reproduce the exact interval for 3 of 10', () => {
    // R, binom.test(3, 10)$conf.int: 0.06673951 0.65245285 (95%, two-sided); mpmath 1.3 at 30 digits
    // (roots of the regularized incomplete beta): 0.0667395111777 and 0.65245285006.
    expect(clopperPearsonLower(3, 10, 0.025)).toBeCloseTo(0.0667395111777, 12);
    expect(clopperPearsonUpper(3, 10, 0.025)).toBeCloseTo(0.65245285006, 10);
  });

  it('have the closed forms 1 − a^{1/n} and a^{1/n} at 0 and n successes', () => {
    expect(clopperPearsonUpper(0, 40, 0.05)).toBeCloseTo(1 - 0.05 ** (1 / 40), 14);
    expect(clopperPearsonLower(40, 40, 1e-9)).toBeCloseTo(1e-9 ** (1 / 40), 14);
    expect(clopperPearsonLower(0, 40, 0.05)).toBe(0);
    expect(clopperPearsonUpper(40, 40, 0.05)).toBe(1);
  });
});

describe('exactConditionalBounds', () => {
  it('has the sign of the exact McNemar test at every level (the bound is below 0 exactly when p < level)', () => {
    const rng = createRng('exact conditional bounds');
    let regressed = 0;
    let improved = 0;
    for (let i = 0; i < 400; i++) {
      const n10 = Math.floor(rng.next() * 15);
      const n01 = Math.floor(rng.next() * 15);
      const n = n10 + n01 + 1 + Math.floor(rng.next() * 300);
      const table = { n11: n - n10 - n01, n10, n01, n00: 0 };
      const level = [0.05, 0.01, 1e-4, 0.05 / 33][i % 4] as number;
      const { lower, upper } = exactConditionalBounds(table, level, level);
      const worse = mcnemarExact(n10, n01).oneSided < level;
      const better = mcnemarExact(n01, n10).oneSided < level;
      expect(upper < 0).toBe(worse);
      expect(lower > 0).toBe(better);
      expect(lower).toBeLessThanOrEqual((n01 - n10) / n);
      expect(upper).toBeGreaterThanOrEqual((n01 - n10) / n);
      if (worse) regressed++;
      if (better) improved++;
    }
    // Both verdicts occur, so the equivalences were exercised.
    expect(regressed).toBeGreaterThan(10);
    expect(improved).toBeGreaterThan(10);
  });

  it('does not collapse to a point without discordant pairs: ±(1 − a^{1/n})', () => {
    const { lower, upper } = exactConditionalBounds({ n11: 35, n10: 0, n01: 0, n00: 5 }, 0.05, 0.05);
    expect(upper).toBeCloseTo(1 - 0.05 ** (1 / 40), 14);
    expect(lower).toBeCloseTo(-(1 - 0.05 ** (1 / 40)), 14);
  });
});
