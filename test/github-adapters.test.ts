import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvingReviewers } from '../src/adapters/github/approvals.js';
import { confirmAbsentAtRef, readFileAtRef } from '../src/adapters/github/base-policy.js';
import { downloadBaselineArtifact, findBaselineArtifact } from '../src/adapters/github/baseline-artifact.js';
import { createGitHubClient, type GitHubClientOptions } from '../src/adapters/github/client.js';
import { classifyGitHubError, CommentTooLongError } from '../src/adapters/github/errors.js';
import { upsertStickyComment } from '../src/adapters/github/sticky-comment.js';
import { FakeGitHub, gitBlobSha } from './helpers/fake-github.js';
import { writeZip } from './helpers/zip-writer.js';

const owner = 'acme';
const repo = 'models';
const REPO = `${owner}/${repo}`;
const MARKER = '<!-- model-release-gate:default -->';

let fake: FakeGitHub;
const logs: string[] = [];

beforeEach(async () => {
  fake = new FakeGitHub();
  await fake.start();
  logs.length = 0;
});
afterEach(() => fake.stop());

function client(token = 'user-token', options: GitHubClientOptions = {}) {
  return createGitHubClient(token, { baseUrl: fake.apiUrl, log: (message) => logs.push(message), ...options });
}

function upsert(body: string, options: { token?: string; issueNumber?: number } = {}) {
  const request = { owner, repo, issueNumber: options.issueNumber ?? 7, marker: MARKER, body };
  return upsertStickyComment(client(options.token), request, { settleMs: 0 });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('sticky comment', () => {
  it('finds its comment on the second page of more than 100 comments', async () => {
    for (let i = 0; i < 150; i += 1) fake.state.addComment(REPO, 7, { body: `comment ${i}`, login: `user${i % 5}` });
    const ours = fake.state.addComment(REPO, 7, { body: `${MARKER}\nold report`, login: 'gate-user' });

    const result = await upsert('new report');

    expect(result).toEqual({
      action: 'updated',
      id: ours.id,
      url: `https://github.com/${REPO}/issues/7#issuecomment-${ours.id}`,
    });
    expect(fake.requestsTo('GET /repos/:owner/:repo/issues/:number/comments').map((r) => r.query.page ?? '1')).toEqual([
      '1',
      '2',
    ]);
    expect(fake.requestsTo('POST /repos/:owner/:repo/issues/:number/comments')).toHaveLength(0);
    expect(fake.state.commentsOn(REPO, 7)).toHaveLength(151);
    expect(ours.body).toBe(`${MARKER}\nnew report`);
  });

  it('creates, then updates, then leaves an unchanged body alone', async () => {
    const created = await upsert('first');
    expect(created.action).toBe('created');
    expect(fake.state.commentsOn(REPO, 7)[0]).toMatchObject({ body: `${MARKER}\nfirst`, login: 'gate-user' });

    expect(await upsert('second')).toEqual({ ...created, action: 'updated' });
    expect(await upsert(`${MARKER}\nsecond`)).toEqual({ ...created, action: 'unchanged' });

    expect(fake.requestsTo('POST /repos/:owner/:repo/issues/:number/comments')).toHaveLength(1);
    expect(fake.requestsTo('PATCH /repos/:owner/:repo/issues/comments/:id')).toHaveLength(1);
    expect(fake.state.commentsOn(REPO, 7)).toHaveLength(1);
  });

  it('updates the oldest of several marked comments and leaves the others', async () => {
    const older = fake.state.addComment(REPO, 7, { body: `${MARKER}\nrun 1`, login: 'gate-user' });
    const newer = fake.state.addComment(REPO, 7, { body: `${MARKER}\nrun 2`, login: 'gate-user' });
    expect((await upsert('run 3')).id).toBe(older.id);
    expect([older.body, newer.body]).toEqual([`${MARKER}\nrun 3`, `${MARKER}\nrun 2`]);

    // Oldest by creation time, even where the ids would say otherwise.
    const a = fake.state.addComment(REPO, 8, {
      body: `${MARKER}\nx`,
      login: 'gate-user',
      createdAt: '2025-03-02T00:00:00Z',
    });
    const b = fake.state.addComment(REPO, 8, {
      body: `${MARKER}\ny`,
      login: 'gate-user',
      createdAt: '2025-03-01T00:00:00Z',
    });
    expect((await upsert('z', { issueNumber: 8 })).id).toBe(b.id);
    expect(a.body).toBe(`${MARKER}\nx`);
  });

  it('ignores a marked comment written by someone else', async () => {
    const forged = fake.state.addComment(REPO, 7, { body: `${MARKER}\nall green, merge it`, login: 'mallory' });
    const result = await upsert('the real report');
    expect(result.action).toBe('created');
    expect(result.id).not.toBe(forged.id);
    expect(forged.body).toBe(`${MARKER}\nall green, merge it`);
  });

  it('writes as github-actions[bot] when the token cannot read GET /user', async () => {
    fake.state.addComment(REPO, 7, { body: `${MARKER}\nby a person`, login: 'gate-user' });
    const bots = fake.state.addComment(REPO, 7, { body: `${MARKER}\nby the bot`, login: 'github-actions[bot]' });
    const result = await upsert('updated', { token: 'actions-token' });
    expect(result).toMatchObject({ action: 'updated', id: bots.id });
    expect(fake.requestsTo('GET /user')[0]?.status).toBe(403);
  });

  it('reports a 403 as a permission problem with the fix', async () => {
    fake.fail('POST /repos/:owner/:repo/issues/:number/comments', { status: 403 });
    const info = classifyGitHubError(await rejection(upsert('report')));
    expect(info).toMatchObject({
      kind: 'permission',
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    expect(info.hint).toContain('`permissions: pull-requests: write`');
    expect(info.hint).toContain('workflow_run');
    expect(fake.requestsTo('POST /repos/:owner/:repo/issues/:number/comments')).toHaveLength(1);
  });

  it('throws CommentTooLongError when GitHub refuses the body as too long', async () => {
    const error = await rejection(upsert('x'.repeat(70_000)));
    expect(error).toBeInstanceOf(CommentTooLongError);
    expect(error).toMatchObject({ maxLength: 65536 });
    expect(classifyGitHubError(error).kind).toBe('too-long');
    expect(fake.requestsTo('POST /repos/:owner/:repo/issues/:number/comments')).toHaveLength(1);

    // The same on an update, here injected.
    fake.state.addComment(REPO, 9, { body: `${MARKER}\nold`, login: 'gate-user' });
    fake.fail('PATCH /repos/:owner/:repo/issues/comments/:id', { status: 422 });
    expect(await rejection(upsert('new', { issueNumber: 9 }))).toBeInstanceOf(CommentTooLongError);
  });

  it('waits out a 429 with retry-after and succeeds', async () => {
    fake.fail('GET /repos/:owner/:repo/issues/:number/comments', { status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    expect((await upsert('report')).action).toBe('created');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.requestsTo('GET /repos/:owner/:repo/issues/:number/comments').map((r) => r.status)).toEqual([429, 200]);
    expect(logs.some((line) => line.includes('secondary rate limit'))).toBe(true);
  });

  it('gives up on a rate limit after two retries, or at once when the wait is too long', async () => {
    fake.fail('GET /repos/:owner/:repo/pulls/:number/reviews', {
      status: 429,
      headers: { 'retry-after': '1' },
      times: 5,
    });
    const error = await rejection(
      approvingReviewers(client(), { owner, repo, pullNumber: 7, headSha: 'h', author: 'a' }),
    );
    expect(classifyGitHubError(error).kind).toBe('rate-limited');
    expect(fake.requestsTo('GET /repos/:owner/:repo/pulls/:number/reviews')).toHaveLength(3);

    fake.fail('GET /repos/:owner/:repo/contents/*', { status: 429, headers: { 'retry-after': '3600' } });
    await rejection(readFileAtRef(client(), { owner, repo, path: 'policy.yml', ref: 'main' }));
    expect(fake.requestsTo('GET /repos/:owner/:repo/contents/*')).toHaveLength(1);
  });

  it('retries a 500 on the comment list', async () => {
    fake.fail('GET /repos/:owner/:repo/issues/:number/comments', { status: 500 });
    expect((await upsert('report')).action).toBe('created');
    expect(fake.requestsTo('GET /repos/:owner/:repo/issues/:number/comments')[0]?.status).toBe(500);
  });

  it('retries a request that times out', async () => {
    fake.fail('GET /repos/:owner/:repo/pulls/:number/reviews', { delayMs: 600 });
    const octokit = client('user-token', { timeoutMs: 200 });
    expect(await approvingReviewers(octokit, { owner, repo, pullNumber: 7, headSha: 'h', author: 'a' })).toEqual({
      logins: [],
      warnings: [],
    });
    expect(fake.requestsTo('GET /repos/:owner/:repo/pulls/:number/reviews')).toHaveLength(2);
  });

  it('does not post twice when a create fails with 502 before GitHub stored it', async () => {
    fake.fail('POST /repos/:owner/:repo/issues/:number/comments', { status: 502 });
    expect((await upsert('report')).action).toBe('created');
    expect(fake.requestsTo('POST /repos/:owner/:repo/issues/:number/comments').map((r) => r.status)).toEqual([
      502, 201,
    ]);
    expect(fake.state.commentsOn(REPO, 7)).toHaveLength(1);
  });

  it('does not post twice when a create fails with 502 after GitHub stored it', async () => {
    fake.fail('POST /repos/:owner/:repo/issues/:number/comments', { status: 502, afterHandler: true });
    const result = await upsert('report');
    expect(result.action).toBe('created');
    expect(fake.requestsTo('POST /repos/:owner/:repo/issues/:number/comments')).toHaveLength(1);
    expect(fake.state.commentsOn(REPO, 7)).toHaveLength(1);
    expect(result.id).toBe(fake.state.commentsOn(REPO, 7)[0]?.id);
  });
});

describe('sticky comment: no duplicates when the outcome is unclear', () => {
  it('takes a 409 on the comment list as a failure, not as "no comments", and posts nothing', async () => {
    fake.state.addComment(REPO, 7, { body: `${MARKER}\nold report`, login: 'gate-user' });
    fake.fail('GET /repos/:owner/:repo/issues/:number/comments', { status: 409 });
    expect(classifyGitHubError(await rejection(upsert('new report')))).toMatchObject({ kind: 'conflict', status: 409 });
    expect(fake.requestsTo('POST /repos/:owner/:repo/issues/:number/comments')).toHaveLength(0);
    expect(fake.state.commentsOn(REPO, 7)).toHaveLength(1);
  });

  it('takes a comment list that is not a list as a failure, and posts nothing', async () => {
    fake.fail('GET /repos/:owner/:repo/issues/:number/comments', { status: 200, body: { message: 'unexpected' } });
    const error = await rejection(upsert('report'));
    expect(String((error as Error).message)).toContain('something other than a list');
    expect(fake.requestsTo('POST /repos/:owner/:repo/issues/:number/comments')).toHaveLength(0);
  });

  it('does not post again when a create timed out here but GitHub stored it a little later', async () => {
    // The client gives up after 200 ms; the server stores the comment at 1 s.
    fake.fail('POST /repos/:owner/:repo/issues/:number/comments', { delayMs: 1_000 });
    const octokit = client('user-token', { timeoutMs: 200 });
    const result = await upsertStickyComment(
      octokit,
      { owner, repo, issueNumber: 7, marker: MARKER, body: 'report' },
      { settleMs: 300 },
    );
    expect(result.action).toBe('created');
    expect(fake.requestsTo('POST /repos/:owner/:repo/issues/:number/comments')).toHaveLength(1);
    expect(fake.state.commentsOn(REPO, 7)).toHaveLength(1);
    expect(result.id).toBe(fake.state.commentsOn(REPO, 7)[0]?.id);
  });

  it('does not post again when the re-listing after an unclear create fails', async () => {
    fake.fail('POST /repos/:owner/:repo/issues/:number/comments', { status: 502, afterHandler: true });
    fake.fail('GET /repos/:owner/:repo/issues/:number/comments', { delayMs: 0 });
    fake.fail('GET /repos/:owner/:repo/issues/:number/comments', { status: 409 });
    await rejection(upsert('report'));
    expect(fake.requestsTo('POST /repos/:owner/:repo/issues/:number/comments')).toHaveLength(1);
    expect(fake.state.commentsOn(REPO, 7)).toHaveLength(1);
  });
});

describe('classifyGitHubError', () => {
  it('names not-found, conflict, server and network failures', async () => {
    const octokit = client();
    fake.fail('GET /repos/:owner/:repo/pulls/:number/reviews', { status: 404 });
    const notFound = classifyGitHubError(
      await rejection(approvingReviewers(octokit, { owner, repo, pullNumber: 1, headSha: 'h', author: 'a' })),
    );
    expect(notFound).toMatchObject({ kind: 'not-found', status: 404 });
    expect(notFound.hint).toContain('pull-requests: read');

    fake.fail('GET /repos/:owner/:repo/contents/*', { status: 409 });
    expect(
      classifyGitHubError(await rejection(readFileAtRef(octokit, { owner, repo, path: 'p', ref: 'main' }))),
    ).toMatchObject({ kind: 'conflict', status: 409 });

    fake.fail('GET /user', { status: 502 });
    expect(
      classifyGitHubError(await rejection(octokit.rest.users.getAuthenticated({ request: { retries: 0 } }))),
    ).toMatchObject({ kind: 'server', status: 502 });

    const unreachable = createGitHubClient('user-token', { baseUrl: 'http://127.0.0.1:9' });
    const network = classifyGitHubError(
      await rejection(unreachable.rest.users.getAuthenticated({ request: { retries: 0 } })),
    );
    expect(network.kind).toBe('network');
    expect(network.hint).toContain('HTTPS_PROXY');
  });
});

describe('approvals', () => {
  it('keeps reviewers whose latest verdict approves the head commit, the author excluded', async () => {
    const review = (
      login: string,
      state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED',
      commitId = 'head',
    ) => fake.state.addReview(REPO, 7, { login, state, commitId });
    for (let i = 0; i < 110; i += 1) review(`bystander${i}`, 'COMMENTED');
    review('Alice', 'APPROVED');
    review('bob', 'APPROVED', 'old');
    review('carol', 'APPROVED');
    review('carol', 'CHANGES_REQUESTED');
    review('dave', 'APPROVED');
    review('erin', 'APPROVED');
    review('erin', 'COMMENTED');
    review('frank', 'DISMISSED');
    review('grace', 'CHANGES_REQUESTED');
    review('grace', 'APPROVED');
    review('heidi', 'APPROVED', 'old');
    review('heidi', 'COMMENTED');

    for (const login of ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'])
      fake.state.setRole(REPO, login, 'write');

    const approvers = await approvingReviewers(client(), {
      owner,
      repo,
      pullNumber: 7,
      headSha: 'head',
      author: '@Dave',
    });
    expect(approvers.logins.sort()).toEqual(['Alice', 'erin', 'grace']);
    expect(approvers.warnings).toEqual([]);
    expect(fake.requestsTo('GET /repos/:owner/:repo/pulls/:number/reviews')).toHaveLength(2);
  });

  const approve = (login: string, association = 'MEMBER') =>
    fake.state.addReview(REPO, 7, { login, state: 'APPROVED', commitId: 'head', association });
  const read = (approvers: string[] = []) =>
    approvingReviewers(client(), { owner, repo, pullNumber: 7, headSha: 'head', author: 'dave', approvers });

  it('counts only approvals from users with write access (admin, maintain, write), and says why not for the rest', async () => {
    approve('outsider', 'NONE');
    approve('reader', 'COLLABORATOR');
    approve('triager', 'MEMBER');
    approve('maintainer', 'MEMBER');
    approve('owner', 'OWNER');
    fake.state.setRole(REPO, 'reader', 'read');
    fake.state.setRole(REPO, 'triager', 'triage');
    fake.state.setRole(REPO, 'maintainer', 'maintain');
    fake.state.setRole(REPO, 'owner', 'admin');

    const approvals = await read();
    expect(approvals.logins).toEqual(['maintainer', 'owner']);
    expect(approvals.warnings).toEqual([
      'the approval by outsider does not count for waivers: outsider is not a collaborator of this repository (none); only approvals from users with write access count',
      'the approval by reader does not count for waivers: reader has read access to this repository; only approvals from users with write access count',
      'the approval by triager does not count for waivers: triager has triage access to this repository; only approvals from users with write access count',
    ]);
    // The outsider's association already rules them out: no permission request for them.
    expect(
      fake.requestsTo('GET /repos/:owner/:repo/collaborators/:user/permission').map((r) => r.path.split('/')[5]),
    ).toEqual(['reader', 'triager', 'maintainer', 'owner']);
  });

  // A 403 (the token may not read permissions) fails at once; a 500 is retried first, then ends the same way.
  it('does not count an approval whose permission cannot be read (403), with a warning', async () => {
    approve('alice');
    fake.state.setRole(REPO, 'alice', 'write');
    fake.fail('GET /repos/:owner/:repo/collaborators/:user/permission', { status: 403 });
    const approvals = await read();
    expect(approvals.logins).toEqual([]);
    expect(approvals.warnings).toHaveLength(1);
    expect(approvals.warnings[0]).toMatch(
      /^the approval by alice does not count for waivers: alice's permission on the repository could not be read \(Resource not accessible by integration - .*\)\./,
    );
  });

  it('with waivers.approvers, counts listed logins and active members of listed teams who also have write access', async () => {
    for (const login of ['listed', 'member', 'pending', 'stranger', 'readonly']) {
      approve(login);
      fake.state.setRole(REPO, login, login === 'readonly' ? 'read' : 'write');
    }
    fake.state.addTeamMember('acme/ml-release', 'member');
    fake.state.addTeamMember('acme/ml-release', 'readonly');
    fake.state.addTeamMember('acme/ml-release', 'pending', 'pending');

    const approvals = await read(['@Listed', '@acme/ml-release']);
    expect(approvals.logins).toEqual(['listed', 'member']);
    expect(approvals.warnings).toEqual([
      "the approval by pending does not count for waivers: pending is not listed in the policy's waivers.approvers (@Listed, @acme/ml-release) nor an active member of a listed team",
      "the approval by stranger does not count for waivers: stranger is not listed in the policy's waivers.approvers (@Listed, @acme/ml-release) nor an active member of a listed team",
      'the approval by readonly does not count for waivers: readonly has read access to this repository; only approvals from users with write access count',
    ]);
    const teamLookups = fake.requestsTo('GET /orgs/:org/teams/:team/memberships/:user');
    expect(teamLookups.map((r) => `${r.path.split('/')[6]}:${r.status}`)).toEqual([
      'member:200',
      'pending:200',
      'stranger:404',
    ]);
  });

  it('treats a team it may not read (403) as no membership, and names the token it would need', async () => {
    approve('member');
    fake.state.setRole(REPO, 'member', 'write');
    fake.state.addTeamMember('acme/ml-release', 'member');
    fake.fail('GET /orgs/:org/teams/:team/memberships/:user', { status: 403 });
    const approvals = await read(['@acme/ml-release']);
    expect(approvals.logins).toEqual([]);
    expect(approvals.warnings[0]).toContain(
      'the token may not read the members of @acme/ml-release (a GitHub App or personal token with organization members: read can)',
    );
  });
});

describe('base policy', () => {
  it('reads a file at a ref, and undefined when it is not there', async () => {
    fake.state.setFile(REPO, 'main', '.github/gate/policy.yml', 'threshold: 0.01\n');
    fake.state.setFile(REPO, 'feature', '.github/gate/policy.yml', 'threshold: 0.5\n');
    const octokit = client();
    expect(await readFileAtRef(octokit, { owner, repo, path: '.github/gate/policy.yml', ref: 'main' })).toEqual({
      text: 'threshold: 0.01\n',
      sha: gitBlobSha(Buffer.from('threshold: 0.01\n')),
    });
    expect(
      (await readFileAtRef(octokit, { owner, repo, path: './.github/gate/policy.yml', ref: 'feature' }))?.text,
    ).toBe('threshold: 0.5\n');
    expect(await readFileAtRef(octokit, { owner, repo, path: 'missing.yml', ref: 'main' })).toBeUndefined();
  });

  it('falls back to the raw media type when GitHub sends no inline content', async () => {
    const text = `# ünïcode\n${'cohort: x\n'.repeat(50)}`;
    fake.state.setFile(REPO, 'main', 'policy.yml', text);
    fake.state.inlineContentLimit = 10;
    expect(await readFileAtRef(client(), { owner, repo, path: 'policy.yml', ref: 'main' })).toEqual({
      text,
      sha: gitBlobSha(Buffer.from(text)),
    });
    expect(fake.requestsTo('GET /repos/:owner/:repo/contents/*')).toHaveLength(2);
  });

  it('confirms a 404 by listing the nearest existing directory at the ref', async () => {
    fake.state.setFile(REPO, 'base', '.github/gate/other.yml', 'x: 1\n');
    fake.state.setFile(REPO, 'base', 'README.md', 'hi\n');
    const absent = (path: string) => confirmAbsentAtRef(client(), { owner, repo, path, ref: 'base' });

    expect(await absent('.github/gate/policy.yml')).toEqual({ confirmed: true });
    // A directory that is not there either: its parent is listed instead, up to the root.
    expect(await absent('./config/deep/policy.yml')).toEqual({ confirmed: true });
    expect(fake.requestsTo('GET /repos/:owner/:repo/contents').map((r) => r.query.ref)).toEqual(['base']);

    // Listed, yet read as 404 (a token that may not see it, or a glitch): not confirmed.
    fake.state.setFile(REPO, 'base', '.github/gate/policy.yml', 'x: 2\n');
    expect(await absent('.github/gate/policy.yml')).toEqual({
      confirmed: false,
      why: 'directory .github/gate at base lists policy.yml, yet reading it answered 404',
    });
    fake.fail('GET /repos/:owner/:repo/contents/*', { status: 404 });
    expect(await absent('.github/gate/policy.yml')).toEqual({
      confirmed: false,
      why: 'directory .github at base lists gate, yet reading it answered 404',
    });
  });

  it('throws when the listing itself fails, the root included', async () => {
    fake.fail('GET /repos/:owner/:repo/contents', { status: 404 });
    expect(
      classifyGitHubError(
        await rejection(confirmAbsentAtRef(client(), { owner, repo, path: 'policy.yml', ref: 'base' })),
      ),
    ).toMatchObject({ status: 404 });
    fake.fail('GET /repos/:owner/:repo/contents/*', { status: 403 });
    expect(
      classifyGitHubError(
        await rejection(confirmAbsentAtRef(client(), { owner, repo, path: 'gate/policy.yml', ref: 'base' })),
      ),
    ).toMatchObject({ kind: 'permission' });
  });
});

describe('baseline artifact', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gate-baseline-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('takes the newest successful run on the branch that still has the artifact, and extracts it', async () => {
    const zip = writeZip(
      { 'baseline.jsonl': '{"id":1,"score":0.9}\n', 'meta/info.json': '{"model":"v1"}' },
      { deflate: true },
    );
    const withIt = fake.state.addRun(REPO, { workflow: 'gate.yml', headSha: 'sha-1' });
    fake.state.addArtifact(withIt.id, { name: 'baseline', zip });
    fake.state.addRun(REPO, { workflow: 'gate.yml', headSha: 'sha-2' }); // uploaded nothing
    fake.state.addArtifact(
      fake.state.addRun(REPO, { workflow: 'gate.yml', headSha: 'sha-3', conclusion: 'failure' }).id,
      { name: 'baseline', zip },
    );
    fake.state.addArtifact(fake.state.addRun(REPO, { workflow: 'gate.yml', headSha: 'sha-4', branch: 'dev' }).id, {
      name: 'baseline',
      zip,
    });
    fake.state.addArtifact(fake.state.addRun(REPO, { workflow: 'gate.yml', headSha: 'sha-5' }).id, {
      name: 'baseline',
      zip,
      expired: true,
    });
    fake.state.addArtifact(fake.state.addRun(REPO, { workflow: 'other.yml', headSha: 'sha-6' }).id, {
      name: 'baseline',
      zip,
    });

    const octokit = client();
    const query = { owner, repo, workflow: 'gate.yml', branch: 'main', artifactName: 'baseline' };
    const found = await findBaselineArtifact(octokit, query);
    const artifact = [...fake.state.artifacts.values()].find((candidate) => candidate.runId === withIt.id);
    expect(found).toEqual({ runId: withIt.id, artifactId: artifact?.id, headSha: 'sha-1' });

    const download = { owner, repo, artifactId: found?.artifactId ?? 0, destination: directory, maxBytes: 1024 ** 2 };
    expect(await downloadBaselineArtifact(octokit, { ...download, file: 'meta/info.json' })).toBe(
      join(directory, 'meta', 'info.json'),
    );
    expect(await readFile(join(directory, 'meta', 'info.json'), 'utf8')).toBe('{"model":"v1"}');
    // Only the file asked for is extracted, and the downloaded zip is not left behind.
    expect(await readdir(directory)).toEqual(['meta']);
    // The blob listener refuses an Authorization header: fetch dropped it on the cross-origin redirect.
    expect(fake.requestsTo('GET /_blob/artifacts/:id').map((r) => [r.status, r.authorization])).toEqual([
      [200, undefined],
    ]);

    expect(await findBaselineArtifact(octokit, { ...query, artifactName: 'nothing' })).toBeUndefined();
  });
});
