import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';
import { jsonEntryLines } from './json-element-lines.js';
import { isEscaped } from './json-text.js';

/**
 * A Ragas result table as pandas writes it from `result.to_pandas()`: `to_csv` (with or without the
 * index column), `to_json` in any orientation (columns, the default; records; index; split; table),
 * `to_json(orient="records", lines=True)`, or `json.dump(df.to_dict("records"))`, which writes a
 * missing score as the bare word NaN. Cells keep their raw form (CSV: text); rows carry the line
 * they start on (1 where the file does not tell).
 */
export interface RagasTable {
  readonly columns: string[];
  readonly rows: unknown[][];
  readonly lines: number[];
}

export function parseRagasTable(text: string, file: string): RagasTable {
  if (/\.csv$/i.test(file)) return parseCsv(text, file);
  if (/\.(jsonl|ndjson)$/i.test(file))
    return fromRecords(
      text
        .split('\n')
        .flatMap((t, i) => (t.trim() === '' ? [] : [{ value: parsePythonJson(t, file, i + 1), line: i + 1 }])),
      file,
    );
  const value = parsePythonJson(text, file, undefined);
  if (Array.isArray(value)) {
    const lines = jsonEntryLines(text);
    return fromRecords(
      value.map((v, i) => ({ value: v, line: lines[i] ?? 1 })),
      file,
    );
  }
  if (value === null || typeof value !== 'object')
    throw new InputError(
      file,
      `expected a Ragas result table (pandas to_json of result.to_pandas()), got ${describe(value)}`,
    );
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.columns) && Array.isArray(o.data)) return fromSplit(o.columns, o.data, file);
  if (o.schema !== undefined && Array.isArray(o.data))
    return fromRecords(
      o.data.map((v) => ({ value: v, line: 1 })),
      file,
    );
  const members = Object.values(o);
  if (members.length === 0 || !members.every((m) => m !== null && typeof m === 'object' && !Array.isArray(m))) {
    throw new InputError(
      file,
      'expected pandas to_json output: a list of rows, {"<column>": {"<row>": value}}, {"<row>": {"<column>": value}} or {"columns", "data"}',
    );
  }
  // "columns" orientation has the column names outside; "index" orientation has them inside.
  const outer = Object.keys(o);
  const columnsOutside = outer.includes('user_input') || outer.includes('question');
  if (!columnsOutside)
    return fromRecords(
      members.map((v) => ({ value: v, line: 1 })),
      file,
    );
  const index = [...new Set(members.flatMap((m) => Object.keys(m as object)))];
  const rows = index.map((key) => outer.map((column) => (o[column] as Record<string, unknown>)[key] ?? null));
  return { columns: outer, rows, lines: index.map(() => 1) };
}

function parseCsv(text: string, file: string): RagasTable {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, { bom: true, info: true, skip_empty_lines: true }) as unknown as typeof parsed;
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    throw new InputError(
      file,
      `invalid CSV (${e.message ?? String(error)})`,
      e.lines === undefined ? {} : { line: e.lines },
    );
  }
  const [header, ...body] = parsed;
  if (header === undefined)
    throw new InputError(
      file,
      'the file is empty: expected a header row naming the columns (user_input, response, …, one column per metric)',
    );
  // csv-parse reports the line a record ends on; a record starts after the previous one ends.
  const lines = body.map((_, i) => (parsed[i]?.info.lines ?? 0) + 1);
  return { columns: header.record.map((c) => c.trim()), rows: body.map((r) => r.record), lines };
}

function fromSplit(columns: unknown[], data: unknown[], file: string): RagasTable {
  if (!columns.every((c) => typeof c === 'string'))
    throw new InputError(file, 'expected "columns" to list column names (strings)', { field: 'columns' });
  const bad = data.findIndex((row) => !Array.isArray(row) || row.length !== columns.length);
  if (bad !== -1)
    throw new InputError(file, `row ${bad}: expected an array of ${columns.length} cells (one per column)`, {
      field: `data[${bad}]`,
    });
  return { columns: columns, rows: data as unknown[][], lines: data.map(() => 1) };
}

function fromRecords(records: { value: unknown; line: number }[], file: string): RagasTable {
  const columns: string[] = [];
  records.forEach(({ value, line }, i) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new InputError(file, `row ${i}: expected an object of column values, got ${describe(value)}`, { line });
    }
    for (const key of Object.keys(value)) if (!columns.includes(key)) columns.push(key);
  });
  // A key absent from a row is read as missing, like pandas reads it back.
  const rows = records.map(({ value }) =>
    columns.map((c) => (Object.hasOwn(value as object, c) ? (value as Record<string, unknown>)[c] : null)),
  );
  return { columns, rows, lines: records.map((r) => r.line) };
}

/** JSON.parse, except that Python's bare NaN (json.dump of a missing score) reads as null. */
export function parsePythonJson(text: string, file: string, line: number | undefined): unknown {
  const cleaned = nanToNull(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  try {
    return JSON.parse(cleaned);
  } catch (error) {
    const infinite = /(?<![\w"])-?Infinity(?![\w"])/.test(cleaned)
      ? ' (Infinity is not a score: fix the metric that produced it)'
      : '';
    throw new InputError(
      file,
      `invalid JSON${infinite}: ${error instanceof Error ? error.message : String(error)}`,
      line === undefined ? {} : { line },
    );
  }
}

function nanToNull(text: string): string {
  if (!text.includes('NaN')) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      do i = text.indexOf('"', i + 1);
      while (i !== -1 && isEscaped(text, i));
      if (i === -1) break;
    } else if (
      c === 78 &&
      text.startsWith('NaN', i) &&
      !/\w/.test(text[i - 1] ?? '') &&
      !/\w/.test(text[i + 3] ?? '')
    ) {
      out += `${text.slice(from, i)}null`;
      from = i + 3;
      i += 2;
    }
  }
  return out + text.slice(from);
}
