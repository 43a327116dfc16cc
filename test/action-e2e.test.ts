// Runs the bundled Action (dist/index.js) the way a runner starts it: inputs as INPUT_* variables,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files, and the exit code as the step's result.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunnerOutputs } from './helpers/runner-outputs.js';
import { describe, expect, it } from 'vitest';

function runAction(inputs: Record<string, string>): {
  status: number | null;
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'mrg-action-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, ['dist/index.js'], { env, encoding: 'utf8' });
  return {
    status: result.status,
    outputs: parseRunnerOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    stdout: result.stdout,
  };
}

describe('the bundled Action, started as a runner starts it', () => {
  it('passes on the passing example (examples/pass/), every cohort within its margin', () => {
    const run = runAction({
      incumbent: 'examples/pass/incumbent.jsonl',
      candidate: 'examples/pass/candidate.jsonl',
      policy: 'examples/policy.yml',
    });
    expect(run.status).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs['blocking-count']).toBe('0');
    expect(run.stdout).not.toContain('::error::');
    expect(run.summary).toContain('## ✅ PASS — the candidate may ship');
  });

  it('passes with a warning on the warning example and writes outputs, summary and report', () => {
    const run = runAction({
      incumbent: 'examples/incumbent.jsonl',
      candidate: 'examples/candidate.jsonl',
      policy: 'examples/policy.yml',
    });
    expect(run.status).toBe(0);
    expect(run.outputs.verdict).toBe('warn');
    const report = JSON.parse(readFileSync(run.outputs['report-path'] as string, 'utf8')) as {
      verdict: string;
      schema: string;
    };
    expect(report.schema).toBe('model-release-gate/report@1');
    expect(report.verdict).toBe('warn');
    expect(run.summary).toContain('## ⚠️ WARN — the candidate may ship, with warnings');
    expect(run.summary).toContain('lang:is (rare)');
  });

  it('fails the step on the blocked example, naming the regressed cohort', () => {
    const run = runAction({
      incumbent: 'examples/incumbent.jsonl',
      candidate: 'examples/blocked/candidate.jsonl',
      policy: 'examples/policy.yml',
    });
    expect(run.status).toBe(1);
    expect(run.outputs.verdict).toBe('block');
    expect(run.stdout).toContain('::error::model release gate blocked the release');
    expect(run.summary).toContain('## ⛔ BLOCK — the candidate may not ship');
    expect(run.summary).toMatch(/### What blocks[\s\S]*🔻 \| label:chargeback/);
  });

  it('fails the step with a clear message on bad input', () => {
    const run = runAction({ incumbent: 'examples/incumbent.jsonl', candidate: 'examples/does-not-exist.jsonl' });
    expect(run.status).toBe(1);
    expect(run.outputs.verdict).toBe('error');
    expect(run.stdout).toContain('::error::examples/does-not-exist.jsonl: file not found');
  });
});
