// Seeded simulations of the whole decision layer (statistics, correction, policy), run at the level of
// the per-cohort 2×2 tables that per-example files reduce to, so 200 runs of ~125k examples stay fast.
import { describe, expect, it } from 'vitest';
import type { CohortMetricEvidence } from '../src/core/compare/comparison-data.js';
import { decideComparisons } from '../src/core/compare/decide-comparisons.js';
import { defaultPolicy } from '../src/core/policy/load-policy.js';
import { createRng, type Rng } from '../src/core/stats/rng.js';

interface Table {
  n11: number;
  n10: number;
  n01: number;
  n00: number;
}

function evidenceOf(tables: Map<string, Table>): CohortMetricEvidence[] {
  return [...tables].map(([cohort, table]) => {
    const n = table.n11 + table.n10 + table.n01 + table.n00;
    return { cohort, metric: 'accuracy', kind: 'binary', nIncumbent: n, nCandidate: n, nPaired: n, data: { kind: 'paired-binary', table } };
  });
}

function addPair(table: Table, incumbent: boolean, candidate: boolean): void {
  if (incumbent && candidate) table.n11++;
  else if (incumbent) table.n10++;
  else if (candidate) table.n01++;
  else table.n00++;
}

function empty(): Table {
  return { n11: 0, n10: 0, n01: 0, n00: 0 };
}

/** Every example is in its cohort and in `overall`. */
function simulateRun(rng: Rng, sizes: readonly number[], pair: (cohort: number, rng: Rng) => [boolean, boolean]): Map<string, Table> {
  const tables = new Map<string, Table>([['overall', empty()]]);
  const overall = tables.get('overall') as Table;
  sizes.forEach((size, c) => {
    const table = empty();
    tables.set(`cohort-${String(c).padStart(2, '0')}`, table);
    for (let i = 0; i < size; i++) {
      const [a, b] = pair(c, rng);
      addPair(table, a, b);
      addPair(overall, a, b);
    }
  });
  return tables;
}

describe('seeded simulations of the gate (alpha 0.05, Holm, default margin 0.01)', () => {
  it('A/A: two models of equal true accuracy with independent errors block in at most 8% of 200 runs', () => {
    const rng = createRng('a/a simulation');
    const policy = defaultPolicy();
    let blocked = 0;
    for (let run = 0; run < 200; run++) {
      // 50 cohorts of 30 to 5,000 examples, log-uniform so small cohorts are well represented.
      const sizes = Array.from({ length: 50 }, () => Math.round(Math.exp(Math.log(30) + rng.next() * (Math.log(5000) - Math.log(30)))));
      const accuracy = 0.75 + rng.next() * 0.2;
      const tables = simulateRun(rng, sizes, (_c, r) => [r.next() < accuracy, r.next() < accuracy]);
      const { comparisons } = decideComparisons(evidenceOf(tables), policy);
      expect(comparisons).toHaveLength(51);
      if (comparisons.some((c) => c.status === 'regressed')) blocked++;
    }
    expect(blocked / 200).toBeLessThanOrEqual(0.08);
  });

  it('a 300-example cohort dropping from 0.90 to 0.80 while overall improves blocks in at least 95% of 200 runs, naming that cohort', () => {
    const rng = createRng('power simulation');
    const policy = defaultPolicy();
    let blockedNamingIt = 0;
    let overallImproved = 0;
    const target = 'cohort-07';
    for (let run = 0; run < 200; run++) {
      const sizes = Array.from({ length: 20 }, (_, c) => (c === 7 ? 300 : 500 + Math.floor(rng.next() * 2500)));
      const tables = simulateRun(rng, sizes, (c, r) => {
        if (c === 7) {
          // The candidate keeps the incumbent's errors and adds new ones: 0.90 × (1 − 1/9) = 0.80.
          const incumbent = r.next() < 0.9;
          return [incumbent, incumbent && r.next() >= 1 / 9];
        }
        // Elsewhere it fixes a fifth of the incumbent's errors.
        const incumbent = r.next() < 0.85;
        return [incumbent, incumbent || r.next() < 0.2];
      });
      const { comparisons } = decideComparisons(evidenceOf(tables), policy);
      const overall = comparisons.find((c) => c.cohort === 'overall');
      if ((overall?.delta ?? 0) > 0) overallImproved++;
      const regressed = comparisons.filter((c) => c.status === 'regressed').map((c) => c.cohort);
      if (regressed.includes(target)) blockedNamingIt++;
    }
    expect(overallImproved).toBe(200);
    expect(blockedNamingIt / 200).toBeGreaterThanOrEqual(0.95);
  });
});
