import { InputError } from '../core/errors.js';
import { parseArtifactReference } from './action-inputs.js';
import type { GitHubPlatform } from '../adapters/github/github-platform.js';

/**
 * The incumbent's results: a path in the workspace, or `artifact:<name>/<file>` from the latest
 * successful run of the baseline workflow on the base branch (the promotion pattern: main publishes
 * its results, the next pull request compares against them).
 */
export async function resolveIncumbent(
  incumbent: string,
  options: {
    workflow: string;
    branch: string;
    destination: string;
    maxBytes: number;
    joinPath: (dir: string, name: string) => string;
  },
  platform: GitHubPlatform | undefined,
): Promise<{ path: string; baseline: { runId: number; artifactId: number; headSha: string } | null }> {
  const reference = parseArtifactReference(incumbent);
  if (reference === undefined) return { path: incumbent, baseline: null };
  if (platform === undefined)
    throw new InputError(
      'input incumbent',
      'artifact:… needs the GitHub API (a github-token and a GitHub Actions run)',
    );
  if (options.workflow === '')
    throw new InputError(
      'input baseline-workflow',
      'required with incumbent: artifact:…: the workflow file (e.g. release-gate.yml) whose runs publish the baseline',
    );
  const branch =
    options.branch || platform.environment.pullRequest?.baseRef || platform.environment.defaultBranch || '';
  if (branch === '')
    throw new InputError(
      'input baseline-branch',
      'could not tell which branch holds the baseline: set baseline-branch',
    );
  let found;
  try {
    found = await platform.downloadBaseline({
      ...reference,
      workflow: options.workflow,
      branch,
      destination: options.destination,
      maxBytes: options.maxBytes,
    });
  } catch (error) {
    // The adapter's ArchiveRefusedError, by name: the action layer takes its adapters injected.
    if (error instanceof Error && error.name === 'ArchiveRefusedError') {
      throw new InputError(
        'input incumbent',
        `the baseline artifact ${reference.artifactName} was refused, and nothing from it was used: ${error.message}. Check what the baseline workflow uploads under that name (baseline-max-bytes caps its size at ${options.maxBytes} bytes).`,
      );
    }
    const failure = platform.describeFailure(error);
    throw new InputError(
      'input incumbent',
      `could not fetch the baseline artifact ${reference.artifactName} (${failure.message}). ${failure.hint}`,
    );
  }
  if (found === undefined) {
    throw new InputError(
      'input incumbent',
      `no successful run of ${options.workflow} on ${branch} has an artifact named ${reference.artifactName}: run that workflow on ${branch} first`,
    );
  }
  return { path: options.joinPath(options.destination, reference.file), baseline: found };
}
