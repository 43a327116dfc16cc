// The Action from its inputs to its outputs, summary and report file, as a runner would see them
// outside a pull request (no GitHub API): runAction in this process with the entry's real adapters
// (helpers/action-in-process.ts). The bundle itself is smoke-tested in bundle-smoke.test.ts.
import { describe, expect, it } from 'vitest';
import { runActionOnDisk as runAction } from './helpers/action-in-process.js';
import { reportOf } from './helpers/runner-context.js';

describe('the Action, started with inputs as a runner starts it', () => {
  it('passes on the passing example (examples/pass/), every cohort within its margin', async () => {
    const run = await runAction({
      incumbent: 'examples/pass/incumbent.jsonl',
      candidate: 'examples/pass/candidate.jsonl',
      policy: 'examples/policy.yml',
    });
    expect(run.status).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs['blocking-count']).toBe('0');
    expect(run.failed).toEqual([]);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.summary).toContain('## ✅ PASS — the candidate may ship');
  });

  it('passes with a warning on the warning example and writes outputs, summary and report', async () => {
    const run = await runAction({
      incumbent: 'examples/incumbent.jsonl',
      candidate: 'examples/candidate.jsonl',
      policy: 'examples/policy.yml',
    });
    expect(run.status).toBe(0);
    expect(run.outputs.verdict).toBe('warn');
    const report = reportOf(run);
    expect(report.schema).toBe('model-release-gate/report@1');
    expect(report.verdict).toBe('warn');
    expect(run.summary).toContain('## ⚠️ WARN — the candidate may ship, with warnings');
    expect(run.summary).toContain('lang:is (rare)');
  });

  it('fails the step on the blocked example, naming the regressed cohort', async () => {
    const run = await runAction({
      incumbent: 'examples/incumbent.jsonl',
      candidate: 'examples/blocked/candidate.jsonl',
      policy: 'examples/policy.yml',
    });
    expect(run.status).toBe(1);
    expect(run.outputs.verdict).toBe('block');
    expect(run.failed).toEqual([expect.stringMatching(/^model release gate blocked the release: 1 blocking finding/)]);
    expect(run.summary).toContain('## ⛔ BLOCK — the candidate may not ship');
    expect(run.summary).toMatch(/### What blocks[\s\S]*🔻 \| label:chargeback/);
  });

  it('fails the step with a clear message on bad input', async () => {
    const run = await runAction({ incumbent: 'examples/incumbent.jsonl', candidate: 'examples/does-not-exist.jsonl' });
    expect(run.status).toBe(1);
    expect(run.outputs.verdict).toBe('error');
    expect(run.failed).toEqual(['examples/does-not-exist.jsonl: file not found']);
  });
});
