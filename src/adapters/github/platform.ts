import type { GitHubFailure, GitHubPlatform } from './github-platform.js';
import { approvingReviewers } from './approvals.js';
import { confirmAbsentAtRef, readFileAtRef } from './base-policy.js';
import { downloadBaselineArtifact, findBaselineArtifact } from './baseline-artifact.js';
import type { GitHubClient } from './client.js';
import { CommentTooLongError, classifyGitHubError } from './errors.js';
import type { RunnerEnvironment } from './runner-environment.js';
import { upsertStickyComment } from './sticky-comment.js';

type ArtifactService = typeof import('./artifact-upload.js');

/**
 * The artifact client, once something has loaded it. Its module (and Octokit's, below) is imported
 * on first use: together they are most of the Action bundle, and a run that fails on its inputs or
 * never calls GitHub should start as fast as bare Node. An artifact-client error can only exist once
 * the module is loaded, so describeFailure needs nothing more than this reference.
 */
let artifactService: ArtifactService | undefined;

async function loadArtifactService(): Promise<ArtifactService> {
  artifactService ??= await import('./artifact-upload.js');
  return artifactService;
}

/** The real GitHub behind the Action's GitHubPlatform interface. */
export function createGitHubPlatform(
  token: string,
  environment: RunnerEnvironment,
  options: { log?: (message: string) => void; commentAuthor?: string } = {},
): GitHubPlatform {
  let client: Promise<GitHubClient> | undefined;
  const octokit = (): Promise<GitHubClient> =>
    (client ??= import('./client.js').then(({ createGitHubClient }) => createGitHubClient(token, options)));
  const repository = (): { owner: string; repo: string } => {
    if (environment.repository === null) throw new Error('GITHUB_REPOSITORY is not set');
    return environment.repository;
  };
  const pullRequest = (): NonNullable<RunnerEnvironment['pullRequest']> => {
    if (environment.pullRequest === null) throw new Error('this event is not a pull request');
    return environment.pullRequest;
  };
  return {
    environment,
    readFileAtRef: async (path, ref) => readFileAtRef(await octokit(), { ...repository(), path, ref }),
    confirmAbsentAtRef: async (path, ref) => confirmAbsentAtRef(await octokit(), { ...repository(), path, ref }),
    approvingReviewers: async (approvers) => {
      const pr = pullRequest();
      return approvingReviewers(await octokit(), {
        ...repository(),
        pullNumber: pr.number,
        headSha: pr.headSha,
        author: pr.author ?? '',
        approvers,
      });
    },
    upsertComment: async (marker, body) =>
      upsertStickyComment(await octokit(), {
        ...repository(),
        issueNumber: pullRequest().number,
        marker,
        body,
        // A GitHub App token cannot tell its own login (GET /user answers 403); the input names it.
        ...(options.commentAuthor ? { identity: options.commentAuthor } : {}),
      }),
    downloadBaseline: async ({ workflow, branch, artifactName, file, destination, maxBytes }) => {
      const found = await findBaselineArtifact(await octokit(), { ...repository(), workflow, branch, artifactName });
      if (found === undefined) return undefined;
      await downloadBaselineArtifact(await octokit(), {
        ...repository(),
        artifactId: found.artifactId,
        file,
        destination,
        maxBytes,
      });
      return found;
    },
    uploadArtifact: async (name, files, rootDirectory) =>
      (await loadArtifactService()).uploadArtifact(name, files, rootDirectory),
    loadPullRequest: async (number) => {
      const { data } = await (await octokit()).rest.pulls.get({ ...repository(), pull_number: number });
      return {
        number: data.number,
        author: data.user?.login ?? null,
        baseRef: data.base.ref,
        baseSha: data.base.sha,
        headSha: data.head.sha,
        fromFork: data.head.repo?.full_name !== data.base.repo.full_name,
      };
    },
    withPullRequest: (pullRequest) => createGitHubPlatform(token, { ...environment, pullRequest }, options),
    describeFailure: (error) => describeFailure(error),
    isCommentTooLong: (error) => error instanceof CommentTooLongError,
  };
}

/** Artifact-client failures by their class; anything else (an API response, the network) through the classifier. */
function describeFailure(error: unknown): GitHubFailure {
  const artifactFailure = artifactService?.describeArtifactFailure(error);
  if (artifactFailure !== undefined) return artifactFailure;
  const info = classifyGitHubError(error);
  return { kind: info.kind, message: info.message, hint: info.hint };
}
