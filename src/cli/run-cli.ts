import { fileSystemInputError } from '../adapters/file-system-error.js';
import { InputError } from '../core/errors.js';
import type { QuantileBootstrapRunner } from '../core/compare/quantile-bootstraps.js';
import type { ExampleColumnsLoader } from '../core/load/example-columns.js';
import type { TextSource } from '../core/load/text-source.js';
import { escapeOutput, escapeOutputLines, internalErrorMessage, stackFrames } from '../core/report/escape-output.js';
import { UsageError, parseCliArguments } from './cli-arguments.js';
import { runCheck } from './check-command.js';
import { createProgressReporter } from './progress-reporter.js';
import { SEE_HELP, USAGE } from './usage.js';
import { colourVerdict, useColour } from './verdict-colour.js';

/** What the CLI needs from the outside world; index.ts passes the real ones, tests pass their own. */
export interface CliDependencies {
  readonly openSource: (path: string) => Promise<TextSource>;
  readonly readSmallFile: (path: string) => Promise<{ path: string; text: string; sha256: string }>;
  readonly writeFile: (path: string, text: string) => Promise<void>;
  readonly joinPath: (dir: string, name: string) => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The current time: stamps the validation package, and its date (UTC) judges dates unless --today is given. */
  readonly now: () => Date;
  /** Whether a repository-relative evidence path names a file. */
  readonly evidenceExists: (path: string) => boolean;
  readonly tool: { readonly name: string; readonly version: string };
  /** Parses per-example files and runs quantile bootstraps (index.ts passes ones that use worker threads). */
  readonly loadExampleColumns?: ExampleColumnsLoader;
  readonly runQuantileBootstraps?: QuantileBootstrapRunner;
  /** Print the stack of an unexpected failure (index.ts sets it from MRG_DEBUG=1); never otherwise. */
  readonly debug?: boolean;
  /** Which streams are terminals: progress goes to a terminal stderr, colour to a terminal stdout. Neither when absent. */
  readonly isTTY?: { readonly stdout: boolean; readonly stderr: boolean };
  /** The environment variables that turn colour off (NO_COLOR, FORCE_COLOR=0, TERM=dumb). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A monotonic clock in milliseconds, for the time progress lines show; `now` when absent. */
  readonly clock?: () => number;
}

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_USAGE = 2;

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
    raw.stdout(colourVerdict(escapeOutputLines(output), report.verdict));
  else out.stdout(output);
  return report.verdict === 'block' ? EXIT_BLOCKED : EXIT_OK;
}
