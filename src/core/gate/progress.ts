import type { QuantileBootstrapRunner } from '../compare/quantile-bootstraps.js';
import type { Verdict } from '../report/report.js';

/**
 * The steps of a gate run, told as they happen, so a front end can show that a long run is moving.
 * Plain data and no clock: the core only says what step it reached; the caller decides whether,
 * when and how to show it (the CLI on a terminal, nobody in the Action). Rows read are counted by
 * the caller where the text goes by (it hands the core its sources), so they are not steps here.
 */
export type ProgressEvent =
  /** Quantile bootstraps start: `comparisons` (cohort, metric) pairs, `resamples` each. */
  | { readonly step: 'bootstrap'; readonly comparisons: number; readonly resamples: number }
  /** Both files are read: `cohorts` distinct cohorts give `comparisons` (cohort, metric) pairs to decide. */
  | { readonly step: 'cohorts'; readonly cohorts: number; readonly comparisons: number }
  /** The report is complete. */
  | { readonly step: 'done'; readonly verdict: Verdict };

/** Called at each step; it must not throw (a display problem must never change a verdict). */
export type Progress = (event: ProgressEvent) => void;

/** A bootstrap runner that tells `progress` before it starts work (and says nothing when there is none). */
export function reportingBootstraps(
  runner: QuantileBootstrapRunner,
  progress: Progress | undefined,
): QuantileBootstrapRunner {
  if (progress === undefined) return runner;
  return (jobs) => {
    if (jobs.length > 0) progress({ step: 'bootstrap', comparisons: jobs.length, resamples: jobs[0]?.resamples ?? 0 });
    return runner(jobs);
  };
}

/** The 'cohorts' step for the evidence of a run: one entry per (cohort, metric). */
export function cohortsFound(evidence: readonly { readonly cohort: string }[]): ProgressEvent {
  return { step: 'cohorts', cohorts: new Set(evidence.map((item) => item.cohort)).size, comparisons: evidence.length };
}
