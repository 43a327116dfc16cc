import { cohortSettings, metricSettings } from '../policy/effective-settings.js';
import type { Policy } from '../policy/policy-schema.js';
import { PairedQuantileBootstrapResult, pairedQuantileBootstrap } from '../stats/paired-quantile-bootstrap.js';
import type { CohortMetricEvidence } from './comparison-data.js';

/** One bootstrap to run: plain data, so it can be handed to another thread. */
export interface QuantileBootstrapJob {
  readonly incumbent: Float64Array;
  readonly candidate: Float64Array;
  readonly p: number;
  readonly resamples: number;
  readonly seed: string;
}

/** Runs bootstrap jobs and returns their results in the same order. */
export type QuantileBootstrapRunner = (
  jobs: readonly QuantileBootstrapJob[],
) => Promise<PairedQuantileBootstrapResult[]>;

export function runQuantileBootstrapJob(job: QuantileBootstrapJob): PairedQuantileBootstrapResult {
  return pairedQuantileBootstrap(job.incumbent, job.candidate, job.p, { resamples: job.resamples, seed: job.seed });
}

export const runQuantileBootstrapsHere: QuantileBootstrapRunner = async (jobs) => jobs.map(runQuantileBootstrapJob);

/** Seeded per (cohort, metric), so a result does not depend on which other cohorts there are, or on the order of work. */
export function bootstrapSeed(policy: Policy, cohort: string, metric: string): string {
  return `${policy.bootstrap.seed}\u0000${cohort}\u0000${metric}`;
}

/**
 * Runs every bootstrap the decision will need (tracked cohorts, gated metrics, at least quantile_min_n
 * pairs) up front, through the
 * given runner, and attaches each result to its evidence.
 */
export async function attachQuantileBootstraps(
  evidence: readonly CohortMetricEvidence[],
  policy: Policy,
  runner: QuantileBootstrapRunner,
): Promise<CohortMetricEvidence[]> {
  const needed: number[] = [];
  const jobs: QuantileBootstrapJob[] = [];
  evidence.forEach((item, index) => {
    const data = item.data;
    if (data?.kind !== 'paired-quantile' || data.bootstrap !== undefined) return;
    // Below quantile_min_n the comparison is inconclusive without a test: nothing to resample.
    if (Math.min(data.incumbent.length, data.candidate.length) < policy.quantile_min_n) return;
    if (!cohortSettings(policy, item.cohort).tracked || !metricSettings(policy, item.metric, item.kind).gated) return;
    needed.push(index);
    jobs.push({
      incumbent: data.incumbent,
      candidate: data.candidate,
      p: data.p,
      resamples: policy.bootstrap.resamples,
      seed: bootstrapSeed(policy, item.cohort, item.metric),
    });
  });
  if (jobs.length === 0) return [...evidence];
  const results = await runner(jobs);
  const attached = [...evidence];
  needed.forEach((index, k) => {
    const item = evidence[index] as CohortMetricEvidence;
    if (item.data?.kind === 'paired-quantile')
      attached[index] = { ...item, data: { ...item.data, bootstrap: results[k] as PairedQuantileBootstrapResult } };
  });
  return attached;
}
