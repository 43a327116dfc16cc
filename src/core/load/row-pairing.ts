import { LABEL_PREFIX } from '../cohorts.js';
import { InputError } from '../errors.js';
import type { ExampleColumns } from './example-columns.js';

/** Pairing by row order pairs row k with row k: both files must have the same number of rows. */
export function checkRowCounts(incumbent: ExampleColumns, candidate: ExampleColumns): void {
  if (incumbent.ids.length === candidate.ids.length) return;
  throw new InputError(
    candidate.path,
    `the policy pairs rows by their order (inputs.pair_by: row), but the candidate has ${candidate.ids.length} row(s) and the incumbent ${incumbent.path} has ${incumbent.ids.length}: rows can only be paired by order when both files list the same examples in the same order`,
  );
}

/**
 * With a label (ground truth) on both sides, row k must have the same label in both files, or the
 * rows are not the same examples: a check for pairs by row order, which have no id to vouch for them.
 * Returns undefined when a side has no label. Indices are each file's own; cohorts are compared by
 * their shared index.
 */
export function rowLabelCheck(
  incumbent: ExampleColumns,
  incumbentToShared: Uint32Array,
  candidate: ExampleColumns,
  candidateToShared: Uint32Array,
): ((i: number, c: number) => void) | undefined {
  const a = incumbent.labelCohorts;
  const b = candidate.labelCohorts;
  if (a === undefined || b === undefined || !incumbent.layout.hasLabels || !candidate.layout.hasLabels)
    return undefined;
  return (i, c) => {
    const left = a[i] as number;
    const right = b[c] as number;
    if (left === -1 || right === -1 || incumbentToShared[left] === candidateToShared[right]) return;
    throw new InputError(
      candidate.path,
      `row ${incumbent.ids[i]} has label ${JSON.stringify(labelOf(candidate, right))} here but ${JSON.stringify(labelOf(incumbent, left))} in the incumbent ${incumbent.path} (line ${incumbent.lines[i]}): pairing by row order (inputs.pair_by: row) needs both files to list the same examples in the same order`,
      { line: candidate.lines[c] as number, field: 'label' },
    );
  };
}

function labelOf(columns: ExampleColumns, cohort: number): string {
  const name = columns.cohortNames[cohort] ?? '';
  return name.startsWith(LABEL_PREFIX) ? name.slice(LABEL_PREFIX.length) : name;
}
