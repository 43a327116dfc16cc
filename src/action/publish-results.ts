import type { RunContext } from '../core/report/run-context.js';
import { validationPackageFiles } from '../core/package/package-files.js';
import { commentMarker, renderPullRequestComment } from '../core/report/render-comment.js';
import { renderMarkdown } from '../core/report/render-markdown.js';
import type { GateReport } from '../core/report/report.js';
import type { GitHubPlatform } from '../adapters/github/github-platform.js';

export interface PublishDependencies {
  readonly writeFile: (path: string, text: string) => Promise<void>;
  readonly joinPath: (dir: string, name: string) => string;
  readonly writeSummary: (markdown: string) => Promise<void>;
  readonly warning: (message: string) => void;
  readonly info: (message: string) => void;
}

export interface Published {
  readonly reportPath: string;
  readonly artifactId: number | undefined;
  readonly commentUrl: string | undefined;
}

/** GitHub's limit for a job summary is 1 MiB; stay clear of it. */
const SUMMARY_LIMIT_BYTES = 1_000_000;
/** Shorter bodies to try when GitHub answers 422 "body too long". */
const COMMENT_FALLBACK_LENGTHS = [20_000, 5_000];

/**
 * Writes the validation package, then uploads it, comments and writes the job summary. Each of those
 * three can fail (fork tokens, GHES, quotas, rate limits): that is a warning naming the fix, and the
 * verdict, already decided, stays what it is.
 */
export async function publishResults(
  report: GateReport,
  run: RunContext,
  settings: { outDir: string; gateId: string; comment: boolean; uploadArtifact: boolean; artifactName: string },
  platform: GitHubPlatform | undefined,
  deps: PublishDependencies,
): Promise<Published> {
  const reportPath = deps.joinPath(settings.outDir, 'report.json');
  const files = validationPackageFiles(report, run);
  for (const [name, text] of files) await deps.writeFile(deps.joinPath(settings.outDir, name), text);

  let artifactId: number | undefined;
  if (settings.uploadArtifact && platform !== undefined) {
    try {
      artifactId = (
        await platform.uploadArtifact(
          settings.artifactName,
          files.map(([name]) => deps.joinPath(settings.outDir, name)),
          settings.outDir,
        )
      ).id;
    } catch (error) {
      const failure = platform.describeFailure(error);
      deps.warning(
        `could not upload the validation package as artifact ${settings.artifactName}: ${failure.message}. ${failure.hint} The verdict is unchanged; the files are in ${settings.outDir}.`,
      );
    }
  }
  const env = platform?.environment;
  const artifactUrl =
    artifactId !== undefined && env?.run !== null && env?.run !== undefined
      ? `${env.run.url}/artifacts/${artifactId}`
      : run.links.artifact;
  const linked: RunContext = { ...run, links: { ...run.links, artifact: artifactUrl } };

  let commentUrl: string | undefined;
  if (settings.comment && platform !== undefined && env?.pullRequest !== null && env?.pullRequest !== undefined) {
    commentUrl = await comment(report, linked, settings.gateId, platform, deps);
  }

  await writeSummary(report, deps);
  return { reportPath, artifactId, commentUrl };
}

async function comment(
  report: GateReport,
  run: RunContext,
  gateId: string,
  platform: GitHubPlatform,
  deps: PublishDependencies,
): Promise<string | undefined> {
  const marker = commentMarker(gateId);
  const bodies = [undefined, ...COMMENT_FALLBACK_LENGTHS].map((maxLength) =>
    renderPullRequestComment(report, run, maxLength === undefined ? { gateId } : { gateId, maxLength }),
  );
  for (const body of bodies) {
    try {
      const result = await platform.upsertComment(marker, body);
      deps.info(`pull request comment ${result.action}: ${result.url}`);
      return result.url;
    } catch (error) {
      if (platform.isCommentTooLong(error)) continue;
      const failure = platform.describeFailure(error);
      const fork =
        platform.environment.pullRequest?.fromFork === true
          ? ' Pull requests from forks get a read-only token: run the gate in a workflow_run workflow to comment (see docs/workflows.md, pull requests from forks).'
          : '';
      deps.warning(
        `could not post the pull request comment: ${failure.message}. ${failure.hint}${fork} The verdict is unchanged.`,
      );
      return undefined;
    }
  }
  deps.warning(
    'could not post the pull request comment: GitHub rejected even the shortest body as too long. The verdict is unchanged.',
  );
  return undefined;
}

async function writeSummary(report: GateReport, deps: PublishDependencies): Promise<void> {
  let summary = renderMarkdown(report);
  if (Buffer.byteLength(summary, 'utf8') > SUMMARY_LIMIT_BYTES) {
    // The report's own tables are capped, so this only trips on pathological inputs: keep the head.
    summary = `${summary.slice(0, 200_000)}\n\n…the summary was cut to stay under GitHub's 1 MiB limit; report.json has everything.\n`;
  }
  try {
    await deps.writeSummary(summary);
  } catch (error) {
    deps.warning(`could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
  }
}
