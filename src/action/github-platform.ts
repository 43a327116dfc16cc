import type { RunnerEnvironment } from '../adapters/github/runner-environment.js';

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
  /** A file's text at a commit; undefined when the file does not exist there. */
  readFileAtRef(path: string, ref: string): Promise<{ text: string; sha: string } | undefined>;
  /** Users with an APPROVED review on the pull request's head commit, the author excluded. */
  approvingReviewers(): Promise<string[]>;
  upsertComment(marker: string, body: string): Promise<{ action: 'created' | 'updated' | 'unchanged'; id: number; url: string }>;
  /** Downloads the named artifact of the latest successful run of `workflow` on `branch`; undefined when there is none. */
  downloadBaseline(request: { workflow: string; branch: string; artifactName: string; destination: string }): Promise<{ runId: number; artifactId: number; headSha: string } | undefined>;
  uploadArtifact(name: string, files: readonly string[], rootDirectory: string): Promise<{ id: number | undefined }>;
  /** A pull request by number (for workflow_run workflows, whose event carries none). */
  loadPullRequest(number: number): Promise<NonNullable<RunnerEnvironment['pullRequest']>>;
  /** The same platform, acting on this pull request. */
  withPullRequest(pullRequest: NonNullable<RunnerEnvironment['pullRequest']>): GitHubPlatform;
  describeFailure(error: unknown): GitHubFailure;
  /** Whether this failure means the comment body was too long (422). */
  isCommentTooLong(error: unknown): boolean;
}
