import type { Comparison, ReportedMetric } from '../compare/comparison.js';
import type { Finding } from '../findings/finding.js';
import { verdictReasons } from '../report/headline.js';
import type { Policy, ReadinessItemName } from '../policy/policy-schema.js';
import type { ReadinessItem } from '../readiness/readiness-types.js';
import type { WaiverStatus } from '../readiness/waivers.js';
import { type GateReport, type InputDescription, type Verdict, reportToJson } from '../report/report.js';
import type { RunContext } from '../report/run-context.js';
import type { TrafficSection } from '../traffic/traffic-report.js';

/**
 * The validation package: the evidence trail an auditor reads months after the release. Its
 * sections follow the order a regulated (GAMP-style) sign-off consumes them in: what was required,
 * what was tested and how, what risks were found, and who accepted which of them. Every field has a
 * value (null when unknown) so that the shape never depends on the run, and the whole object is a
 * function of the report and the run context, so two builds of the same run serialize to the same bytes.
 */
const VALIDATION_PACKAGE_SCHEMA = 'model-release-gate/validation-package@1';

interface PackagePolicyInput {
  readonly path: string | null;
  readonly sha256: string | null;
  /** 'base' on pull requests, 'workspace' otherwise, 'defaults' without a file. */
  readonly origin: RunContext['policySource']['origin'];
  /** The commit the policy was read from. */
  readonly commit: string | null;
  /** The pull request changes the policy file; the change applies only once merged. */
  readonly changed_in_pull_request: boolean;
}

export interface PackageFinding {
  readonly id: string;
  readonly severity: Finding['severity'];
  readonly message: string;
  readonly cohort: string | null;
  readonly metric: string | null;
  readonly file: string | null;
  readonly line: number | null;
  readonly waived: boolean;
  readonly waiver: NonNullable<Finding['waiver']> | null;
}

interface PackageWaiver {
  readonly index: number;
  readonly finding: string | null;
  readonly cohort: string | null;
  readonly metric: string | null;
  readonly status: WaiverStatus;
  readonly accepted_by: string | null;
  readonly reason: string | null;
  readonly expires: string | null;
  readonly link: string | null;
  readonly verified: boolean | null;
  readonly applied_to: number;
  readonly line: number | null;
}

/** One accepted risk: which finding, accepted by whom, until when, and whether the approval was verified. */
interface Acceptance {
  readonly finding: string;
  readonly cohort: string | null;
  readonly metric: string | null;
  readonly accepted_by: string;
  readonly reason: string;
  readonly expires: string;
  readonly verified: boolean;
}

export interface ValidationPackage {
  readonly schema: typeof VALIDATION_PACKAGE_SCHEMA;
  readonly summary: {
    readonly verdict: Verdict;
    readonly reason: string;
    readonly counts: GateReport['summary'];
  };
  readonly provenance: {
    readonly tool: { readonly name: string; readonly version: string };
    readonly repository: string | null;
    readonly commit: string | null;
    readonly pull_request: {
      readonly number: number;
      readonly author: string | null;
      readonly base_ref: string;
      readonly base_sha: string;
      readonly head_sha: string;
    } | null;
    readonly run: { readonly id: string; readonly attempt: string | null; readonly url: string } | null;
    readonly time: string;
    readonly links: RunContext['links'];
    /** The run and artifact the incumbent's results came from, when they came from one. */
    readonly baseline: NonNullable<RunContext['baseline']> | null;
    /** The release the manifest describes (null without a manifest). */
    readonly release: { readonly name: string; readonly candidate: string; readonly incumbent: string } | null;
    readonly inputs: {
      readonly incumbent: InputDescription;
      readonly candidate: InputDescription;
      readonly policy: PackagePolicyInput;
      readonly manifest: { readonly path: string; readonly sha256: string } | null;
      /** Production's cohort counts (a traffic file): path, sha256 and window; null without one. */
      readonly traffic: GateReport['inputs']['traffic'];
    };
  };
  readonly requirements: {
    readonly policy: Policy;
    readonly risk_class: string | null;
    /** The readiness items the policy requires at the manifest's risk class (empty without a manifest). */
    readonly readiness_required: readonly ReadinessItemName[];
  };
  readonly test_evidence: {
    readonly design: GateReport['design'];
    readonly alpha: number;
    readonly correction: Policy['correction'];
    /** How many comparisons the multiplicity correction spans. */
    readonly tested: number;
    readonly comparisons: readonly Comparison[];
    readonly reported_metrics: readonly ReportedMetric[];
    /** Does the eval look like production? The eval's mix against the traffic file's; null without one. */
    readonly traffic: TrafficSection | null;
  };
  readonly risk_assessment: {
    readonly risk_class: string | null;
    /** The date the readiness checks were judged on (null without a manifest). */
    readonly evaluated_on: string | null;
    readonly findings: readonly PackageFinding[];
    readonly checklist: readonly ReadinessItem[];
  };
  readonly sign_off: {
    /** Users with a verified approval of the change; null when the run could not tell (CLI). */
    readonly verified_approvals: readonly string[] | null;
    readonly author: string | null;
    readonly waivers_require_verification: boolean;
    readonly waivers: readonly PackageWaiver[];
    readonly accepted: readonly Acceptance[];
  };
  readonly verdict: Verdict;
}

