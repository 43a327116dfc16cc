import type { GitHubClient } from './client.js';

export interface FileAtRefRequest {
  owner: string;
  repo: string;
  path: string;
  /** A branch, tag or commit SHA. */
  ref: string;
}

export interface FileAtRef {
  text: string;
  /** The blob's SHA, to record which policy the gate applied. */
  sha: string;
}

/**
 * A file's text as of `ref`, read through the contents API, or undefined when GitHub answers 404
 * (which confirmAbsentAtRef can confirm). Used to judge a pull request by the policy on its base branch, which its author cannot edit.
 */
export async function readFileAtRef(octokit: GitHubClient, request: FileAtRefRequest): Promise<FileAtRef | undefined> {
  const params = { owner: request.owner, repo: request.repo, path: normalisePath(request.path), ref: request.ref };
  let data: unknown;
  try {
    ({ data } = await octokit.rest.repos.getContent(params));
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw error;
  }
  const entry = data as { type?: string; sha?: string; encoding?: string; content?: string; size?: number };
  if (Array.isArray(data) || entry.type !== 'file' || typeof entry.sha !== 'string') {
    throw new Error(
      `${params.path} at ${request.ref} is a ${Array.isArray(data) ? 'directory' : (entry.type ?? 'non-file')}, not a file.`,
    );
  }
  if (entry.encoding === 'base64' && typeof entry.content === 'string') {
    return { text: Buffer.from(entry.content, 'base64').toString('utf8'), sha: entry.sha };
  }

  // Above 1 MB the JSON answer carries no content (encoding "none"): ask for the raw bytes instead.
  const raw = await octokit.rest.repos.getContent({ ...params, mediaType: { format: 'raw' } });
  return { text: decode(raw.data), sha: entry.sha };
}

/** Whether a path's absence at a ref is confirmed, or why it cannot be. */
export type Absence = { readonly confirmed: true } | { readonly confirmed: false; readonly why: string };

/** The contents API lists at most this many entries of a directory; a fuller one may hide the file. */
const DIRECTORY_LISTING_LIMIT = 1000;

/**
 * Confirms that a path the contents API answered 404 for is really missing at `ref`: a 404 also
 * comes from a token that may not see the file, or a glitch, and taking it as "absent" would let a
 * pull request's own copy (or the defaults) judge it. Lists the nearest existing ancestor directory
 * and checks that the next path component is not in it. Other API errors are thrown.
 */
export async function confirmAbsentAtRef(octokit: GitHubClient, request: FileAtRefRequest): Promise<Absence> {
  const parts = normalisePath(request.path)
    .split('/')
    .filter((part) => part !== '');
  for (let depth = parts.length - 1; depth >= 0; depth -= 1) {
    const directory = parts.slice(0, depth).join('/');
    const name = parts[depth] ?? '';
    let data: unknown;
    try {
      ({ data } = await octokit.rest.repos.getContent({
        owner: request.owner,
        repo: request.repo,
        path: directory,
        ref: request.ref,
      }));
    } catch (error) {
      // A missing directory: its parent must then lack it too.
      if ((error as { status?: unknown }).status === 404 && depth > 0) continue;
      throw error;
    }
    const where = directory === '' ? 'the repository root' : `directory ${directory}`;
    if (!Array.isArray(data)) return { confirmed: false, why: `${where} at ${request.ref} is not a directory` };
    const names = data.map((entry) => (entry as { name?: unknown }).name);
    if (names.includes(name))
      return { confirmed: false, why: `${where} at ${request.ref} lists ${name}, yet reading it answered 404` };
    if (data.length >= DIRECTORY_LISTING_LIMIT)
      return { confirmed: false, why: `${where} at ${request.ref} has more entries than GitHub lists` };
    return { confirmed: true };
  }
  return { confirmed: false, why: 'the path is empty' };
}

/** Repository paths as GitHub writes them: no leading `./` or `/`. */
function normalisePath(path: string): string {
  return path.replace(/^(\.\/|\/)+/, '');
}

function decode(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  throw new Error('GitHub answered the raw contents request with something other than the file.');
}
