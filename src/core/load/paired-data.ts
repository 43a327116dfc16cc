import { InputError } from '../errors.js';
import { CohortRegistry } from './cohort-registry.js';
import { ExampleColumns, ExampleColumnsLoader, ExampleReadSpec, parseExampleColumns } from './example-columns.js';
import { IdIndex } from './id-index.js';
import { PairedCohortAccumulator } from './paired-accumulator.js';
import { type OneSidedMetric, planPairing } from './pairing-plan.js';
import { RepeatMode, RepeatSummary, combineRepeats, repeatSummary } from './repeats.js';
import { checkRowCounts, rowLabelCheck } from './row-pairing.js';
import type { ReadTally } from '../readers/reader-types.js';
import { TextSource } from '../input/text-source.js';
import { UnmatchedIds, UnpairedIds } from './unpaired-ids.js';

export type { UnmatchedIds } from './unpaired-ids.js';

export interface PairedData {
  readonly kind: 'paired';
  /** Metrics both files carry, in accumulator order. */
  readonly binaryMetrics: readonly string[];
  readonly continuousMetrics: readonly string[];
  /** Metrics only one file carries. */
  readonly metricsOnlyIn: {
    readonly incumbent: readonly OneSidedMetric[];
    readonly candidate: readonly OneSidedMetric[];
  };
  readonly cohortNames: readonly string[];
  /** Examples per cohort in each file (paired or not), by cohort index. */
  readonly incumbentCounts: readonly number[];
  readonly candidateCounts: readonly number[];
  /** Paired statistics by cohort index (undefined: no pair in that cohort). */
  readonly cohorts: readonly (PairedCohortAccumulator | undefined)[];
  /** Ids on one side only, apart from those dropped pairwise (below). */
  readonly incumbentOnly: UnmatchedIds;
  readonly candidateOnly: UnmatchedIds;
  /**
   * Examples left out on both sides because one side's value was missing: by the side whose reader
   * dropped its example (inputs.missing_values: drop), counting the partners the other side lost.
   * Counted as missing values, not as unmatched ids.
   */
  readonly droppedPairwise: { readonly incumbent: number; readonly candidate: number };
  /** Pairs whose two records list different cohorts or labels (the union is used). */
  readonly membershipMismatch: UnmatchedIds;
  readonly examples: { readonly incumbent: number; readonly candidate: number };
  readonly sha256: { readonly incumbent: string; readonly candidate: string };
  /** What each side's reader counted (missing values, notes), when it counts. */
  readonly tallies: { readonly incumbent?: ReadTally | undefined; readonly candidate?: ReadTally | undefined };
  /** Repeated ids combined per side (inputs.repeats: all|any); undefined: no id was repeated. */
  readonly repeats: { readonly incumbent?: RepeatSummary | undefined; readonly candidate?: RepeatSummary | undefined };
  /** Pairs whose two examples combine different numbers of repeats. */
  readonly repeatCountMismatch: UnmatchedIds;
  readonly pairBy: 'id' | 'row';
}

/** How examples are paired, from the policy's `inputs`: by id or row order, and what repeated ids become. */
export interface PairingOptions {
  readonly pairBy: 'id' | 'row';
  readonly repeats: 'error' | RepeatMode;
}

const BY_ID: PairingOptions = { pairBy: 'id', repeats: 'error' };

const SAMPLE_SIZE = 5;

/**
 * Reads both files into columns (concurrently: the loader may use another thread) and pairs them
 * by id.
 */
export async function loadPairedExamples(
  incumbent: { source: TextSource; spec: ExampleReadSpec },
  candidate: { source: TextSource; spec: ExampleReadSpec },
  quantileMetrics: ReadonlySet<string>,
  load: ExampleColumnsLoader = parseExampleColumns,
  pairing: PairingOptions = BY_ID,
): Promise<PairedData> {
  const [incumbentColumns, candidateColumns] = await Promise.allSettled([
    load(incumbent.source, incumbent.spec, 'incumbent'),
    load(candidate.source, candidate.spec, 'candidate'),
  ]);
  // When both files are bad, always report the incumbent's error first, whichever finished first.
  if (incumbentColumns.status === 'rejected') throw incumbentColumns.reason;
  if (candidateColumns.status === 'rejected') throw candidateColumns.reason;
  return pairExampleColumns(incumbentColumns.value, candidateColumns.value, quantileMetrics, pairing);
}

