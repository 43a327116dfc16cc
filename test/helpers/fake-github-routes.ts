import type { IncomingHttpHeaders } from 'node:http';
import { type FakeComment, type FakeGitHubState, type FakeUser, gitBlobSha } from './fake-github-state.js';

/** The endpoints the fake serves, named as failure injection and the request log name them. */
export const ROUTE_NAMES = [
  'GET /user',
  'GET /repos/:owner/:repo/issues/:number/comments',
  'POST /repos/:owner/:repo/issues/:number/comments',
  'PATCH /repos/:owner/:repo/issues/comments/:id',
  'GET /repos/:owner/:repo/pulls/:number/reviews',
  'GET /repos/:owner/:repo/pulls/:number',
  'GET /repos/:owner/:repo/contents/*',
  'GET /repos/:owner/:repo/contents',
  'GET /repos/:owner/:repo/collaborators/:user/permission',
  'GET /orgs/:org/teams/:team/memberships/:user',
  'GET /repos/:owner/:repo/actions/workflows/:workflow/runs',
  'GET /repos/:owner/:repo/actions/runs/:id/artifacts',
  'GET /repos/:owner/:repo/actions/artifacts/:id/zip',
  'GET /_blob/artifacts/:id',
] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];

export interface RouteContext {
  /** The `:name` and `*` parts of the path, in order, URL-decoded. */
  params: string[];
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  user: FakeUser | undefined;
  apiUrl: string;
  blobUrl: string;
  state: FakeGitHubState;
}

export type RouteResult =
  | { status: number; json?: unknown; headers?: Record<string, string> }
  | { status: number; raw: Buffer; contentType: string; headers?: Record<string, string> }
  /** A list the server pages with per_page/page and Link headers; `wrap` nests a page as GitHub does. */
  | { status: 200; list: unknown[]; wrap?: (page: unknown[], total: number) => unknown };

export function githubError(status: number, message: string, extra: Record<string, unknown> = {}): RouteResult {
  return {
    status,
    json: { message, documentation_url: 'https://docs.github.com/rest', status: String(status), ...extra },
  };
}

const MAX_COMMENT_LENGTH = 65536;

