import { InputError } from '../errors.js';
import { readCsvRecords } from './csv-records.js';
import { RecordBatch, readJsonlRecords } from './jsonl-records.js';
import { TextSource } from './text-source.js';

export type EvalFileFormat = 'jsonl' | 'csv' | 'summary';

/** Chooses the reader from the file name: the formats are told apart by extension, never guessed from content. */
export function formatOf(path: string): EvalFileFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'summary';
  throw new InputError(
    path,
    'unknown eval file type: expected .jsonl or .ndjson (per-example JSON lines), .csv (per-example table) or .json (per-cohort summary)',
  );
}

export function readExampleRecords(source: TextSource, format: 'jsonl' | 'csv'): AsyncGenerator<RecordBatch> {
  return format === 'jsonl' ? readJsonlRecords(source) : readCsvRecords(source);
}

/** Calls visit for every record of a per-example file, in order, with its line number. */
export async function forEachExampleRecord(
  source: TextSource,
  format: 'jsonl' | 'csv',
  visit: (record: unknown, line: number) => void,
): Promise<void> {
  for await (const batch of readExampleRecords(source, format)) {
    for (let i = 0; i < batch.records.length; i++) visit(batch.records[i], batch.lines[i] as number);
  }
}