/** Pairs two files' examples by id and accumulates each cohort's paired statistics in one pass. */
function pairExampleColumns(
  incumbentRecords: ExampleColumns,
  candidateRecords: ExampleColumns,
  quantileMetrics: ReadonlySet<string>,
  pairing: PairingOptions = BY_ID,
): PairedData {
  const { repeats: mode } = pairing;
  const incumbent = mode === 'error' ? incumbentRecords : combineRepeats(incumbentRecords, mode);
  const candidate = mode === 'error' ? candidateRecords : combineRepeats(candidateRecords, mode);
  if (pairing.pairBy === 'row') checkRowCounts(incumbent, candidate);
  const indexById = new IdIndex(incumbent.ids, incumbent.idHashes, (index) => {
    throw duplicateId(incumbent.path, incumbent.ids[index] as string, incumbent.lines[index] as number);
  });

  // One registry for both files, so a cohort has one index whichever file named it first.
  const registry = new CohortRegistry();
  const incumbentCohortIndex = Uint32Array.from(incumbent.cohortNames, (name) => registry.indexOf(name));
  const candidateCohortIndex = Uint32Array.from(candidate.cohortNames, (name) => registry.indexOf(name));
  const incumbentOrderKept = isIncreasing(incumbentCohortIndex);
  const candidateOrderKept = isIncreasing(candidateCohortIndex);
  const incumbentCounts = countCohorts(incumbent, incumbentCohortIndex, registry.size);
  const candidateCounts = countCohorts(candidate, candidateCohortIndex, registry.size);

  const plan = planPairing(incumbent.layout, candidate.layout, quantileMetrics);
  const matched = new Uint8Array(incumbent.ids.length);
  const candidateOnlyIds = new Set<string>();
  const candidateUnpaired = new UnpairedIds(incumbent.tally);
  const mismatchSample: string[] = [];
  let mismatchCount = 0;
  // Scratch lists of one pair's cohorts, as typed arrays with explicit lengths (no per-pair allocation).
  const widest = Math.max(widestSpan(incumbent.cohortStart), widestSpan(candidate.cohortStart));
  const incumbentCohorts = new Uint32Array(widest);
  const candidateCohorts = new Uint32Array(widest);
  const union = new Uint32Array(2 * widest);
  const cohorts: (PairedCohortAccumulator | undefined)[] = new Array(registry.size);
  const repeatMismatchSample: string[] = [];
  let repeatMismatchCount = 0;
  const checkLabels =
    pairing.pairBy === 'row'
      ? rowLabelCheck(incumbent, incumbentCohortIndex, candidate, candidateCohortIndex)
      : undefined;

  for (let c = 0; c < candidate.ids.length; c++) {
    const id = candidate.ids[c] as string;
    // Files written by the same harness usually list the examples in the same order: the example at
    // the same position is checked first, and the index (whose ids are unique) is probed otherwise.
    const index =
      c < incumbent.ids.length && incumbent.ids[c] === id ? c : indexById.get(id, candidate.idHashes[c] as number);
    if (index === -1) {
      if (candidateOnlyIds.has(id)) throw duplicateId(candidate.path, id, candidate.lines[c] as number);
      candidateOnlyIds.add(id);
      candidateUnpaired.add(id);
      continue;
    }
    if (matched[index] === 1) throw duplicateId(candidate.path, id, candidate.lines[c] as number);
    matched[index] = 1;
    checkLabels?.(index, c);
    if ((incumbent.repeatCounts?.[index] ?? 1) !== (candidate.repeatCounts?.[c] ?? 1)) {
      repeatMismatchCount++;
      if (repeatMismatchSample.length < SAMPLE_SIZE) repeatMismatchSample.push(id);
    }

    const nI = cohortsOf(incumbent, index, incumbentCohortIndex, incumbentOrderKept, incumbentCohorts);
    const nC = cohortsOf(candidate, c, candidateCohortIndex, candidateOrderKept, candidateCohorts);
    if (!sameMembers(incumbentCohorts, nI, candidateCohorts, nC)) {
      mismatchCount++;
      if (mismatchSample.length < SAMPLE_SIZE) mismatchSample.push(id);
    }
    const nU = mergeSorted(incumbentCohorts, nI, candidateCohorts, nC, union);

    plan.fill(incumbent, index, candidate, c);
    for (let k = 0; k < nU; k++) {
      const cohort = union[k] as number;
      let accumulator = cohorts[cohort];
      if (accumulator === undefined) {
        accumulator = new PairedCohortAccumulator(
          plan.binaryNames.length,
          plan.continuousNames.length,
          plan.quantileIndexes,
        );
        cohorts[cohort] = accumulator;
      }
      accumulator.add(plan.binaryIncumbent, plan.binaryCandidate, plan.continuousIncumbent, plan.continuousCandidate);
    }
  }

  const incumbentUnpaired = new UnpairedIds(candidate.tally);
  for (let index = 0; index < matched.length; index++)
    if (matched[index] === 0) incumbentUnpaired.add(incumbent.ids[index] as string);

  const cohortNames = Array.from({ length: registry.size }, (_, i) => registry.nameOf(i));
  return {
    kind: 'paired',
    binaryMetrics: plan.binaryNames,
    continuousMetrics: plan.continuousNames,
    metricsOnlyIn: plan.onlyIn,
    cohortNames,
    incumbentCounts,
    candidateCounts,
    cohorts: cohortNames.map((_, i) => cohorts[i]),
    incumbentOnly: incumbentUnpaired.unmatched(),
    candidateOnly: candidateUnpaired.unmatched(),
    droppedPairwise: { incumbent: candidateUnpaired.droppedPairwise(), candidate: incumbentUnpaired.droppedPairwise() },
    membershipMismatch: { count: mismatchCount, sample: mismatchSample },
    examples: { incumbent: incumbent.ids.length, candidate: candidate.ids.length },
    sha256: { incumbent: incumbent.sha256, candidate: candidate.sha256 },
    tallies: { incumbent: incumbent.tally, candidate: candidate.tally },
    repeats: { incumbent: repeatSummary(incumbent), candidate: repeatSummary(candidate) },
    repeatCountMismatch: { count: repeatMismatchCount, sample: repeatMismatchSample },
    pairBy: pairing.pairBy,
  };
}

