import type { BaseManifest } from '../core/manifest/manifest-weakening.js';
import type { GitHubPlatform } from '../adapters/github/github-platform.js';
import { confirmAbsentAtBase, readAtBase } from './read-at-base.js';
import type { SourceFile } from '../core/source-file.js';

export interface ResolvedManifest {
  readonly file: SourceFile | undefined;
  /** The base commit's version, to catch a pull request that weakens it; undefined when new or not a pull request. */
  readonly base: BaseManifest | undefined;
}

/**
 * The release manifest is the pull request's own (it describes this release), but the pull request
 * must not lower the bar its base version set, so on a pull request the base version is read too,
 * the same fail-closed way as the policy. A manifest the pull request adds is judged as written.
 */
export async function resolveManifest(
  path: string,
  platform: GitHubPlatform | undefined,
  readWorkspace: (path: string) => Promise<SourceFile>,
): Promise<ResolvedManifest> {
  if (path === '') return { file: undefined, base: undefined };
  const file = await readWorkspace(path);
  const pullRequest = platform?.environment.pullRequest ?? null;
  if (platform === undefined || pullRequest === null) return { file, base: undefined };
  const base = await readAtBase(platform, path, pullRequest.baseSha, 'manifest');
  if (base === undefined) {
    await confirmAbsentAtBase(platform, path, pullRequest.baseSha, 'manifest');
    return { file, base: undefined };
  }
  return { file, base: { label: `${path} at the base commit ${pullRequest.baseSha.slice(0, 7)}`, text: base.text } };
}
