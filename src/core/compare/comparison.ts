type ComparisonStatus = 'pass' | 'regressed' | 'inconclusive' | 'missing';

/** One decided (cohort, metric): what every report shows. Δ is oriented so that positive is better. */
export interface Comparison {
  readonly cohort: string;
  readonly metric: string;
  readonly statistic: string;
  readonly direction: 'higher' | 'lower';
  readonly status: ComparisonStatus;
  readonly n_incumbent: number;
  readonly n_candidate: number;
  /** Pairs behind a paired comparison; null for summaries. */
  readonly n_paired: number | null;
  readonly incumbent: number | null;
  readonly candidate: number | null;
  readonly delta: number | null;
  /** One-sided (1 − alpha) bounds of Δ. */
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  /** Absolute tolerated drop δ in the metric's unit. */
  readonly margin: number | null;
  readonly p_value: number | null;
  readonly p_adjusted: number | null;
  /** Smallest drop detectable at the policy's power and the corrected alpha. */
  readonly mde: number | null;
  readonly rare: boolean;
  readonly required: boolean;
  /** What a blocking inconclusive result does for this cohort. */
  readonly inconclusive_setting: 'warn' | 'block';
  readonly method: string;
  /** Why the status is what it is, when the numbers alone do not say. */
  readonly note: string | null;
}

/** A metric the policy does not gate, shown for information only. */
export interface ReportedMetric {
  readonly cohort: string;
  readonly metric: string;
  readonly statistic: string;
  readonly incumbent: number | null;
  readonly candidate: number | null;
}
