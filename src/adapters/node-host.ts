import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { QuantileBootstrapRunner } from '../core/compare/quantile-bootstraps.js';
import type { ExampleColumnsLoader } from '../core/load/example-columns.js';
import type { TextSource } from '../core/input/text-source.js';
import { internalErrorMessage, stackFrames } from '../core/escape-output.js';
import type { SourceFile } from '../core/source-file.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { openFileSource, readSmallFile } from './file-source.js';
import { createFileWriter } from './file-writer.js';
import { evidenceExistsUnder } from './repository-files.js';
import { createWorkerBootstrapRunner, createWorkerColumnsLoader, serveWorkerTaskIfWorker } from './worker-tasks.js';

/**
 * What the Action's and the CLI's entries have in common: files, hashing, the clock, the tool's name,
 * worker threads, and how an unexpected failure is told. Each entry adds only what is its own (the
 * runner's log and outputs; stdout, stderr and terminals), and stays the one place that reads
 * process.env and process.argv: what those decide is passed in here.
 */
export interface NodeHostSettings {
  /** The entry module's URL (its import.meta.url): the worker threads start that file again. */
  readonly entryUrl: string;
  /** The directory a manifest's evidence paths are relative to (the repository's root). */
  readonly evidenceRoot: string;
  /** What a report file is written for, named when the file system refuses it: the setting to fix. */
  readonly writing: string;
  /** Whether an unexpected failure also shows its stack frames. */
  readonly debug: boolean;
}

/** The dependencies runAction and runCli both take, built the same way for both. */
interface NodeDependencies {
  readonly openSource: (path: string) => Promise<TextSource>;
  readonly readSmallFile: (path: string) => Promise<SourceFile>;
  readonly writeFile: (path: string, text: string) => Promise<void>;
  readonly joinPath: (dir: string, name: string) => string;
  readonly now: () => Date;
  readonly sha256: (text: string) => string;
  readonly evidenceExists: (path: string) => boolean;
  readonly tool: { readonly name: string; readonly version: string };
  readonly loadExampleColumns: ExampleColumnsLoader;
  readonly runQuantileBootstraps: QuantileBootstrapRunner;
}

export interface NodeHost {
  readonly dependencies: NodeDependencies;
  /**
   * Runs the entry: in a worker thread this host started, that worker's task; otherwise `main`. A
   * failure that escapes is never a pass: `fail` gets it as one escaped line, and its escaped stack
   * frames only when debugging (none otherwise).
   */
  run(main: () => Promise<void>, fail: (message: string, frames: readonly string[]) => void): Promise<void>;
}

export function createNodeHost(settings: NodeHostSettings): NodeHost {
  const entry = new URL(settings.entryUrl);
  return {
    dependencies: {
      openSource: openFileSource,
      readSmallFile,
      writeFile: createFileWriter(settings.writing),
      joinPath: join,
      now: () => new Date(),
      sha256: (text) => createHash('sha256').update(text).digest('hex'),
      evidenceExists: evidenceExistsUnder(settings.evidenceRoot),
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      loadExampleColumns: createWorkerColumnsLoader(entry),
      runQuantileBootstraps: createWorkerBootstrapRunner(entry),
    },
    async run(main, fail) {
      try {
        if (!(await serveWorkerTaskIfWorker())) await main();
      } catch (error) {
        fail(internalErrorMessage(error), settings.debug ? stackFrames(error) : []);
      }
    },
  };
}
