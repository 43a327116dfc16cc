import type { GitHubClient } from './client.js';
import { sameLogin } from './identity.js';
import { approverStanding } from './approver-standing.js';

export interface ApprovalsRequest {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The commit being judged: an approval of an earlier commit did not see this code. */
  headSha: string;
  /** The pull request's author, who cannot approve their own waiver. */
  author: string;
  /** policy waivers.approvers: logins and `@org/team` slugs; empty: anyone with write access. */
  approvers?: readonly string[];
}

export interface Approvals {
  /** Approvers whose approval counts, as GitHub spells their logins. */
  logins: string[];
  /** Why each other approval of the head commit does not count. */
  warnings: string[];
}

/** Review states that replace a reviewer's standing verdict; COMMENTED and PENDING do not. */
const VERDICTS = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/**
 * The reviewers whose approval of the pull request at `headSha` counts. GitHub lists reviews oldest
 * first, and a reviewer's latest verdict is the one that stands: a later comment keeps an approval,
 * a request for changes withdraws it, and a dismissed approval is listed with state DISMISSED. On a
 * public repository anyone can approve, so an approval counts only from someone with write access
 * (and, when the policy lists approvers, one of them); anything that cannot be confirmed does not
 * count, and a warning says why.
 */
export async function approvingReviewers(octokit: GitHubClient, request: ApprovalsRequest): Promise<Approvals> {
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
    owner: request.owner,
    repo: request.repo,
    pull_number: request.pullNumber,
    per_page: 100,
  });

  // Keyed by lower-cased login: GitHub logins are case-insensitive.
  const standing = new Map<
    string,
    { login: string; state: string; commitId: string | null; association: string | undefined }
  >();
  for (const review of reviews) {
    const login = review.user?.login;
    if (login === undefined || !VERDICTS.has(review.state)) continue;
    standing.set(login.toLowerCase(), {
      login,
      state: review.state,
      commitId: review.commit_id,
      association: review.author_association,
    });
  }

  const approving = [...standing.values()]
    .filter((verdict) => verdict.state === 'APPROVED' && verdict.commitId === request.headSha)
    .filter((verdict) => !sameLogin(verdict.login, request.author));

  const result: Approvals = { logins: [], warnings: [] };
  for (const verdict of approving) {
    const refusal = await approverStanding(octokit, { ...request, approvers: request.approvers ?? [] }, verdict);
    if (refusal === undefined) result.logins.push(verdict.login);
    else result.warnings.push(`the approval by ${verdict.login} does not count for waivers: ${refusal}`);
  }
  return result;
}
