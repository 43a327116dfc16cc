/**
 * The report's answer to "does the eval look like production?": per dimension (the cohort name's
 * prefix before `:`), the eval's cohort mix next to production's, how far apart they are, and which
 * traffic-weighted comparisons were made. The weighted comparisons themselves are ordinary entries
 * of report.comparisons (cohort `overall@traffic:<dimension>`), decided like every other one.
 */
export interface TrafficSection {
  readonly file: { readonly path: string; readonly sha256: string };
  readonly window: { readonly from: string; readonly to: string };
  readonly source: string | null;
  /** Days from the window's end to the run's date (negative: the window ends after the run). */
  readonly window_age_days: number;
  /** The manifest's eval_set.frozen, when it gives one. */
  readonly eval_set_frozen: string | null;
  readonly settings: {
    readonly min_share: number;
    readonly min_n: number;
    readonly psi_warn: number;
    readonly mix_alpha: number;
    readonly thin_mde_ratio: number;
    readonly max_age_days: number;
    readonly eval_max_age_days: number;
  };
  /** The dimensions the traffic file lists, in cohort-name order. */
  readonly dimensions: readonly TrafficDimension[];
  /** Dimensions the eval has that the traffic file does not list (their mix is not checked). */
  readonly dimensions_not_in_traffic: readonly string[];
}

export interface TrafficDimension {
  readonly dimension: string;
  readonly cohorts: readonly TrafficCohortRow[];
  /** Population stability index of the eval mix against production's; null with fewer than two cohorts to compare. */
  readonly psi: number | null;
  /** Pearson's chi-square test of the eval's counts against production's shares; null as psi. */
  readonly chi_square: { readonly statistic: number; readonly df: number; readonly p_value: number } | null;
  /** PSI above psi_warn and the chi-square test rejecting at mix_alpha: a `traffic.mix-shift` warning. */
  readonly mix_shift: boolean;
  readonly weighted: readonly TrafficWeighted[];
}

/**
 * One cohort of a dimension. `state`:
 * - `ok`: in both, with enough examples;
 * - `absent`: production share ≥ min_share, fewer than min_n eval examples (`traffic.cohort-absent`);
 * - `thin`: present, but some gated metric's MDE exceeds thin_mde_ratio × its margin (`traffic.cohort-thin`);
 * - `unknown-share`: in the eval, not listed in the traffic file (left out of the mix and the weights);
 * - `minor`: below min_share in production, with fewer than min_n eval examples (no finding).
 */
export interface TrafficCohortRow {
  readonly cohort: string;
  readonly production_count: number | null;
  readonly production_share: number | null;
  readonly eval_n: number;
  /** Share among the eval examples of the dimension's listed cohorts; null for an unknown-share cohort. */
  readonly eval_share: number | null;
  /** This cohort's term of the PSI sum; null when not compared. */
  readonly psi_term: number | null;
  readonly state: 'ok' | 'absent' | 'thin' | 'unknown-share' | 'minor';
}

/** A traffic-weighted comparison of one gated metric over one dimension: made (see report.comparisons), or why not. */
export type TrafficWeighted =
  | { readonly metric: string; readonly cohort: string; readonly reason: null }
  | {
      readonly metric: string;
      readonly cohort: null;
      readonly reason: string;
      /** true: never made by design (a percentile, a single production cohort); false: the data did not allow it (`traffic.not-weighted`). */
      readonly by_design: boolean;
    };
