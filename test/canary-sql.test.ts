// sql/canary.sql and sql/canary.jq, run as sql/README.md says (DuckDB, then jq), must give the
// per-interval sums a direct count of the predictions gives, in a file the gate's parser accepts.
// The jq step needs the jq binary (preinstalled on GitHub's Ubuntu runners).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCanaryObservations, type CanaryCounts } from '../src/core/canary/canary-file.js';

const STAGE_LITERAL = "TIMESTAMP '2026-12-01 10:00:00'";
const STAGE_START_MS = Date.parse('2026-12-01T10:00:00Z');
const scratch = mkdtempSync(join(tmpdir(), 'canary-sql-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Prediction {
  id: string;
  ms: number;
  variant: 'baseline' | 'canary';
  region: string | null;
  channel: string;
  correct: number;
  latency: number | null;
}

/** Prediction i is served 7·i seconds after 09:58 UTC: the first 18 come before the stage starts. */
function predictions(count: number): Prediction[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    ms: STAGE_START_MS - 120_000 + 7_000 * i,
    variant: i % 10 === 0 ? 'canary' : 'baseline',
    region: i % 3 === 0 ? 'eu' : i % 3 === 1 ? 'na' : null,
    channel: i % 2 === 0 ? 'web' : 'mobile',
    correct: i % 13 === 0 ? 0 : 1,
    latency: 80 + ((i * 37) % 101) / 4,
  }));
}

