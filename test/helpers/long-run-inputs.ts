// Generated inputs for a run long enough to show progress: the same examples on both sides (same ids,
// cohorts and labels), predictions and latencies from a seeded generator per side, and a p95 latency
// gate that makes the run bootstrap, as a real policy would. 15 cohorts, 30 comparisons.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LongRunInputs {
  /** A temporary directory holding the three files; the caller removes it. */
  readonly dir: string;
  /** `check --incumbent … --candidate … --policy …` */
  readonly args: readonly string[];
}

export function writeLongRunInputs(rows: number): LongRunInputs {
  const dir = mkdtempSync(join(tmpdir(), 'mrg-long-run-'));
  for (const [side, seed0] of [
    ['incumbent', 11],
    ['candidate', 29],
  ] as const) {
    let seed = seed0;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const lines: string[] = [];
    for (let i = 0; i < rows; i++) {
      const label = i % 3 === 0 ? 'fraud' : 'legit';
      const prediction = random() < 0.9 ? label : label === 'fraud' ? 'legit' : 'fraud';
      const latency = Math.round((80 + random() * 60) * 10) / 10;
      lines.push(
        `{"id":"ex-${i}","cohorts":["region:r${i % 7}","lang:l${i % 5}"],"label":"${label}","prediction":"${prediction}","metrics":{"latency_ms":${latency}}}`,
      );
    }
    writeFileSync(join(dir, `${side}.jsonl`), `${lines.join('\n')}\n`);
  }
  writeFileSync(join(dir, 'policy.yml'), 'metrics:\n  latency_ms: {direction: lower, statistic: p95, margin: "10%"}\n');
  return {
    dir,
    args: [
      'check',
      '--incumbent',
      join(dir, 'incumbent.jsonl'),
      '--candidate',
      join(dir, 'candidate.jsonl'),
      '--policy',
      join(dir, 'policy.yml'),
    ],
  };
}
