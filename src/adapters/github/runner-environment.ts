import { readFileSync } from 'node:fs';

/** What the runner tells a step about where it runs: repository, commit, run, and the pull request. */
export interface RunnerEnvironment {
  readonly repository: { readonly owner: string; readonly repo: string } | null;
  readonly serverUrl: string;
  readonly sha: string | null;
  readonly eventName: string | null;
  readonly run: { readonly id: string; readonly attempt: string | null; readonly url: string } | null;
  readonly pullRequest: {
    readonly number: number;
    readonly author: string | null;
    readonly baseRef: string;
    readonly baseSha: string;
    readonly headSha: string;
    /** The head lives in a fork: the token is read-only there. */
    readonly fromFork: boolean;
  } | null;
  readonly defaultBranch: string | null;
  /** On workflow_run events: the commit the triggering run built, set by GitHub (trusted). */
  readonly workflowRunHeadSha: string | null;
}

interface PullRequestPayload {
  number?: unknown;
  user?: { login?: unknown };
  base?: { ref?: unknown; sha?: unknown; repo?: { full_name?: unknown } };
  head?: { sha?: unknown; repo?: { full_name?: unknown } | null };
}

/** Reads GITHUB_* variables and the event payload file. Missing pieces are null, never guessed. */
export function readRunnerEnvironment(env: Readonly<Record<string, string | undefined>>): RunnerEnvironment {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = owner && repo ? { owner, repo } : null;
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const runId = env.GITHUB_RUN_ID;
  const pr = payload?.pull_request as PullRequestPayload | undefined;
  const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  const pullRequest =
    pr !== undefined &&
    typeof pr.number === 'number' &&
    str(pr.base?.ref) !== null &&
    str(pr.base?.sha) !== null &&
    str(pr.head?.sha) !== null
      ? {
          number: pr.number,
          author: str(pr.user?.login),
          baseRef: str(pr.base?.ref) as string,
          baseSha: str(pr.base?.sha) as string,
          headSha: str(pr.head?.sha) as string,
          fromFork: str(pr.head?.repo?.full_name) !== null && pr.head?.repo?.full_name !== pr.base?.repo?.full_name,
        }
      : null;
  const repositoryPayload = payload?.repository as { default_branch?: unknown } | undefined;
  return {
    repository,
    serverUrl,
    sha: str(env.GITHUB_SHA),
    eventName: str(env.GITHUB_EVENT_NAME),
    run:
      runId && repository
        ? {
            id: runId,
            attempt: str(env.GITHUB_RUN_ATTEMPT),
            url: `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${runId}`,
          }
        : null,
    pullRequest,
    defaultBranch: str(repositoryPayload?.default_branch),
    workflowRunHeadSha: str((payload?.workflow_run as { head_sha?: unknown } | undefined)?.head_sha),
  };
}

function readPayload(path: string | undefined): Record<string, unknown> | undefined {
  if (path === undefined || path === '') return undefined;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
