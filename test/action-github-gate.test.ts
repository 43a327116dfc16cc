// The Action against the fake GitHub API (runAction in this process, the real GitHub platform pointed
// at the fake; helpers/action-in-process.ts): the ways a pull request or an
// outsider could get past the gate. Approvals count only from users with write access (and listed
// approvers); a pull request may not weaken its base manifest; a misnamed policy is an error; a 404
// at the base is trusted only once the base commit's directory listing confirms it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runActionOnDisk } from './helpers/action-in-process.js';
import { FakeGitHub } from './helpers/fake-github.js';
import { BASE_SHA, HEAD_SHA, PR, REPO, reportOf } from './helpers/runner-context.js';

const basePolicy = readFileSync('examples/policy.yml', 'utf8');
const exampleManifest = readFileSync('examples/release-manifest.yml', 'utf8');
const BLOCKED = 'examples/blocked/candidate.jsonl';
const PASSING = 'examples/candidate.jsonl';
/** Five days from now: inside any waiver cap. */
const SOON = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);

// A fresh fake per test: one test's reviews, comments and injected failures must not reach another.
let fake = new FakeGitHub();
beforeEach(async () => {
  fake = new FakeGitHub();
  await fake.start();
  fake.state.setFile(REPO, BASE_SHA, 'examples/policy.yml', basePolicy);
});
afterEach(() => fake.stop());

let counter = 0;
/** Writes a workspace file and, unless `base` is undefined, the same path at the base commit; returns its path. */
function file(name: string, head: string, base?: string): string {
  counter += 1;
  const path = join(mkdtempSync(join(tmpdir(), `mrg-gate-${counter}-`)), name);
  writeFileSync(path, head);
  // The API names repository paths without the leading slash.
  if (base !== undefined) fake.state.setFile(REPO, BASE_SHA, path.replace(/^\/+/, ''), base);
  return path;
}

const waiverOf = (finding: string, by: string, scope = '') =>
  exampleManifest.replace(
    'waivers: []',
    `waivers:\n  - {finding: ${finding}, ${scope}reason: accepted for this release, accepted_by: "@${by}", expires: ${SOON}}\n`,
  );
const chargebackWaiver = (by: string) =>
  waiverOf('cohort.regressed', by, 'cohort: "label:chargeback", metric: accuracy, ');
const approve = (login: string, association = 'MEMBER') =>
  fake.state.addReview(REPO, PR, { login, state: 'APPROVED', commitId: HEAD_SHA, association });
const run = (inputs: Record<string, string>) => runActionOnDisk(inputs, { fake });

describe('approvals that verify a waiver', () => {
  it('does not count an outsider who approved (no write access): the waiver is unverified and the verdict stays block', async () => {
    approve('outsider', 'NONE');
    const result = await run({
      candidate: BLOCKED,
      manifest: file('release.yml', chargebackWaiver('outsider')),
      'gate-id': 'outsider',
    });
    expect(result.outputs.verdict).toBe('block');
    expect(result.status).toBe(1);
    expect(reportOf(result).readiness.waivers[0]?.status).toBe('unverified');
    expect(result.warnings).toContain(
      'the approval by outsider does not count for waivers: outsider is not a collaborator of this repository (none); only approvals from users with write access count',
    );
  });

  it('does not count an approval whose permission cannot be read (403), and warns', async () => {
    approve('carol');
    fake.state.setRole(REPO, 'carol', 'write');
    fake.fail('GET /repos/:owner/:repo/collaborators/:user/permission', { status: 403 });
    const result = await run({
      candidate: BLOCKED,
      manifest: file('release.yml', chargebackWaiver('carol')),
      'gate-id': 'permission-500',
    });
    expect(result.outputs.verdict).toBe('block');
    expect(reportOf(result).readiness.waivers[0]?.status).toBe('unverified');
    expect(
      result.warnings.some((w) =>
        w.startsWith(
          "the approval by carol does not count for waivers: carol's permission on the repository could not be read",
        ),
      ),
    ).toBe(true);
  });

  it('with waivers.approvers naming a team, counts a member with write access and not a non-member', async () => {
    fake.state.addTeamMember('acme/ml-release', 'mia');
    for (const login of ['mia', 'nick']) {
      approve(login);
      fake.state.setRole(REPO, login, 'write');
    }
    const policy = `${basePolicy}\nwaivers:\n  approvers: ["@acme/ml-release"]\n`;
    const policyPath = file('policy.yml', policy, policy);

    const member = await run({
      candidate: BLOCKED,
      policy: policyPath,
      manifest: file('release.yml', chargebackWaiver('mia')),
      'gate-id': 'team-member',
    });
    expect(reportOf(member).findings.find((f) => f.id === 'cohort.regressed')?.waiver?.verified).toBe(true);

    const outsider = await run({
      candidate: BLOCKED,
      policy: policyPath,
      manifest: file('release.yml', chargebackWaiver('nick')),
      'gate-id': 'team-non-member',
    });
    expect(outsider.outputs.verdict).toBe('block');
    expect(reportOf(outsider).readiness.waivers[0]?.status).toBe('unverified');
    expect(outsider.warnings).toContain(
      "the approval by nick does not count for waivers: nick is not listed in the policy's waivers.approvers (@acme/ml-release) nor an active member of a listed team",
    );
  });
});

