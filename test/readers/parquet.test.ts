import { readFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { CohortRegistry } from '../../src/core/load/cohort-registry.js';
import { layoutFromFirstRecord } from '../../src/core/input/example-layout.js';
import { createParsedExample, parseExampleRecord } from '../../src/core/load/example-record.js';
import type { TextSource } from '../../src/core/input/text-source.js';
import type { ByteSource } from '../../src/core/readers/byte-source.js';
import { parquetReader } from '../../src/core/readers/parquet-reader.js';
import type { ColumnMapping } from '../../src/core/readers/reader-types.js';
import { memorySource } from '../helpers/memory-source.js';
import { expectInputError } from '../helpers/input-error.js';

const DIR = 'test/fixtures/readers/parquet';

/** A source as a file adapter would give it: the text side is unused, the bytes are the file. */
function byteSource(path: string, bytes: Uint8Array): TextSource & ByteSource {
  return {
    path,
    // eslint-disable-next-line require-yield -- a Parquet file is never read as text
    async *chunks() {
      throw new Error('a Parquet file must not be read as text');
    },
    sha256: () => 'unused',
    bytes: () => Promise.resolve(bytes),
  };
}

const fixture = (name: string): TextSource & ByteSource =>
  byteSource(`${DIR}/${name}`, new Uint8Array(readFileSync(`${DIR}/${name}`)));

/** Reads with the reader, then checks every record with the gate's own validator. */
async function read(source: TextSource & ByteSource, mapping?: ColumnMapping) {
  const output = await parquetReader.read(source, { mapping });
  if (output.kind !== 'examples') throw new Error('expected examples');
  const all: { record: Record<string, unknown>; line: number }[] = [];
  let batches = 0;
  for await (const batch of output.records) {
    batches++;
    batch.records.forEach((record, i) =>
      all.push({ record: record as Record<string, unknown>, line: batch.lines[i] as number }),
    );
  }
  const layout = layoutFromFirstRecord(all[0]?.record ?? {}, source.path, 1);
  const parsed = createParsedExample(layout);
  for (const { record, line } of all)
    parseExampleRecord(record, layout, new CohortRegistry(), parsed, source.path, line);
  return { all, batches };
}

const errorOf = expectInputError;

const jsonlRecords = (path: string): unknown[] =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .slice(0, 12)
    .map((line) => JSON.parse(line) as unknown);

const write = (
  columnData: Parameters<typeof parquetWriteBuffer>[0]['columnData'],
  extra: Partial<Parameters<typeof parquetWriteBuffer>[0]> = {},
): Uint8Array => new Uint8Array(parquetWriteBuffer({ columnData, ...extra }));

describe('parquet reader: detect', () => {
  it('goes by the .parquet extension', () => {
    expect(parquetReader.detect({ path: `${DIR}/incumbent.parquet`, head: 'PAR1' })).toBe(true);
    expect(parquetReader.detect({ path: 'EVAL.PARQUET', head: '' })).toBe(true);
    expect(parquetReader.detect({ path: 'eval.csv', head: 'PAR1' })).toBe(false);
    expect(parquetReader.detect({ path: 'eval.parquet.json', head: '{}' })).toBe(false);
  });
});

describe('parquet reader: read', () => {
  it("reads the gate's own columns (list cohorts, struct checks and metrics) as the JSONL records they came from", async () => {
    const { all, batches } = await read(fixture('incumbent.parquet'));
    // The fixture has row groups of 5, 5 and 2 rows: one batch each.
    expect(batches).toBe(3);
    expect(all.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(all.map((r) => r.record)).toEqual(jsonlRecords('examples/incumbent.jsonl'));
    expect(all[0]?.record).toEqual({
      id: 'txn-00000',
      cohorts: ['region:latam', 'lang:is', 'channel:web'],
      label: 'legit',
      prediction: 'fraud',
      checks: { calibrated: true },
      metrics: { latency_ms: 106.1 },
    });
    const candidate = await read(fixture('candidate.parquet'));
    expect(candidate.all.map((r) => r.record)).toEqual(jsonlRecords('examples/candidate.jsonl'));
  });

  it('reads typed columns through a mapping: integer ids, 0/1 checks, cohorts from values', async () => {
    const bytes = write([
      { name: 'row_id', data: [7n, 8n], type: 'INT64' },
      { name: 'y_true', data: ['a', 'b'], type: 'STRING' },
      { name: 'y_pred', data: ['a', 'a'], type: 'STRING' },
      { name: 'region', data: ['eu', null], type: 'STRING' },
      { name: 'grounded', data: [1, 0], type: 'INT32' },
      { name: 'cost', data: [0.5, 2], type: 'DOUBLE' },
      { name: 'unused', data: ['x', 'y'], type: 'STRING' },
    ]);
    const mapping = {
      id: 'row_id',
      label: 'y_true',
      prediction: 'y_pred',
      cohorts: ['region'],
      checks: ['grounded'],
      metrics: ['cost'],
    };
    const { all } = await read(byteSource('m.parquet', bytes), mapping);
    expect(all.map((r) => r.record)).toEqual([
      {
        id: '7',
        cohorts: ['region:eu'],
        label: 'a',
        prediction: 'a',
        checks: { grounded: true },
        metrics: { cost: 0.5 },
      },
      { id: '8', cohorts: [], label: 'b', prediction: 'a', checks: { grounded: false }, metrics: { cost: 2 } },
    ]);
  });

  it('accepts flat checks.<name> columns and a ;-separated cohorts string, and ignores the pandas index', async () => {
    const bytes = write([
      { name: 'id', data: ['a', 'b'], type: 'STRING' },
      { name: 'cohorts', data: ['x;y', ''], type: 'STRING' },
      { name: 'correct', data: [true, false], type: 'BOOLEAN' },
      { name: 'checks.safe', data: [false, true], type: 'BOOLEAN' },
      { name: '__index_level_0__', data: [10n, 11n], type: 'INT64' },
    ]);
    const { all } = await read(byteSource('f.parquet', bytes));
    expect(all.map((r) => r.record)).toEqual([
      { id: 'a', cohorts: ['x', 'y'], correct: true, checks: { safe: false } },
      { id: 'b', cohorts: [], correct: false, checks: { safe: true } },
    ]);
  });

  it('streams large files in batches, row group by row group', async () => {
    const n = 2500;
    const bytes = write(
      [
        { name: 'id', data: Array.from({ length: n }, (_, i) => `r${i}`), type: 'STRING' },
        { name: 'metrics.ms', data: Array.from({ length: n }, (_, i) => i / 2), type: 'DOUBLE' },
      ],
      { rowGroupSize: 2000 },
    );
    const { all, batches } = await read(byteSource('big.parquet', bytes));
    expect(batches).toBe(3); // 2000 rows as 1024 + 976, then 500
    expect(all).toHaveLength(n);
    expect(all[n - 1]).toEqual({ line: n, record: { id: `r${n - 1}`, cohorts: [], metrics: { ms: (n - 1) / 2 } } });
  });
});

describe('parquet reader: errors', () => {
  it('names the row (as its line) and field of a missing metric', async () => {
    const error = await errorOf(() => read(fixture('malformed.parquet')));
    expect(error.file).toBe(`${DIR}/malformed.parquet`);
    expect(error.line).toBe(7);
    expect(error.field).toBe('metrics.latency_ms');
    expect(error.problem).toBe('expected a finite number, got null');
  });

  it('needs the bytes of the file, and a Parquet file', async () => {
    const text = await errorOf(() => parquetReader.read(memorySource('x.parquet', 'id\n1\n'), {}));
    expect(text.problem).toMatch(/must be handed to the reader as bytes/);
    const csv = await errorOf(() => read(byteSource('x.parquet', new TextEncoder().encode('id,correct\n1,true\n'))));
    expect(csv.problem).toMatch(/not a Parquet file: expected the "PAR1" marker/);
  });

  it('names unknown columns, and mapped columns the file lacks', async () => {
    const bytes = write([
      { name: 'id', data: ['a'], type: 'STRING' },
      { name: 'score', data: [1], type: 'DOUBLE' },
    ]);
    const unknown = await errorOf(() => read(byteSource('u.parquet', bytes)));
    expect([unknown.field, unknown.problem]).toEqual([
      'score',
      expect.stringMatching(/unknown column "score": expected id, cohorts/),
    ]);
    const missing = await errorOf(() => read(byteSource('u.parquet', bytes), { id: 'id', metrics: ['latency'] }));
    expect([missing.field, missing.problem]).toEqual([
      'latency',
      'the mapping names column "latency", which the file does not have (it has: id, score)',
    ]);
    const noId = await errorOf(() =>
      read(byteSource('u.parquet', write([{ name: 'correct', data: [true], type: 'BOOLEAN' }]))),
    );
    expect(noId.problem).toMatch(/no "id" column/);
  });

  it('names a codec it cannot decompress instead of failing inside it', async () => {
    const bytes = write([{ name: 'id', data: ['a'], type: 'STRING' }], {
      codec: 'ZSTD',
      compressors: { ZSTD: (input: Uint8Array) => input },
    });
    const error = await errorOf(() => read(byteSource('z.parquet', bytes)));
    expect([error.field, error.problem]).toEqual([
      'id',
      expect.stringMatching(/compressed with ZSTD, which this reader cannot decompress: write the file with Snappy/),
    ]);
  });
});
