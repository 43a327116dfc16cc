import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../src/core/stats/multiplicity.js';

const P_VALUES = [0.01, 0.04, 0.03, 0.005];

function expectAllClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i] ?? Number.NaN, 14));
}

describe('adjustPValues', () => {
  it('applies Holm’s step-down procedure', () => {
    // Holm (1979): sorted p = 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04; the
    // running maximum gives 0.02, 0.03, 0.06, 0.06, i.e. [0.03, 0.06, 0.06, 0.02] in input order.
    expectAllClose(adjustPValues(P_VALUES, 'holm'), [0.03, 0.06, 0.06, 0.02]);
  });

  it('applies Bonferroni: m·p capped at 1', () => {
    expectAllClose(adjustPValues(P_VALUES, 'bonferroni'), [0.04, 0.16, 0.12, 0.02]);
    expectAllClose(adjustPValues([0.3, 0.6], 'bonferroni'), [0.6, 1]);
  });

  it('applies the Benjamini–Hochberg step-up procedure', () => {
    // Benjamini & Hochberg (1995): sorted p times m/i = 0.02, 0.02, 0.04, 0.04; the running minimum
    // from the largest keeps them, giving [0.02, 0.04, 0.04, 0.02] in input order.
    expectAllClose(adjustPValues(P_VALUES, 'bh'), [0.02, 0.04, 0.04, 0.02]);
    // The running minimum matters here: 0.04·3/2 = 0.06 is lowered to 0.045·3/3 = 0.045.
    expectAllClose(adjustPValues([0.01, 0.04, 0.045], 'bh'), [0.03, 0.045, 0.045]);
  });

  it('keeps Holm monotone and capped at 1', () => {
    // Sorted 0.01, 0.5, 0.2 → 0.03, 0.4 (0.2·2), then max(0.4, 0.5·1): [0.03, 0.5, 0.4].
    expectAllClose(adjustPValues([0.01, 0.5, 0.2], 'holm'), [0.03, 0.5, 0.4]);
    expectAllClose(adjustPValues([0.6, 0.7], 'holm'), [1, 1]);
  });

  it('returns copies for none, ignores NaN entries in m, and accepts an empty list', () => {
    const input = [0.2, 0.01];
    const none = adjustPValues(input, 'none');
    expect(none).toEqual(input);
    expect(none).not.toBe(input);
    const withMissing = adjustPValues([0.01, Number.NaN, 0.02], 'bonferroni');
    expect(withMissing[0]).toBeCloseTo(0.02, 15);
    expect(withMissing[1]).toBeNaN();
    expect(withMissing[2]).toBeCloseTo(0.04, 15);
    expect(adjustPValues([], 'holm')).toEqual([]);
  });
});