function countCohorts(columns: ExampleColumns, toShared: Uint32Array, size: number): number[] {
  const counts = new Array<number>(size).fill(0);
  for (const local of columns.cohortFlat) {
    const shared = toShared[local] as number;
    counts[shared] = (counts[shared] as number) + 1;
  }
  return counts;
}

/** The most cohorts any one example is in. */
function widestSpan(starts: Uint32Array): number {
  let widest = 0;
  for (let i = 1; i < starts.length; i++) widest = Math.max(widest, (starts[i] as number) - (starts[i - 1] as number));
  return widest;
}

/**
 * Example i's cohorts as shared indices, sorted, written to `out`; returns how many. Local lists are
 * sorted already; when the mapping to shared indices keeps the order (the usual case: both files name
 * cohorts in the same order), no sort is needed, otherwise a short insertion sort does it.
 */
function cohortsOf(
  columns: ExampleColumns,
  i: number,
  toShared: Uint32Array,
  orderKept: boolean,
  out: Uint32Array,
): number {
  const start = columns.cohortStart[i] as number;
  const end = columns.cohortStart[i + 1] as number;
  for (let k = start; k < end; k++) {
    const value = toShared[columns.cohortFlat[k] as number] as number;
    let at = k - start;
    out[at] = value;
    if (orderKept) continue;
    while (at > 0 && (out[at - 1] as number) > value) {
      out[at] = out[at - 1] as number;
      at--;
    }
    out[at] = value;
  }
  return end - start;
}

function isIncreasing(values: Uint32Array): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i] as number) <= (values[i - 1] as number)) return false;
  return true;
}

function duplicateId(file: string, id: string, line: number): InputError {
  return new InputError(
    file,
    `duplicate id ${JSON.stringify(id)}: ids must be unique within a file (they pair the two models' examples); if the file holds several results per example (repeats), set inputs.repeats: all (pass^k) or any (pass@k) in the policy to combine them`,
    { line, field: 'id' },
  );
}

/** Whether a[0..na) and b[0..nb) hold the same values. */
function sameMembers(a: Uint32Array, na: number, b: Uint32Array, nb: number): boolean {
  if (na !== nb) return false;
  for (let i = 0; i < na; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Union of the sorted, de-duplicated a[0..na) and b[0..nb), written into `out`; returns its length. */
function mergeSorted(a: Uint32Array, na: number, b: Uint32Array, nb: number, out: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < na || j < nb) {
    const x = i < na ? (a[i] as number) : Infinity;
    const y = j < nb ? (b[j] as number) : Infinity;
    if (x <= y) {
      out[n++] = x;
      i++;
      if (x === y) j++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  return n;
}