describe('a pull request that weakens its base manifest', () => {
  const weakened = (result: Awaited<ReturnType<typeof run>>) =>
    reportOf(result).findings.filter((f) => f.id === 'manifest.weakened' && f.waiver === undefined);

  it('blocks lowering risk_class from high to low, at the risk_class line', async () => {
    const head = exampleManifest.replace('risk_class: high', 'risk_class: low');
    const result = await run({
      candidate: PASSING,
      manifest: file('release.yml', head, exampleManifest),
      'gate-id': 'risk-lowered',
    });
    expect(result.outputs.verdict).toBe('block');
    const [finding, ...rest] = weakened(result);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'block',
      line: head.split('\n').findIndex((l) => l.startsWith('risk_class:')) + 1,
    });
    expect(finding?.message).toContain('lowers risk_class from high');
  });

  it('blocks removing a section the base has', async () => {
    const head = exampleManifest.replace(/\nload_test: .*\n/, '\n');
    const result = await run({
      candidate: PASSING,
      manifest: file('release.yml', head, exampleManifest),
      'gate-id': 'section-removed',
    });
    expect(result.outputs.verdict).toBe('block');
    expect(weakened(result).map((f) => f.message)).toEqual([expect.stringContaining('removes the load_test section')]);
  });

  it('judges a manifest new in the pull request as written (404 at the base, confirmed by the listing)', async () => {
    const result = await run({
      candidate: PASSING,
      manifest: file('release.yml', exampleManifest.replace('risk_class: high', 'risk_class: low')),
      'gate-id': 'new-manifest',
    });
    expect(result.outputs.verdict).not.toBe('error');
    expect(reportOf(result).findings.map((f) => f.id)).not.toContain('manifest.weakened');
  });

  it('does not let an approver who has not approved waive it, even with require_verified_waivers: false', async () => {
    const policy = `${basePolicy}\nreadiness: {require_verified_waivers: false}\n`;
    const policyPath = file('policy.yml', policy, policy);
    const head = waiverOf('manifest.weakened', 'olga').replace('risk_class: high', 'risk_class: low');
    const manifest = file('release.yml', head, exampleManifest);
    const unapproved = await run({ candidate: PASSING, policy: policyPath, manifest, 'gate-id': 'weakened-waiver' });
    expect(unapproved.outputs.verdict).toBe('block');
    expect(weakened(unapproved)).toHaveLength(1);
    expect(reportOf(unapproved).readiness.waivers[0]?.status).toBe('unverified');

    approve('olga');
    fake.state.setRole(REPO, 'olga', 'maintain');
    const approved = await run({ candidate: PASSING, policy: policyPath, manifest, 'gate-id': 'weakened-waiver' });
    expect(weakened(approved)).toEqual([]);
    expect(reportOf(approved).findings.find((f) => f.id === 'manifest.weakened')?.waiver?.verified).toBe(true);
  });

  it('stops with an error when the base manifest cannot be read', async () => {
    fake.fail('GET /repos/:owner/:repo/contents/*', { status: 403 });
    const result = await run({
      candidate: PASSING,
      policy: '',
      manifest: file('release.yml', exampleManifest, exampleManifest),
      'gate-id': 'manifest-403',
    });
    expect(result.outputs.verdict).toBe('error');
    expect(result.failed).toEqual([
      expect.stringMatching(/could not read the manifest at the pull request's base commit bbbbbbb/),
    ]);
  });
});

describe('the policy input on a pull request', () => {
  it('is an error when the named policy exists neither at the base nor in the workspace (a typo)', async () => {
    const result = await run({ candidate: PASSING, policy: 'examples/polcy.yml', 'gate-id': 'policy-typo' });
    expect(result.outputs.verdict).toBe('error');
    expect(result.status).toBe(1);
    expect(result.failed).toEqual([
      expect.stringContaining(
        "input policy: examples/polcy.yml exists neither at the pull request's base commit bbbbbbb nor in the workspace",
      ),
    ]);
  });

  it('applies the defaults with a warning when the pull request adds the policy and the base listing confirms it is new', async () => {
    const result = await run({ candidate: PASSING, policy: file('policy.yml', basePolicy), 'gate-id': 'policy-new' });
    expect(result.outputs.verdict).not.toBe('error');
    expect(
      result.warnings.some((w) => w.includes('the base branch has no such file, so the default policy was applied')),
    ).toBe(true);
  });

  it('is an error when the base answers 404 and the directory listing fails', async () => {
    // The read answers 404 as it would; listing the directory then fails.
    fake.fail('GET /repos/:owner/:repo/contents/*', { delayMs: 0 });
    fake.fail('GET /repos/:owner/:repo/contents/*', { status: 403 });
    const result = await run({
      candidate: PASSING,
      policy: file('policy.yml', basePolicy),
      'gate-id': 'policy-listing-fails',
    });
    expect(result.outputs.verdict).toBe('error');
    expect(result.failed[0]).toMatch(
      /GitHub answered 404 for the policy at the pull request's base commit bbbbbbb, and listing its directory there to confirm that failed/,
    );
  });
});

describe('publishing', () => {
  it('takes a 409 on the comment list as a publishing failure: a warning, no new comment, the verdict unchanged', async () => {
    fake.fail('GET /repos/:owner/:repo/issues/:number/comments', { status: 409 });
    const before = fake.state.commentsOn(REPO, PR).length;
    const result = await run({ candidate: BLOCKED, 'gate-id': 'list-409' });
    expect(result.outputs.verdict).toBe('block');
    expect(fake.state.commentsOn(REPO, PR)).toHaveLength(before);
    expect(
      result.warnings.some((w) => w.startsWith('could not post the pull request comment') && w.includes('conflict')),
    ).toBe(true);
  });
});
