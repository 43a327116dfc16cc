import type { QuantileBootstrapRunner } from '../core/compare/quantile-bootstraps.js';
import { InputError } from '../core/errors.js';
import { runGate } from '../core/gate/run-gate.js';
import { parsePolicy } from '../core/policy/load-policy.js';
import { checkLmEvalPair } from '../core/readers/lm-eval-pair-check.js';
import { parseColumnMapping } from '../core/readers/table-reader.js';
import { openLocated } from '../core/input/input-locator.js';
import type { ExampleColumnsLoader } from '../core/load/example-columns.js';
import type { TextSource } from '../core/input/text-source.js';
import type { RunContext } from '../core/report/run-context.js';
import { Annotation, annotationsOf } from '../core/report/annotations.js';
import { readActionInputs } from './action-inputs.js';
import type { GitHubPlatform } from '../adapters/github/github-platform.js';
import { publishResults } from './publish-results.js';
import { resolveIncumbent } from './resolve-baseline.js';
import { resolveManifest } from './resolve-manifest.js';
import { resolvePolicy } from './resolve-policy.js';
import { runCanaryStep } from './canary-step.js';
import { endStep } from './step-outcome.js';
import type { SourceFile } from '../core/source-file.js';

interface PlatformConnection {
  readonly token: string;
  readonly commentAuthor: string;
}

/** The runner-facing operations the Action needs; index.ts wires them to @actions/core and the API. */
export interface ActionDependencies {
  readonly getInput: (name: string) => string;
  readonly setOutput: (name: string, value: string) => void;
  readonly writeSummary: (markdown: string) => Promise<void>;
  readonly setFailed: (message: string) => void;
  readonly warning: (message: string) => void;
  readonly info: (message: string) => void;
  /** An annotation on the run (and on a file and line, when given). */
  readonly annotate: (annotation: Annotation) => void;
  /** The current time; its date (UTC) judges drill ages and waiver expiry. */
  readonly now: () => Date;
  /** Whether a repository-relative evidence path names a file. */
  readonly evidenceExists: (path: string) => boolean;
  readonly openSource: (path: string) => Promise<TextSource>;
  readonly readSmallFile: (path: string) => Promise<SourceFile>;
  readonly sha256: (text: string) => string;
  readonly writeFile: (path: string, text: string) => Promise<void>;
  readonly joinPath: (dir: string, name: string) => string;
  /** Where reports go when the `out-dir` input is empty (the runner's temp directory). */
  readonly defaultOutDir: string;
  readonly tool: { readonly name: string; readonly version: string };
  /**
   * Connects to the GitHub API with the `github-token` and `comment-author` inputs once they are
   * validated; undefined without a token or outside a repository (the gate still runs, without
   * comment or artifact).
   */
  readonly connectPlatform: (connection: PlatformConnection) => GitHubPlatform | undefined;
  /** Parses per-example files and runs quantile bootstraps (index.ts passes ones that use worker threads). */
  readonly loadExampleColumns?: ExampleColumnsLoader;
  readonly runQuantileBootstraps?: QuantileBootstrapRunner;
}

/**
 * Runs the gate as a GitHub Action step. The verdict is decided first and set as an output; then the
 * results are published, where every failure is a warning. The step fails on input errors, and on
 * the verdicts that the `fail-on` input names (by default `block`), and on nothing else.
 */
