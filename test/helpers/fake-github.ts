import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { githubError, HANDLERS, ROUTE_NAMES, type RouteName, type RouteResult } from './fake-github-routes.js';
import { FakeGitHubState } from './fake-github-state.js';

export type { RouteName } from './fake-github-routes.js';
export { gitBlobSha } from './fake-github-state.js';

/**
 * A fake GitHub REST API over real HTTP on 127.0.0.1, for adapter tests that must exercise Octokit's
 * own paging, redirects, retries and error parsing. Artifact blobs come from a second listener, so
 * the zip redirect crosses origins as it does on GitHub. Tokens: "user-token" (login gate-user) and
 * "actions-token" (github-actions[bot], 403 on GET /user); add more in `state.tokens`.
 */

/** A canned answer for the next `times` requests to a route. */
export interface Injection {
  /** Omitted: answer normally (useful with `delayMs`). */
  status?: number;
  headers?: Record<string, string>;
  /** Replaces GitHub's usual error body for the status. */
  body?: unknown;
  /** How many requests it applies to; 1 by default. */
  times?: number;
  /** Run the real handler first (the write is stored) and lose its answer: the ambiguous failure. */
  afterHandler?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface LoggedRequest {
  route: RouteName | undefined;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  body: unknown;
  authorization: string | undefined;
}

const COMPILED = ROUTE_NAMES.map((name) => {
  const [method, template = ''] = name.split(' ');
  const source = template
    .replace(/[.?+^$()[\]{}|\\]/g, '\\$&')
    .replace(/:[a-z]+/g, '([^/]+)')
    .replace('*', '(.+)');
  return { name, method, pattern: new RegExp(`^${source}$`) };
});

export class FakeGitHub {
  readonly state = new FakeGitHubState();
  readonly requests: LoggedRequest[] = [];
  apiUrl = '';
  blobUrl = '';
  private readonly injections = new Map<RouteName, Injection[]>();
  private readonly servers: Server[] = [];
  private remaining = 5000;

  async start(): Promise<string> {
    this.apiUrl = await this.listen();
    this.blobUrl = await this.listen();
    return this.apiUrl;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.servers.splice(0).map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  }

  fail(route: RouteName, injection: Injection): void {
    this.injections.set(route, [...(this.injections.get(route) ?? []), { times: 1, ...injection }]);
  }

  requestsTo(route: RouteName): LoggedRequest[] {
    return this.requests.filter((request) => request.route === route);
  }

  private listen(): Promise<string> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500).end(String(error));
      });
    });
    this.servers.push(server);
    return new Promise((resolve) => {
      server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.apiUrl);
    const method = request.method ?? 'GET';
    const text = await readBody(request);
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    const authorization = request.headers.authorization;
    const route = COMPILED.find((candidate) => candidate.method === method && candidate.pattern.test(url.pathname));
    const log: LoggedRequest = {
      route: route?.name,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      body,
      authorization,
    };
    this.requests.push(log);

    const injection = route === undefined ? undefined : this.takeInjection(route.name);
    if (injection?.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, injection.delayMs));

    let result: RouteResult;
    const user = this.state.tokens.get((authorization ?? '').replace(/^(token|bearer) /i, ''));
    if (route === undefined) result = githubError(404, 'Not Found');
    else if (injection?.status !== undefined && !injection.afterHandler) result = injectedResult(injection);
    else if (user === undefined && !url.pathname.startsWith('/_blob/')) result = githubError(401, 'Bad credentials');
    else {
      const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map((part) => decodeURIComponent(part));
      result = HANDLERS[route.name]({
        params,
        query: url.searchParams,
        body,
        headers: request.headers,
        user,
        apiUrl: this.apiUrl,
        blobUrl: this.blobUrl,
        state: this.state,
      });
      if (injection?.status !== undefined) result = injectedResult(injection);
    }
    log.status = result.status;
    if (!response.destroyed) this.send(response, url, result);
  }

  private takeInjection(route: RouteName): Injection | undefined {
    const queue = this.injections.get(route) ?? [];
    const next = queue[0];
    if (next === undefined) return undefined;
    next.times = (next.times ?? 1) - 1;
    if (next.times <= 0) queue.shift();
    return next;
  }

  private send(response: ServerResponse, url: URL, result: RouteResult): void {
    this.remaining = Math.max(0, this.remaining - 1);
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-used': String(5000 - this.remaining),
      'x-ratelimit-resource': 'core',
    };
    let payload: Buffer;
    if ('list' in result) {
      const { page, link } = paginate(result.list, url);
      payload = Buffer.from(JSON.stringify(result.wrap ? result.wrap(page, result.list.length) : page));
      if (link !== '') headers.link = link;
    } else if ('raw' in result) {
      payload = result.raw;
      headers['content-type'] = result.contentType;
    } else {
      payload = result.json === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(result.json));
    }
    Object.assign(headers, 'headers' in result ? result.headers : {}, { 'content-length': String(payload.length) });
    response.writeHead(result.status, headers).end(payload);
  }
}

const DEFAULT_MESSAGES: Record<number, string> = {
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Validation Failed',
  429: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  500: 'Server Error',
  502: 'Bad Gateway',
};

function injectedResult(injection: Injection): RouteResult {
  const status = injection.status ?? 500;
  const base = githubError(
    status,
    DEFAULT_MESSAGES[status] ?? 'Error',
    status === 422
      ? {
          errors: [
            {
              resource: 'IssueComment',
              code: 'unprocessable',
              field: 'data',
              message: 'Body is too long (maximum is 65536 characters)',
            },
          ],
        }
      : {},
  );
  const headers = { ...(status === 429 ? { 'retry-after': '1' } : {}), ...injection.headers };
  return { status, json: injection.body ?? ('json' in base ? base.json : undefined), headers };
}

/** GitHub's paging: per_page (default 30, at most 100), page from 1, Link with prev/next/last/first. */
function paginate(list: unknown[], url: URL): { page: unknown[]; link: string } {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page')) || 30));
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const last = Math.max(1, Math.ceil(list.length / perPage));
  const at = (target: number) => {
    const next = new URL(url);
    next.searchParams.set('page', String(target));
    return `<${next.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${at(page - 1)}; rel="prev"`);
  if (page < last) links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  return { page: list.slice((page - 1) * perPage, page * perPage), link: links.join(', ') };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
