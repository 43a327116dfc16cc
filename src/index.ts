// The Action's entry: builds the real dependencies (@actions/core, the file system, worker threads,
// the GitHub API) and runs. Started again as a worker, it does that worker's task instead.
import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openFileSource, readSmallFile } from './adapters/file-source.js';
import { createGitHubPlatform } from './adapters/github/platform.js';
import { readRunnerEnvironment } from './adapters/github/runner-environment.js';
import { evidenceExistsUnder } from './adapters/repository-files.js';
import {
  createWorkerBootstrapRunner,
  createWorkerColumnsLoader,
  serveWorkerTaskIfWorker,
} from './adapters/worker-tasks.js';
import { runAction } from './action/run-action.js';
import { escapedRunnerMessages, internalErrorMessage, stackFrames } from './core/report/escape-output.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

async function main(): Promise<void> {
  await runAction({
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write({ overwrite: true });
    },
    // Every message quotes input: escaped so that no line it prints can be a runner command.
    ...escapedRunnerMessages({
      setFailed: (m) => core.setFailed(m),
      warning: (m) => core.warning(m),
      info: (m) => core.info(m),
    }),
    annotate: ({ level, title, message, file, line }) => {
      const properties = {
        title,
        ...(file === undefined ? {} : { file }),
        ...(line === undefined ? {} : { startLine: line }),
      };
      if (level === 'error') core.error(message, properties);
      else if (level === 'warning') core.warning(message, properties);
      else core.notice(message, properties);
    },
    now: () => new Date(),
    evidenceExists: evidenceExistsUnder(process.env.GITHUB_WORKSPACE ?? process.cwd()),
    openSource: openFileSource,
    readSmallFile,
    sha256: (text) => createHash('sha256').update(text).digest('hex'),
    writeFile: async (path, text) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, 'utf8');
    },
    joinPath: join,
    defaultOutDir: join(process.env.RUNNER_TEMP ?? tmpdir(), 'model-release-gate'),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    connectPlatform: ({ token, commentAuthor }) => {
      const environment = readRunnerEnvironment(process.env);
      if (token === '' || environment.repository === null) return undefined;
      return createGitHubPlatform(token, environment, { log: (m) => core.debug(m), commentAuthor });
    },
    loadExampleColumns: createWorkerColumnsLoader(new URL(import.meta.url)),
    runQuantileBootstraps: createWorkerBootstrapRunner(new URL(import.meta.url)),
  });
}

try {
  if (!(await serveWorkerTaskIfWorker())) await main();
} catch (error) {
  // Anything unexpected fails the step: an error is never a pass. One escaped line; the stack only
  // when debugging is asked for (MRG_DEBUG=1, or the runner's step debug logging).
  core.setOutput('verdict', 'error');
  core.setFailed(internalErrorMessage(error));
  if (process.env.MRG_DEBUG === '1' || core.isDebug()) for (const frame of stackFrames(error)) core.info(frame);
}
