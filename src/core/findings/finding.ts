export type Severity = 'block' | 'warn' | 'info';

/** A named approver's acceptance of a finding, as applied to it. */
export interface AppliedWaiver {
  readonly accepted_by: string;
  readonly reason: string;
  readonly expires: string;
  readonly link: string | null;
  /** true: the approver is in the caller's verified approvals; false: it was not verified (CLI). */
  readonly verified: boolean;
}

/**
 * One thing the gate has to say. `id` is the stable rule id (`cohort.regressed`, `kill-switch.stale`,
 * …); cohort and metric say which comparison it is about, file and line where in an input it is.
 * A waived finding keeps its severity for the record but no longer counts towards the verdict.
 */
export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  readonly message: string;
  readonly cohort?: string;
  readonly metric?: string;
  readonly file?: string;
  readonly line?: number;
  readonly waiver?: AppliedWaiver;
}

/** Whether a finding still counts towards the verdict. */
export function isActive(finding: Finding): boolean {
  return finding.waiver === undefined;
}