export async function runAction(deps: ActionDependencies): Promise<void> {
  let decided = false;
  try {
    const inputs = readActionInputs(deps.getInput);
    for (const deprecation of inputs.deprecations) deps.warning(deprecation);
    const connected = deps.connectPlatform({ token: inputs['github-token'], commentAuthor: inputs['comment-author'] });
    const platform = await withRequestedPullRequest(connected, inputs['pull-request']);
    const outDir = inputs['out-dir'] || deps.defaultOutDir;
    const pullRequest = platform?.environment.pullRequest ?? null;

    const policy = await resolvePolicy(inputs.policy, platform, deps.readSmallFile, deps.sha256);
    if (policy.source.changedInPullRequest) {
      const applied =
        policy.file === undefined
          ? 'the base branch has no such file, so the default policy was applied'
          : "the base branch's policy was applied";
      deps.warning(
        `this pull request changes ${policy.source.path}; ${applied}, and the change takes effect once merged`,
      );
    }
    if (inputs.mode === 'canary') {
      await runCanaryStep(
        {
          observations: inputs.observations,
          manifest: inputs.manifest,
          gateId: inputs['gate-id'],
          comment: inputs.comment,
          failOn: inputs['fail-on'],
          outDir,
          uploadArtifact: inputs['upload-artifact'],
          artifactName: inputs['artifact-name'] || `model-release-gate-canary-${inputs['gate-id']}`,
        },
        policy.file,
        platform,
        deps,
      );
      decided = true;
      return;
    }
    const incumbent = await resolveIncumbent(
      inputs.incumbent,
      {
        workflow: inputs['baseline-workflow'],
        branch: inputs['baseline-branch'],
        destination: deps.joinPath(outDir, 'baseline'),
        maxBytes: inputs['baseline-max-bytes'],
        joinPath: deps.joinPath,
      },
      platform,
    );
    const manifest = await resolveManifest(inputs.manifest, platform, deps.readSmallFile);
    // Parsed here as well as in the gate: who may approve a waiver decides which reviews count.
    const approvers =
      policy.file === undefined ? [] : parsePolicy(policy.file.path, policy.file.text).waivers.approvers;
    // Without a manifest there are no waivers, so why an approval does not count is not worth a warning.
    const approvals =
      pullRequest === null || platform === undefined
        ? undefined
        : await readApprovals(platform, approvers, manifest.file === undefined ? () => undefined : deps.warning, deps);

    // `file.json#provider=A` reads one part of a file that holds several models side by side.
    const incumbentSource = await openLocated(incumbent.path, deps.openSource);
    const candidateSource = await openLocated(inputs.candidate, deps.openSource);
    // Two lm-eval runs of differently configured tasks are refused before anything is paired.
    await checkLmEvalPair(deps.openSource, incumbent.path, inputs.candidate);
    const report = await runGate({
      read: {
        formatIn: inputs['input-format'] || undefined,
        options: {
          mapping: inputs.columns === '' ? undefined : parseColumnMapping(inputs.columns),
          cohortField: inputs['cohort-field'] || undefined,
        },
        select: { incumbent: incumbentSource.select, candidate: candidateSource.select },
      },
      incumbent: incumbentSource.source,
      candidate: candidateSource.source,
      policy: policy.file,
      manifest: manifest.file,
      baseManifest: manifest.base,
      traffic: inputs.traffic === '' ? undefined : await deps.readSmallFile(inputs.traffic),
      readTrafficFile: deps.readSmallFile,
      readiness: {
        today: deps.now().toISOString().slice(0, 10),
        evidenceExists: deps.evidenceExists,
        author: pullRequest?.author ?? undefined,
        verifiedApprovals: approvals,
        requireVerifiedWaiversByDefault: true,
      },
      tool: deps.tool,
      loadExampleColumns: deps.loadExampleColumns,
      runQuantileBootstraps: deps.runQuantileBootstraps,
    });
    // The verdict is final from here on: nothing below may change it.
    deps.setOutput('verdict', report.verdict);
    decided = true;
    deps.setOutput('blocking-count', String(report.summary.blocking_findings));
    for (const annotation of annotationsOf(report)) deps.annotate(annotation);

    const env = platform?.environment;
    const run: RunContext = {
      time: deps.now().toISOString(),
      tool: deps.tool,
      repository: env?.repository ? `${env.repository.owner}/${env.repository.repo}` : null,
      commit: pullRequest?.headSha ?? env?.sha ?? null,
      pullRequest:
        pullRequest === null
          ? null
          : {
              number: pullRequest.number,
              author: pullRequest.author,
              baseRef: pullRequest.baseRef,
              baseSha: pullRequest.baseSha,
              headSha: pullRequest.headSha,
            },
      run: env?.run ?? null,
      policySource: policy.source,
      approvals: approvals ?? null,
      baseline: incumbent.baseline,
      links: { run: env?.run?.url ?? null, artifact: null, report: null },
    };
    const published = await publishResults(
      report,
      run,
      {
        outDir,
        gateId: inputs['gate-id'],
        comment: inputs.comment,
        uploadArtifact: inputs['upload-artifact'],
        artifactName: inputs['artifact-name'] || `model-release-gate-${inputs['gate-id']}`,
      },
      platform,
      deps,
    );
    deps.setOutput('report-path', published.reportPath);
    deps.setOutput('comment-url', published.commentUrl ?? '');
    deps.setOutput('artifact-id', published.artifactId === undefined ? '' : String(published.artifactId));
    deps.info(`model release gate: ${report.verdict}`);
    endStep(report, inputs['fail-on'], published.reportPath, deps);
  } catch (error) {
    if (!decided) deps.setOutput('verdict', 'error');
    if (error instanceof InputError) {
      deps.setFailed(error.message);
      return;
    }
    throw error;
  }
}

/**
 * Approvals that cannot be read count as none: waivers then do not apply, which is the safe side.
 * Each approval that does not count (no write access, not a listed approver, unreadable) is a warning.
 */
async function readApprovals(
  platform: GitHubPlatform,
  approvers: readonly string[],
  warnUncounted: (message: string) => void,
  deps: ActionDependencies,
): Promise<string[]> {
  try {
    const approvals = await platform.approvingReviewers(approvers);
    for (const warning of approvals.warnings) warnUncounted(warning);
    return approvals.logins;
  } catch (error) {
    const failure = platform.describeFailure(error);
    deps.warning(
      `could not read the pull request's reviews, so no waiver counts as approved: ${failure.message}. ${failure.hint}`,
    );
    return [];
  }
}

/**
 * The fork-safe pattern runs the gate in a workflow_run workflow, whose event names no pull request:
 * the number comes in as an input, read from the untrusted run's artifact. It is trusted only if that
 * pull request's head is the commit GitHub says the triggering run built.
 */
async function withRequestedPullRequest(
  platform: GitHubPlatform | undefined,
  requested: string,
): Promise<GitHubPlatform | undefined> {
  if (requested === '' || platform === undefined || platform.environment.pullRequest !== null) return platform;
  let pullRequest;
  try {
    pullRequest = await platform.loadPullRequest(Number(requested));
  } catch (error) {
    const failure = platform.describeFailure(error);
    throw new InputError(
      'input pull-request',
      `could not read pull request #${requested} (${failure.message}). ${failure.hint}`,
    );
  }
  const trusted = platform.environment.workflowRunHeadSha;
  if (trusted === null || trusted !== pullRequest.headSha) {
    throw new InputError(
      'input pull-request',
      `pull request #${requested} is at ${pullRequest.headSha.slice(0, 7)}, but the workflow run that triggered this job built ${trusted?.slice(0, 7) ?? 'no known commit'}: the number must come from the triggering run (a workflow_run event)`,
    );
  }
  return platform.withPullRequest(pullRequest);
}
