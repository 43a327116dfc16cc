import { InputError } from '../errors.js';
import { TextSource, readLineBatches } from './text-source.js';

/** Parsed records of one batch: records[i] came from line lines[i]. */
export interface RecordBatch {
  readonly records: unknown[];
  readonly lines: number[];
}

/** Parses a JSONL file line by line; blank lines are allowed, anything else must be one JSON value. */
export async function* readJsonlRecords(source: TextSource): AsyncGenerator<RecordBatch> {
  for await (const { texts, firstLine } of readLineBatches(source)) {
    const records: unknown[] = [];
    const lines: number[] = [];
    for (let i = 0; i < texts.length; i++) {
      const line = firstLine + i;
      const raw = texts[i] as string;
      // A byte-order mark (some Windows tools write one) is not part of the first record.
      const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (text.length === 0 || text.trim().length === 0) continue;
      try {
        records.push(JSON.parse(text));
      } catch (error) {
        throw new InputError(source.path, invalidJsonMessage(text, error), { line });
      }
      lines.push(line);
    }
    if (records.length > 0) yield { records, lines };
  }
}

function invalidJsonMessage(text: string, error: unknown): string {
  // Python's json module writes NaN and Infinity, which JSON does not allow; name them, since a
  // missing score is the usual cause and it must not turn into a pass.
  if (/(?<![\w"])-?(?:NaN|Infinity)(?![\w"])/.test(text)) {
    return 'invalid JSON: NaN and Infinity are not numbers in JSON (a missing or infinite value cannot be judged; fix or drop the example explicitly)';
  }
  const reason = error instanceof Error ? error.message : String(error);
  return `invalid JSON (${reason}); expected one JSON object per line`;
}
