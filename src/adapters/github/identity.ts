import type { GitHubClient } from './client.js';

/** The login the Actions GITHUB_TOKEN writes comments as. */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** One lookup per client: the token does not change identity during a run. */
const identities = new WeakMap<GitHubClient, Promise<string>>();

/**
 * The login that comments written with this client's token carry. A user token (PAT) can read
 * `GET /user`; an installation token such as the Actions GITHUB_TOKEN gets 403 there, and then the
 * author is the Actions bot. A GitHub App token writes as `<app-slug>[bot]`, which `GET /user` cannot
 * tell either: such a caller passes `explicit`.
 */
export function tokenIdentity(octokit: GitHubClient, explicit?: string): Promise<string> {
  if (explicit !== undefined && explicit.trim() !== '') return Promise.resolve(explicit.trim());
  let identity = identities.get(octokit);
  if (identity === undefined) {
    identity = lookUp(octokit);
    // A failed lookup is not remembered, so a later call can try again.
    identity.catch(() => identities.delete(octokit));
    identities.set(octokit, identity);
  }
  return identity;
}

async function lookUp(octokit: GitHubClient): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    if ((error as { status?: unknown }).status === 403) return ACTIONS_BOT_LOGIN;
    throw error;
  }
}

export function sameLogin(left: string | undefined | null, right: string | undefined | null): boolean {
  const normalise = (login: string) => login.trim().replace(/^@/, '').toLowerCase();
  return left != null && right != null && normalise(left) === normalise(right);
}
