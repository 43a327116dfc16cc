import type { GitHubClient } from './client.js';
import { sameLogin } from './identity.js';

export interface ApprovalsRequest {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The commit being judged: an approval of an earlier commit did not see this code. */
  headSha: string;
  /** The pull request's author, who cannot approve their own waiver. */
  author: string;
}

/** Review states that replace a reviewer's standing verdict; COMMENTED and PENDING do not. */
const VERDICTS = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/**
 * The reviewers who currently approve the pull request at `headSha`, as GitHub spells their logins.
 * GitHub lists reviews oldest first, and a reviewer's latest verdict is the one that stands: a later
 * comment keeps an approval, a request for changes withdraws it, and a dismissed approval is listed
 * with state DISMISSED.
 */
export async function approvingReviewers(octokit: GitHubClient, request: ApprovalsRequest): Promise<string[]> {
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
    owner: request.owner,
    repo: request.repo,
    pull_number: request.pullNumber,
    per_page: 100,
  });

  // Keyed by lower-cased login: GitHub logins are case-insensitive.
  const standing = new Map<string, { login: string; state: string; commitId: string | null }>();
  for (const review of reviews) {
    const login = review.user?.login;
    if (login === undefined || !VERDICTS.has(review.state)) continue;
    standing.set(login.toLowerCase(), { login, state: review.state, commitId: review.commit_id });
  }

  return [...standing.values()]
    .filter((verdict) => verdict.state === 'APPROVED' && verdict.commitId === request.headSha)
    .filter((verdict) => !sameLogin(verdict.login, request.author))
    .map((verdict) => verdict.login);
}
