import { readCsvRecords } from '../input/csv-records.js';
import { parseJsonLine } from '../input/jsonl-records.js';
import { readLineBatches } from '../input/text-source.js';
import type { EvalReader } from './reader-types.js';

/** The gate's own per-example JSON lines (see docs/formats-and-readers.md). */
export const jsonlReader: EvalReader = {
  name: 'jsonl',
  expects:
    'the gate\'s per-example JSON lines (.jsonl/.ndjson): {"id", "cohorts", "label"+"prediction" or "correct", "checks", "metrics"}',
  detect: ({ path }) => /\.(jsonl|ndjson)$/i.test(path),
  read: async (source) => ({
    kind: 'examples',
    records: (async function* () {
      for await (const { texts, firstLine } of readLineBatches(source)) {
        const records: unknown[] = [];
        const lines: number[] = [];
        texts.forEach((text, i) => {
          const record = parseJsonLine(text, firstLine + i, source.path);
          if (record === undefined) return;
          records.push(record);
          lines.push(firstLine + i);
        });
        if (records.length > 0) yield { records, lines };
      }
    })(),
  }),
};

/** The gate's own per-example CSV: the JSONL fields as columns, `checks.<name>`, `metrics.<name>`. */
export const csvReader: EvalReader = {
  name: 'csv',
  expects:
    "the gate's per-example CSV (.csv) with an id column and label/prediction or correct, checks.<name>, metrics.<name>",
  accepts: ['pairByRow'],
  // A header of the gate's own column names without `id` is still this format: reading it then says
  // how to pair its rows (by an id column, or by row order).
  detect: ({ path, head }) => /\.csv$/i.test(path) && isGateHeader(headerColumns(head)),
  read: async (source, options) => ({ kind: 'examples', records: readCsvRecords(source, options.pairBy) }),
};

/** The first line's column names, unquoted (enough to recognize a header; csv-parse reads the file). */
function headerColumns(head: string): string[] {
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  return first.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

function isGateHeader(columns: readonly string[]): boolean {
  if (columns.includes('id')) return true;
  const known = columns.every(
    (c) => ['cohorts', 'label', 'prediction', 'correct'].includes(c) || /^(checks|metrics)\.[^.]+$/.test(c),
  );
  return (
    known &&
    (columns.includes('correct') || columns.includes('label') || columns.some((c) => /^(checks|metrics)\./.test(c)))
  );
}
