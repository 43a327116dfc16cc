import { InputError } from '../errors.js';
import type { MissingValues, ReadTally } from './reader-types.js';

/**
 * What a reader does with a value the file leaves empty (a null score, an empty cell: the judge failed
 * on that row), from the policy's `inputs.missing_values`:
 *
 * | value kind | unset | fail | drop | error |
 * |---|---|---|---|---|
 * | pass/fail outcome | failure | failure | example left out | input error |
 * | continuous score | example left out | example left out | example left out | input error |
 *
 * A continuous score has no value that means "failed", and inventing one (0? the worst seen?) would
 * depend on the metric's direction, which the file does not say; so under `fail` a missing score
 * leaves its example out too, and the tally says so. The example is left out whole, because every
 * record of a file must carry the same fields. Left-out examples are counted, and the gate compares
 * how many each side lost (`values.missing-rate-gap`), so a candidate whose judge fails more often
 * cannot pass by losing its hard examples.
 */
export type ValueKind = 'outcome' | 'score';

function missingRule(setting: MissingValues | undefined, kind: ValueKind): 'fail' | 'drop' | 'error' {
  if (setting === 'error' || setting === 'drop') return setting;
  return kind === 'outcome' ? 'fail' : 'drop';
}

/** Where a missing value is, for the error under `missing_values: error`. */
export interface MissingAt {
  readonly file: string;
  /** "row 4" or "test case \"test_case_3\"". */
  readonly row: string;
  readonly column: string;
  readonly line?: number | undefined;
  readonly field?: string | undefined;
}

/** Collects one example's missing values, then says whether the example is kept and counts it. */
export class ExampleMissing {
  private missing = 0;
  private fail = false;
  private drop = false;
  private droppedScore = false;

  constructor(private readonly setting: MissingValues | undefined) {}

  /** Records a missing value; returns what the value becomes (`false` for an outcome counted as a failure). */
  note(kind: ValueKind, at: MissingAt): 'fail' | 'drop' {
    const rule = missingRule(this.setting, kind);
    if (rule === 'error') {
      throw new InputError(
        at.file,
        `${at.row}, column "${at.column}": the value is missing (${kind === 'outcome' ? 'no pass/fail result' : 'no score'}: the judge or scorer failed on this example), and the policy says inputs.missing_values: error. Re-run the evaluation for this example, or set inputs.missing_values to fail or drop`,
        { ...(at.line === undefined ? {} : { line: at.line }), field: at.field ?? at.column },
      );
    }
    this.missing++;
    if (rule === 'drop') {
      this.drop = true;
      if (kind === 'score') this.droppedScore = true;
    } else this.fail = true;
    return rule;
  }

  /**
   * Counts the example in the tally; true when it is kept. `missing` counts examples with at least
   * one missing value (not values), so it compares with the number of examples read. A left-out
   * example's id is recorded, so its partner in the other file is left out with it rather than
   * counted a second time as an id without a partner.
   */
  settle(tally: ReadTally, id: unknown): boolean {
    if (this.missing > 0) tally.missing++;
    if (this.drop) {
      tally.dropped++;
      recordDroppedId(tally, id);
    } else if (this.fail) tally.missingAsFailure++;
    if (this.droppedScore && this.setting === 'fail' && !tally.notes.includes(FAIL_SCORE_NOTE))
      tally.notes.push(FAIL_SCORE_NOTE);
    return !this.drop;
  }
}

/**
 * Records a left-out example's id as pairing spells it (see parseId in example-record.ts). An id that
 * could not pair anything (empty, not text or a number) is not recorded: its partner, if any, then
 * stays an unmatched id, which is reported.
 */
function recordDroppedId(tally: ReadTally, id: unknown): void {
  if (typeof id === 'string' && id.length > 0) tally.droppedIds.push(id);
  else if (typeof id === 'number' && Number.isFinite(id)) tally.droppedIds.push(String(id));
}

const FAIL_SCORE_NOTE =
  'inputs.missing_values is fail, but a continuous score has no failing value: examples with a missing score were left out (counted as dropped)';

/** The error when every example was left out: nothing of this file could be compared. */
export function nothingLeft(file: string, examples: number, tally: ReadTally): InputError {
  return new InputError(
    file,
    `all ${examples} example(s) have a missing value and were left out (${tally.missing} missing value(s)): nothing of this file can be compared. Re-run the judge on the failed examples (rate limits and timeouts are the usual cause), or set inputs.missing_values: fail to count missing pass/fail results as failures`,
  );
}
