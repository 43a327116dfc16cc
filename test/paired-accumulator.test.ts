import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { PairedCohortAccumulator } from '../src/core/load/paired-accumulator.js';
import { createRng } from '../src/core/stats/rng.js';

describe('PairedCohortAccumulator', () => {
  it('keeps running moments equal to a two-pass computation (simple-statistics) on large, offset values', () => {
    const rng = createRng('moments');
    const accumulator = new PairedCohortAccumulator(1, 1, new Set([0]));
    const differences: number[] = [];
    const incumbentValues: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      // A large common offset is where a naive sum of squares loses its digits.
      const a = 1e6 + rng.next() * 10;
      const b = a + (rng.next() - 0.4) * 3;
      accumulator.add([rng.next() < 0.9 ? 1 : 0], [rng.next() < 0.9 ? 1 : 0], [a], [b]);
      differences.push(b - a);
      incumbentValues.push(a);
    }
    expect(accumulator.nPaired).toBe(20_000);
    expect(accumulator.diffMean[0]).toBeCloseTo(mean(differences), 10);
    expect(accumulator.diffSd(0)).toBeCloseTo(sampleStandardDeviation(differences), 10);
    expect(accumulator.incumbentMean[0]).toBeCloseTo(mean(incumbentValues), 6);
    expect(accumulator.quantileValues[0]?.incumbent.length).toBe(20_000);
    const table = [...accumulator.tables];
    expect(table.reduce((s, x) => s + x, 0)).toBe(20_000);
  });
});
