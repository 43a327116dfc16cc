// Alpha may be as small as 1e-6 and Holm or Bonferroni may divide it by 10,000 comparisons or more, so
// the normal and t quantiles are used at levels near 1e-12 (bounds, MDEs). These check them there.
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/core/stats/normal.js';
import { studentTCdf, studentTQuantile } from '../../src/core/stats/student-t.js';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('quantiles at the per-comparison levels of alpha = 1e-6 over 10,000+ comparisons', () => {
  it('Φ⁻¹ matches 50-digit references down to 1e-15', () => {
    // Reference: mpmath 1.3 at 50 digits, Φ⁻¹(p) = −√2·erfinv(1 − 2p), rounded to the nearest double.
    const references: [number, number][] = [
      [1e-6, -4.753424308822899],
      [5e-11, -6.466951087240516],
      [1e-12, -7.034483825301132],
      [1e-13, -7.348796102800677],
      [1.5e-15, -7.890906233601728],
    ];
    for (const [p, z] of references) {
      expectRelative(normalQuantile(p), z, 1e-14);
      // …and the round trip keeps the tail area to 1e-13 of itself.
      expectRelative(normalCdf(normalQuantile(p)), p, 1e-13);
    }
  });

  it('Student t quantiles match 50-digit references at 1e-12 and 5e-11', () => {
    // Reference: mpmath 1.3 at 50 digits, the root of P(T ≤ t) = ½·I_{ν/(ν + t²)}(ν/2, ½) = p, rounded
    // to the nearest double.
    const references: [number, number, number][] = [
      [1e-12, 3, -10331.108244292485],
      [5e-11, 3, -2804.2938253395255],
      [1e-12, 10, -40.5320961786626],
      [5e-11, 10, -27.31872487426254],
      [1e-12, 100, -8.025825594493254],
      [5e-11, 100, -7.22718705672853],
      [1e-12, 10000, -7.0433716020557755],
      [5e-11, 10000, -6.473880541991106],
    ];
    for (const [p, df, t] of references) {
      expectRelative(studentTQuantile(p, df), t, 1e-12);
      expectRelative(studentTCdf(studentTQuantile(p, df), df), p, 1e-12);
    }
  });

  it('a tail level must be passed as such: 1 − 1e-12 has already lost four digits of it', () => {
    // The reason the bounds and MDEs take −Φ⁻¹(level) rather than Φ⁻¹(1 − level).
    expect(Math.abs((1 - (1 - 1e-12)) / 1e-12 - 1)).toBeGreaterThan(1e-5);
    expectRelative(-normalQuantile(1e-12), 7.034483825301132, 1e-15);
  });
});