export function buildValidationPackage(report: GateReport, run: RunContext): ValidationPackage {
  const riskClass = report.readiness.manifest?.risk_class ?? null;
  const pr = run.pullRequest;
  return {
    schema: VALIDATION_PACKAGE_SCHEMA,
    summary: { verdict: report.verdict, reason: verdictReason(report), counts: report.summary },
    provenance: {
      tool: report.tool,
      repository: run.repository,
      commit: run.commit,
      pull_request:
        pr === null
          ? null
          : { number: pr.number, author: pr.author, base_ref: pr.baseRef, base_sha: pr.baseSha, head_sha: pr.headSha },
      run: run.run,
      time: run.time,
      links: run.links,
      baseline: run.baseline ?? null,
      release: report.readiness.manifest?.model ?? null,
      inputs: {
        incumbent: report.inputs.incumbent,
        candidate: report.inputs.candidate,
        policy: {
          // The report's path is what was parsed; the run's is the fallback when the report has none (defaults).
          path: report.inputs.policy?.path ?? run.policySource.path,
          sha256: report.inputs.policy?.sha256 ?? null,
          origin: run.policySource.origin,
          commit: run.policySource.commit,
          changed_in_pull_request: run.policySource.changedInPullRequest,
        },
        manifest: report.inputs.manifest,
        traffic: report.inputs.traffic ?? null,
      },
    },
    requirements: {
      policy: report.policy,
      risk_class: riskClass,
      readiness_required: requiredItems(report.policy, riskClass),
    },
    test_evidence: {
      design: report.design,
      alpha: report.policy.alpha,
      correction: report.policy.correction,
      tested: report.summary.tested,
      comparisons: report.comparisons,
      reported_metrics: report.reported_metrics,
      traffic: report.traffic ?? null,
    },
    risk_assessment: {
      risk_class: riskClass,
      evaluated_on: report.readiness.today,
      findings: report.findings.map(packageFinding),
      checklist: report.readiness.items,
    },
    sign_off: {
      verified_approvals: run.approvals,
      author: pr?.author ?? null,
      waivers_require_verification: report.readiness.waivers_require_verification,
      waivers: report.readiness.waivers.map((w) => ({
        index: w.index,
        finding: w.finding,
        cohort: w.cohort,
        metric: w.metric,
        status: w.status,
        accepted_by: w.accepted_by,
        reason: w.reason,
        expires: w.expires,
        link: w.link,
        verified: w.verified,
        applied_to: w.applied_to,
        line: w.line,
      })),
      accepted: report.findings.flatMap((f): Acceptance[] =>
        f.waiver === undefined
          ? []
          : [
              {
                finding: f.id,
                cohort: f.cohort ?? null,
                metric: f.metric ?? null,
                accepted_by: f.waiver.accepted_by,
                reason: f.waiver.reason,
                expires: f.waiver.expires,
                verified: f.waiver.verified,
              },
            ],
      ),
    },
    verdict: report.verdict,
  };
}

/** The package as JSON, with the report's number handling (12 significant digits, non-finite as null). */
export function validationPackageToJson(pkg: ValidationPackage): string {
  return reportToJson(pkg);
}

/**
 * Why the verdict is what it is, in the words of every other output (see report/headline.ts); built
 * from counts only, so it holds no input text.
 */
function verdictReason(report: GateReport): string {
  return verdictReasons(report);
}

function requiredItems(policy: Policy, riskClass: string | null): ReadinessItemName[] {
  const { required } = policy.readiness;
  // The manifest schema admits only these three; anything else would be a report from another version.
  if (riskClass === 'low' || riskClass === 'medium' || riskClass === 'high') return [...required[riskClass]];
  return [];
}

function packageFinding(f: Finding): PackageFinding {
  return {
    id: f.id,
    severity: f.severity,
    message: f.message,
    cohort: f.cohort ?? null,
    metric: f.metric ?? null,
    file: f.file ?? null,
    line: f.line ?? null,
    waived: f.waiver !== undefined,
    waiver: f.waiver ?? null,
  };
}
