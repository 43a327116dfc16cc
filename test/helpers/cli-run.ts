// Runs the CLI in this process with the real file adapters (unless overridden), capturing what it prints,
// with control over what the entry would pass: terminals, environment, clock, loaders.
import { join } from 'node:path';
import { openFileSource, readSmallFile } from '../../src/adapters/file-source.js';
import { createFileWriter } from '../../src/adapters/file-writer.js';
import { type CliDependencies, runCli } from '../../src/cli/run-cli.js';

export const TEST_TOOL = { name: 'model-release-gate', version: 'test' };
export const TEST_NOW = new Date('2026-11-23T09:30:00Z');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCliWith(
  argv: readonly string[],
  overrides: Partial<CliDependencies> = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    openSource: openFileSource,
    readSmallFile,
    writeFile: createFileWriter('write the validation package (--out <dir>)'),
    joinPath: join,
    now: () => TEST_NOW,
    evidenceExists: () => true,
    tool: TEST_TOOL,
    ...overrides,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}

/** The lines of a text, without the empty one after its final newline. */
export function linesOf(text: string): string[] {
  return text.split('\n').filter((line, i, all) => !(line === '' && i === all.length - 1));
}
