import { getOctokit } from '@actions/github';
import { defaults as actionsDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

/** The Octokit the adapters take: REST methods and `paginate`, with retries and throttling installed. */
export type GitHubClient = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  /** The REST API root. Defaults to GITHUB_API_URL (GitHub Enterprise Server), else api.github.com. */
  baseUrl?: string;
  /** Where retries, rate limits and Octokit's own warnings are reported. Silent by default. */
  log?: (message: string) => void;
  /**
   * How long one HTTP attempt may take, body included. A request that passes its own `request.signal`
   * (the artifact download) owns its deadline instead.
   */
  timeoutMs?: number;
}

/** Attempts after the first for 5xx answers and network failures (1 s, 4 s, 9 s apart). */
const RETRIES = 3;
/** Rate-limit retries per request; each waits for GitHub's retry-after. */
const RATE_LIMIT_RETRIES = 2;
/** A longer wait than this is not worth holding a CI job for: the caller reports a warning instead. */
const MAX_RATE_LIMIT_WAIT_S = 60;
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Statuses a retry cannot fix. 409 and 422 mean the request itself is wrong or conflicts with
 * the state; 429 is left to the throttling plugin, which honours retry-after, instead of the retry
 * plugin's fixed backoff that would hammer a secondary rate limit.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

let clientCount = 0;

type FetchLike = (url: string, init?: { signal?: AbortSignal | null } & Record<string, unknown>) => Promise<unknown>;

/**
 * An Octokit for the gate's GitHub calls. Reads and idempotent writes (PATCH) are retried; a caller
 * that must not repeat a request (creating a comment) passes `request: { retries: 0 }` and decides
 * itself, because a 5xx after GitHub stored the comment would otherwise post it twice.
 */
export function createGitHubClient(token: string, options: GitHubClientOptions = {}): GitHubClient {
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  clientCount += 1;

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const what = `${kind} on ${request.method} ${request.url}`;
      if (retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_S) {
        log(`GitHub ${what}: retrying in ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES}).`);
        return true;
      }
      log(`GitHub ${what}: giving up (retry-after ${retryAfter} s, ${retryCount} retries so far).`);
      return false;
    };

  return getOctokit(
    token,
    {
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl.replace(/\/+$/, '') }),
      request: { fetch: withTimeout(pickFetch(options.baseUrl), timeoutMs) },
      retry: { retries: RETRIES, doNotRetry: DO_NOT_RETRY },
      throttle: {
        // The plugin's write spacing is shared per id across clients; one id per client keeps an
        // earlier client's writes (another test, another step) from delaying this one.
        id: `model-release-gate-${process.pid}-${clientCount}`,
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
      },
      log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    },
    retry,
    throttling,
  );
}

/**
 * @actions/github's fetch goes through the runner's proxy settings, but it picked its proxy for
 * GITHUB_API_URL when it loaded; for any other API root the plain global fetch is the honest choice.
 */
function pickFetch(baseUrl: string | undefined): FetchLike {
  const actionsFetch = (actionsDefaults.request as { fetch?: FetchLike } | undefined)?.fetch;
  const sameRoot = baseUrl === undefined || sameOrigin(baseUrl, actionsDefaults.baseUrl);
  return sameRoot && actionsFetch !== undefined ? actionsFetch : globalThis.fetch;
}

function sameOrigin(left: string, right: string | undefined): boolean {
  try {
    return right !== undefined && new URL(left).origin === new URL(right).origin;
  } catch {
    return false;
  }
}

/** Octokit has no timeout of its own: a hung connection would hold the job until the runner kills it. */
function withTimeout(fetch: FetchLike, timeoutMs: number): FetchLike {
  return (url, init = {}) => {
    if (init.signal) return fetch(url, init);
    return fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  };
}
