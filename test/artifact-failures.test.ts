// What the Action tells the user when uploading the validation package fails: each error class that
// @actions/artifact throws (constructed for real here) is recognised by its class, not by words in
// its message, and plain errors that merely mention "storage" or "409" are not mistaken for one.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ArtifactNotFoundError,
  FilesNotFoundError,
  GHESNotSupportedError,
  InvalidResponseError,
  NetworkError,
  UsageError,
} from '@actions/artifact';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GitHubPlatform } from '../src/adapters/github/github-platform.js';
import { createGitHubPlatform } from '../src/adapters/github/platform.js';

let platform: GitHubPlatform;
let uploadFailure: unknown;
let directory: string;

beforeAll(async () => {
  platform = createGitHubPlatform('token', {
    repository: { owner: 'acme', repo: 'fraud' },
    serverUrl: 'https://github.com',
    sha: null,
    eventName: 'push',
    run: null,
    pullRequest: null,
    defaultBranch: 'main',
    workflowRunHeadSha: null,
  });
  // Outside a runner the artifact service has no runtime token: the first upload loads the client
  // (lazily, as in the Action) and fails before any request is made.
  vi.stubEnv('ACTIONS_RUNTIME_TOKEN', '');
  vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com');
  directory = await mkdtemp(join(tmpdir(), 'mrg-artifact-'));
  await writeFile(join(directory, 'report.json'), '{}');
  uploadFailure = await platform.uploadArtifact('gate', [join(directory, 'report.json')], directory).then(
    () => 'uploaded',
    (error: unknown) => error,
  );
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(directory, { recursive: true, force: true });
});

describe('artifact upload failures, by the class @actions/artifact throws', () => {
  it('outside a GitHub Actions job: the service is unavailable', () => {
    expect(uploadFailure).toBeInstanceOf(Error);
    expect(platform.describeFailure(uploadFailure)).toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('ACTIONS_RUNTIME_TOKEN'),
      hint: 'the artifact service is only reachable from a GitHub Actions job.',
    });
  });

  it('GHESNotSupportedError: unsupported, with the upload-artifact: false way out', () => {
    expect(platform.describeFailure(new GHESNotSupportedError())).toMatchObject({
      kind: 'unsupported',
      hint: expect.stringContaining('set upload-artifact: false'),
    });
  });

  it('UsageError, thrown or quoted by the request layer: the storage quota', () => {
    const expected = { kind: 'quota', hint: expect.stringContaining('artifact storage quota is used up') };
    expect(platform.describeFailure(new UsageError())).toMatchObject(expected);
    // The client's request layer rethrows it as `Failed to <method>: <its message>`.
    const quoted = new Error(`Failed to CreateArtifact: ${new UsageError().message}`);
    expect(platform.describeFailure(quoted)).toMatchObject(expected);
  });

  it('NetworkError, thrown or quoted, for every code it is raised for: the runner cannot reach the service', () => {
    for (const code of ['ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH']) {
      const expected = {
        kind: 'network',
        message: `the artifact service could not be reached (${code})`,
        hint: expect.stringContaining('a self-hosted runner needs network access to both'),
      };
      expect(platform.describeFailure(new NetworkError(code))).toMatchObject(expected);
      const quoted = new Error(`Failed to FinalizeArtifact: ${new NetworkError(code).message}`);
      expect(platform.describeFailure(quoted)).toMatchObject(expected);
    }
  });

  it('FilesNotFoundError: the package files were gone when the upload began', () => {
    const failure = platform.describeFailure(new FilesNotFoundError(['/tmp/out/report.json']));
    expect(failure).toMatchObject({
      kind: 'files-missing',
      message: 'No files were found to upload: /tmp/out/report.json',
      hint: expect.stringContaining('removes or replaces out-dir'),
    });
  });

  it('InvalidResponseError: the service refused without a reason; re-run', () => {
    const failure = platform.describeFailure(
      new InvalidResponseError('CreateArtifact: response from backend was not ok'),
    );
    expect(failure).toMatchObject({
      kind: 'server',
      message: 'CreateArtifact: response from backend was not ok',
      hint: expect.stringContaining('re-run the job'),
    });
  });

  it('ArtifactNotFoundError: not found, expired or misnamed', () => {
    expect(platform.describeFailure(new ArtifactNotFoundError())).toMatchObject({
      kind: 'not-found',
      message: 'Artifact not found',
      hint: expect.stringContaining('expired'),
    });
  });

  it('the service answering 409 (the name is taken in this run): a conflict naming artifact-name', () => {
    const error = new Error(
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run',
    );
    expect(platform.describeFailure(error)).toMatchObject({
      kind: 'conflict',
      hint: expect.stringContaining('artifact-name'),
    });
  });

  it('plain errors that only mention storage or 409 are not taken for a quota or a conflict', () => {
    for (const message of [
      'The provided rootDirectory /mnt/storage/out does not exist',
      'File /tmp/run-409/report.json does not exist',
    ]) {
      expect(platform.describeFailure(new Error(message))).toMatchObject({ kind: 'other', message });
    }
  });
});
