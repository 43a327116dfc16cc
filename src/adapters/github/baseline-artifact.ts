import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { GitHubClient } from './client.js';
import { ArchiveRefusedError, extractZipEntry } from './unzip.js';

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
export async function findBaselineArtifact(
  octokit: GitHubClient,
  query: BaselineQuery,
): Promise<BaselineArtifact | undefined> {
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
  /** The file inside the artifact to extract; nothing else is written. */
  file: string;
  /** The directory to extract into; created when missing. */
  destination: string;
  /** The most bytes the zip, and the file extracted from it, may each have (baseline-max-bytes). */
  maxBytes: number;
  /** A deadline for the whole download, body included. */
  timeoutMs?: number;
}

const DEFAULT_DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

/**
 * Downloads the artifact's zip to disk next to `destination` and extracts the one file asked for,
 * returning its path. GitHub answers the zip endpoint with a 302 to short-lived blob storage; fetch
 * follows it, and drops the Authorization header because the blob lives on another origin. The body
 * is streamed to disk under the size cap, never held whole in memory, and the zip is deleted after.
 *
 * This goes through the caller's Octokit rather than @actions/artifact, whose public download builds
 * its own Octokit from GITHUB_API_URL as read when @actions/github loads, without this client's
 * retries or base URL, and sleeps 5 s between its own retries.
 */
export async function downloadBaselineArtifact(octokit: GitHubClient, request: BaselineDownload): Promise<string> {
  const { maxBytes } = request;
  const { data } = await octokit.rest.actions.downloadArtifact({
    owner: request.owner,
    repo: request.repo,
    artifact_id: request.artifactId,
    archive_format: 'zip',
    request: {
      signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS),
      parseSuccessResponseBody: false,
    },
  });
  const zipPath = `${resolve(request.destination)}.download-${request.artifactId}.zip`;
  await mkdir(dirname(zipPath), { recursive: true });
  try {
    await pipeline(toStream(data), byteCap(maxBytes), createWriteStream(zipPath));
    const { path } = await extractZipEntry(zipPath, request.file, request.destination, { maxBytes });
    return path;
  } finally {
    await rm(zipPath, { force: true });
  }
}

function toStream(data: unknown): Readable {
  if (data instanceof Readable) return data;
  if (data instanceof ReadableStream) return Readable.fromWeb(data as NodeReadableStream<Uint8Array>);
  if (data instanceof ArrayBuffer) return Readable.from([Buffer.from(data)]);
  if (ArrayBuffer.isView(data)) return Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
  throw new Error('GitHub answered the artifact download with something other than a zip archive.');
}

function byteCap(maxBytes: number): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      bytes += chunk.length;
      if (bytes > maxBytes)
        done(new ArchiveRefusedError(`the artifact's zip is larger than baseline-max-bytes (${maxBytes})`));
      else done(null, chunk);
    },
  });
}
