// The artifact service (@actions/artifact). platform.ts loads this file on first use only: the
// client's Azure and protobuf code is most of the Action bundle, and a run that uploads nothing
// should not pay for loading it. Failures are classified here, where the client's error classes
// are the very ones it throws (instanceof needs the same module instance).
import {
  ArtifactNotFoundError,
  DefaultArtifactClient,
  FilesNotFoundError,
  GHESNotSupportedError,
  InvalidResponseError,
  NetworkError,
  UsageError,
} from '@actions/artifact';
import type { GitHubFailure } from './github-platform.js';

/** Uploads `files` (paths under `rootDirectory`) as one zipped artifact of this workflow run. */
export async function uploadArtifact(
  name: string,
  files: readonly string[],
  rootDirectory: string,
): Promise<{ id: number | undefined }> {
  const result = await new DefaultArtifactClient().uploadArtifact(name, [...files], rootDirectory);
  return { id: result.id };
}

/**
 * What an artifact-client failure means and what would fix it; undefined for anything the client
 * does not throw, which the caller then classifies as an API failure.
 */
export function describeArtifactFailure(error: unknown): GitHubFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  const { message } = error;
  if (error instanceof GHESNotSupportedError) {
    return {
      kind: 'unsupported',
      message,
      hint: 'GitHub Enterprise Server does not offer this artifact service: set upload-artifact: false and upload out-dir with the artifact action your server supports.',
    };
  }
  // The client's request layer rethrows its own UsageError and NetworkError as plain errors that
  // quote the original message, so those are recognised by that message too.
  if (error instanceof UsageError || message.includes(new UsageError().message)) {
    return {
      kind: 'quota',
      message,
      hint: "the account's artifact storage quota is used up: free space or lower retention in the repository's Actions settings.",
    };
  }
  const networkCode = error instanceof NetworkError ? error.code || 'no error code' : quotedNetworkErrorCode(message);
  if (networkCode !== undefined) {
    return {
      kind: 'network',
      message: `the artifact service could not be reached (${networkCode})`,
      hint: "the runner could not connect to GitHub's artifact service or its blob storage: a self-hosted runner needs network access to both; check its firewall and proxy (HTTPS_PROXY, NO_PROXY).",
    };
  }
  if (error instanceof FilesNotFoundError) {
    return {
      kind: 'files-missing',
      message,
      hint: 'the validation package was written to out-dir but its files were gone when the upload began: check that no other step removes or replaces out-dir while the gate runs.',
    };
  }
  if (error instanceof InvalidResponseError) {
    return {
      kind: 'server',
      message,
      hint: 'the artifact service refused the upload without saying why: re-run the job, and check githubstatus.com if it persists.',
    };
  }
  if (error instanceof ArtifactNotFoundError) {
    return {
      kind: 'not-found',
      message,
      hint: 'the artifact does not exist in this run, or it has expired: check its name and retention.',
    };
  }
  return describeServiceStatus(message);
}

/** The artifact service answers over HTTP; its client reports the status only inside the message. */
function describeServiceStatus(message: string): GitHubFailure | undefined {
  if (/Unable to get the (ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL) env variable/.test(message)) {
    return { kind: 'unavailable', message, hint: 'the artifact service is only reachable from a GitHub Actions job.' };
  }
  const status = Number(/Failed request: \((\d{3})\)/.exec(message)?.[1]);
  if (status === 409) {
    return {
      kind: 'conflict',
      message,
      hint: 'an artifact of that name already exists in this run: give each job or gate its own artifact-name (or gate-id).',
    };
  }
  if (status >= 500) {
    return {
      kind: 'server',
      message,
      hint: 'the artifact service had a server error after retries: re-run the job, and check githubstatus.com if it persists.',
    };
  }
  return undefined;
}

/** The network error code a plain error quotes from the client's NetworkError message, if it does. */
function quotedNetworkErrorCode(message: string): string | undefined {
  const marker = '\u0000';
  const lead = new NetworkError(marker).message.split(marker)[0] ?? '';
  const start = lead === '' ? -1 : message.indexOf(lead);
  if (start < 0) return undefined;
  const code = /^\S+/.exec(message.slice(start + lead.length))?.[0];
  return NetworkError.isNetworkErrorCode(code) ? code : undefined;
}
