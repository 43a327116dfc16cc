// The Action end to end against a fake GitHub API over real HTTP: runAction in this process with the
// real adapters and the real GitHub platform pointed at the fake, on a pull_request event payload
// (helpers/action-in-process.ts). The bundle's own run is smoke-tested in bundle-smoke.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runActionOnDisk } from './helpers/action-in-process.js';
import { FakeGitHub } from './helpers/fake-github.js';
import { BASE_SHA, HEAD_SHA, PR, REPO, type RunnerEvent } from './helpers/runner-context.js';
import { writeZip } from './helpers/zip-writer.js';

const OLD_SHA = 'o'.repeat(40);
const basePolicy = readFileSync('examples/policy.yml', 'utf8');

// A fresh fake per test: one test's reviews, comments and injected failures must not reach another.
let fake = new FakeGitHub();
beforeEach(async () => {
  fake = new FakeGitHub();
  await fake.start();
  fake.state.setFile(REPO, BASE_SHA, 'examples/policy.yml', basePolicy);
});
afterEach(() => fake.stop());

const runAction = (inputs: Record<string, string>, event?: RunnerEvent) => runActionOnDisk(inputs, { fake, event });

const writes = (
  route: 'POST /repos/:owner/:repo/issues/:number/comments' | 'PATCH /repos/:owner/:repo/issues/comments/:id',
): number => fake.requestsTo(route).filter((r) => r.status < 300).length;

