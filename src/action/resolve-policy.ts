import { InputError } from '../core/errors.js';
import type { RunContext } from '../core/report/run-context.js';
import type { GitHubPlatform } from '../adapters/github/github-platform.js';
import { confirmAbsentAtBase, readAtBase } from './read-at-base.js';
import type { SourceFile } from '../core/source-file.js';

export interface ResolvedPolicy {
  readonly file: SourceFile | undefined;
  readonly source: RunContext['policySource'];
}

/**
 * The policy that judges a change. On a pull request it is read from the base commit, never from the
 * workspace: a pull request must not be able to loosen its own gate. When the pull request edits the
 * policy file, the base version still applies and the report says so; the edit takes effect once
 * merged. A base policy that cannot be read stops the run (fail closed) rather than falling back,
 * and so does a named policy found nowhere (a typo must not silently apply the defaults).
 */
export async function resolvePolicy(
  path: string,
  platform: GitHubPlatform | undefined,
  readWorkspace: (path: string) => Promise<SourceFile>,
  sha256: (text: string) => string,
): Promise<ResolvedPolicy> {
  if (path === '')
    return { file: undefined, source: { path: null, origin: 'defaults', commit: null, changedInPullRequest: false } };
  const pullRequest = platform?.environment.pullRequest ?? null;
  if (platform === undefined || pullRequest === null) {
    const file = await readWorkspace(path);
    return {
      file,
      source: { path, origin: 'workspace', commit: platform?.environment.sha ?? null, changedInPullRequest: false },
    };
  }
  const base = await readAtBase(platform, path, pullRequest.baseSha, 'policy');
  const workspace = await readWorkspace(path).catch(() => undefined);
  if (base === undefined && workspace === undefined) {
    throw new InputError(
      'input policy',
      `${path} exists neither at the pull request's base commit ${pullRequest.baseSha.slice(0, 7)} nor in the workspace: check the path (the defaults are applied only when the input is empty)`,
    );
  }
  if (base === undefined) await confirmAbsentAtBase(platform, path, pullRequest.baseSha, 'policy');
  const changed = workspace?.text !== base?.text;
  // A policy file the pull request adds does not exist at the base: the defaults judge this change.
  if (base === undefined)
    return {
      file: undefined,
      source: { path, origin: 'defaults', commit: pullRequest.baseSha, changedInPullRequest: changed },
    };
  return {
    file: { path, text: base.text, sha256: sha256(base.text) },
    source: { path, origin: 'base', commit: pullRequest.baseSha, changedInPullRequest: changed },
  };
}
