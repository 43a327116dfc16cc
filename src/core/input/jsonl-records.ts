import { InputError } from '../errors.js';

/** Parsed records of one batch: records[i] came from line lines[i]. */
export interface RecordBatch {
  readonly records: unknown[];
  readonly lines: number[];
}

/**
 * Parses one JSONL line; undefined for a blank line. Parsing happens right where the record is used,
 * so each parsed object dies young (a batch of parsed objects would outlive a garbage collection).
 */
export function parseJsonLine(raw: string, line: number, file: string): unknown {
  // A byte-order mark (some Windows tools write one) is not part of the first record.
  const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.length === 0 || text.trim().length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(file, invalidJsonMessage(text, error), { line });
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
