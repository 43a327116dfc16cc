import type { GitHubClient } from './client.js';
import { classifyGitHubError } from './errors.js';
import { sameLogin } from './identity.js';

/** Review author associations that can hold write access; anyone else (NONE, CONTRIBUTOR, …) cannot. */
const INSIDERS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
/** Repository roles that may push, by `permission` (admin, write) or `role_name` (admin, maintain, write). */
const WRITERS = new Set(['admin', 'maintain', 'write']);

interface StandingRequest {
  owner: string;
  repo: string;
  /** policy waivers.approvers; empty: anyone with write access. */
  approvers: readonly string[];
}

/**
 * Why an approval does not count, or undefined when it does: the approver must have write access
 * to the repository and, when the policy lists approvers, be listed by login or be an active member
 * of a listed team. Whatever cannot be read counts as no.
 */
export async function approverStanding(
  octokit: GitHubClient,
  request: StandingRequest,
  reviewer: { login: string; association: string | undefined },
): Promise<string | undefined> {
  // The review says who is outside the repository; only an insider's access is worth asking about.
  if (reviewer.association !== undefined && !INSIDERS.has(reviewer.association)) {
    return `${reviewer.login} is not a collaborator of this repository (${reviewer.association.toLowerCase()}); only approvals from users with write access count`;
  }
  const access = await writeAccess(octokit, request, reviewer.login);
  if (access !== undefined) return access;
  if (request.approvers.length === 0) return undefined;
  return listedApprover(octokit, request.approvers, reviewer.login);
}

async function writeAccess(
  octokit: GitHubClient,
  { owner, repo }: StandingRequest,
  login: string,
): Promise<string | undefined> {
  let permission: string | undefined;
  let role: string | undefined;
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login });
    permission = data.permission;
    role = (data as { role_name?: string }).role_name;
  } catch (error) {
    const info = classifyGitHubError(error);
    if (info.status === 404)
      return `${login} is not a collaborator of this repository; only approvals from users with write access count`;
    return `${login}'s permission on the repository could not be read (${info.message}). ${info.hint}`;
  }
  if (WRITERS.has(permission ?? '') || WRITERS.has(role ?? '')) return undefined;
  return `${login} has ${role ?? permission ?? 'no'} access to this repository; only approvals from users with write access count`;
}

/** Listed by login, or an active member of a listed team; the policy's list is the whole truth. */
async function listedApprover(
  octokit: GitHubClient,
  approvers: readonly string[],
  login: string,
): Promise<string | undefined> {
  const entries = approvers.map((entry) => entry.trim().replace(/^@/, ''));
  if (entries.some((entry) => !entry.includes('/') && sameLogin(entry, login))) return undefined;
  const problems: string[] = [];
  for (const team of entries.filter((entry) => entry.includes('/'))) {
    const [org = '', slug = ''] = team.split('/');
    try {
      const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
      if (data.state === 'active') return undefined;
    } catch (error) {
      const info = classifyGitHubError(error);
      // 404: not a member (or a team this token cannot see). 403: the token may not read the
      // organization's teams; the Actions GITHUB_TOKEN never can, so say what would.
      if (info.status === 403)
        problems.push(
          `the token may not read the members of @${team} (a GitHub App or personal token with organization members: read can)`,
        );
      else if (info.status !== 404) problems.push(`the members of @${team} could not be read (${info.message})`);
    }
  }
  const listed = approvers.join(', ');
  return `${login} is not listed in the policy's waivers.approvers (${listed}) nor an active member of a listed team${problems.length === 0 ? '' : `; ${problems.join('; ')}`}`;
}
