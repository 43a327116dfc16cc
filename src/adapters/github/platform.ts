import { DefaultArtifactClient } from '@actions/artifact';
import type { GitHubFailure, GitHubPlatform } from '../../action/github-platform.js';
import { approvingReviewers } from './approvals.js';
import { confirmAbsentAtRef, readFileAtRef } from './base-policy.js';
import { downloadBaselineArtifact, findBaselineArtifact } from './baseline-artifact.js';
import { createGitHubClient } from './client.js';
import { CommentTooLongError, classifyGitHubError } from './errors.js';
import type { RunnerEnvironment } from './runner-environment.js';
import { upsertStickyComment } from './sticky-comment.js';

/** The real GitHub behind the Action's GitHubPlatform interface. */
export function createGitHubPlatform(
  token: string,
  environment: RunnerEnvironment,
  options: { log?: (message: string) => void; commentAuthor?: string } = {},
): GitHubPlatform {
  const octokit = createGitHubClient(token, options);
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
    readFileAtRef: (path, ref) => readFileAtRef(octokit, { ...repository(), path, ref }),
    confirmAbsentAtRef: (path, ref) => confirmAbsentAtRef(octokit, { ...repository(), path, ref }),
    approvingReviewers: (approvers) => {
      const pr = pullRequest();
      return approvingReviewers(octokit, {
        ...repository(),
        pullNumber: pr.number,
        headSha: pr.headSha,
        author: pr.author ?? '',
        approvers,
      });
    },
    upsertComment: (marker, body) =>
      upsertStickyComment(octokit, {
        ...repository(),
        issueNumber: pullRequest().number,
        marker,
        body,
        // A GitHub App token cannot tell its own login (GET /user answers 403); the input names it.
        ...(options.commentAuthor ? { identity: options.commentAuthor } : {}),
      }),
    downloadBaseline: async ({ workflow, branch, artifactName, file, destination, maxBytes }) => {
      const found = await findBaselineArtifact(octokit, { ...repository(), workflow, branch, artifactName });
      if (found === undefined) return undefined;
      await downloadBaselineArtifact(octokit, {
        ...repository(),
        artifactId: found.artifactId,
        file,
        destination,
        maxBytes,
      });
      return found;
    },
    uploadArtifact: async (name, files, rootDirectory) => {
      const result = await new DefaultArtifactClient().uploadArtifact(name, [...files], rootDirectory);
      return { id: result.id };
    },
    loadPullRequest: async (number) => {
      const { data } = await octokit.rest.pulls.get({ ...repository(), pull_number: number });
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

/** API failures through the classifier; artifact-service failures (not API responses) by their kind. */
function describeFailure(error: unknown): GitHubFailure {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'GHESNotSupportedError') {
    return {
      kind: 'unsupported',
      message,
      hint: 'GitHub Enterprise Server does not offer this artifact service: set upload-artifact: false and upload out-dir with the artifact action your server supports.',
    };
  }
  if (/already exists|conflict|409/i.test(message) && !('status' in (error as object))) {
    return {
      kind: 'conflict',
      message,
      hint: 'an artifact of that name already exists in this run: give each job or gate its own artifact-name (or gate-id).',
    };
  }
  if (/quota|storage/i.test(message) && !('status' in (error as object))) {
    return {
      kind: 'quota',
      message,
      hint: "the account's artifact storage quota is used up: free space or lower retention in the repository's Actions settings.",
    };
  }
  if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL|runtime token/i.test(message)) {
    return { kind: 'unavailable', message, hint: 'the artifact service is only reachable from a GitHub Actions job.' };
  }
  const info = classifyGitHubError(error);
  return { kind: info.kind, message: info.message, hint: info.hint };
}