describe('the Action on a pull request, against the GitHub API', () => {
  it('creates one sticky comment, updates it in place, and does not write when nothing changed', async () => {
    const first = await runAction({ candidate: 'examples/candidate.jsonl' });
    expect(first.status).toBe(0);
    expect(first.outputs.verdict).toBe('warn');
    expect(fake.state.commentsOn(REPO, PR)).toHaveLength(1);
    expect(first.outputs['comment-url']).toMatch(/issuecomment-\d+$/);
    expect(writes('POST /repos/:owner/:repo/issues/:number/comments')).toBe(1);

    const second = await runAction({ candidate: 'examples/blocked/candidate.jsonl' });
    expect(second.status).toBe(1);
    expect(second.outputs.verdict).toBe('block');
    expect(fake.state.commentsOn(REPO, PR)).toHaveLength(1);
    expect(writes('PATCH /repos/:owner/:repo/issues/comments/:id')).toBe(1);
    const body = fake.state.commentsOn(REPO, PR)[0]?.body ?? '';
    expect(body.split('\n')[0]).toBe('<!-- model-release-gate:default -->');
    expect(body).toContain('label:chargeback');

    const third = await runAction({ candidate: 'examples/blocked/candidate.jsonl' });
    expect(third.status).toBe(1);
    // No run-specific text (such as the time) in the body, or every run would rewrite the comment.
    expect(fake.state.commentsOn(REPO, PR)[0]?.body).toBe(body);
    expect(writes('PATCH /repos/:owner/:repo/issues/comments/:id')).toBe(1);
    expect(writes('POST /repos/:owner/:repo/issues/:number/comments')).toBe(1);
    expect(third.outputs['blocking-count']).toBe('1');
    // The artifact service is not reachable outside a real runner: a warning, the verdict unchanged.
    expect(third.warnings).toContainEqual(expect.stringMatching(/^could not upload the validation package/));
    // The artifact client must load, and fail only for want of a runner.
    expect(third.log).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND|is not a constructor/);
    expect(third.outputs['artifact-id']).toBe('');
  });

  it('judges a pull request that loosens its policy file by the base policy, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mrg-policy-'));
    // The pull request's own copy tolerates a 50-point drop; the base tolerates 1 point.
    const loosened = join(dir, 'policy.yml');
    writeFileSync(
      loosened,
      basePolicy.replace('accuracy: {direction: higher, margin: 0.01}', 'accuracy: {direction: higher, margin: 0.5}'),
    );
    // The API names files without the leading slash.
    fake.state.setFile(REPO, BASE_SHA, loosened.replace(/^\/+/, ''), basePolicy);
    const run = await runAction({
      candidate: 'examples/blocked/candidate.jsonl',
      policy: loosened,
      'gate-id': 'policy-test',
    });
    expect(run.status).toBe(1);
    expect(run.outputs.verdict).toBe('block');
    expect(run.warnings).toContainEqual(expect.stringContaining("the base branch's policy was applied"));
    const comment = fake.state
      .commentsOn(REPO, PR)
      .find((c) => c.body.startsWith('<!-- model-release-gate:policy-test -->'));
    expect(comment?.body).toMatch(/changes? the policy/i);
  });

  it('does not count a waiver whose approver approved an older commit, and counts it once they approve the head', async () => {
    const manifest = readFileSync('examples/release-manifest.yml', 'utf8').replace(
      'waivers: []',
      'waivers:\n  - {finding: cohort.regressed, cohort: "label:chargeback", metric: accuracy, reason: labelling backlog, accepted_by: "@alice", expires: 2099-01-01}\n',
    );
    const path = join(mkdtempSync(join(tmpdir(), 'mrg-waiver-')), 'release.yml');
    // A far expiry would be capped; allow it for this test through a policy at the base commit.
    writeFileSync(
      path,
      manifest.replace('2099-01-01', new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10)),
    );
    fake.state.setRole(REPO, 'alice', 'write');
    fake.state.addReview(REPO, PR, { login: 'alice', state: 'APPROVED', commitId: OLD_SHA });
    const stale = await runAction({
      candidate: 'examples/blocked/candidate.jsonl',
      manifest: path,
      'gate-id': 'waiver-test',
    });
    expect(stale.outputs.verdict).toBe('block');
    expect(stale.log).toContain('waiver.unverified');

    fake.state.addReview(REPO, PR, { login: 'alice', state: 'APPROVED', commitId: HEAD_SHA });
    const approved = await runAction({
      candidate: 'examples/blocked/candidate.jsonl',
      manifest: path,
      'gate-id': 'waiver-test',
    });
    expect(approved.log).not.toContain('waiver.unverified');
    const report = JSON.parse(readFileSync(approved.outputs['report-path'] as string, 'utf8')) as {
      findings: { id: string; waiver?: { verified: boolean } }[];
    };
    expect(report.findings.find((f) => f.id === 'cohort.regressed')?.waiver?.verified).toBe(true);
  });

  it('on a fork (403 from the comment API) writes the summary, warns with the fix, and keeps the verdict', async () => {
    fake.fail('GET /repos/:owner/:repo/issues/:number/comments', { status: 403, times: 1 });
    const blocked = await runAction({ candidate: 'examples/blocked/candidate.jsonl', 'gate-id': 'fork-test' });
    expect(blocked.status).toBe(1);
    expect(blocked.outputs.verdict).toBe('block');
    const warning = blocked.warnings.find((l) => l.startsWith('could not post the pull request comment'));
    expect(warning).toMatch(/permissions: pull-requests/);
    expect(blocked.summary).toContain('BLOCK — the candidate may not ship');
    fake.fail('GET /repos/:owner/:repo/issues/:number/comments', { status: 403, times: 1 });
    const passing = await runAction({ candidate: 'examples/candidate.jsonl', 'gate-id': 'fork-test' });
    expect(passing.status).toBe(0);
    expect(passing.outputs.verdict).toBe('warn');
  });

  it('retries with a shorter body when GitHub answers 422 "body too long", without a duplicate', async () => {
    fake.fail('POST /repos/:owner/:repo/issues/:number/comments', {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            code: 'unprocessable',
            field: 'data',
            message: 'Body is too long (maximum is 65536 characters)',
          },
        ],
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      },
    });
    const run = await runAction({ candidate: 'examples/blocked/candidate.jsonl', 'gate-id': 'too-long-test' });
    expect(run.outputs.verdict).toBe('block');
    const mine = fake.state
      .commentsOn(REPO, PR)
      .filter((c) => c.body.startsWith('<!-- model-release-gate:too-long-test -->'));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.body.length).toBeLessThanOrEqual(20_000);
    expect(run.outputs['comment-url']).toMatch(/issuecomment-\d+$/);
  });

  it('takes the incumbent from the latest successful baseline run artifact on the base branch', async () => {
    const older = fake.state.addRun(REPO, { workflow: 'release-gate.yml', headSha: 'c'.repeat(40) });
    fake.state.addArtifact(older.id, { name: 'eval-results', zip: writeZip({ 'incumbent.jsonl': 'not even json\n' }) });
    const latest = fake.state.addRun(REPO, { workflow: 'release-gate.yml', headSha: 'd'.repeat(40) });
    fake.state.addArtifact(latest.id, {
      name: 'eval-results',
      zip: writeZip({ 'incumbent.jsonl': readFileSync('examples/incumbent.jsonl') }, { deflate: true }),
    });
    const run = await runAction({
      incumbent: 'artifact:eval-results/incumbent.jsonl',
      'baseline-workflow': 'release-gate.yml',
      candidate: 'examples/candidate.jsonl',
      'gate-id': 'baseline-test',
    });
    expect(run.outputs.verdict).toBe('warn');
    expect(run.status).toBe(0);
    const pkg = JSON.parse(
      readFileSync(join(run.outputs['report-path'] as string, '..', 'validation-package.json'), 'utf8'),
    ) as {
      provenance: { baseline: { runId: number; headSha: string } | null };
    };
    expect(pkg.provenance.baseline).toMatchObject({ runId: latest.id, headSha: 'd'.repeat(40) });
  });

  it('comments from a workflow_run workflow (the fork-safe pattern) on the pull request named by input, only when it matches the triggering run', async () => {
    fake.state.pulls.set(`${REPO}#77`, {
      author: 'eve',
      baseRef: 'main',
      baseSha: BASE_SHA,
      headSha: 'f'.repeat(40),
      headRepo: 'eve/fraud',
    });
    const event = {
      name: 'workflow_run',
      payload: { workflow_run: { head_sha: 'f'.repeat(40) }, repository: { full_name: REPO, default_branch: 'main' } },
    };
    const run = await runAction(
      { candidate: 'examples/blocked/candidate.jsonl', 'pull-request': '77', 'gate-id': 'fork-safe' },
      event,
    );
    expect(run.outputs.verdict).toBe('block');
    expect(
      fake.state.commentsOn(REPO, 77).filter((c) => c.body.startsWith('<!-- model-release-gate:fork-safe -->')),
    ).toHaveLength(1);

    const spoofed = {
      name: 'workflow_run',
      payload: { workflow_run: { head_sha: '9'.repeat(40) }, repository: { full_name: REPO } },
    };
    const refused = await runAction(
      { candidate: 'examples/candidate.jsonl', 'pull-request': '77', 'gate-id': 'fork-safe-spoof' },
      spoofed,
    );
    expect(refused.status).toBe(1);
    expect(refused.outputs.verdict).toBe('error');
    expect(refused.failed).toEqual([expect.stringContaining('the number must come from the triggering run')]);
  });

  it('recognizes its own comment under a GitHub App token when comment-author names the app', async () => {
    fake.state.tokens.set('app-token', { login: 'release-app[bot]', kind: 'installation' });
    const inputs = {
      candidate: 'examples/candidate.jsonl',
      'github-token': 'app-token',
      'gate-id': 'app-test',
      'comment-author': 'release-app[bot]',
    };
    await runAction(inputs);
    await runAction({ ...inputs, candidate: 'examples/blocked/candidate.jsonl' });
    const mine = fake.state
      .commentsOn(REPO, PR)
      .filter((c) => c.body.startsWith('<!-- model-release-gate:app-test -->'));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.login).toBe('release-app[bot]');
    expect(mine[0]?.body).toContain('label:chargeback');
  });
});