/** Runs sql/canary.sql on these predictions in DuckDB and returns its rows as JSON text. */
async function queryRows(rows: readonly Prediction[]): Promise<string> {
  const sql = readFileSync('sql/canary.sql', 'utf8');
  // The stage start is the query's only timestamp literal: the examples substitute it by pattern.
  expect(sql.match(/TIMESTAMP '\d{4}-\d\d-\d\d \d\d:\d\d:\d\d'/g)).toEqual([STAGE_LITERAL]);
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const db = await instance.connect();
  try {
    await db.run(`CREATE TABLE predictions (id VARCHAR, predicted_at TIMESTAMP, variant VARCHAR, region VARCHAR,
      channel VARCHAR, correct INTEGER, latency_ms DOUBLE)`);
    const text = (value: string | null) => (value === null ? 'NULL' : `'${value}'`);
    const values = rows.map(
      (p) =>
        `(${text(p.id)}, TIMESTAMP '${new Date(p.ms).toISOString().replace('T', ' ').replace('Z', '')}', ${text(p.variant)}, ` +
        `${text(p.region)}, ${text(p.channel)}, ${p.correct}, ${p.latency === null ? 'NULL' : p.latency})`,
    );
    await db.run(`INSERT INTO predictions VALUES ${values.join(',\n')}`);
    return JSON.stringify((await db.runAndReadAll(sql)).getRowObjectsJson());
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

function toObservations(rowsJson: string): string {
  const rows = join(scratch, `rows-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(rows, rowsJson);
  return execFileSync(
    'jq',
    ['--arg', 'traffic', '10%', '--arg', 'started', '2026-12-01T10:00:00Z', '-f', 'sql/canary.jq', rows],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** The same sums counted event by event: interval end → side → cohort → counts. */
function expectedCounts(rows: readonly Prediction[]): Map<string, Map<string, Map<string, CanaryCounts>>> {
  const out = new Map<string, Map<string, Map<string, CanaryCounts>>>();
  for (const p of rows) {
    if (p.ms < STAGE_START_MS) continue;
    const end = new Date((Math.floor(p.ms / 300_000) + 1) * 300_000).toISOString().replace('.000Z', 'Z');
    const sides =
      out.get(end) ??
      new Map([
        ['baseline', new Map()],
        ['canary', new Map()],
      ]);
    out.set(end, sides);
    const cohorts = sides.get(p.variant) as Map<string, CanaryCounts>;
    for (const cohort of ['overall', `region:${p.region ?? 'unknown'}`, `channel:${p.channel}`]) {
      const was = cohorts.get(cohort);
      const [sum, squares] = was?.sums.get('latency_ms') ?? [0, 0];
      const latency = p.latency as number;
      cohorts.set(cohort, {
        n: (was?.n ?? 0) + 1,
        successes: new Map([['accuracy', (was?.successes.get('accuracy') ?? 0) + p.correct]]),
        sums: new Map([['latency_ms', [sum + latency, squares + latency * latency] as const]]),
      });
    }
  }
  return out;
}

describe('sql/canary.sql and sql/canary.jq (DuckDB, jq)', () => {
  it('give each interval the counts of its own predictions, in a file the parser reads', async () => {
    const served = predictions(400);
    // A prediction logged twice counts once; one still being served (an interval not over) is left out.
    const rows = [
      ...served,
      served[100] as Prediction,
      { ...(served[5] as Prediction), id: 'later', ms: Date.parse('2999-01-01T00:00:00Z') },
    ];
    const text = toObservations(await queryRows(rows));
    const observations = parseCanaryObservations({ path: 'observations.json', text, sha256: 'sha' });

    const expected = expectedCounts(served);
    expect(observations.stage).toEqual({ traffic: 10, started: '2026-12-01T10:00:00Z', startedMs: STAGE_START_MS });
    expect(observations.intervals.map((i) => i.end)).toEqual([...expected.keys()]);
    expect(Object.fromEntries(observations.metrics)).toEqual({ accuracy: 'binary', latency_ms: 'continuous' });
    for (const interval of observations.intervals) {
      const want = expected.get(interval.end);
      for (const side of ['baseline', 'canary'] as const) {
        const got = interval[side];
        const wanted = want?.get(side) as Map<string, CanaryCounts>;
        expect([...got.keys()].sort(), `${interval.end} ${side}`).toEqual([...wanted.keys()].sort());
        for (const [cohort, counts] of wanted) {
          const actual = got.get(cohort) as CanaryCounts;
          expect(actual.n, `${interval.end} ${side} ${cohort}`).toBe(counts.n);
          expect(actual.successes.get('accuracy')).toBe(counts.successes.get('accuracy'));
          const [sum, squares] = actual.sums.get('latency_ms') as readonly [number, number];
          const [wantSum, wantSquares] = counts.sums.get('latency_ms') as readonly [number, number];
          expect(sum).toBeCloseTo(wantSum, 6);
          expect(squares).toBeCloseTo(wantSquares, 4);
        }
      }
    }
    // 382 predictions from 10:00 on (p18–p399), in 10:05 … 10:45: each interval on both sides.
    expect(
      observations.intervals.reduce(
        (t, i) => t + (i.baseline.get('overall')?.n ?? 0) + (i.canary.get('overall')?.n ?? 0),
        0,
      ),
    ).toBe(382);
  });

  it('gives a side that served nothing in an interval its overall with n 0', async () => {
    // Only baseline traffic in the first interval: the canary starts at 10:05.
    const served = predictions(120).map((p) => ({
      ...p,
      variant: p.ms >= STAGE_START_MS + 300_000 && p.variant === 'canary' ? ('canary' as const) : ('baseline' as const),
    }));
    const observations = parseCanaryObservations({
      path: 'o.json',
      text: toObservations(await queryRows(served)),
      sha256: 's',
    });
    const first = observations.intervals[0];
    expect(first?.canary.get('overall')).toEqual({
      n: 0,
      successes: new Map([['accuracy', 0]]),
      sums: new Map([['latency_ms', [0, 0]]]),
    });
    expect(observations.intervals[1]?.canary.get('overall')?.n).toBeGreaterThan(0);
  });

  it('refuses rows with a missing value instead of dropping it', async () => {
    const served = predictions(60).map((p, i) => (i === 40 ? { ...p, latency: null } : p));
    const rows = await queryRows(served);
    expect(() => toObservations(rows)).toThrow(
      /1 values are NULL or not 0\/1, the first in the canary.s latency_ms in the interval ending 2026-12-01T10:05:00Z/,
    );
  });
});
