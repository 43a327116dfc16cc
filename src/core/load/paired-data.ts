import { InputError } from '../errors.js';
import { CohortRegistry } from './cohort-registry.js';
import { ExampleLayout, layoutFromFirstRecord } from './example-layout.js';
import { ParsedExample, createParsedExample, parseExampleRecord } from './example-record.js';
import { forEachExampleRecord } from './example-source.js';
import { ExampleStore } from './example-store.js';
import { PairedCohortAccumulator } from './paired-accumulator.js';
import { TextSource } from './text-source.js';

/** Ids present on one side only: counted and shown, never silently dropped. */
export interface UnmatchedIds {
  readonly count: number;
  readonly sample: readonly string[];
}

export interface PairedData {
  readonly kind: 'paired';
  /** Metrics both files carry, in accumulator order. */
  readonly binaryMetrics: readonly string[];
  readonly continuousMetrics: readonly string[];
  /** Metrics only one file carries. */
  readonly metricsOnlyIn: { readonly incumbent: readonly OneSidedMetric[]; readonly candidate: readonly OneSidedMetric[] };
  readonly cohortNames: readonly string[];
  /** Examples per cohort in each file (paired or not), by cohort index. */
  readonly incumbentCounts: readonly number[];
  readonly candidateCounts: readonly number[];
  /** Paired statistics by cohort index (undefined: no pair in that cohort). */
  readonly cohorts: readonly (PairedCohortAccumulator | undefined)[];
  readonly incumbentOnly: UnmatchedIds;
  readonly candidateOnly: UnmatchedIds;
  /** Pairs whose two records list different cohorts or labels (the union is used). */
  readonly membershipMismatch: UnmatchedIds;
  readonly examples: { readonly incumbent: number; readonly candidate: number };
}

export interface OneSidedMetric {
  readonly name: string;
  readonly kind: 'binary' | 'continuous';
}

const SAMPLE_SIZE = 5;

/**
 * Loads the incumbent into columns, then streams the candidate and pairs each record by id on the
 * fly, so only one side is ever held in memory.
 */
export async function loadPairedExamples(
  incumbent: { source: TextSource; format: 'jsonl' | 'csv' },
  candidate: { source: TextSource; format: 'jsonl' | 'csv' },
  quantileMetrics: ReadonlySet<string>,
): Promise<PairedData> {
  const registry = new CohortRegistry();
  const incumbentCounts: number[] = [];
  const store = await loadStore(incumbent.source, incumbent.format, registry, incumbentCounts);

  const candidateCounts: number[] = [];
  const matched = new Uint8Array(store.size);
  const candidateOnlyIds = new Set<string>();
  const candidateOnlySample: string[] = [];
  const mismatchSample: string[] = [];
  let mismatchCount = 0;
  let candidateExamples = 0;

  let plan: PairingPlan | undefined;
  let parsed: ParsedExample | undefined;
  let layout: ExampleLayout | undefined;
  const incumbentCohorts: number[] = [];
  const union: number[] = [];
  const cohorts: (PairedCohortAccumulator | undefined)[] = [];

  await forEachExampleRecord(candidate.source, candidate.format, (record, line) => {
    if (layout === undefined || plan === undefined || parsed === undefined) {
      layout = layoutFromFirstRecord(asObject(record, candidate.source.path, line), candidate.source.path, line);
      plan = planPairing(store.layout, layout, quantileMetrics);
      parsed = createParsedExample(layout);
    }
    parseExampleRecord(record, layout, registry, parsed, candidate.source.path, line);
    candidateExamples++;
    for (const cohort of parsed.cohorts) candidateCounts[cohort] = (candidateCounts[cohort] ?? 0) + 1;

    const index = store.indexById.get(parsed.id);
    if (index === undefined) {
      if (candidateOnlyIds.has(parsed.id)) throw duplicateId(candidate.source.path, parsed.id, line);
      candidateOnlyIds.add(parsed.id);
      if (candidateOnlySample.length < SAMPLE_SIZE) candidateOnlySample.push(parsed.id);
      return;
    }
    if (matched[index] === 1) throw duplicateId(candidate.source.path, parsed.id, line);
    matched[index] = 1;

    store.cohortsOf(index, incumbentCohorts);
    if (!sameMembers(incumbentCohorts, parsed.cohorts)) {
      mismatchCount++;
      if (mismatchSample.length < SAMPLE_SIZE) mismatchSample.push(parsed.id);
    }
    mergeSorted(incumbentCohorts, parsed.cohorts, union);

    plan.fill(store, index, parsed);
    for (const cohort of union) {
      let accumulator = cohorts[cohort];
      if (accumulator === undefined) {
        accumulator = new PairedCohortAccumulator(plan.binaryNames.length, plan.continuousNames.length, plan.quantileIndexes);
        cohorts[cohort] = accumulator;
      }
      accumulator.add(plan.binaryIncumbent, plan.binaryCandidate, plan.continuousIncumbent, plan.continuousCandidate);
    }
  });
  if (layout === undefined || plan === undefined) {
    throw new InputError(candidate.source.path, 'the file has no examples: expected at least one record');
  }

  const incumbentOnlySample: string[] = [];
  let incumbentOnlyCount = 0;
  for (const [id, index] of store.indexById) {
    if (matched[index] === 1) continue;
    incumbentOnlyCount++;
    if (incumbentOnlySample.length < SAMPLE_SIZE) incumbentOnlySample.push(id);
  }

  const cohortNames = Array.from({ length: registry.size }, (_, i) => registry.nameOf(i));
  return {
    kind: 'paired',
    binaryMetrics: plan.binaryNames,
    continuousMetrics: plan.continuousNames,
    metricsOnlyIn: plan.onlyIn,
    cohortNames,
    incumbentCounts: cohortNames.map((_, i) => incumbentCounts[i] ?? 0),
    candidateCounts: cohortNames.map((_, i) => candidateCounts[i] ?? 0),
    cohorts: cohortNames.map((_, i) => cohorts[i]),
    incumbentOnly: { count: incumbentOnlyCount, sample: incumbentOnlySample },
    candidateOnly: { count: candidateOnlyIds.size, sample: candidateOnlySample },
    membershipMismatch: { count: mismatchCount, sample: mismatchSample },
    examples: { incumbent: store.size, candidate: candidateExamples },
  };
}

