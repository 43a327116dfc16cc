// Runs the bundled Action (dist/index.js) the way a runner starts it: INPUT_* variables, a
// pull_request event payload, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, GITHUB_API_URL pointing
// at a fake GitHub API that lives in the test's process.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeGitHub } from './fake-github.js';
import { parseRunnerOutputs } from './runner-outputs.js';

export const REPO = 'acme/fraud';
export const PR = 42;
/** The pull request's base and head commits; its author is dave. */
export const BASE_SHA = 'b'.repeat(40);
export const HEAD_SHA = 'h'.repeat(40);

export interface BundledRun {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** The `::warning::` lines of a run, decoded enough to read. */
export function warningsOf(run: BundledRun): string[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::warning'))
    .map((line) =>
      line
        .replace(/^::warning[^:]*::/, '')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%'),
    );
}

/** The report.json a run wrote. */
export function reportOf(run: BundledRun): {
  verdict: string;
  findings: { id: string; severity: string; message: string; line?: number; waiver?: { verified: boolean } }[];
  readiness: { waivers: { status: string }[] };
} {
  return JSON.parse(readFileSync(run.outputs['report-path'] as string, 'utf8'));
}

/** Runs dist/index.js asynchronously: the fake server lives in this process and must keep answering. */
export function runBundledAction(
  fake: FakeGitHub,
  inputs: Record<string, string>,
  event?: { name: string; payload: unknown },
): Promise<BundledRun> {
  const dir = mkdtempSync(join(tmpdir(), 'mrg-gh-'));
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md'), event: join(dir, 'event.json') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(
    files.event,
    event !== undefined
      ? JSON.stringify(event.payload)
      : JSON.stringify({
          pull_request: {
            number: PR,
            user: { login: 'dave' },
            base: { ref: 'main', sha: BASE_SHA, repo: { full_name: REPO } },
            head: { ref: 'feature', sha: HEAD_SHA, repo: { full_name: REPO } },
          },
          repository: { full_name: REPO, default_branch: 'main' },
        }),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: event?.name ?? 'pull_request',
    GITHUB_REPOSITORY: REPO,
    GITHUB_SHA: 'm'.repeat(40),
    GITHUB_RUN_ID: '777',
    GITHUB_SERVER_URL: 'https://github.example.com',
    GITHUB_API_URL: fake.apiUrl,
    RUNNER_TEMP: dir,
    'INPUT_GITHUB-TOKEN': 'actions-token',
    INPUT_POLICY: 'examples/policy.yml',
    INPUT_INCUMBENT: 'examples/incumbent.jsonl',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/index.js'], { env });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        status,
        stdout,
        outputs: parseRunnerOutputs(readFileSync(files.output, 'utf8')),
        summary: readFileSync(files.summary, 'utf8'),
      }),
    );
  });
}
