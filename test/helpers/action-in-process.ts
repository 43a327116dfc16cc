// Runs the Action in this process the way src/index.ts wires it, with the real adapters: files from
// disk, reports written to a temporary RUNNER_TEMP, and, given a fake GitHub API, the real GitHub
// platform (Octokit over HTTP) pointed at it. What the runner would receive is captured as data:
// outputs, the summary, escaped messages and annotations. The runner's own encoding of them
// (::warning:: lines, %0A) is checked on the bundle, in bundle-smoke.test.ts.
import { join } from 'node:path';
import type { GitHubClientOptions } from '../../src/adapters/github/client.js';
import { createGitHubPlatform } from '../../src/adapters/github/platform.js';
import { readRunnerEnvironment } from '../../src/adapters/github/runner-environment.js';
import { createNodeHost } from '../../src/adapters/node-host.js';
import { runAction } from '../../src/action/run-action.js';
import { escapedRunnerMessages } from '../../src/core/escape-output.js';
import type { Annotation } from '../../src/core/report/annotations.js';
import type { FakeGitHub } from './fake-github.js';
import { DEFAULT_INPUTS, type RunnerEvent, runnerContext } from './runner-context.js';

export interface DiskActionRun {
  /** The step's result as the runner sees it: 1 once setFailed was called (or an error escaped), else 0. */
  readonly status: 0 | 1;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** Messages as the Action hands them to @actions/core, escaped. */
  readonly info: readonly string[];
  readonly warnings: readonly string[];
  readonly failed: readonly string[];
  readonly annotations: readonly Annotation[];
  /** What the GitHub client logs (core.debug in the entry). */
  readonly debug: readonly string[];
  /** Every message and annotation, one per line, for "does the log mention X anywhere" checks. */
  readonly log: string;
  readonly thrown: unknown;
}

/**
 * The entry's own host (src/adapters/node-host.ts), less its worker threads: they start a built entry
 * file, which only the bundle has (bundle-smoke.test.ts runs them); here the gate runs on this thread.
 */
function hostDependencies() {
  const host = createNodeHost({
    entryUrl: import.meta.url,
    evidenceRoot: process.cwd(),
    writing: 'write the validation package (the out-dir input)',
    debug: false,
  });
  const { openSource, readSmallFile, writeFile, joinPath, now, sha256, evidenceExists, tool } = host.dependencies;
  return { openSource, readSmallFile, writeFile, joinPath, now, sha256, evidenceExists, tool };
}

/**
 * Without `fake`: a run outside any repository (no platform), as the bundle runs with no GITHUB_*
 * variables. With it: a run on pull request #42 of acme/fraud (or `event`), DEFAULT_INPUTS first.
 */
export async function runActionOnDisk(
  inputs: Record<string, string>,
  github?: { readonly fake: FakeGitHub; readonly event?: RunnerEvent },
): Promise<DiskActionRun> {
  const context = runnerContext(github?.fake.apiUrl ?? '', github?.event);
  const variables = github === undefined ? { RUNNER_TEMP: context.dir } : context.variables;
  const given = github === undefined ? inputs : { ...DEFAULT_INPUTS, ...inputs };
  const outputs: Record<string, string> = {};
  const info: string[] = [];
  const warnings: string[] = [];
  const failed: string[] = [];
  const annotations: Annotation[] = [];
  const debug: string[] = [];
  let summary = '';
  let thrown: unknown;
  try {
    await runAction({
      ...hostDependencies(),
      getInput: (name) => given[name] ?? '',
      setOutput: (name, value) => void (outputs[name] = value),
      writeSummary: async (markdown) => void (summary = markdown),
      ...escapedRunnerMessages({
        info: (m) => info.push(m),
        warning: (m) => warnings.push(m),
        setFailed: (m) => failed.push(m),
      }),
      annotate: (annotation) => void annotations.push(annotation),
      defaultOutDir: join(context.dir, 'model-release-gate'),
      connectPlatform: ({ token, commentAuthor }) => {
        const environment = readRunnerEnvironment(variables);
        if (github === undefined || token === '' || environment.repository === null) return undefined;
        // createGitHubPlatform hands its options to createGitHubClient, whose baseUrl is the fake's
        // (the entry gets the same from GITHUB_API_URL, which @actions/github reads when it loads).
        const options: Parameters<typeof createGitHubPlatform>[2] & GitHubClientOptions = {
          log: (m) => debug.push(m),
          commentAuthor,
          baseUrl: github.fake.apiUrl,
        };
        return createGitHubPlatform(token, environment, options);
      },
    });
  } catch (error) {
    thrown = error;
  }
  const log = [
    ...info,
    ...warnings,
    ...failed,
    ...annotations.map((a) => `${a.level} ${a.title}: ${a.message}${a.file === undefined ? '' : ` (${a.file})`}`),
  ].join('\n');
  const status = failed.length > 0 || thrown !== undefined ? 1 : 0;
  return { status, outputs, summary, info, warnings, failed, annotations, debug, log, thrown };
}
