import type { GitHubClient } from './client.js';
import { CommentTooLongError } from './errors.js';
import { sameLogin, tokenIdentity } from './identity.js';

export interface StickyCommentRequest {
  owner: string;
  repo: string;
  /** The pull request's number (pull requests are issues to the comments API). */
  issueNumber: number;
  /** A single line, usually an HTML comment, that starts the body and identifies the gate's comment. */
  marker: string;
  /** The comment. The marker is put in front of it unless it already starts with it. */
  body: string;
  /** The login the token writes as, when `GET /user` cannot tell (a GitHub App's `<slug>[bot]`). */
  identity?: string;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
}

export interface StickyCommentOptions {
  /** Pause before re-listing after a create whose outcome is unknown, so a stored comment shows up. */
  settleMs?: number;
}

interface IssueComment {
  id: number;
  body?: string | undefined;
  html_url: string;
  created_at: string;
  user: { login: string } | null;
}

/**
 * Keeps one gate comment per pull request: edits the comment this token wrote earlier, or creates
 * it. Only comments by the same identity count, so a user quoting the marker cannot hijack or
 * confuse it; if earlier runs left several, the oldest is kept, so the comment stays where the
 * conversation first saw it, and the others are left alone rather than deleted.
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  request: StickyCommentRequest,
  options: StickyCommentOptions = {},
): Promise<StickyCommentResult> {
  const marker = request.marker.trim();
  if (marker === '' || /[\r\n]/.test(marker)) throw new Error('The sticky comment marker must be one non-empty line.');
  const body = firstLine(request.body) === marker ? request.body : `${marker}\n${request.body}`;
  const login = await tokenIdentity(octokit, request.identity);

  const existing = await findOwnComment(octokit, request, marker, login);
  if (existing !== undefined) return updateIfChanged(octokit, request, existing, body);

  try {
    return await create(octokit, request, body);
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    // A 5xx, a dropped connection or a timeout does not say whether GitHub stored the comment, and
    // a create that timed out here may still be landing there. Posting again blindly could
    // duplicate it, so look (twice, the second time after a longer wait) and post only if it is
    // not there. A listing that fails throws: no listing, no second post.
    const settleMs = options.settleMs ?? 1_000;
    for (const wait of [settleMs, settleMs * 4]) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      const landed = await findOwnComment(octokit, request, marker, login);
      if (landed !== undefined)
        return { ...(await updateIfChanged(octokit, request, landed, body)), action: 'created' };
    }
    return create(octokit, request, body);
  }
}

async function findOwnComment(
  octokit: GitHubClient,
  { owner, repo, issueNumber }: StickyCommentRequest,
  marker: string,
  login: string,
): Promise<IssueComment | undefined> {
  const comments = await listComments(octokit, { owner, repo, issue_number: issueNumber });
  const ours = comments.filter(
    (comment) => sameLogin(comment.user?.login, login) && firstLine(comment.body ?? '') === marker,
  );
  ours.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
  return ours[0];
}

/** GitHub lists at most this many pages of 100 here before the gate gives up (10,000 comments). */
const MAX_COMMENT_PAGES = 100;

/**
 * Every comment on the issue, page by page. Octokit's `paginate` takes a 409 for an empty list and
 * passes any body through; either would look like "no gate comment yet" and post a duplicate, so
 * this pages by hand and throws on anything but a list.
 */
async function listComments(
  octokit: GitHubClient,
  params: { owner: string; repo: string; issue_number: number },
): Promise<IssueComment[]> {
  const comments: IssueComment[] = [];
  for (let page = 1; page <= MAX_COMMENT_PAGES; page += 1) {
    const response = await octokit.rest.issues.listComments({ ...params, per_page: 100, page });
    const data: unknown = response.data;
    if (!Array.isArray(data))
      throw new Error(
        `GitHub answered the comment list (page ${page}) with something other than a list, so the gate cannot tell whether its comment exists and does not post one.`,
      );
    comments.push(...(data as IssueComment[]));
    if (!/rel="next"/.test(response.headers.link ?? '')) return comments;
  }
  throw new Error(
    `the pull request has more than ${MAX_COMMENT_PAGES * 100} comments; the gate cannot look through them all for its own and does not post a new one.`,
  );
}

async function updateIfChanged(
  octokit: GitHubClient,
  { owner, repo }: StickyCommentRequest,
  comment: IssueComment,
  body: string,
): Promise<StickyCommentResult> {
  if (normaliseNewlines(comment.body ?? '') === normaliseNewlines(body)) {
    return { action: 'unchanged', id: comment.id, url: comment.html_url };
  }
  try {
    // An edit is idempotent, so the client's automatic retries are safe here.
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: comment.id, body });
    return { action: 'updated', id: data.id, url: data.html_url };
  } catch (error) {
    throw tooLongOr(error, body);
  }
}

async function create(
  octokit: GitHubClient,
  { owner, repo, issueNumber }: StickyCommentRequest,
  body: string,
): Promise<StickyCommentResult> {
  try {
    const { data } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body,
      // Never retried automatically: see the caller.
      request: { retries: 0 },
    });
    return { action: 'created', id: data.id, url: data.html_url };
  } catch (error) {
    throw tooLongOr(error, body);
  }
}

/** A 5xx, or no answer at all (Octokit reports a network failure or timeout as a 500 without a response). */
function outcomeUnknown(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 500;
}

function tooLongOr(error: unknown, body: string): unknown {
  const { status, message } = error as { status?: unknown; message?: unknown };
  if (status === 422 && typeof message === 'string' && /too long|maximum is/i.test(message)) {
    return new CommentTooLongError(body.length, message);
  }
  return error;
}

function firstLine(text: string): string {
  return (text.split('\n', 1)[0] ?? '').trim();
}

function normaliseNewlines(text: string): string {
  return text.replace(/\r\n/g, '\n');
}
