import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/core/stats/normal.js';
import { wilsonInterval } from '../../src/core/stats/wilson.js';

describe('wilsonInterval', () => {
  it('gives [0.4902, 0.9433] for 8/10 at 95%', () => {
    // Wilson (1927) score interval without continuity correction; [0.4902, 0.9433] for 8/10 is the
    // value attributed to Newcombe, Statistics in Medicine 17 (1998) 857–872, Table I (the printed
    // table was not available to re-check; the next test verifies the defining property directly).
    const { lower, upper } = wilsonInterval(8, 10, 0.95);
    expect(lower).toBeCloseTo(0.4902, 4);
    expect(upper).toBeCloseTo(0.9433, 4);
  });

  it('has ends where the score statistic equals ±z', () => {
    // Wilson's definition: the ends are the p with |p̂ − p| / √(p(1 − p)/n) = z.
    const z = normalQuantile(0.975);
    for (const [successes, n] of [
      [8, 10],
      [81, 263],
      [1, 29],
    ] as const) {
      const observed = successes / n;
      const { lower, upper } = wilsonInterval(successes, n, 0.95);
      for (const end of [lower, upper]) {
        expect(Math.abs(observed - end) / Math.sqrt((end * (1 - end)) / n)).toBeCloseTo(z, 10);
      }
    }
  });

  it('stays inside [0, 1] with exact ends at 0/n and n/n', () => {
    const none = wilsonInterval(0, 20, 0.95);
    expect(none.lower).toBe(0);
    // Upper end for 0/n is z²/(n + z²).
    const z = normalQuantile(0.975);
    expect(none.upper).toBeCloseTo((z * z) / (20 + z * z), 14);
    const all = wilsonInterval(29, 29, 0.95);
    expect(all.upper).toBe(1);
    expect(all.lower).toBeCloseTo(29 / (29 + z * z), 14);
    expect(wilsonInterval(0, 0, 0.95)).toEqual({ lower: 0, upper: 1 });
  });

  it('widens as the confidence grows and rejects invalid input', () => {
    const narrow = wilsonInterval(30, 100, 0.8);
    const wide = wilsonInterval(30, 100, 0.99);
    expect(wide.lower).toBeLessThan(narrow.lower);
    expect(wide.upper).toBeGreaterThan(narrow.upper);
    expect(() => wilsonInterval(11, 10, 0.95)).toThrow(RangeError);
    expect(() => wilsonInterval(3, 10, 1)).toThrow(RangeError);
  });
});
