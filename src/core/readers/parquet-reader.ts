import { parquetMetadata, parquetScan, parquetSchema } from 'hyparquet';
import type { FileMetaData, SchemaTree } from 'hyparquet';
import { InputError } from '../errors.js';
import type { RecordBatch } from '../input/jsonl-records.js';
import { ownValue } from '../named-record.js';
import { hasBytes } from './byte-source.js';
import type { EvalReader } from './reader-types.js';
import { MAPPING_HINT, TablePlan, planColumns, planFromMapping, rowRecord } from './table-reader.js';

/**
 * Parquet tables, mapped like CSV tables. Without a mapping the columns must carry the gate's own
 * names, which is what `pandas.read_json("eval.jsonl", lines=True).to_parquet(...)` writes: `cohorts`
 * as a list, `checks` and `metrics` as structs (or flat `checks.<name>` / `metrics.<name>` columns).
 * Messages name rows as lines: line N is the N-th row (1-based).
 */
export const parquetReader: EvalReader = {
  name: 'parquet',
  expects: `a Parquet table (.parquet) with the gate's column names (id, cohorts, label, prediction, correct, checks.<name>, metrics.<name>) or ${MAPPING_HINT}`,
  detect: ({ path }) => /\.parquet$/i.test(path),
  accepts: ['mapping'],
  async read(source, options) {
    if (!hasBytes(source)) {
      throw new InputError(
        source.path,
        'a Parquet file is binary: it must be handed to the reader as bytes (a ByteSource), not as text',
      );
    }
    const buffer = toArrayBuffer(await source.bytes());
    const metadata = readMetadata(buffer, source.path);
    const columns = new Map(parquetSchema(metadata).children.map((node) => [node.element.name, node] as const));
    const plan = options.mapping === undefined ? defaultPlan(columns, source.path) : planFromMapping(options.mapping);
    const sources = locateColumns(plan, columns, source.path);
    checkCodecs(metadata, new Set([...sources.values()].map((s) => s.column)), source.path);
    return { kind: 'examples', records: readRows(buffer, metadata, plan, sources, source.path) };
  },
};

/** Where a plan column's values come from: a top-level column, or one field of a struct column. */
interface ColumnSource {
  readonly column: string;
  readonly field?: string | undefined;
}

const BATCH = 1024;
// hyparquet itself decodes these; the others need codecs this package does not bundle.
const CODECS = new Set(['UNCOMPRESSED', 'SNAPPY']);

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? bytes.buffer : bytes.slice().buffer;
}

function readMetadata(buffer: ArrayBuffer, file: string): FileMetaData {
  const bytes = new Uint8Array(buffer);
  const magic = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || magic(0) !== 'PAR1' || magic(bytes.length - 4) !== 'PAR1') {
    throw new InputError(
      file,
      'not a Parquet file: expected the "PAR1" marker at its start and end (is it a CSV or JSON file named .parquet, or cut short?)',
    );
  }
  try {
    return parquetMetadata(buffer);
  } catch (error) {
    throw new InputError(
      file,
      `the Parquet footer cannot be read (${messageOf(error)}); expected a complete, unencrypted Parquet file`,
    );
  }
}

function isStruct(node: SchemaTree): boolean {
  const kind = node.element.logical_type?.type ?? node.element.converted_type;
  return node.children.length > 0 && kind !== 'LIST' && kind !== 'MAP' && kind !== 'MAP_KEY_VALUE';
}

