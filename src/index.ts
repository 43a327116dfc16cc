// The Action's entry: builds the real dependencies from @actions/core, the file system and worker
// threads, and runs. Started again as a worker, it does that worker's task instead.
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorkerBootstrapRunner, createWorkerColumnsLoader, serveWorkerTaskIfWorker } from './adapters/worker-tasks.js';
import { openFileSource, readSmallFile } from './adapters/file-source.js';
import { readRunnerEnvironment } from './adapters/github/runner-environment.js';
import { evidenceExistsUnder, todayUtc } from './adapters/repository-files.js';
import { runAction } from './action/run-action.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

async function main(): Promise<void> {
  await runAction({
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
    setFailed: (message) => core.setFailed(message),
    warning: (message) => core.warning(message),
    annotate: ({ level, title, message, file, line }) => {
      const properties = { title, ...(file === undefined ? {} : { file }), ...(line === undefined ? {} : { startLine: line }) };
      if (level === 'error') core.error(message, properties);
      else core.warning(message, properties);
    },
    today: () => todayUtc(),
    evidenceExists: evidenceExistsUnder(process.env.GITHUB_WORKSPACE ?? process.cwd()),
    author: readRunnerEnvironment(process.env).pullRequest?.author ?? undefined,
    info: (message) => core.info(message),
    openSource: openFileSource,
    readSmallFile,
    writeFile: async (path, text) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, 'utf8');
    },
    joinPath: join,
    defaultOutDir: join(process.env.RUNNER_TEMP ?? tmpdir(), 'model-release-gate'),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    loadExampleColumns: createWorkerColumnsLoader(new URL(import.meta.url)),
    runQuantileBootstraps: createWorkerBootstrapRunner(new URL(import.meta.url)),
  });
}

try {
  if (!(await serveWorkerTaskIfWorker())) await main();
} catch (error) {
  // Anything unexpected fails the step: an error is never a pass.
  core.setOutput('verdict', 'error');
  core.setFailed(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
