import type { Finding } from '../findings/finding.js';
import type { ManifestDocument } from '../manifest/load-manifest.js';
import type { ReadinessItemName, ReadinessPolicy } from '../policy/policy-schema.js';
import type { WaiverRecord } from './waivers.js';

/** What one eval file says about itself (summaries carry model and dataset; per-example files do not). */
export interface EvalFileMetadata {
  readonly path: string;
  readonly sha256: string;
  readonly model: { readonly name: string; readonly version: string } | null;
  readonly dataset: {
    readonly name: string;
    readonly version?: string | undefined;
    readonly sha256?: string | undefined;
  } | null;
}

/** Everything a readiness rule may look at. Time and the file system come in from outside. */
export interface ReadinessContext {
  readonly document: ManifestDocument;
  readonly policy: ReadinessPolicy;
  /** Today's date as YYYY-MM-DD, from the injected clock (UTC). */
  readonly today: string;
  /** Whether a repository-relative path names an existing file (already checked to stay inside the repository). */
  readonly evidenceExists: (path: string) => boolean;
  readonly evalFiles: { readonly incumbent: EvalFileMetadata; readonly candidate: EvalFileMetadata };
}

export type ItemStatus = 'ok' | 'finding' | 'waived' | 'not-required';

/** One line of the readiness checklist. */
export interface ReadinessItem {
  readonly id: ReadinessItemName | 'consistency';
  readonly title: string;
  readonly required: boolean;
  readonly status: ItemStatus;
  /** What the manifest offers as evidence, in a few words (e.g. "canary 1% → 10% → 100%"). */
  readonly evidence: string | null;
  readonly file: string;
  readonly line: number | null;
}

/** What one rule returns: its checklist item (status ok / finding / not-required) and its findings. */
export interface RuleOutcome {
  readonly item: ReadinessItem;
  readonly findings: Finding[];
}

export type ReadinessRule = (context: ReadinessContext) => RuleOutcome;

/** The report's readiness section. */
export interface ReadinessSection {
  readonly manifest: {
    readonly path: string;
    readonly sha256: string;
    readonly risk_class: string;
    readonly model: { readonly name: string; readonly candidate: string; readonly incumbent: string };
  } | null;
  readonly today: string | null;
  readonly waivers_require_verification: boolean;
  readonly items: readonly ReadinessItem[];
  readonly waivers: readonly WaiverRecord[];
}
