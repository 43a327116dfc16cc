import type { TrafficSection } from '../traffic/traffic-report.js';
import type { Comparison, ReportedMetric } from '../compare/comparison.js';
import { type Finding, isActive } from '../findings/finding.js';
import type { ReadinessSection } from '../readiness/readiness-types.js';
import type { Policy } from '../policy/policy-schema.js';

export type Verdict = 'pass' | 'warn' | 'block';

export interface InputDescription {
  readonly path: string;
  readonly sha256: string;
  /** The reader that read the file (jsonl, csv, summary, sklearn, lm-eval-results, …). */
  readonly format: string;
  /** Examples in the file (per-example formats only). */
  readonly examples: number | null;
  readonly model: { readonly name: string; readonly version: string } | null;
  readonly dataset: {
    readonly name: string;
    readonly version?: string | undefined;
    readonly sha256?: string | undefined;
  } | null;
  /** How the file was read, when there is something to say (missing values, derived counts, row pairing, repeats). */
  readonly notes?: readonly string[];
  /** Repeated ids combined into one example each (inputs.repeats: all|any): how many, and records per example. */
  readonly repeats?: { readonly ids: number; readonly min: number; readonly max: number };
}

/** report.json: everything the verdict rests on, deterministic for the same inputs. */
export interface GateReport {
  readonly schema: 'model-release-gate/report@1';
  readonly tool: { readonly name: string; readonly version: string };
  readonly verdict: Verdict;
  readonly design: 'paired' | 'unpaired';
  readonly summary: {
    readonly comparisons: number;
    readonly tested: number;
    readonly pass: number;
    readonly regressed: number;
    readonly inconclusive: number;
    readonly missing: number;
    readonly blocking_findings: number;
    readonly warnings: number;
    /** Findings a valid waiver accepted: still listed, no longer counted. */
    readonly waived_findings: number;
  };
  readonly inputs: {
    readonly incumbent: InputDescription;
    readonly candidate: InputDescription;
    readonly policy: { readonly path: string; readonly sha256: string } | null;
    readonly manifest: { readonly path: string; readonly sha256: string } | null;
    /** Production's cohort counts, when given: the file and the window they cover. */
    readonly traffic: {
      readonly path: string;
      readonly sha256: string;
      readonly window: { readonly from: string; readonly to: string };
    } | null;
  };
  readonly policy: Policy;
  readonly comparisons: readonly Comparison[];
  readonly reported_metrics: readonly ReportedMetric[];
  readonly readiness: ReadinessSection;
  /** Does the eval look like production? With a traffic file; null without one. */
  readonly traffic: TrafficSection | null;
  readonly findings: readonly Finding[];
}

/** block on any blocking finding; warn on any warning; else pass. An aggregate gain offsets nothing. */
export function verdictOf(findings: readonly Finding[]): Verdict {
  const active = findings.filter(isActive);
  if (active.some((f) => f.severity === 'block')) return 'block';
  if (active.some((f) => f.severity === 'warn')) return 'warn';
  return 'pass';
}

/**
 * Serializes a report: numbers rounded to 12 significant digits (so the last bits of floating-point
 * arithmetic never change the bytes) and non-finite numbers as null.
 */
export function reportToJson(report: unknown): string {
  return `${JSON.stringify(report, roundNumbers, 2)}\n`;
}

/** The replacer of reportToJson: 12 significant digits, non-finite as null. */
export function roundNumbers(_key: string, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  if (!Number.isFinite(value)) return null;
  return Number.isInteger(value) ? value : Number(value.toPrecision(12));
}
