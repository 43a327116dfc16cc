/**
 * GitHub failures in terms the caller can act on. The gate's verdict never depends on these calls
 * succeeding, so the Action turns them into warnings; the hint says what would make them work.
 */

/** GitHub refused a comment body as too long (422). The caller can retry with a shorter body. */
export class CommentTooLongError extends Error {
  /** The limit GitHub named, when it named one (65,536 characters today). */
  readonly maxLength: number | undefined;
  readonly length: number;

  constructor(length: number, githubMessage: string) {
    const limit = /maximum is ([\d,]+)/i.exec(githubMessage)?.[1];
    const maxLength = limit === undefined ? undefined : Number(limit.replace(/,/g, ''));
    super(
      `GitHub refused the comment: ${length} characters is too long${maxLength === undefined ? '' : ` (maximum ${maxLength})`}.`,
    );
    this.name = 'CommentTooLongError';
    this.maxLength = maxLength;
    this.length = length;
  }
}

type GitHubErrorKind =
  'permission' | 'not-found' | 'too-long' | 'conflict' | 'rate-limited' | 'server' | 'network' | 'other';

export interface GitHubErrorInfo {
  kind: GitHubErrorKind;
  status?: number;
  /** What GitHub (or the network) said. */
  message: string;
  /** One sentence naming the permission or setting that would fix it. */
  hint: string;
}

/** The parts of an Octokit RequestError we read; duck-typed so any thrown value can be classified. */
interface RequestErrorLike {
  status?: unknown;
  message?: unknown;
  name?: unknown;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

const FORK_HINT =
  'On a pull request from a fork the token is read-only whatever `permissions:` says: use the workflow_run pattern (see docs/workflows.md, pull requests from forks).';

export function classifyGitHubError(error: unknown): GitHubErrorInfo {
  if (error instanceof CommentTooLongError) {
    return { kind: 'too-long', status: 422, message: error.message, hint: tooLongHint() };
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as RequestErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const status = typeof e.status === 'number' ? e.status : undefined;
  const url = e.request?.url ?? '';
  const method = (e.request?.method ?? 'GET').toUpperCase();
  const headers = e.response?.headers ?? {};

  // Octokit reports a connection failure or a timeout as a 500 without a response.
  if (status === undefined || (status === 500 && e.response === undefined)) {
    const network =
      status !== undefined || /fetch failed|ECONN|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|socket|timeout|aborted/i.test(message);
    if (network) {
      return {
        kind: 'network',
        ...(status === undefined ? {} : { status }),
        message,
        hint: "GitHub could not be reached: check the runner's network and proxy (HTTPS_PROXY, NO_PROXY) and, on GitHub Enterprise Server, GITHUB_API_URL.",
      };
    }
    return { kind: 'other', message, hint: 'This is not an HTTP error from GitHub; see the message.' };
  }

  const rateLimited =
    status === 429 || (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message)));
  if (rateLimited) {
    return {
      kind: 'rate-limited',
      status,
      message,
      hint: "GitHub's API rate limit was hit: re-run the job later, or use a GitHub App token, which has a higher limit.",
    };
  }
  if (status === 401) {
    return {
      kind: 'permission',
      status,
      message,
      hint: 'The token was rejected: check that the `github-token` input is set and not expired.',
    };
  }
  if (status === 403) {
    const needed = permissionFor(method, url);
    const write = method !== 'GET' && method !== 'HEAD';
    return {
      kind: 'permission',
      status,
      message,
      hint: `Give the job \`permissions: ${needed}\`${write ? `. ${FORK_HINT}` : '.'}`,
    };
  }
  if (status === 404) {
    return {
      kind: 'not-found',
      status,
      message,
      hint: `GitHub answers 404 both for something missing and for something the token may not see: check the name, and give the job \`permissions: ${permissionFor('GET', url)}\`.`,
    };
  }
  if (status === 422 && /too long|maximum is/i.test(message)) {
    return { kind: 'too-long', status, message, hint: tooLongHint() };
  }
  if (status === 409) {
    return {
      kind: 'conflict',
      status,
      message,
      hint: 'GitHub reported a conflict (an empty repository, or the resource changed meanwhile): re-run the job.',
    };
  }
  if (status >= 500) {
    return {
      kind: 'server',
      status,
      message,
      hint: 'GitHub had a server error after retries: re-run the job, and check githubstatus.com if it persists.',
    };
  }
  return { kind: 'other', status, message, hint: 'GitHub refused the request; see the message.' };
}

function tooLongHint(): string {
  return "Shorten the comment below GitHub's 65,536-character limit; the full report belongs in the job summary or an artifact.";
}

/** The `permissions:` entry a workflow needs for the endpoint behind a failed request. */
function permissionFor(method: string, url: string): string {
  const access = method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0] ?? '';
  if (/\/issues\/(\d+\/)?comments/.test(path))
    return access === 'read' ? 'pull-requests: read' : 'pull-requests: write';
  if (/\/pulls\//.test(path)) return `pull-requests: ${access}`;
  if (/\/actions\//.test(path)) return `actions: ${access}`;
  if (/\/contents\//.test(path)) return `contents: ${access}`;
  return `contents: ${access}`;
}
