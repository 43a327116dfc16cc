import { fileSystemInputError } from '../adapters/file-system-error.js';
import { InputError } from '../core/errors.js';
import { escapeOutput, escapeOutputLines, internalErrorMessage, stackFrames } from '../core/escape-output.js';
import { UsageError, parseCliArguments } from './cli-arguments.js';
import { runCanaryCommand } from './canary-command.js';
import { runCheck } from './check-command.js';
import { joinedPieces } from '../core/report/report-json-chunks.js';
import type { CliDependencies } from './cli-dependencies.js';
import { createProgressReporter } from './progress-reporter.js';
import { SEE_HELP, USAGE } from './usage.js';
import { colourVerdict, useColour } from './verdict-colour.js';

export type { CliDependencies } from './cli-dependencies.js';

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_USAGE = 2;

/** Characters per write of a long output: measured, 64 KiB writes were faster than larger ones. */
const WRITE_SIZE = 1 << 16;

/** Runs the CLI and returns its exit code. Never throws: bad input and unexpected failures are reported and return 2. */
export async function runCli(argv: readonly string[], deps: CliDependencies): Promise<number> {
  // Everything printed may quote input: each line is escaped so none can be a terminal or runner command.
  const out = {
    ...deps,
    stdout: (text: string) => deps.stdout(escapeOutputLines(text)),
    stderr: (text: string) => deps.stderr(escapeOutputLines(text)),
  };
  try {
    return await command(argv, out, deps);
  } catch (error) {
    if (error instanceof UsageError) {
      const lines = [
        ...error.problems.map((problem) => `error: ${problem}`),
        ...(error.suggestion === undefined ? [] : [error.suggestion]),
        SEE_HELP,
      ];
      // Each is one line whatever an argument holds (a typed option may contain a line break).
      deps.stderr(`${lines.map(escapeOutput).join('\n')}\n`);
      return EXIT_USAGE;
    }
    // A path that cannot be read or written is the user's to fix, whichever adapter met it.
    const input = error instanceof InputError ? error : fileSystemInputError(error, '(unnamed path)');
    if (input !== undefined) {
      out.stderr(`error: ${input.message}\n`);
      return EXIT_USAGE;
    }
    // An unexpected failure is never a pass: one line, and the stack only when debugging.
    const frames = deps.debug === true ? stackFrames(error) : [];
    out.stderr([internalErrorMessage(error), ...frames, ''].join('\n'));
    return EXIT_USAGE;
  }
}

/** `out` escapes everything it prints; `raw` is used once, for the coloured verdict, after escaping it here. */
async function command(argv: readonly string[], out: CliDependencies, raw: CliDependencies): Promise<number> {
  const parsed = parseCliArguments(argv);
  if (parsed.kind === 'help') {
    out.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (parsed.kind === 'version') {
    out.stdout(`${out.tool.version}\n`);
    return EXIT_OK;
  }
  if (parsed.kind === 'canary') {
    const { output, code } = await runCanaryCommand(parsed.options, out);
    out.stdout(output);
    return code;
  }
  const { options } = parsed;
  const clock = out.clock ?? (() => out.now().getTime());
  const reporter = createProgressReporter({
    enabled: out.isTTY?.stderr === true && !options.quiet,
    // One line each, whatever a path holds: a line break in it must not start a second line.
    write: (line) => raw.stderr(`${escapeOutput(line)}\n`),
    clock,
  });
  const { report, output } = await runCheck(options, out, reporter);
  if (useColour(out.isTTY?.stdout === true, options.format, out.env ?? {}))
    raw.stdout(colourVerdict(escapeOutputLines([...output].join('')), report.verdict));
  // Written as it is produced, 64 KiB at a time: each piece is whole lines, so escaping piece by piece is exact.
  else for (const piece of joinedPieces(output, WRITE_SIZE)) out.stdout(piece);
  return report.verdict === 'block' ? EXIT_BLOCKED : EXIT_OK;
}
