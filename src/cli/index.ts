#!/usr/bin/env node
// The CLI's entry: builds the real dependencies (files, stdout, worker threads) and hands them to
// runCli. Started again as a worker, it does that worker's task instead.
import { join } from 'node:path';
import {
  createWorkerBootstrapRunner,
  createWorkerColumnsLoader,
  serveWorkerTaskIfWorker,
} from '../adapters/worker-tasks.js';
import { openFileSource, readSmallFile } from '../adapters/file-source.js';
import { evidenceExistsUnder } from '../adapters/repository-files.js';
import { internalErrorMessage, stackFrames } from '../core/report/escape-output.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { runCli } from './run-cli.js';
import { writePackageFile } from './write-package-file.js';

async function main(): Promise<number> {
  return runCli(process.argv.slice(2), {
    openSource: openFileSource,
    readSmallFile,
    writeFile: writePackageFile,
    joinPath: join,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    now: () => new Date(),
    evidenceExists: evidenceExistsUnder(process.cwd()),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    loadExampleColumns: createWorkerColumnsLoader(new URL(import.meta.url)),
    runQuantileBootstraps: createWorkerBootstrapRunner(new URL(import.meta.url)),
    debug: process.env.MRG_DEBUG === '1',
    isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
    env: process.env,
    clock: () => performance.now(),
  });
}

try {
  if (!(await serveWorkerTaskIfWorker())) process.exitCode = await main();
} catch (error) {
  // An unexpected failure is never a pass: one escaped line (the stack only with MRG_DEBUG=1), exit 2.
  const frames = process.env.MRG_DEBUG === '1' ? stackFrames(error) : [];
  process.stderr.write([internalErrorMessage(error), ...frames, ''].join('\n'));
  process.exitCode = 2;
}
