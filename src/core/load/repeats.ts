import { InputError } from '../errors.js';
import type { ExampleColumns } from './example-columns.js';
import { IdIndex } from './id-index.js';

/**
 * Several records for one id (promptfoo --repeat, several samples per document) combined into one
 * example, as the policy's `inputs.repeats` says: a pass/fail outcome passes when every repeat passes
 * (`all`, pass^k) or when one does (`any`, pass@k); a continuous score is the mean of the repeats.
 * A file without a repeated id is returned as it is, so the usual case costs one pass over the ids.
 */
export type RepeatMode = 'all' | 'any';

/** How many records the examples of one file combine. */
export interface RepeatSummary {
  /** Examples that had more than one record. */
  readonly ids: number;
  /** Fewest and most records per example (1 for an example without repeats). */
  readonly min: number;
  readonly max: number;
}

export function combineRepeats(columns: ExampleColumns, mode: RepeatMode): ExampleColumns {
  let repeated = false;
  const index = new IdIndex(columns.ids, columns.idHashes, () => {
    repeated = true;
  });
  if (!repeated) return columns;

  const n = columns.ids.length;
  // Each record's example: the position of its id's first record among the first records.
  const slotOfFirst = new Int32Array(n).fill(-1);
  const firsts: number[] = [];
  const example = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const first = index.get(columns.ids[i] as string, columns.idHashes[i] as number);
    if (first === i) {
      slotOfFirst[i] = firsts.length;
      firsts.push(i);
    } else checkSameCohorts(columns, first, i);
    example[i] = slotOfFirst[first] as number;
  }

  const binaryWidth = columns.layout.binaryMetrics.length;
  const continuousWidth = columns.layout.continuousMetrics.length;
  const count = new Uint32Array(firsts.length);
  const binary = new Uint8Array(firsts.length * binaryWidth).fill(mode === 'all' ? 1 : 0);
  const continuous = new Float64Array(firsts.length * continuousWidth);
  for (let i = 0; i < n; i++) {
    const u = example[i] as number;
    count[u] = (count[u] as number) + 1;
    for (let m = 0; m < binaryWidth; m++) {
      const value = columns.binary[i * binaryWidth + m] as number;
      const at = u * binaryWidth + m;
      binary[at] = mode === 'all' ? (binary[at] as number) & value : (binary[at] as number) | value;
    }
    for (let m = 0; m < continuousWidth; m++) {
      const at = u * continuousWidth + m;
      continuous[at] = (continuous[at] as number) + (columns.continuous[i * continuousWidth + m] as number);
    }
  }
  for (let u = 0; u < firsts.length; u++) {
    for (let m = 0; m < continuousWidth; m++)
      continuous[u * continuousWidth + m] = (continuous[u * continuousWidth + m] as number) / (count[u] as number);
  }

  const cohortStart = new Uint32Array(firsts.length + 1);
  const cohortFlat: number[] = [];
  firsts.forEach((first, u) => {
    for (let k = columns.cohortStart[first] as number; k < (columns.cohortStart[first + 1] as number); k++)
      cohortFlat.push(columns.cohortFlat[k] as number);
    cohortStart[u + 1] = cohortFlat.length;
  });
  return {
    ...columns,
    ids: firsts.map((i) => columns.ids[i] as string),
    idHashes: Uint32Array.from(firsts, (i) => columns.idHashes[i] as number),
    lines: Uint32Array.from(firsts, (i) => columns.lines[i] as number),
    cohortStart,
    cohortFlat: Uint32Array.from(cohortFlat),
    binary,
    continuous,
    ...(columns.labelCohorts === undefined
      ? {}
      : { labelCohorts: Int32Array.from(firsts, (i) => columns.labelCohorts?.[i] as number) }),
    repeatCounts: count,
  };
}

/** The repeat counts of a file's examples, or undefined when no example was repeated. */
export function repeatSummary(columns: ExampleColumns): RepeatSummary | undefined {
  const counts = columns.repeatCounts;
  if (counts === undefined) return undefined;
  let ids = 0;
  let min = Infinity;
  let max = 0;
  for (const k of counts) {
    if (k > 1) ids++;
    min = Math.min(min, k);
    max = Math.max(max, k);
  }
  return { ids, min, max };
}

/** A repeat must describe the same example: the same cohorts and the same label as its first record. */
function checkSameCohorts(columns: ExampleColumns, first: number, repeat: number): void {
  const cohortsOf = (i: number): number[] =>
    Array.from(columns.cohortFlat.subarray(columns.cohortStart[i] as number, columns.cohortStart[i + 1] as number));
  const a = cohortsOf(first);
  const b = cohortsOf(repeat);
  if (a.length === b.length && a.every((c, k) => c === b[k])) return;
  const names = (list: number[]): string => list.map((c) => JSON.stringify(columns.cohortNames[c])).join(', ');
  throw new InputError(
    columns.path,
    `id ${JSON.stringify(columns.ids[repeat])} is repeated with different cohorts or label: line ${columns.lines[first]} has ${names(a)}, line ${columns.lines[repeat]} has ${names(b)}; repeats of one example must be in the same cohorts with the same label`,
    { line: columns.lines[repeat] as number, field: 'cohorts' },
  );
}
