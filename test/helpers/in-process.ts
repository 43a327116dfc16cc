// Runs the CLI and the Action in this process over in-memory files, capturing everything they print.
import { createHash } from 'node:crypto';
import { openFileSource, readSmallFile } from '../../src/adapters/file-source.js';
import type { ActionDependencies } from '../../src/action/run-action.js';
import { runAction } from '../../src/action/run-action.js';
import { runCli } from '../../src/cli/run-cli.js';
import type { Annotation } from '../../src/core/report/annotations.js';
import { escapedRunnerMessages } from '../../src/core/escape-output.js';
import { memorySource } from './memory-source.js';

const tool = { name: 'model-release-gate', version: 'test' };
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Files by path; a path not given is read from disk (the examples and fixtures). */
export type Files = Readonly<Record<string, string>>;

/** The CLI's and the Action's file access: the in-memory files, else the real adapters (as the entries use). */
function fileAccess(files: Files): Pick<ActionDependencies, 'openSource' | 'readSmallFile'> {
  return {
    openSource: async (path) => {
      const text = files[path];
      return text === undefined ? openFileSource(path) : memorySource(path, text, 1 << 16);
    },
    readSmallFile: async (path) => {
      const text = files[path];
      return text === undefined ? readSmallFile(path) : { path, text, sha256: sha256(text) };
    },
  };
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCliInProcess(argv: readonly string[], files: Files = {}, debug = false): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    ...fileAccess(files),
    writeFile: async () => undefined,
    joinPath: (dir, name) => `${dir}/${name}`,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    now: () => new Date('2026-11-23T09:30:00Z'),
    evidenceExists: () => true,
    tool,
    debug,
  });
  return { code, stdout, stderr };
}

export interface ActionRun {
  readonly outputs: Record<string, string>;
  readonly info: string[];
  readonly warnings: string[];
  readonly failed: string[];
  readonly annotations: Annotation[];
  readonly summary: string;
  /** What the Action let escape: an unexpected error (the entry turns it into one failed line). */
  readonly thrown: unknown;
}

/** Runs the Action with the log wired as index.ts wires it (every message escaped). */
export async function runActionInProcess(inputs: Record<string, string>, files: Files = {}): Promise<ActionRun> {
  const run: ActionRun = {
    outputs: {},
    info: [],
    warnings: [],
    failed: [],
    annotations: [],
    summary: '',
    thrown: undefined,
  };
  let summary = '';
  const deps: ActionDependencies = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => void (run.outputs[name] = value),
    writeSummary: async (markdown) => void (summary += markdown),
    ...escapedRunnerMessages({
      info: (m) => run.info.push(m),
      warning: (m) => run.warnings.push(m),
      setFailed: (m) => run.failed.push(m),
    }),
    annotate: (annotation) => void run.annotations.push(annotation),
    now: () => new Date('2026-11-23T09:30:00Z'),
    evidenceExists: () => true,
    ...fileAccess(files),
    sha256,
    writeFile: async () => undefined,
    joinPath: (dir, name) => `${dir}/${name}`,
    defaultOutDir: '/tmp/mrg-in-process',
    tool,
    connectPlatform: () => undefined,
  };
  let thrown: unknown;
  try {
    await runAction(deps);
  } catch (error) {
    thrown = error;
  }
  return { ...run, summary, thrown };
}

/**
 * The lines of a log that a GitHub runner would obey as commands: the first non-blank characters are
 * `::`, or `##[` appears anywhere (the legacy form). Whitespace as .NET trims it.
 */
export function runnerCommandLines(log: string): string[] {
  return log.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line) || line.includes('##['));
}
