import { createHash } from 'node:crypto';

/**
 * The in-memory repository data behind the fake GitHub API, with seeding helpers for tests. Repos
 * are keyed "owner/repo"; ids come from one counter and timestamps from a clock that ticks a second
 * per new record, so ids and creation times grow together unless a test says otherwise.
 */

export interface FakeUser {
  login: string;
  /** `installation` tokens (the Actions GITHUB_TOKEN) get 403 from GET /user, as on GitHub. */
  kind: 'user' | 'installation';
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  login: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeReview {
  id: number;
  login: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commitId: string;
  submittedAt: string;
  /** The review's author_association; MEMBER unless a test says otherwise. */
  association?: string;
}

/** A repository role, as GET /collaborators/:user/permission reports it in role_name. */
export type FakeRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface FakeRun {
  id: number;
  workflow: string;
  workflowId: number;
  branch: string;
  event: string;
  conclusion: 'success' | 'failure' | 'cancelled';
  headSha: string;
  createdAt: string;
}

export interface FakeArtifact {
  id: number;
  runId: number;
  name: string;
  zip: Buffer;
  expired: boolean;
}

export class FakeGitHubState {
  readonly tokens = new Map<string, FakeUser>([
    ['user-token', { login: 'gate-user', kind: 'user' }],
    ['actions-token', { login: 'github-actions[bot]', kind: 'installation' }],
  ]);
  readonly comments = new Map<string, FakeComment[]>();
  readonly reviews = new Map<string, FakeReview[]>();
  /** Pull requests by "owner/repo#number", for GET /pulls/:number. */
  readonly pulls = new Map<
    string,
    { author: string; baseRef: string; baseSha: string; headSha: string; headRepo: string }
  >();
  /** Keyed "owner/repo@ref:path". */
  readonly files = new Map<string, string>();
  readonly runs = new Map<string, FakeRun[]>();
  readonly artifacts = new Map<number, FakeArtifact>();
  /** Repository roles by "owner/repo:login" (lower case); anyone else reads as `read`, as on a public repository. */
  readonly roles = new Map<string, FakeRole>();
  /** Team members by "org/team-slug" (lower case): login (lower case) → membership state. */
  readonly teams = new Map<string, Map<string, 'active' | 'pending'>>();
  /** Files larger than this come back without inline content, as GitHub does above 1 MB. */
  inlineContentLimit = 1024 * 1024;
  private nextId = 1000;
  private clock = Date.parse('2025-01-01T00:00:00Z');

  id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  addComment(
    repo: string,
    issue: number,
    comment: { body: string; login: string; id?: number; createdAt?: string },
  ): FakeComment {
    const createdAt = comment.createdAt ?? this.now();
    const record = {
      id: comment.id ?? this.id(),
      issue,
      body: comment.body,
      login: comment.login,
      createdAt,
      updatedAt: createdAt,
    };
    const key = `${repo}#${issue}`;
    const list = this.comments.get(key) ?? [];
    list.push(record);
    list.sort((a, b) => a.id - b.id);
    this.comments.set(key, list);
    return record;
  }

  commentsOn(repo: string, issue: number): FakeComment[] {
    return this.comments.get(`${repo}#${issue}`) ?? [];
  }

  findComment(repo: string, id: number): FakeComment | undefined {
    for (const [key, list] of this.comments) {
      if (key.startsWith(`${repo}#`)) {
        const found = list.find((comment) => comment.id === id);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }

  addReview(
    repo: string,
    pull: number,
    review: Omit<FakeReview, 'id' | 'submittedAt'> & { submittedAt?: string },
  ): FakeReview {
    const record = { ...review, id: this.id(), submittedAt: review.submittedAt ?? this.now() };
    const key = `${repo}#${pull}`;
    this.reviews.set(key, [...(this.reviews.get(key) ?? []), record]);
    return record;
  }

  setRole(repo: string, login: string, role: FakeRole): void {
    this.roles.set(`${repo}:${login}`.toLowerCase(), role);
  }

  addTeamMember(team: string, login: string, state: 'active' | 'pending' = 'active'): void {
    const key = team.replace(/^@/, '').toLowerCase();
    const members = this.teams.get(key) ?? new Map<string, 'active' | 'pending'>();
    members.set(login.toLowerCase(), state);
    this.teams.set(key, members);
  }

  /** The names directly inside `directory` ('' for the root) at `ref`, as [name, type] pairs; undefined when there is no such directory. */
  listDirectory(repo: string, ref: string, directory: string): [string, 'file' | 'dir'][] | undefined {
    const prefix = `${repo}@${ref}:${directory === '' ? '' : `${directory}/`}`;
    const entries = new Map<string, 'file' | 'dir'>();
    for (const key of this.files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const [name = '', ...rest] = key.slice(prefix.length).split('/');
      entries.set(name, rest.length === 0 ? 'file' : 'dir');
    }
    return entries.size === 0 ? undefined : [...entries].sort(([a], [b]) => a.localeCompare(b));
  }

  setFile(repo: string, ref: string, path: string, text: string): void {
    this.files.set(`${repo}@${ref}:${path}`, text);
  }

  addRun(repo: string, run: Partial<Omit<FakeRun, 'id'>> & { workflow: string; headSha: string }): FakeRun {
    const record: FakeRun = {
      workflowId: 1,
      branch: 'main',
      event: 'push',
      conclusion: 'success',
      createdAt: this.now(),
      ...run,
      id: this.id(),
    };
    this.runs.set(repo, [...(this.runs.get(repo) ?? []), record]);
    return record;
  }

  addArtifact(runId: number, artifact: { name: string; zip: Buffer; expired?: boolean }): FakeArtifact {
    const record = { id: this.id(), runId, name: artifact.name, zip: artifact.zip, expired: artifact.expired ?? false };
    this.artifacts.set(record.id, record);
    return record;
  }
}

/** The blob SHA git (and GitHub) gives a file's bytes. */
export function gitBlobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
