import { describe, expect, it } from 'vitest';
import { orderStatistics } from '../../src/core/stats/order-statistics.js';
import { createRng } from '../../src/core/stats/rng.js';

/** What the selection must equal: the same positions of a full sort, compared with Object.is (so −0 ≠ +0). */
function expectSameAsSort(values: Float64Array, lo: number, hi: number): void {
  const sorted = values.slice().sort();
  const got = orderStatistics(values, lo, hi);
  expect(got.length).toBe(hi - lo + 1);
  const wrong: number[] = [];
  for (let r = lo; r <= hi; r++) if (!Object.is(got[r - lo], sorted[r - 1])) wrong.push(r);
  expect(wrong).toEqual([]);
}

describe('orderStatistics', () => {
  it('gives the window of a full sort on random data, small and large, with and without ties', () => {
    const rng = createRng('order-statistics');
    for (const n of [1, 2, 5, 63, 64, 65, 200, 1000, 20_000]) {
      for (const levels of [3, 50, 0]) {
        // levels 0: continuous values; otherwise heavy ties over a few levels.
        const values = Float64Array.from({ length: n }, () =>
          levels === 0 ? rng.next() * 100 - 50 : Math.floor(rng.next() * levels),
        );
        const lo = 1 + Math.floor(rng.next() * n);
        const hi = lo + Math.floor(rng.next() * (n - lo + 1));
        expectSameAsSort(values, lo, hi);
        expectSameAsSort(values, 1, n);
        expectSameAsSort(values, n, n);
      }
    }
  });

  it('puts −0 before +0 as a sort does, whichever zeros the partition moves into the window', () => {
    const rng = createRng('zeros');
    const values = Float64Array.from({ length: 5000 }, () => {
      const u = rng.next();
      return u < 0.3 ? -0 : u < 0.6 ? 0 : u < 0.8 ? -1 : 1;
    });
    for (const [lo, hi] of [
      [1000, 1600],
      [1500, 1700],
      [2400, 2600],
      [2900, 3100],
      [1, 5000],
    ] as const)
      expectSameAsSort(values, lo, hi);
  });

  it('does not change its input and refuses ranks outside 1..n', () => {
    const values = Float64Array.from([3, 1, 2]);
    orderStatistics(values, 1, 3);
    expect([...values]).toEqual([3, 1, 2]);
    expect(() => orderStatistics(values, 0, 2)).toThrow(RangeError);
    expect(() => orderStatistics(values, 2, 4)).toThrow(RangeError);
    expect(() => orderStatistics(values, 3, 2)).toThrow(RangeError);
  });

  it('stays linear on adversarial orders (sorted, reversed, organ-pipe)', () => {
    const n = 200_000;
    const shapes = [
      Float64Array.from({ length: n }, (_, i) => i),
      Float64Array.from({ length: n }, (_, i) => n - i),
      Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
    ];
    for (const values of shapes) expectSameAsSort(values, Math.floor(0.95 * n) - 100, Math.floor(0.95 * n) + 100);
  });
});
