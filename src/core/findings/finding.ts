export type Severity = 'block' | 'warn' | 'info';

/**
 * One thing the gate has to say. `id` is the stable rule id (`cohort.regressed`, `ids.unmatched`, …);
 * cohort and metric say what it is about, when it is about a comparison.
 */
export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  readonly message: string;
  readonly cohort?: string;
  readonly metric?: string;
}
