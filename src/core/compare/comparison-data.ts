import type { PairedQuantileBootstrapResult } from '../stats/paired-quantile-bootstrap.js';
import type { PairedTable } from '../stats/paired-proportions.js';

/** The evidence for one (cohort, metric), in the raw orientation (values as the files give them). */
export type ComparisonData =
  | { readonly kind: 'paired-binary'; readonly table: PairedTable }
  | {
      readonly kind: 'unpaired-binary';
      readonly incumbent: { readonly successes: number; readonly n: number };
      readonly candidate: { readonly successes: number; readonly n: number };
    }
  | {
      readonly kind: 'paired-mean';
      readonly n: number;
      readonly meanDiff: number;
      readonly sdDiff: number;
      readonly incumbentMean: number;
      readonly candidateMean: number;
    }
  | {
      readonly kind: 'unpaired-mean';
      readonly incumbent: { readonly n: number; readonly mean: number; readonly sd: number };
      readonly candidate: { readonly n: number; readonly mean: number; readonly sd: number };
    }
  | {
      readonly kind: 'paired-quantile';
      readonly p: number;
      readonly incumbent: Float64Array;
      readonly candidate: Float64Array;
      /** Run ahead of the decision (possibly on another thread); computed on demand when absent. */
      readonly bootstrap?: PairedQuantileBootstrapResult;
    }
  | { readonly kind: 'point'; readonly incumbent: number; readonly candidate: number }
  | {
      /**
       * The overall difference re-weighted to production's mix of one dimension: per-cohort values
       * and differences averaged with production's shares (see src/core/traffic/weighted-evidence.ts).
       */
      readonly kind: 'post-stratified';
      readonly dimension: string;
      /** Cohorts with a production share above 0 that entered the weighted sum. */
      readonly cohorts: number;
      readonly incumbent: number;
      readonly candidate: number;
      /** Σ share · (candidate − incumbent), as the files give the values (not oriented). */
      readonly delta: number;
      readonly standardError: number;
      /** Whether every cohort's difference came from paired examples. */
      readonly paired: boolean;
      /**
       * Production cohorts the eval has no result for, left out because together they are below
       * traffic.min_share of the dimension (the others re-weighted among themselves); absent: none.
       */
      readonly leftOut?: { readonly cohorts: readonly string[]; readonly share: number };
    };

/** One (cohort, metric) before any decision: sizes on each side, and the evidence when both sides have it. */
export interface CohortMetricEvidence {
  readonly cohort: string;
  readonly metric: string;
  readonly kind: 'binary' | 'continuous';
  readonly nIncumbent: number;
  readonly nCandidate: number;
  /** Pairs behind a paired comparison; undefined for summaries. */
  readonly nPaired: number | undefined;
  /** undefined when the cohort or metric is absent on a side. */
  readonly data: ComparisonData | undefined;
}
