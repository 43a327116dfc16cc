import { describe, expect, it } from 'vitest';
import { findBracketedRoot } from '../../src/core/stats/root.js';

describe('findBracketedRoot', () => {
  it('finds roots of smooth functions to the requested tolerance', () => {
    expect(findBracketedRoot((x) => x * x - 2, 0, 2)).toBeCloseTo(Math.SQRT2, 13);
    expect(findBracketedRoot(Math.cos, 1, 2)).toBeCloseTo(Math.PI / 2, 13);
    // A root at the end of the bracket is returned as is.
    expect(findBracketedRoot((x) => x - 1, 1, 3)).toBe(1);
  });

  it('copes with infinite values at the ends and steep functions', () => {
    // tan(x·π/2) − 1 is −Infinity-like near −1 and +Infinity-like near 1; root at x = ½.
    const f = (x: number): number => (x <= -1 ? -Infinity : x >= 1 ? Infinity : Math.tan((x * Math.PI) / 2) - 1);
    expect(findBracketedRoot(f, -1, 1)).toBeCloseTo(0.5, 12);
    expect(findBracketedRoot((x) => x ** 9 - 1e-9, 0, 1)).toBeCloseTo(0.1, 12);
  });

  it('converges in few evaluations on a smooth function', () => {
    let evaluations = 0;
    findBracketedRoot(
      (x) => {
        evaluations++;
        return Math.exp(x) - 3;
      },
      -10,
      10,
    );
    // Bisection would need about 48 evaluations for 1e-13 on a width of 20.
    expect(evaluations).toBeLessThan(30);
  });

  it('refuses an interval that does not bracket a root', () => {
    expect(() => findBracketedRoot((x) => x * x + 1, -1, 1)).toThrow(RangeError);
    expect(() => findBracketedRoot(() => Number.NaN, -1, 1)).toThrow(RangeError);
  });
});