export const HANDLERS: Record<RouteName, (context: RouteContext) => RouteResult> = {
  'GET /user': ({ user }) =>
    user?.kind === 'installation'
      ? githubError(403, 'Resource not accessible by integration')
      : { status: 200, json: userJson(user?.login ?? 'ghost') },

  'GET /repos/:owner/:repo/issues/:number/comments': ({ params: [owner, repo, issue], state, apiUrl }) => ({
    status: 200,
    list: state
      .commentsOn(`${owner}/${repo}`, Number(issue))
      .map((comment) => commentJson(comment, `${owner}/${repo}`, apiUrl)),
  }),

  'POST /repos/:owner/:repo/issues/:number/comments': ({ params: [owner, repo, issue], state, body, user, apiUrl }) => {
    const text = (body as { body?: unknown } | undefined)?.body;
    if (typeof text !== 'string') return githubError(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
    if (text.length > MAX_COMMENT_LENGTH) return tooLong();
    const comment = state.addComment(`${owner}/${repo}`, Number(issue), { body: text, login: user?.login ?? 'ghost' });
    return { status: 201, json: commentJson(comment, `${owner}/${repo}`, apiUrl) };
  },

  'PATCH /repos/:owner/:repo/issues/comments/:id': ({ params: [owner, repo, id], state, body, apiUrl }) => {
    const comment = state.findComment(`${owner}/${repo}`, Number(id));
    if (comment === undefined) return githubError(404, 'Not Found');
    const text = (body as { body?: unknown } | undefined)?.body;
    if (typeof text !== 'string') return githubError(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
    if (text.length > MAX_COMMENT_LENGTH) return tooLong();
    comment.body = text;
    comment.updatedAt = state.now();
    return { status: 200, json: commentJson(comment, `${owner}/${repo}`, apiUrl) };
  },

  'GET /repos/:owner/:repo/pulls/:number/reviews': ({ params: [owner, repo, pull], state }) => ({
    status: 200,
    list: (state.reviews.get(`${owner}/${repo}#${pull}`) ?? []).map((review) => ({
      id: review.id,
      user: userJson(review.login),
      body: '',
      state: review.state,
      commit_id: review.commitId,
      submitted_at: review.submittedAt,
      author_association: review.association ?? 'MEMBER',
    })),
  }),

  'GET /repos/:owner/:repo/pulls/:number': ({ params: [owner, repo, pull], state }) => {
    const pr = state.pulls.get(`${owner}/${repo}#${pull}`);
    if (pr === undefined) return githubError(404, 'Not Found');
    return {
      status: 200,
      json: {
        number: Number(pull),
        state: 'open',
        user: userJson(pr.author),
        base: { ref: pr.baseRef, sha: pr.baseSha, repo: { full_name: `${owner}/${repo}` } },
        head: { ref: 'feature', sha: pr.headSha, repo: { full_name: pr.headRepo } },
      },
    };
  },

  'GET /repos/:owner/:repo/contents/*': ({ params: [owner, repo, path = ''], query, headers, state }) => {
    const ref = query.get('ref') ?? 'main';
    const text = state.files.get(`${owner}/${repo}@${ref}:${path}`);
    if (text === undefined) return directoryResult(state, `${owner}/${repo}`, ref, path);
    const bytes = Buffer.from(text, 'utf8');
    if (String(headers.accept ?? '').includes('raw'))
      return { status: 200, raw: bytes, contentType: 'text/plain; charset=utf-8' };
    const inline = bytes.length <= state.inlineContentLimit;
    return {
      status: 200,
      json: {
        type: 'file',
        name: path.split('/').pop(),
        path,
        size: bytes.length,
        sha: gitBlobSha(bytes),
        // GitHub wraps base64 at 60 characters.
        encoding: inline ? 'base64' : 'none',
        content: inline ? (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') : '',
      },
    };
  },

  'GET /repos/:owner/:repo/contents': ({ params: [owner, repo], query, state }) =>
    directoryResult(state, `${owner}/${repo}`, query.get('ref') ?? 'main', ''),

  'GET /repos/:owner/:repo/collaborators/:user/permission': ({ params: [owner, repo, login = ''], state }) => {
    const role = state.roles.get(`${owner}/${repo}:${login}`.toLowerCase()) ?? 'read';
    // The legacy `permission` folds maintain into write and triage into read, as GitHub does.
    const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
    return { status: 200, json: { permission, role_name: role, user: userJson(login) } };
  },

  'GET /orgs/:org/teams/:team/memberships/:user': ({ params: [org, team, login = ''], state }) => {
    const membership = state.teams.get(`${org}/${team}`.toLowerCase())?.get(login.toLowerCase());
    if (membership === undefined) return githubError(404, 'Not Found');
    return { status: 200, json: { url: '', role: 'member', state: membership } };
  },

  'GET /repos/:owner/:repo/actions/workflows/:workflow/runs': ({ params: [owner, repo, workflow], query, state }) => {
    const all = state.runs.get(`${owner}/${repo}`) ?? [];
    const ofWorkflow = all.filter((run) => run.workflow === workflow || String(run.workflowId) === workflow);
    if (ofWorkflow.length === 0) return githubError(404, 'Not Found');
    const status = query.get('status');
    const runs = ofWorkflow
      .filter((run) => query.get('branch') === null || run.branch === query.get('branch'))
      .filter((run) => query.get('event') === null || run.event === query.get('event'))
      .filter((run) => status === null || status === 'completed' || run.conclusion === status)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
      .map((run) => ({
        id: run.id,
        name: run.workflow,
        workflow_id: run.workflowId,
        path: `.github/workflows/${run.workflow}`,
        head_branch: run.branch,
        head_sha: run.headSha,
        event: run.event,
        status: 'completed',
        conclusion: run.conclusion,
        created_at: run.createdAt,
      }));
    return { status: 200, list: runs, wrap: (page, total) => ({ total_count: total, workflow_runs: page }) };
  },

  'GET /repos/:owner/:repo/actions/runs/:id/artifacts': ({ params: [owner, repo, runId], query, state, apiUrl }) => {
    const name = query.get('name');
    const artifacts = [...state.artifacts.values()]
      .filter((artifact) => artifact.runId === Number(runId) && (name === null || artifact.name === name))
      .map((artifact) => ({
        id: artifact.id,
        name: artifact.name,
        size_in_bytes: artifact.zip.length,
        archive_download_url: `${apiUrl}/repos/${owner}/${repo}/actions/artifacts/${artifact.id}/zip`,
        expired: artifact.expired,
        workflow_run: { id: artifact.runId },
      }));
    return { status: 200, list: artifacts, wrap: (page, total) => ({ total_count: total, artifacts: page }) };
  },

  'GET /repos/:owner/:repo/actions/artifacts/:id/zip': ({ params: [, , id], state, blobUrl }) => {
    const artifact = state.artifacts.get(Number(id));
    if (artifact === undefined) return githubError(404, 'Not Found');
    if (artifact.expired) return githubError(410, 'Artifact has expired');
    return { status: 302, headers: { location: `${blobUrl}/_blob/artifacts/${artifact.id}.zip?sig=fake-signature` } };
  },

  'GET /_blob/artifacts/:id': ({ params: [file = ''], headers, state }) => {
    // Blob storage refuses a request carrying both a SAS signature and an Authorization header, so
    // this checks the client dropped the token on the cross-origin redirect.
    if (headers.authorization !== undefined) return githubError(400, 'InvalidAuthenticationInfo');
    const artifact = state.artifacts.get(Number(file.replace(/\.zip$/, '')));
    if (artifact === undefined) return githubError(404, 'BlobNotFound');
    return { status: 200, raw: artifact.zip, contentType: 'application/zip' };
  },
};

/** A directory's listing as the contents API gives it (an array), or 404 when nothing is under it. */
function directoryResult(state: FakeGitHubState, repo: string, ref: string, directory: string): RouteResult {
  const entries = state.listDirectory(repo, ref, directory);
  if (entries === undefined) return githubError(404, 'Not Found');
  return {
    status: 200,
    json: entries.map(([name, type]) => ({
      type,
      name,
      path: directory === '' ? name : `${directory}/${name}`,
      sha: gitBlobSha(Buffer.from(name)),
    })),
  };
}

function tooLong(): RouteResult {
  return githubError(422, 'Validation Failed', {
    errors: [
      {
        resource: 'IssueComment',
        code: 'unprocessable',
        field: 'data',
        message: `Body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`,
      },
    ],
  });
}

function userJson(login: string) {
  return {
    login,
    id: [...login].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) % 1_000_000_000,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
    html_url: `https://github.com/${login}`,
  };
}

function commentJson(comment: FakeComment, repo: string, apiUrl: string) {
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${apiUrl}/repos/${repo}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${repo}/issues/${comment.issue}#issuecomment-${comment.id}`,
    issue_url: `${apiUrl}/repos/${repo}/issues/${comment.issue}`,
    body: comment.body,
    user: userJson(comment.login),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: 'MEMBER',
  };
}
