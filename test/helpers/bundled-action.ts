// Runs the bundled Action (dist/index.js) the way a runner starts it: INPUT_* variables, GITHUB_OUTPUT
// and GITHUB_STEP_SUMMARY files, and, given a fake GitHub API (which lives in the test's process), a
// pull_request event payload and GITHUB_API_URL pointing at the fake. Only bundle-smoke.test.ts uses
// it: every behaviour is tested in process (action-in-process.ts); this checks the entry's wiring.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeGitHub } from './fake-github.js';
import { DEFAULT_INPUTS, runnerContext } from './runner-context.js';
import { parseRunnerOutputs } from './runner-outputs.js';

export interface BundledRun {
  status: number | null;
  stdout: string;
  stderr: string;
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

/** Runs dist/index.js asynchronously: the fake server lives in this process and must keep answering. */
export function runBundledAction(inputs: Record<string, string>, fake?: FakeGitHub): Promise<BundledRun> {
  const context = runnerContext(fake?.apiUrl ?? '');
  const files = { output: join(context.dir, 'output'), summary: join(context.dir, 'summary.md') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    ...(fake === undefined ? { RUNNER_TEMP: context.dir } : context.variables),
  };
  for (const [name, value] of Object.entries(fake === undefined ? inputs : { ...DEFAULT_INPUTS, ...inputs }))
    env[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/index.js'], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        status,
        stdout,
        stderr,
        outputs: parseRunnerOutputs(readFileSync(files.output, 'utf8')),
        summary: readFileSync(files.summary, 'utf8'),
      }),
    );
  });
}
