import type { Finding } from '../findings/finding.js';

/** What the canary gate says at this look: promote the stage, roll back, or keep going. */
export type CanaryDecision = 'promote' | 'rollback' | 'hold';

/**
 * The canary gate's report: the decision, what decided it, every gated comparison at the last look,
 * the manifest's abort criteria, and every look's bounds, so that a decision can be audited later.
 * Δ is canary − baseline, oriented so that positive is better, as in `check`.
 */
export interface CanaryReport {
  readonly schema: 'model-release-gate/canary-report@1';
  readonly tool: { readonly name: string; readonly version: string };
  readonly decision: CanaryDecision;
  /** One sentence: what decided it. */
  readonly reason: string;
  readonly stage: {
    /** The stage's traffic share, in percent. */
    readonly traffic: number;
    readonly started: string;
    /** The manifest's hold for this stage, in seconds; null when it gives none. */
    readonly hold_seconds: number | null;
    /** From the stage's start to the clock (the last interval's end, or the given time). */
    readonly elapsed_seconds: number;
    readonly clock: string;
    readonly looks: number;
  };
  readonly settings: {
    readonly alpha: number;
    /** Always `bonferroni`: one level, alpha/family, for every bound and p-value (see canary-comparisons.ts). */
    readonly correction: string;
    /** Tested comparisons and abort checks: the bounds are at alpha / family. */
    readonly family: number;
    readonly method: string;
  };
  readonly comparisons: readonly CanaryComparison[];
  readonly abort_checks: readonly CanaryAbortCheck[];
  /** Every look, in order: the bounds each comparison had then (not intersected with earlier looks). */
  readonly looks: readonly CanaryLook[];
  readonly inputs: {
    readonly observations: { readonly path: string; readonly sha256: string };
    readonly manifest: { readonly path: string; readonly sha256: string };
    readonly policy: { readonly path: string; readonly sha256: string } | null;
  };
  readonly findings: readonly Finding[];
}

export interface CanaryComparison {
  readonly cohort: string;
  readonly metric: string;
  readonly statistic: 'proportion' | 'mean';
  readonly direction: 'higher' | 'lower';
  /** The tolerated drop δ, in the metric's unit. */
  readonly margin: number;
  readonly baseline: { readonly n: number; readonly value: number };
  readonly canary: { readonly n: number; readonly value: number };
  readonly estimate: number;
  /** Anytime-valid bounds of Δ at level alpha / family, intersected over all looks so far. */
  readonly lower: number;
  readonly upper: number;
  /** Always-valid one-sided p-value of H0 Δ ≥ −δ (smallest over the looks) times the family, capped at 1: at most alpha exactly when `upper` < −δ. */
  readonly p_adjusted: number;
  readonly status: 'pass' | 'regressed' | 'undecided';
  /** About how many more canary events, at the current rate and estimate, the comparison needs to pass; null when decided or when the estimate itself would have to improve. */
  readonly canary_events_needed: number | null;
}

export interface CanaryAbortCheck {
  readonly metric: string;
  readonly below: number | null;
  readonly above: number | null;
  /** The canary's own value of the metric in `overall`, when the observations give the metric. */
  readonly canary: { readonly n: number; readonly value: number } | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** crossed: beyond the threshold with confidence; clear: within it with confidence. */
  readonly status: 'crossed' | 'clear' | 'undecided' | 'not-observed';
}

export interface CanaryLook {
  readonly end: string;
  readonly comparisons: readonly {
    readonly cohort: string;
    readonly metric: string;
    readonly estimate: number;
    readonly lower: number;
    readonly upper: number;
    readonly canary_n: number;
  }[];
}

/** The report as JSON, as `canary-report.json` holds it: every look's bounds are in it, for an audit. */
export function canaryReportJson(report: CanaryReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
