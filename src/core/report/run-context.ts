/**
 * Where and when a gate ran, and what the platform verified: everything the validation package and
 * the pull-request comment say beyond the report itself. The CLI fills what it knows (time, tool);
 * the Action fills the rest from the runner's environment and the GitHub API.
 */
export interface RunContext {
  /** ISO 8601 time the run finished (the only non-deterministic field with the run identifiers). */
  readonly time: string;
  readonly tool: { readonly name: string; readonly version: string };
  /** owner/name, when known. */
  readonly repository: string | null;
  /** The commit the gate judged (the pull request's head, or the pushed commit). */
  readonly commit: string | null;
  readonly pullRequest: {
    readonly number: number;
    readonly author: string | null;
    readonly baseRef: string;
    readonly baseSha: string;
    readonly headSha: string;
  } | null;
  readonly run: { readonly id: string; readonly attempt: string | null; readonly url: string } | null;
  /** Where the policy that was applied came from. */
  readonly policySource: {
    readonly path: string | null;
    /** 'base' on pull requests (the base commit's policy, via the contents API), 'workspace' otherwise, 'defaults' without a file. */
    readonly origin: 'base' | 'workspace' | 'defaults';
    readonly commit: string | null;
    /** true when the pull request changes the policy file: the change takes effect only once merged. */
    readonly changedInPullRequest: boolean;
  };
  /** Users with an APPROVED review on the head commit (not the author), when read; null when unknown (CLI). */
  readonly approvals: readonly string[] | null;
  /** Where the incumbent's results came from when they were an earlier run's artifact (the promotion pattern). */
  readonly baseline?: { readonly runId: number; readonly artifactId: number; readonly headSha: string } | null;
  /** Links a reviewer may follow from the comment. */
  readonly links: { readonly run: string | null; readonly artifact: string | null; readonly report: string | null };
}

/** The run context of a local run: no repository, pull request or run, and no verified approvals. */
export function localRunContext(time: Date, tool: RunContext['tool'], policyPath: string | undefined): RunContext {
  return {
    time: time.toISOString(),
    tool,
    repository: null,
    commit: null,
    pullRequest: null,
    run: null,
    policySource: {
      path: policyPath ?? null,
      origin: policyPath === undefined ? 'defaults' : 'workspace',
      commit: null,
      changedInPullRequest: false,
    },
    approvals: null,
    links: { run: null, artifact: null, report: null },
  };
}
