import type { QuantileBootstrapRunner } from '../core/compare/quantile-bootstraps.js';
import type { ExampleColumnsLoader } from '../core/load/example-columns.js';
import type { TextSource } from '../core/input/text-source.js';
import type { SourceFile } from '../core/source-file.js';

/** What the CLI needs from the outside world; index.ts passes the real ones, tests pass their own. */
export interface CliDependencies {
  readonly openSource: (path: string) => Promise<TextSource>;
  readonly readSmallFile: (path: string) => Promise<SourceFile>;
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
