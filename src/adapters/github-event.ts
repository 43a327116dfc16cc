import { readFileSync } from 'node:fs';

/** The pull request's author from the event payload the runner wrote, when the event has one. */
export function pullRequestAuthor(eventPath: string | undefined): string | undefined {
  if (eventPath === undefined || eventPath === '') return undefined;
  try {
    const payload = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { user?: { login?: unknown } } };
    const login = payload.pull_request?.user?.login;
    return typeof login === 'string' && login !== '' ? login : undefined;
  } catch {
    return undefined;
  }
}
