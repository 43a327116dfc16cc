import { InputError } from '../errors.js';
import { CohortRegistry } from './cohort-registry.js';
import { ExampleLayout, layoutFromFirstRecord } from '../input/example-layout.js';
import { ParsedExample, createParsedExample, parseExampleRecord } from './example-record.js';
import { forEachExampleRecord } from './example-source.js';
import { GrowableFloat64, GrowableUint32, GrowableUint8 } from './growable.js';
import { hashId } from './id-index.js';
import type { ReadTally, ReaderOptions } from '../readers/reader-types.js';
import { readerByName } from '../readers/registry.js';
import type { TextSource } from '../input/text-source.js';

/**
 * One per-example file, validated and held in columns: a few typed arrays and one array of ids
 * instead of a million objects. Plain data (no methods, no maps), so it can cross a worker boundary.
 */
export interface ExampleColumns {
  readonly path: string;
  readonly sha256: string;
  readonly layout: ExampleLayout;
  /** This file's cohort names; cohort indices below refer to them. */
  readonly cohortNames: string[];
  readonly ids: string[];
  /** hashId of each id, computed here so that pairing (see IdIndex) does no string hashing. */
  readonly idHashes: Uint32Array;
  /** The line each example came from, for messages about it. */
  readonly lines: Uint32Array;
  /** Example i is in cohorts cohortFlat[cohortStart[i] .. cohortStart[i + 1]), sorted. */
  readonly cohortStart: Uint32Array;
  readonly cohortFlat: Uint32Array;
  /** 0/1, example-major: binary[i * layout.binaryMetrics.length + m]. */
  readonly binary: Uint8Array;
  /** example-major: continuous[i * layout.continuousMetrics.length + m]. */
  readonly continuous: Float64Array;
  /** What the reader counted (missing values and what became of them, notes), when it counts. */
  readonly tally?: ReadTally | undefined;
  /** Only when pairing by row order: each example's `label:` cohort (local index), −1 without a label. */
  readonly labelCohorts?: Int32Array | undefined;
  /** Only after repeats were combined (see repeats.ts): how many records each example combines. */
  readonly repeatCounts?: Uint32Array | undefined;
}

/** Which reader turns a file into per-example records, with its options: plain data, for workers. */
export interface ExampleReadSpec {
  readonly reader: string;
  readonly options: ReaderOptions;
}

/**
 * Calls visit for every record of a per-example file. The gate's own JSONL and CSV take a direct
 * path (parsing each line where it is used keeps a million-line file cheap); other formats go
 * through their reader.
 */
async function forEachRecord(
  source: TextSource,
  spec: ExampleReadSpec,
  visit: (record: unknown, line: number) => void,
): Promise<ReadTally | undefined> {
  if (spec.reader === 'jsonl' || spec.reader === 'csv') {
    await forEachExampleRecord(source, spec.reader, visit, spec.options.pairBy);
    return undefined;
  }
  const output = await readerByName(spec.reader, source.path).read(source, spec.options);
  if (output.kind !== 'examples')
    throw new InputError(source.path, `the ${spec.reader} reader gives a per-cohort summary, not per-example results`);
  for await (const batch of output.records) {
    for (let i = 0; i < batch.records.length; i++) visit(batch.records[i], batch.lines[i] as number);
  }
  // The reader's tally is complete once its records are consumed; a plain copy crosses a worker boundary.
  return output.tally === undefined ? undefined : { ...output.tally, notes: [...output.tally.notes] };
}

/** Reads and validates a whole per-example file into columns. Duplicate ids are found when pairing. */
export async function parseExampleColumns(source: TextSource, spec: ExampleReadSpec): Promise<ExampleColumns> {
  const registry = new CohortRegistry();
  const ids: string[] = [];
  const idHashes = new GrowableUint32();
  const lines = new GrowableUint32();
  const cohortStart = new GrowableUint32();
  const cohortFlat = new GrowableUint32();
  const binary = new GrowableUint8();
  const continuous = new GrowableFloat64();
  cohortStart.push(0);
  const labelCohorts = spec.options.pairBy === 'row' ? new GrowableUint32() : undefined;
  let layout: ExampleLayout | undefined;
  let parsed: ParsedExample | undefined;

  const tally = await forEachRecord(source, spec, (record, line) => {
    if (layout === undefined || parsed === undefined) {
      layout = layoutFromFirstRecord(asObject(record, source.path, line), source.path, line);
      parsed = createParsedExample(layout);
    }
    parseExampleRecord(record, layout, registry, parsed, source.path, line);
    ids.push(parsed.id);
    idHashes.push(hashId(parsed.id));
    lines.push(line);
    for (const cohort of parsed.cohorts) cohortFlat.push(cohort);
    cohortStart.push(cohortFlat.length);
    for (const value of parsed.binary) binary.push(value);
    for (const value of parsed.continuous) continuous.push(value);
    labelCohorts?.push(parsed.labelCohort + 1);
  });
  if (layout === undefined) throw new InputError(source.path, 'the file has no examples: expected at least one record');
  return {
    path: source.path,
    sha256: source.sha256(),
    layout,
    cohortNames: Array.from({ length: registry.size }, (_, i) => registry.nameOf(i)),
    ids,
    idHashes: idHashes.toArray(),
    lines: lines.toArray(),
    cohortStart: cohortStart.toArray(),
    cohortFlat: cohortFlat.toArray(),
    binary: binary.toArray(),
    continuous: continuous.toArray(),
    ...(tally === undefined ? {} : { tally }),
    ...(labelCohorts === undefined ? {} : { labelCohorts: Int32Array.from(labelCohorts.toArray(), (v) => v - 1) }),
  };
}

function asObject(record: unknown, file: string, line: number): Record<string, unknown> {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new InputError(file, 'expected a JSON object per line', { line });
  }
  return record as Record<string, unknown>;
}

/**
 * How per-example files are turned into columns: in this thread by default, or elsewhere (a worker).
 * Both sides are requested at once, so a loader can read them in parallel.
 */
export type ExampleColumnsLoader = (
  source: TextSource,
  spec: ExampleReadSpec,
  side: 'incumbent' | 'candidate',
) => Promise<ExampleColumns>;
