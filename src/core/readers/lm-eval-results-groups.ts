import type { SummaryFile, SummaryMetric } from '../input/summary-schema.js';
import { emptyNameRecord } from '../named-record.js';

/** One lm-eval score: its value and, when lm-eval gives one, its standard error. */
export interface Score {
  readonly value: number;
  readonly stderr: number | undefined;
}

/** A continuous metric as the summary holds it: mean and sd = stderr·√n, or the bare value without a stderr. */
export function continuous({ value, stderr }: Score, n: number): SummaryMetric {
  return stderr === undefined ? { value } : { mean: value, sd: stderr * Math.sqrt(n), n };
}

/**
 * A group's cohort (mmlu, leaderboard_math_hard, …) pooled from its leaf tasks, weighted by their
 * sample counts: a proportion is Σ successes / Σ n over the leaves (what a per-document comparison of
 * the whole group would count); a mean is Σ nᵢ·meanᵢ / N with stderr √Σ (nᵢ/N)²·seᵢ². lm-eval's own
 * group number is not used for the test: some groups report an unweighted mean of subtasks, or none
 * at all (groups without aggregate_metric_list). When it differs from the pooled value a note says so.
 * Only metrics every leaf has are pooled.
 */
export function pooledGroup(
  group: string,
  leaves: readonly string[],
  scores: ReadonlyMap<string, ReadonlyMap<string, Score>>,
  sizeOf: (task: string) => number,
  isBinary: (name: string) => boolean,
  reported: ReadonlyMap<string, Score>,
  notes: string[],
): SummaryFile['cohorts'][string] | undefined {
  if (leaves.length === 0) return undefined;
  const n = leaves.reduce((sum, task) => sum + sizeOf(task), 0);
  const names = [...(scores.get(leaves[0] as string)?.keys() ?? [])].filter((name) =>
    leaves.every((task) => scores.get(task)?.has(name) === true),
  );
  const out = emptyNameRecord<SummaryMetric>();
  for (const name of names) {
    const parts = leaves.map((task) => ({ score: scores.get(task)?.get(name) as Score, n: sizeOf(task) }));
    const mean = parts.reduce((sum, p) => sum + p.score.value * p.n, 0) / n;
    if (isBinary(name))
      out[name] = { successes: parts.reduce((sum, p) => sum + Math.round(p.score.value * p.n), 0), n };
    else if (parts.every((p) => p.score.stderr !== undefined)) {
      const se = Math.sqrt(parts.reduce((sum, p) => sum + ((p.n / n) * (p.score.stderr as number)) ** 2, 0));
      out[name] = continuous({ value: mean, stderr: se }, n);
    } else out[name] = { value: mean };
    const own = reported.get(name);
    if (own !== undefined && Math.abs(own.value - mean) > 1e-6 * Math.max(1, Math.abs(mean))) {
      notes.push(
        `group:${group}: ${name} is compared as the sample-weighted value over its ${leaves.length} tasks (${round(mean)}); lm-eval reports ${round(own.value)} (another aggregation, e.g. an unweighted mean of subtasks)`,
      );
    }
  }
  return Object.keys(out).length === 0 ? undefined : { n, metrics: out };
}

function round(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
