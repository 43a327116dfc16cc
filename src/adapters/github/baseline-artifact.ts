import type { GitHubClient } from './client.js';
import { extractZip } from './unzip.js';

export interface BaselineQuery {
  owner: string;
  repo: string;
  /** The workflow's file name (`gate.yml`) or numeric id. */
  workflow: string | number;
  branch: string;
  artifactName: string;
  /** How many of the newest successful runs to look through; artifacts expire, so older is rarely useful. */
  maxRuns?: number;
}

export interface BaselineArtifact {
  runId: number;
  artifactId: number;
  /** The commit the baseline was computed on. */
  headSha: string;
}

const RUNS_PER_PAGE = 10;
const DEFAULT_MAX_RUNS = 30;

/**
 * The artifact `artifactName` from the newest successful run of `workflow` on `branch` that still
 * has it. A newer run without it (it failed to upload, or it expired) is passed over for an older
 * one, so the baseline may lag the branch: `headSha` says which commit it describes.
 */
export async function findBaselineArtifact(octokit: GitHubClient, query: BaselineQuery): Promise<BaselineArtifact | undefined> {
  const maxRuns = query.maxRuns ?? DEFAULT_MAX_RUNS;
  let inspected = 0;
  // Page by page, newest first as GitHub lists them, stopping at the first hit: the full history
  // of a busy workflow is thousands of runs.
  for await (const { data: runs } of octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, {
    owner: query.owner,
    repo: query.repo,
    workflow_id: query.workflow,
    branch: query.branch,
    status: 'success',
    per_page: RUNS_PER_PAGE,
  })) {
    for (const run of runs) {
      if (inspected >= maxRuns) return undefined;
      inspected += 1;
      const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({
        owner: query.owner,
        repo: query.repo,
        run_id: run.id,
        name: query.artifactName,
        per_page: 10,
      });
      const artifact = data.artifacts.find((candidate) => candidate.name === query.artifactName && !candidate.expired);
      if (artifact !== undefined) return { runId: run.id, artifactId: artifact.id, headSha: run.head_sha };
    }
  }
  return undefined;
}

export interface BaselineDownload {
  owner: string;
  repo: string;
  artifactId: number;
  /** The directory to extract into; created when missing. */
  destination: string;
  /** A deadline for the whole download, body included. */
  timeoutMs?: number;
}

const DEFAULT_DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

/**
 * Downloads the artifact's zip and extracts it into `destination`, returning the files written.
 * GitHub answers the zip endpoint with a 302 to short-lived blob storage; fetch follows it, and drops
 * the Authorization header because the blob lives on another origin.
 *
 * This goes through the caller's Octokit rather than @actions/artifact, whose public download builds
 * its own Octokit from GITHUB_API_URL as read when @actions/github loads, without this client's
 * retries or base URL, and sleeps 5 s between its own retries.
 */
export async function downloadBaselineArtifact(octokit: GitHubClient, request: BaselineDownload): Promise<string[]> {
  const { data } = await octokit.rest.actions.downloadArtifact({
    owner: request.owner,
    repo: request.repo,
    artifact_id: request.artifactId,
    archive_format: 'zip',
    request: { signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS) },
  });
  return extractZip(toBuffer(data), request.destination);
}

function toBuffer(data: unknown): Buffer {
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  throw new Error('GitHub answered the artifact download with something other than a zip archive.');
}
