import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { InputError } from '../errors.js';
import { RecordBatch } from './jsonl-records.js';
import { MAX_LINE_LENGTH, TextSource } from './text-source.js';
import { emptyNameRecord } from '../named-record.js';
import { checkRowPairing } from './table-pairing.js';

/**
 * Reads a per-example CSV and reshapes each row into the JSONL record shape, so one validator serves
 * both formats: `cohorts` is split on `;`, `checks.<name>` and `metrics.<name>` become nested objects.
 */
export async function* readCsvRecords(source: TextSource, pairBy?: 'id' | 'row'): AsyncGenerator<RecordBatch> {
  const parser = Readable.from(source.chunks()).pipe(
    // The same cap as for a JSONL line: a missing closing quote would otherwise swallow the rest of the file.
    parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      info: true,
      max_record_size: MAX_LINE_LENGTH,
    }),
  );
  let header: string[] | undefined;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = record.info.lines;
      if (header === undefined) {
        header = validateHeader(record.record, source.path, pairBy);
        continue;
      }
      const parsed = rowToRecord(header, record.record, source.path, line);
      // Pairing by row order: the id is the row's number among the data rows (see validateHeader).
      if (pairBy === 'row') parsed.id = String(++row);
      yield { records: [parsed], lines: [line] };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const e = error as { message?: string; lines?: number; code?: string };
    const problem =
      e.code?.startsWith('CSV_RECORD_INCONSISTENT') === true || e.code === 'CSV_INCONSISTENT_RECORD_LENGTH'
        ? `wrong number of columns: ${columnCounts(e.message, header)}`
        : e.code === 'CSV_MAX_RECORD_SIZE'
          ? 'a record longer than 16 MiB: is a closing quote missing, or is this file not CSV?'
          : `invalid CSV (${e.message ?? String(error)})`;
    throw new InputError(source.path, problem, e.lines === undefined ? {} : { line: e.lines });
  }
}

const PLAIN_COLUMNS = new Set(['id', 'cohorts', 'label', 'prediction', 'correct']);

function validateHeader(columns: string[], file: string, pairBy: 'id' | 'row' | undefined): string[] {
  const seen = new Set<string>();
  for (const column of columns) {
    const known = PLAIN_COLUMNS.has(column) || /^(checks|metrics)\.[^.]+$/.test(column);
    if (!known) {
      throw new InputError(
        file,
        `unknown column "${column}": expected id, cohorts, label, prediction, correct, checks.<name> or metrics.<name>`,
        { line: 1, field: column },
      );
    }
    if (seen.has(column)) throw new InputError(file, `column "${column}" appears twice`, { line: 1, field: column });
    seen.add(column);
  }
  checkRowPairing(seen.has('id'), pairBy, file, 'the `id` column', 1);
  return columns;
}

function rowToRecord(header: string[], cells: string[], file: string, line: number): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let i = 0; i < header.length; i++) {
    const column = header[i] as string;
    const cell = cells[i] ?? '';
    if (column === 'cohorts') {
      record.cohorts = cell === '' ? [] : cell.split(';').map((name) => name.trim());
    } else if (column === 'correct') {
      record.correct = parseCsvBoolean(cell, file, line, column);
    } else if (column.startsWith('checks.')) {
      nested(record, 'checks')[column.slice(7)] = parseCsvBoolean(cell, file, line, column);
    } else if (column.startsWith('metrics.')) {
      nested(record, 'metrics')[column.slice(8)] = parseCsvNumber(cell, file, line, column);
    } else {
      record[column] = cell;
    }
  }
  return record;
}

function nested(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const existing = record[key];
  if (existing !== undefined) return existing as Record<string, unknown>;
  // No prototype: a `checks.__proto__` column must be an ordinary check, not a prototype change.
  const created = emptyNameRecord<unknown>();
  record[key] = created;
  return created;
}

function parseCsvBoolean(cell: string, file: string, line: number, field: string): boolean {
  const value = cell.trim().toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new InputError(file, `expected true/false (or 1/0), got ${JSON.stringify(cell)}`, { line, field });
}

function parseCsvNumber(cell: string, file: string, line: number, field: string): number {
  const trimmed = cell.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) {
    throw new InputError(file, `expected a finite number, got ${JSON.stringify(cell)}`, { line, field });
  }
  return value;
}

/** The parser may fail before the header row reaches us, so take the counts from its message when needed. */
function columnCounts(message: string | undefined, header: string[] | undefined): string {
  const counts = /expect (\d+), got (\d+)/.exec(message ?? '');
  const expected = header?.length ?? counts?.[1] ?? '?';
  return `expected ${expected} as in the header${counts?.[2] === undefined ? '' : `, got ${counts[2]}`}`;
}
