// What a GitHub runner hands the Action on a pull request against the fake GitHub API: the GITHUB_*
// variables and the event payload file. Shared by the in-process runs (action-in-process.ts) and the
// bundle smoke test (bundled-action.ts), so both see the same repository, pull request and commits.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = 'acme/fraud';
export const PR = 42;
/** The pull request's base and head commits; its author is dave. */
export const BASE_SHA = 'b'.repeat(40);
export const HEAD_SHA = 'h'.repeat(40);

/** A runner event: its name (GITHUB_EVENT_NAME) and payload (the GITHUB_EVENT_PATH file). */
export interface RunnerEvent {
  readonly name: string;
  readonly payload: unknown;
}

/** Pull request #42 of acme/fraud, from feature into main, opened by dave. */
const PULL_REQUEST_EVENT: RunnerEvent = {
  name: 'pull_request',
  payload: {
    pull_request: {
      number: PR,
      user: { login: 'dave' },
      base: { ref: 'main', sha: BASE_SHA, repo: { full_name: REPO } },
      head: { ref: 'feature', sha: HEAD_SHA, repo: { full_name: REPO } },
    },
    repository: { full_name: REPO, default_branch: 'main' },
  },
};

/** The inputs every run against the fake has unless it says otherwise. */
export const DEFAULT_INPUTS: Readonly<Record<string, string>> = {
  'github-token': 'actions-token',
  policy: 'examples/policy.yml',
  incumbent: 'examples/incumbent.jsonl',
};

/** A fresh RUNNER_TEMP with the event payload written into it, and the GITHUB_* variables naming it. */
export function runnerContext(apiUrl: string, event: RunnerEvent = PULL_REQUEST_EVENT) {
  const dir = mkdtempSync(join(tmpdir(), 'mrg-gh-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event.payload));
  const variables: Record<string, string> = {
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_REPOSITORY: REPO,
    GITHUB_SHA: 'm'.repeat(40),
    GITHUB_RUN_ID: '777',
    GITHUB_SERVER_URL: 'https://github.example.com',
    GITHUB_API_URL: apiUrl,
    RUNNER_TEMP: dir,
  };
  return { dir, variables };
}

export interface ReportJson {
  verdict: string;
  schema: string;
  findings: { id: string; severity: string; message: string; line?: number; waiver?: { verified: boolean } }[];
  readiness: { waivers: { status: string }[] };
}

/** The report.json a run wrote (its `report-path` output). */
export function reportOf(run: { readonly outputs: Record<string, string> }): ReportJson {
  return JSON.parse(readFileSync(run.outputs['report-path'] as string, 'utf8')) as ReportJson;
}