/** The gate's own column names; anything else is rejected so that a typo cannot drop a metric. */
function defaultPlan(columns: ReadonlyMap<string, SchemaTree>, file: string): TablePlan {
  const plain = new Map<string, string>();
  const named = { checks: [] as { name: string; column: string }[], metrics: [] as { name: string; column: string }[] };
  for (const [name, node] of columns) {
    // pandas stores a non-default index as an extra column; it is not part of the eval data.
    if (/^__index_level_\d+__$/.test(name)) continue;
    const dotted = /^(checks|metrics)\.(.+)$/.exec(name);
    if (['id', 'cohorts', 'label', 'prediction', 'correct'].includes(name)) {
      plain.set(name, name);
    } else if (name === 'checks' || name === 'metrics') {
      if (!isStruct(node)) {
        throw new InputError(
          file,
          `column "${name}" must be a struct of named values (or use flat ${name}.<name> columns)`,
          { field: name },
        );
      }
      for (const child of node.children)
        named[name].push({ name: child.element.name, column: `${name}.${child.element.name}` });
    } else if (dotted !== null) {
      named[dotted[1] as 'checks' | 'metrics'].push({ name: dotted[2] as string, column: name });
    } else {
      throw new InputError(
        file,
        `unknown column "${name}": expected id, cohorts, label, prediction, correct, checks.<name> or metrics.<name>; for other names pass ${MAPPING_HINT}`,
        { field: name },
      );
    }
  }
  const id = plain.get('id');
  if (id === undefined)
    throw new InputError(file, `the file has no "id" column; if the ids are in another column, pass ${MAPPING_HINT}`, {
      field: 'id',
    });
  return {
    id,
    label: plain.get('label'),
    prediction: plain.get('prediction'),
    correct: plain.get('correct'),
    cohortColumns: [],
    cohortList: plain.get('cohorts'),
    checks: named.checks,
    metrics: named.metrics,
  };
}

function locateColumns(
  plan: TablePlan,
  columns: ReadonlyMap<string, SchemaTree>,
  file: string,
): Map<string, ColumnSource> {
  const sources = new Map<string, ColumnSource>();
  for (const name of planColumns(plan)) {
    const dot = name.indexOf('.');
    const parent = dot === -1 ? undefined : columns.get(name.slice(0, dot));
    if (columns.has(name)) {
      sources.set(name, { column: name });
    } else if (
      parent !== undefined &&
      isStruct(parent) &&
      parent.children.some((c) => c.element.name === name.slice(dot + 1))
    ) {
      sources.set(name, { column: name.slice(0, dot), field: name.slice(dot + 1) });
    } else {
      throw new InputError(
        file,
        `the mapping names column "${name}", which the file does not have (it has: ${[...columns.keys()].join(', ')})`,
        { field: name },
      );
    }
  }
  return sources;
}

function checkCodecs(metadata: FileMetaData, needed: ReadonlySet<string>, file: string): void {
  for (const chunk of metadata.row_groups.flatMap((group) => group.columns)) {
    const meta = chunk.meta_data;
    const column = meta?.path_in_schema[0];
    if (meta === undefined || column === undefined || !needed.has(column) || CODECS.has(meta.codec)) continue;
    throw new InputError(
      file,
      `column "${column}" is compressed with ${meta.codec}, which this reader cannot decompress: write the file with Snappy (the default of pandas and pyarrow) or without compression, e.g. df.to_parquet(path, compression="snappy")`,
      { field: column },
    );
  }
}

/** One row group at a time, column by column, so memory follows the row group, not the file. */
async function* readRows(
  buffer: ArrayBuffer,
  metadata: FileMetaData,
  plan: TablePlan,
  sources: ReadonlyMap<string, ColumnSource>,
  file: string,
): AsyncGenerator<RecordBatch> {
  const physical = [...new Set([...sources.values()].map((s) => s.column))];
  const scan = await guard(file, () => parquetScan({ file: buffer, metadata, columns: physical }));
  for (const range of scan.ranges) {
    const data = new Map<string, ArrayLike<unknown>>();
    for (const column of physical) data.set(column, await guard(file, () => scan.readColumn({ column, ...range })));
    const cells = new Map<string, ArrayLike<unknown>>();
    for (const [name, { column, field }] of sources) {
      const values = data.get(column) as ArrayLike<unknown>;
      cells.set(
        name,
        field === undefined
          ? values
          : Array.from(values, (row) => (row === null || typeof row !== 'object' ? undefined : ownValue(row, field))),
      );
    }
    const count = range.rowEnd - range.rowStart;
    for (let start = 0; start < count; start += BATCH) {
      const batch: RecordBatch = { records: [], lines: [] };
      for (let row = start; row < Math.min(count, start + BATCH); row++) {
        const line = range.rowStart + row + 1;
        // A missing value (a null, or a null struct around it) reads as null in every message.
        batch.records.push(
          rowRecord(plan, (column) => (cells.get(column) as ArrayLike<unknown>)[row] ?? null, file, line),
        );
        batch.lines.push(line);
      }
      yield batch;
    }
  }
}

async function guard<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new InputError(file, `the Parquet data cannot be read (${messageOf(error)})`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
