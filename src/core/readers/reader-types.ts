import type { RecordBatch } from '../input/jsonl-records.js';
import type { SummaryFile } from '../input/summary-schema.js';
import type { TextSource } from '../input/text-source.js';

/**
 * Readers turn what eval tools already write into the gate's own data: per-example records (the
 * shape of the gate's JSONL: id, cohorts, label/prediction or correct, checks, metrics) or a
 * per-cohort summary (the gate's summary@1 object). Everything after that is shared, so every reader
 * gets the same validation, statistics and report.
 */

/** Which columns of a generic table mean what (CSV or Parquet exported from anywhere). */
export interface ColumnMapping {
  /** Absent only with the policy's `inputs.pair_by: row` (rows are paired by their order). */
  readonly id?: string | undefined;
  readonly label?: string | undefined;
  readonly prediction?: string | undefined;
  readonly correct?: string | undefined;
  /** Columns whose value names a cohort: a row with region=eu is in cohort `region:eu`. */
  readonly cohorts?: readonly string[] | undefined;
  /** Columns holding pass/fail values (true/false, 1/0). */
  readonly checks?: readonly string[] | undefined;
  /** Columns holding numbers. */
  readonly metrics?: readonly string[] | undefined;
}

/** Plain data (it crosses into worker threads): options a reader may use. */
export interface ReaderOptions {
  readonly mapping?: ColumnMapping | undefined;
  /**
   * Where cohorts come from, for tools whose examples carry several candidates: promptfoo's test
   * variable name (`vars.<name>`), or `provider` / `prompt`.
   */
  readonly cohortField?: string | undefined;
  /**
   * What a missing value (a null score, an empty cell: the judge failed on that row) becomes, from
   * the policy's `inputs.missing_values`. Unset: a failure for pass/fail outcomes, the example
   * dropped for continuous scores. Readers count what they did in their ReadTally.
   */
  readonly missingValues?: MissingValues | undefined;
  /** How examples are paired, from the policy's `inputs.pair_by`: by id (default) or by row order. */
  readonly pairBy?: 'id' | 'row' | undefined;
  /**
   * One part of a file holding several models side by side (e.g. a promptfoo file with two
   * providers): the user writes `file.json#provider=A`, and the reader keeps only that part.
   */
  readonly select?: { readonly key: string; readonly value: string } | undefined;
}

export type MissingValues = 'fail' | 'drop' | 'error';

/**
 * What a reader did beyond turning records into records, counted while its records are consumed
 * (complete once they are): plain numbers and strings, so it crosses a worker boundary.
 */
export interface ReadTally {
  /** Values that were missing in the file. */
  missing: number;
  /** Of those, examples counted as failures (missing_values: fail). */
  missingAsFailure: number;
  /** Of those, examples left out (missing_values: drop). */
  dropped: number;
  /**
   * The ids of the examples left out, as the gate spells ids (text; a number as its decimal text):
   * their partners in the other file are left out with them, not reported as ids without a partner.
   */
  droppedIds: string[];
  /** Facts about the reading a reviewer should see (e.g. "n derived from the metric's stderr"). */
  notes: string[];
}

export function emptyTally(): ReadTally {
  return { missing: 0, missingAsFailure: 0, dropped: 0, droppedIds: [], notes: [] };
}

export type ReaderOutput =
  | { readonly kind: 'examples'; readonly records: AsyncIterable<RecordBatch>; readonly tally?: ReadTally }
  | { readonly kind: 'summary'; readonly summary: SummaryFile; readonly tally?: ReadTally };

/**
 * The options a user gives that a reader may use: a column mapping (--columns), a cohort field
 * (--cohort-field), a selector (`file.json#key=value`), or pairing by row order (inputs.pair_by: row).
 * An option given to a reader that does not declare it is an input error, never silently ignored.
 */
export type ReaderOptionName = 'mapping' | 'cohortField' | 'select' | 'pairByRow';

/** What a reader may look at to recognize a file: its path and its first bytes as text. */
export interface FileProbe {
  readonly path: string;
  /** Up to the first 64 KiB of the file (for binary files, their first bytes as latin-1 text). */
  readonly head: string;
}

export interface EvalReader {
  /** Stable name, used by --format-in and the Action's `format` input. */
  readonly name: string;
  /** One line for "no reader matched" errors: what this reader reads. */
  readonly expects: string;
  /** The options this reader uses (see ReaderOptionName); none when absent. */
  readonly accepts?: readonly ReaderOptionName[];
  /** Whether the file looks like this reader's format. Only the path and head are available. */
  detect(probe: FileProbe): boolean;
  /** Reads the file. Throws InputError naming the file, line or field, and what was expected. */
  read(source: TextSource, options: ReaderOptions): Promise<ReaderOutput>;
}
