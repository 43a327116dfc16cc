import type { GitHubPlatform } from '../adapters/github/github-platform.js';
import type { CanaryReport } from '../core/canary/canary-report.js';
import { commentMarker } from '../core/report/render-comment.js';
import { InputError } from '../core/errors.js';
import { runCanaryGate } from '../core/gate/run-canary.js';
import type { SourceFile } from '../core/source-file.js';
import type { FailOn } from './step-outcome.js';

interface CanaryStepDependencies {
  readonly readSmallFile: (path: string) => Promise<SourceFile>;
  readonly now: () => Date;
  readonly tool: { readonly name: string; readonly version: string };
  readonly setOutput: (name: string, value: string) => void;
  readonly writeSummary: (markdown: string) => Promise<void>;
  readonly setFailed: (message: string) => void;
  readonly warning: (message: string) => void;
  readonly info: (message: string) => void;
  readonly writeFile: (path: string, text: string) => Promise<void>;
  readonly joinPath: (dir: string, name: string) => string;
}

/** The verdict output of a canary run, so that workflows reading `verdict` keep working. */
const VERDICT = { promote: 'pass', hold: 'warn', rollback: 'block' } as const;

/**
 * `mode: canary`: judges a canary stage from its observations and the manifest's rollout. The
 * decision is set as outputs first; the job summary and the pull-request comment (when there is a
 * pull request) follow, where a failure is only a warning. A roll back fails the step (fail-on:
 * block, the default); a hold fails it only with fail-on: warn.
 */
export async function runCanaryStep(
  inputs: {
    readonly observations: string;
    readonly manifest: string;
    readonly gateId: string;
    readonly comment: boolean;
    readonly failOn: FailOn;
    readonly outDir: string;
    readonly uploadArtifact: boolean;
    readonly artifactName: string;
  },
  policy: SourceFile | undefined,
  platform: GitHubPlatform | undefined,
  deps: CanaryStepDependencies,
): Promise<CanaryReport> {
  if (inputs.observations === '')
    throw new InputError(
      'input observations',
      'required with mode: canary: the path of the canary observations (model-release-gate/canary@1)',
    );
  if (inputs.manifest === '')
    throw new InputError(
      'input manifest',
      'required with mode: canary: its rollout stages and abort_when criteria decide the stage',
    );
  const report = runCanaryGate({
    observations: await deps.readSmallFile(inputs.observations),
    manifest: await deps.readSmallFile(inputs.manifest),
    policy,
    tool: deps.tool,
    now: deps.now().toISOString(),
  });
  deps.setOutput('decision', report.decision);
  deps.setOutput('verdict', VERDICT[report.decision]);
  deps.setOutput('blocking-count', String(report.findings.filter((f) => f.severity === 'block').length));

  const { canaryReportFiles, renderCanaryComment } = await import('../core/canary/canary-report-files.js');
  // The reports, for the audit: canary-report.json holds every look's bounds.
  const files = canaryReportFiles(report);
  for (const [name, text] of files) await deps.writeFile(deps.joinPath(inputs.outDir, name), text);
  deps.setOutput('report-path', deps.joinPath(inputs.outDir, 'canary-report.json'));
  let artifactId = '';
  if (inputs.uploadArtifact && platform !== undefined) {
    try {
      const uploaded = await platform.uploadArtifact(
        inputs.artifactName,
        files.map(([name]) => deps.joinPath(inputs.outDir, name)),
        inputs.outDir,
      );
      artifactId = uploaded.id === undefined ? '' : String(uploaded.id);
    } catch (error) {
      const failure = platform.describeFailure(error);
      deps.warning(
        `could not upload the canary reports as artifact ${inputs.artifactName}: ${failure.message}. ${failure.hint} The decision is unchanged; the files are in ${inputs.outDir}.`,
      );
    }
  }
  deps.setOutput('artifact-id', artifactId);
  try {
    // The summary is canary-report.md itself.
    await deps.writeSummary((files.find(([name]) => name === 'canary-report.md') as [string, string])[1]);
  } catch (error) {
    deps.warning(`could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
  }
  let commentUrl = '';
  if (inputs.comment && platform?.environment.pullRequest != null) {
    try {
      const body = renderCanaryComment(report, { gateId: inputs.gateId });
      commentUrl = (await platform.upsertComment(commentMarker(inputs.gateId, 'canary'), body)).url;
    } catch (error) {
      const failure = platform.describeFailure(error);
      deps.warning(`could not post the canary comment: ${failure.message}. ${failure.hint}`);
    }
  }
  deps.setOutput('comment-url', commentUrl);
  deps.info(`model release gate canary: ${report.decision}: ${report.reason}`);
  if (report.decision === 'rollback' && inputs.failOn !== 'never')
    deps.setFailed(`model release gate canary: roll back. ${report.reason}`);
  else if (report.decision === 'rollback')
    deps.warning(
      `model release gate canary would roll back, but fail-on is never, so the step passes. ${report.reason}`,
    );
  else if (report.decision === 'hold' && inputs.failOn === 'warn')
    deps.setFailed(`model release gate canary: hold (not yet decided), and fail-on is warn. ${report.reason}`);
  return report;
}
