import type { RunnerEnvironment } from './runner-environment.js';

/** How a GitHub API failure should be reported: what went wrong and the setting that would fix it. */
export interface GitHubFailure {
  readonly kind: string;
  readonly message: string;
  readonly hint: string;
}

/**
 * What the Action needs from GitHub, behind one interface: index.ts builds it from the real API
 * client, tests may pass their own. Every method may throw; the Action decides which failures are
 * warnings (publishing) and which stop the run (reading the policy).
 */
export interface GitHubPlatform {
  readonly environment: RunnerEnvironment;
  /** A file's text at a commit; undefined when GitHub answers 404 for it. */
  readFileAtRef(path: string, ref: string): Promise<{ text: string; sha: string } | undefined>;
  /** Whether a path that read as 404 is confirmed missing at the commit (by listing its directory), or why not. */
  confirmAbsentAtRef(
    path: string,
    ref: string,
  ): Promise<{ readonly confirmed: true } | { readonly confirmed: false; readonly why: string }>;
  /**
   * Users with an APPROVED review on the pull request's head commit whose approval counts: write
   * access, not the author, and listed in `approvers` (logins, `org/team` slugs) when it is not empty.
   * `warnings` says why each other approval does not count.
   */
  approvingReviewers(approvers: readonly string[]): Promise<{ logins: string[]; warnings: string[] }>;
  upsertComment(
    marker: string,
    body: string,
  ): Promise<{ action: 'created' | 'updated' | 'unchanged'; id: number; url: string }>;
  /**
   * Finds the named artifact of the latest successful run of `workflow` on `branch` and extracts its
   * `file` under `destination`, each of zip and file at most `maxBytes`; undefined when there is none.
   * An archive refused as unsafe throws ArchiveRefusedError.
   */
  downloadBaseline(request: {
    workflow: string;
    branch: string;
    artifactName: string;
    file: string;
    destination: string;
    maxBytes: number;
  }): Promise<{ runId: number; artifactId: number; headSha: string } | undefined>;
  uploadArtifact(name: string, files: readonly string[], rootDirectory: string): Promise<{ id: number | undefined }>;
  /** A pull request by number (for workflow_run workflows, whose event carries none). */
  loadPullRequest(number: number): Promise<NonNullable<RunnerEnvironment['pullRequest']>>;
  /** The same platform, acting on this pull request. */
  withPullRequest(pullRequest: NonNullable<RunnerEnvironment['pullRequest']>): GitHubPlatform;
  describeFailure(error: unknown): GitHubFailure;
  /** Whether this failure means the comment body was too long (422). */
  isCommentTooLong(error: unknown): boolean;
}
