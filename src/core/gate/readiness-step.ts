import type { Finding } from '../findings/finding.js';
import { parseManifest } from '../manifest/load-manifest.js';
import { type BaseManifest, manifestRemoved, manifestWeakenings } from '../manifest/manifest-weakening.js';
import type { Policy } from '../policy/policy-schema.js';
import { evaluateReadiness, itemsAfterWaivers } from '../readiness/evaluate-readiness.js';
import type { EvalFileMetadata, ReadinessSection } from '../readiness/readiness-types.js';
import { applyWaivers } from '../readiness/waivers.js';
import type { SourceFile } from '../source-file.js';

/** What the readiness checks need from outside the core: the date, the repository, the people. */
export interface ReadinessEnvironment {
  /** Today as YYYY-MM-DD (UTC), from the caller's clock. */
  readonly today: string;
  /** Whether a repository-relative path names an existing file. */
  readonly evidenceExists: (path: string) => boolean;
  /** The change's author, when known (a pull request's author). */
  readonly author?: string | undefined;
  /** Users whose approval is verified (approving reviewers), when the caller can tell. */
  readonly verifiedApprovals?: readonly string[] | undefined;
  /** Whether waivers need a verified approval when the policy does not say (Action: true, CLI: false). */
  readonly requireVerifiedWaiversByDefault: boolean;
}

/**
 * Checks the manifest (when there is one), then applies its waivers to every finding of the run,
 * cohort findings included. Without a manifest, the policy decides whether that alone blocks.
 * With the change's base version of the manifest, a change that weakens it is a finding too.
 */
/** A manifest file with its parsed document: parsed before any eval file is read, so a typo shows at once. */
export interface ParsedManifestFile {
  readonly path: string;
  readonly sha256: string;
  readonly document: ReturnType<typeof parseManifest>;
}

/** Parses the manifest (an input error names its file, line and field). */
export function parseManifestFile(file: SourceFile): ParsedManifestFile {
  return { path: file.path, sha256: file.sha256, document: parseManifest(file.path, file.text) };
}

export function readinessStep(
  manifestFile: ParsedManifestFile | undefined,
  environment: ReadinessEnvironment | undefined,
  policy: Policy,
  evalFiles: { incumbent: EvalFileMetadata; candidate: EvalFileMetadata },
  findings: readonly Finding[],
  baseManifest?: BaseManifest,
): { section: ReadinessSection; findings: Finding[] } {
  const requireVerification =
    policy.readiness.require_verified_waivers ?? environment?.requireVerifiedWaiversByDefault ?? true;
  if (manifestFile === undefined) {
    const missing: Finding[] = policy.readiness.require_manifest
      ? [
          {
            id: 'manifest.missing',
            severity: 'block',
            message:
              'the policy requires a release manifest (readiness.require_manifest), and none was given: pass one with --manifest (CLI) or the manifest input (Action)',
          },
        ]
      : [];
    if (baseManifest !== undefined) missing.push(manifestRemoved(baseManifest));
    return {
      // No date in the report without a manifest: nothing was judged by it, and the report stays the same from day to day.
      section: {
        manifest: null,
        today: null,
        waivers_require_verification: requireVerification,
        items: [],
        waivers: [],
      },
      findings: [...findings, ...missing],
    };
  }
  if (environment === undefined)
    throw new Error('a manifest needs a readiness environment (clock, repository, people)');
  const { document } = manifestFile;
  const readiness = evaluateReadiness({
    document,
    policy: policy.readiness,
    today: environment.today,
    evidenceExists: environment.evidenceExists,
    evalFiles,
  });
  const weakened = baseManifest === undefined ? [] : manifestWeakenings(baseManifest, document);
  const waived = applyWaivers([...findings, ...weakened, ...readiness.findings], document, {
    today: environment.today,
    maxDays: policy.readiness.waiver_max_days,
    requireVerified: requireVerification,
    ...(environment.verifiedApprovals === undefined ? {} : { verifiedApprovals: environment.verifiedApprovals }),
    ...(environment.author === undefined ? {} : { author: environment.author }),
  });
  const { model } = document.manifest;
  return {
    section: {
      manifest: {
        path: manifestFile.path,
        sha256: manifestFile.sha256,
        risk_class: document.manifest.risk_class,
        model: { name: model.name, candidate: model.candidate, incumbent: model.incumbent },
      },
      today: environment.today,
      waivers_require_verification: requireVerification,
      items: itemsAfterWaivers(readiness.items, waived.findings),
      waivers: waived.waivers,
    },
    findings: waived.findings,
  };
}
