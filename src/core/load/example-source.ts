import { readCsvRecords } from '../input/csv-records.js';
import { parseJsonLine } from '../input/jsonl-records.js';
import { TextSource, readLineBatches } from '../input/text-source.js';

/** Calls visit for every record of a per-example file, in order, with its line number. */
export async function forEachExampleRecord(
  source: TextSource,
  format: 'jsonl' | 'csv',
  visit: (record: unknown, line: number) => void,
  pairBy?: 'id' | 'row',
): Promise<void> {
  if (format === 'csv') {
    for await (const batch of readCsvRecords(source, pairBy)) {
      for (let i = 0; i < batch.records.length; i++) visit(batch.records[i], batch.lines[i] as number);
    }
    return;
  }
  for await (const { texts, firstLine } of readLineBatches(source)) {
    for (let i = 0; i < texts.length; i++) {
      const line = firstLine + i;
      const record = parseJsonLine(texts[i] as string, line, source.path);
      if (record !== undefined) visit(record, line);
    }
  }
}