async function loadStore(
  source: TextSource,
  format: 'jsonl' | 'csv',
  registry: CohortRegistry,
  counts: number[],
): Promise<ExampleStore> {
  let store: ExampleStore | undefined;
  let parsed: ParsedExample | undefined;
  await forEachExampleRecord(source, format, (record, line) => {
    if (store === undefined || parsed === undefined) {
      const layout = layoutFromFirstRecord(asObject(record, source.path, line), source.path, line);
      store = new ExampleStore(layout);
      parsed = createParsedExample(layout);
    }
    parseExampleRecord(record, store.layout, registry, parsed, source.path, line);
    if (!store.add(parsed)) throw duplicateId(source.path, parsed.id, line);
    for (const cohort of parsed.cohorts) counts[cohort] = (counts[cohort] ?? 0) + 1;
  });
  if (store === undefined) throw new InputError(source.path, 'the file has no examples: expected at least one record');
  return store;
}

/** Maps both files' metric columns onto the metrics they share, and holds the per-pair scratch arrays. */
interface PairingPlan {
  readonly binaryNames: string[];
  readonly continuousNames: string[];
  readonly quantileIndexes: ReadonlySet<number>;
  readonly onlyIn: { incumbent: OneSidedMetric[]; candidate: OneSidedMetric[] };
  readonly binaryIncumbent: Uint8Array;
  readonly binaryCandidate: Uint8Array;
  readonly continuousIncumbent: Float64Array;
  readonly continuousCandidate: Float64Array;
  fill(store: ExampleStore, index: number, candidate: ParsedExample): void;
}

function planPairing(incumbent: ExampleLayout, candidate: ExampleLayout, quantileMetrics: ReadonlySet<string>): PairingPlan {
  const binaryNames = incumbent.binaryMetrics.filter((m) => candidate.binaryMetrics.includes(m));
  const continuousNames = incumbent.continuousMetrics.filter((m) => candidate.continuousMetrics.includes(m));
  const oneSided = (own: ExampleLayout, other: ExampleLayout): OneSidedMetric[] => [
    ...own.binaryMetrics.filter((m) => !other.binaryMetrics.includes(m)).map((name) => ({ name, kind: 'binary' as const })),
    ...own.continuousMetrics.filter((m) => !other.continuousMetrics.includes(m)).map((name) => ({ name, kind: 'continuous' as const })),
  ];
  const binaryFromIncumbent = binaryNames.map((m) => incumbent.binaryMetrics.indexOf(m));
  const binaryFromCandidate = binaryNames.map((m) => candidate.binaryMetrics.indexOf(m));
  const continuousFromIncumbent = continuousNames.map((m) => incumbent.continuousMetrics.indexOf(m));
  const continuousFromCandidate = continuousNames.map((m) => candidate.continuousMetrics.indexOf(m));
  const plan: PairingPlan = {
    binaryNames,
    continuousNames,
    quantileIndexes: new Set(continuousNames.flatMap((m, i) => (quantileMetrics.has(m) ? [i] : []))),
    onlyIn: { incumbent: oneSided(incumbent, candidate), candidate: oneSided(candidate, incumbent) },
    binaryIncumbent: new Uint8Array(binaryNames.length),
    binaryCandidate: new Uint8Array(binaryNames.length),
    continuousIncumbent: new Float64Array(continuousNames.length),
    continuousCandidate: new Float64Array(continuousNames.length),
    fill(store, index, parsed) {
      for (let m = 0; m < binaryNames.length; m++) {
        plan.binaryIncumbent[m] = store.binaryValue(index, binaryFromIncumbent[m] as number);
        plan.binaryCandidate[m] = parsed.binary[binaryFromCandidate[m] as number] as number;
      }
      for (let m = 0; m < continuousNames.length; m++) {
        plan.continuousIncumbent[m] = store.continuousValue(index, continuousFromIncumbent[m] as number);
        plan.continuousCandidate[m] = parsed.continuous[continuousFromCandidate[m] as number] as number;
      }
    },
  };
  return plan;
}

function asObject(record: unknown, file: string, line: number): Record<string, unknown> {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new InputError(file, 'expected a JSON object per line', { line });
  }
  return record as Record<string, unknown>;
}

function duplicateId(file: string, id: string, line: number): InputError {
  return new InputError(file, `duplicate id ${JSON.stringify(id)}: ids must be unique within a file (they pair the two models' examples)`, {
    line,
    field: 'id',
  });
}

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Union of two sorted, de-duplicated lists, written into `out`. */
function mergeSorted(a: readonly number[], b: readonly number[], out: number[]): void {
  out.length = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Infinity;
    const y = j < b.length ? (b[j] as number) : Infinity;
    if (x <= y) {
      out.push(x);
      i++;
      if (x === y) j++;
    } else {
      out.push(y);
      j++;
    }
  }
}
