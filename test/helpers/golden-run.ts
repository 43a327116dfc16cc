// The run context of the golden reports: a fixed pull request, run and links, so that rendered
// comments and summaries compare byte for byte.
import type { RunContext } from '../../src/core/report/run-context.js';

export const tool = { name: 'model-release-gate', version: 'golden' };
const runUrl = 'https://github.com/acme/fraud-models/actions/runs/123456789';
export const run: RunContext = {
  time: '2026-11-23T09:30:00Z',
  tool,
  repository: 'acme/fraud-models',
  commit: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432',
  pullRequest: {
    number: 42,
    author: 'dana',
    baseRef: 'main',
    baseSha: '3f2c1e9a0b1c2d3e4f5061728394a5b6c7d8e9f0',
    headSha: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432',
  },
  run: { id: '123456789', attempt: '1', url: runUrl },
  policySource: {
    path: 'examples/policy.yml',
    origin: 'base',
    commit: '3f2c1e9a0b1c2d3e4f5061728394a5b6c7d8e9f0',
    changedInPullRequest: false,
  },
  approvals: ['alice'],
  links: { run: runUrl, artifact: `${runUrl}/artifacts/987654`, report: `${runUrl}#summary-1` },
};
