import type { ReadTally } from '../readers/reader-types.js';

/** Ids present on one side only: counted and shown, never silently dropped. */
export interface UnmatchedIds {
  readonly count: number;
  readonly sample: readonly string[];
}

const SAMPLE_SIZE = 5;

/**
 * One file's ids without a partner in the other file, split by why. When the other file's reader
 * left the partner out for a missing value (its tally's droppedIds), the example is "dropped
 * pairwise": out of the comparison like any unpaired example, but already counted once as a missing
 * value (values.missing and the missing-rate gap), so it is not counted again as an unmatched id.
 * Every other id without a partner is unmatched.
 */
export class UnpairedIds {
  private unmatchedCount = 0;
  private readonly sample: string[] = [];
  private leftOut = 0;
  private readonly droppedByOther: ReadonlySet<string>;

  constructor(otherTally: ReadTally | undefined) {
    this.droppedByOther = new Set(otherTally?.droppedIds ?? []);
  }

  add(id: string): void {
    if (this.droppedByOther.has(id)) {
      this.leftOut++;
      return;
    }
    this.unmatchedCount++;
    if (this.sample.length < SAMPLE_SIZE) this.sample.push(id);
  }

  /** Ids the other file does not have at all. */
  unmatched(): UnmatchedIds {
    return { count: this.unmatchedCount, sample: this.sample };
  }

  /** Ids whose partner the other file's reader left out for a missing value. */
  droppedPairwise(): number {
    return this.leftOut;
  }
}
