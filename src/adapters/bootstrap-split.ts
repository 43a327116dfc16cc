import type { QuantileBootstrapJob } from '../core/compare/quantile-bootstraps.js';

/**
 * About how long a bootstrap takes, in units of one value's set-up: a pass over the n pairs, then per
 * resample one Poisson weight for each pair kept individually, about 24·√(n·p·(1−p)) + 84 of them
 * (see paired-quantile-bootstrap.ts). Many small cohorts cost more than their size suggests.
 */
function bootstrapCost(job: QuantileBootstrapJob): number {
  const n = job.incumbent.length;
  const individual = Math.min(n, 24 * Math.sqrt(n * job.p * (1 - job.p)) + 84);
  return 2 * n + job.resamples * individual;
}

/** Splits bootstrap jobs (by index) into two shares of about equal estimated cost, largest first. */
export function splitBootstrapJobs(jobs: readonly QuantileBootstrapJob[]): { here: number[]; there: number[] } {
  const bySize = jobs
    .map((job, index) => ({ index, size: bootstrapCost(job) }))
    .sort((a, b) => b.size - a.size || a.index - b.index);
  const here: number[] = [];
  const there: number[] = [];
  let hereSize = 0;
  let thereSize = 0;
  for (const { index, size } of bySize) {
    if (hereSize <= thereSize) {
      here.push(index);
      hereSize += size;
    } else {
      there.push(index);
      thereSize += size;
    }
  }
  return { here, there };
}
