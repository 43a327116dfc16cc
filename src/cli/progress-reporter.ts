import type { Progress, ProgressEvent } from '../core/gate/progress.js';
import { type ExampleColumnsLoader, parseExampleColumns } from '../core/load/example-columns.js';
import type { TextSource } from '../core/input/text-source.js';
import { formatCount } from '../core/format-number.js';

/**
 * What a long run prints on stderr while it works, so a person at a terminal sees it moving: lines
 * read per file, the core's steps (bootstraps, cohorts found, done) and the time so far. A run that
 * ends within the first second prints nothing; after that, row counts are printed at most twice a
 * second and each step once, as plain lines. Off (a no-op) when stderr is not a terminal or with
 * --quiet, so logs and pipes only ever get the report and errors.
 */
export interface ProgressReporter {
  /** For the core (GateInputs.progress). */
  readonly progress: Progress;
  /** The same source, counting its lines as its chunks go by. */
  countLines(source: TextSource, side: Side): TextSource;
  /** The same loader, telling when a side was read elsewhere (a worker thread) and how many examples it had. */
  loader(inner: ExampleColumnsLoader | undefined): ExampleColumnsLoader | undefined;
}

type Side = 'incumbent' | 'candidate';

export interface ProgressSettings {
  readonly enabled: boolean;
  /** Writes one line (without its newline). */
  readonly write: (line: string) => void;
  /** Milliseconds from any fixed origin (a monotonic clock). */
  readonly clock: () => number;
  readonly quietForMs?: number;
  readonly tickEveryMs?: number;
}

const QUIET_FOR_MS = 1000;
const TICK_EVERY_MS = 500;

export function createProgressReporter(settings: ProgressSettings): ProgressReporter {
  if (!settings.enabled) return { progress: () => undefined, countLines: (source) => source, loader: (inner) => inner };
  const start = settings.clock();
  const quietFor = settings.quietForMs ?? QUIET_FOR_MS;
  const tickEvery = settings.tickEveryMs ?? TICK_EVERY_MS;
  let printedAny = false;
  let lastTick = -Infinity;
  // The latest step seen in the quiet first second: printed before the first line, for context.
  let held: string | undefined;
  const finished = new Set<Side>();

  const say = (text: string, kind: 'tick' | 'step'): void => {
    const elapsed = settings.clock() - start;
    const line = `[${(elapsed / 1000).toFixed(1)}s] ${text}`;
    if (elapsed < quietFor) {
      if (kind === 'step') held = line;
      return;
    }
    if (kind === 'tick' && elapsed - lastTick < tickEvery) return;
    if (!printedAny && held !== undefined) settings.write(held);
    printedAny = true;
    held = undefined;
    if (kind === 'tick') lastTick = elapsed;
    settings.write(line);
  };

  return {
    progress: (event) => say(describeStep(event, settings.clock() - start), 'step'),
    countLines(source, side) {
      return {
        ...source,
        async *chunks() {
          let lines = 0;
          let open = false;
          for await (const chunk of source.chunks()) {
            lines += countNewlines(chunk);
            if (chunk.length > 0) open = !chunk.endsWith('\n');
            say(`reading ${side} ${source.path}: ${formatCount(lines)} lines so far`, 'tick');
            yield chunk;
          }
          // A last line without a newline is a line too.
          if (open) lines += 1;
          finished.add(side);
          say(`read ${side} ${source.path}: ${formatCount(lines)} lines`, 'step');
        },
      };
    },
    loader(inner) {
      const load = inner ?? parseExampleColumns;
      return async (source, spec, side) => {
        const columns = await load(source, spec, side);
        // A side parsed in this thread was counted as it went; one parsed elsewhere is told here.
        if (!finished.has(side))
          say(`read ${side} ${source.path}: ${formatCount(columns.ids.length)} examples`, 'step');
        return columns;
      };
    },
  };
}

function describeStep(event: ProgressEvent, elapsedMs: number): string {
  switch (event.step) {
    case 'bootstrap':
      return `bootstrapping ${formatCount(event.comparisons)} quantile comparison(s), ${formatCount(event.resamples)} resamples each`;
    case 'cohorts':
      return `deciding ${formatCount(event.comparisons)} comparison(s) in ${formatCount(event.cohorts)} cohort(s)`;
    case 'done':
      return `done in ${(elapsedMs / 1000).toFixed(1)}s: ${event.verdict}`;
  }
}

function countNewlines(chunk: string): number {
  let count = 0;
  for (let at = chunk.indexOf('\n'); at !== -1; at = chunk.indexOf('\n', at + 1)) count += 1;
  return count;
}
