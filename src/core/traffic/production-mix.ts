import { compareCohortNames } from '../cohorts.js';
import type { TrafficFile } from './traffic-file.js';

/** Production's cohorts of one dimension (`region` for region:eu, region:na, …) and their total. */
export interface ProductionMix {
  readonly dimension: string;
  /** In cohort-name order. */
  readonly cohorts: readonly { readonly cohort: string; readonly count: number }[];
  readonly total: number;
}

/** The dimension of a cohort name: its prefix before the first `:`; undefined without one. */
export function dimensionOf(cohort: string): string | undefined {
  const colon = cohort.indexOf(':');
  return colon > 0 ? cohort.slice(0, colon) : undefined;
}

/** The traffic file's counts grouped by dimension, dimensions and cohorts in name order. */
export function productionMixes(traffic: TrafficFile): ProductionMix[] {
  const byDimension = new Map<string, { cohort: string; count: number }[]>();
  for (const [cohort, count] of traffic.counts) {
    // The traffic file refuses names without a dimension, so every name has one here.
    const dimension = dimensionOf(cohort) ?? cohort;
    let cohorts = byDimension.get(dimension);
    if (cohorts === undefined) byDimension.set(dimension, (cohorts = []));
    cohorts.push({ cohort, count });
  }
  return [...byDimension.keys()].sort(compareCohortNames).map((dimension) => {
    const cohorts = (byDimension.get(dimension) ?? []).sort((a, b) => compareCohortNames(a.cohort, b.cohort));
    return { dimension, cohorts, total: cohorts.reduce((total, { count }) => total + count, 0) };
  });
}
