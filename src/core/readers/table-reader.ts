import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';
import { checkRowPairing } from '../input/table-pairing.js';
import type { RecordBatch } from '../input/jsonl-records.js';
import { emptyNameRecord } from '../named-record.js';
import type { TextSource } from '../input/text-source.js';
import type { ColumnMapping, EvalReader } from './reader-types.js';

/**
 * Which column feeds which part of the gate's record. Check and metric names are kept apart from
 * their columns so a reader can offer the gate's own names (`checks.grounded` → check `grounded`).
 */
export interface TablePlan {
  /** Undefined: rows are paired by their order (inputs.pair_by: row), and a row's id is its number. */
  readonly id?: string | undefined;
  readonly label?: string | undefined;
  readonly prediction?: string | undefined;
  readonly correct?: string | undefined;
  /** Each value names a cohort: region=eu puts the row in `region:eu`. */
  readonly cohortColumns: readonly string[];
  /** A column that already lists cohort names (a list, or one string separated by `;`). */
  readonly cohortList?: string | undefined;
  readonly checks: readonly { readonly name: string; readonly column: string }[];
  readonly metrics: readonly { readonly name: string; readonly column: string }[];
}

export const MAPPING_HINT =
  '--columns "id=<column>,label=<column>,prediction=<column>" (or correct=, checks=a|b, metrics=a|b, cohorts=a|b)';

export const tableReader: EvalReader = {
  name: 'table',
  expects: `a CSV (or .tsv) table whose columns are named with ${MAPPING_HINT}`,
  accepts: ['mapping', 'pairByRow'],
  // Any CSV could be a table; it is chosen only by name or because a mapping was given.
  detect: () => false,
  async read(source, options) {
    if (options.mapping === undefined) {
      throw new InputError(source.path, `the table reader needs to know which column means what: pass ${MAPPING_HINT}`);
    }
    checkRowPairing(
      options.mapping.id !== undefined,
      options.pairBy,
      source.path,
      `--columns id=${options.mapping.id ?? ''}`,
    );
    return { kind: 'examples', records: readTable(source, planFromMapping(options.mapping)) };
  },
};

export function planFromMapping(mapping: ColumnMapping): TablePlan {
  if (
    mapping.label === undefined &&
    mapping.correct === undefined &&
    mapping.checks === undefined &&
    mapping.metrics === undefined
  ) {
    throw new InputError('--columns', 'nothing to measure: add label= and prediction=, correct=, checks= or metrics=');
  }
  const { cohorts = [], checks = [], metrics = [], ...columns } = mapping;
  const named = (column: string): { name: string; column: string } => ({ name: column, column });
  return { ...columns, cohortColumns: cohorts, checks: checks.map(named), metrics: metrics.map(named) };
}

/** Every column the plan reads, once each. */
export function planColumns(plan: TablePlan): string[] {
  const listed = [plan.id, plan.label, plan.prediction, plan.correct, plan.cohortList, ...plan.cohortColumns];
  const all = [...listed, ...plan.checks.map((c) => c.column), ...plan.metrics.map((m) => m.column)];
  return [...new Set(all.filter((column): column is string => column !== undefined))];
}

const BATCH = 1024;

async function* readTable(source: TextSource, plan: TablePlan): AsyncGenerator<RecordBatch> {
  const delimiter = source.path.toLowerCase().endsWith('.tsv') ? '\t' : ',';
  const parser = Readable.from(source.chunks()).pipe(
    parse({ bom: true, skip_empty_lines: true, info: true, delimiter }),
  );
  let columns: Map<string, number> | undefined;
  let batch: RecordBatch = { records: [], lines: [] };
  let rowNumber = 0;
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (columns === undefined) {
        columns = headerColumns(row.record, plan, source.path);
        continue;
      }
      const cells = row.record;
      const index = columns;
      rowNumber++;
      batch.records.push(
        rowRecord(plan, (column) => cells[index.get(column) as number], source.path, row.info.lines, rowNumber),
      );
      batch.lines.push(row.info.lines);
      if (batch.records.length === BATCH) {
        yield batch;
        batch = { records: [], lines: [] };
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const e = error as { message?: string; lines?: number };
    throw new InputError(
      source.path,
      `invalid CSV (${e.message ?? String(error)})`,
      e.lines === undefined ? {} : { line: e.lines },
    );
  }
  if (columns === undefined)
    throw new InputError(source.path, 'the file is empty: expected a header row naming the columns');
  if (batch.records.length > 0) yield batch;
}

function headerColumns(header: string[], plan: TablePlan, file: string): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => index.set(name.trim(), index.has(name.trim()) ? -1 : i));
  for (const column of planColumns(plan)) {
    const at = index.get(column);
    if (at === undefined) {
      throw new InputError(
        file,
        `the mapping names column "${column}", which the header does not have (it has: ${header.join(', ')})`,
        { line: 1, field: column },
      );
    }
    if (at === -1)
      throw new InputError(file, `column "${column}" appears twice in the header, so the mapping is ambiguous`, {
        line: 1,
        field: column,
      });
  }
  return index;
}

/**
 * Turns one row (cells fetched by column name) into the gate's per-example record. Without an id
 * column the id is `row` (the row's 1-based number among the data rows), for pairing by row order.
 */
export function rowRecord(
  plan: TablePlan,
  cell: (column: string) => unknown,
  file: string,
  line: number,
  row?: number,
): Record<string, unknown> {
  let id: string;
  if (plan.id !== undefined) id = toText(cell(plan.id), file, line, plan.id, false);
  else if (row !== undefined) id = String(row);
  else
    throw new InputError(file, 'the mapping names no id column: add id=<column> to --columns', { line, field: 'id' });
  const record: Record<string, unknown> = { id };
  const cohorts = plan.cohortList === undefined ? [] : cohortList(cell(plan.cohortList), file, line, plan.cohortList);
  for (const column of plan.cohortColumns) {
    const value = cell(column);
    // An empty cell puts the row in no cohort of that column; it still counts in `overall`.
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
    cohorts.push(`${column}:${toText(value, file, line, column, false).trim()}`);
  }
  record.cohorts = cohorts;
  if (plan.correct !== undefined) record.correct = toFlag(cell(plan.correct), file, line, plan.correct);
  // An empty label is a missing ground truth; compared with an empty prediction it would count as right.
  if (plan.label !== undefined) record.label = toText(cell(plan.label), file, line, plan.label, false);
  if (plan.prediction !== undefined)
    record.prediction = toText(cell(plan.prediction), file, line, plan.prediction, true);
  if (plan.checks.length > 0) {
    const checks = emptyNameRecord<boolean>();
    for (const { name, column } of plan.checks) checks[name] = toFlag(cell(column), file, line, column);
    record.checks = checks;
  }
  if (plan.metrics.length > 0) {
    const metrics = emptyNameRecord<number>();
    for (const { name, column } of plan.metrics) metrics[name] = toNumber(cell(column), file, line, column);
    record.metrics = metrics;
  }
  return record;
}

function cohortList(value: unknown, file: string, line: number, field: string): string[] {
  if (value === null || value === undefined) return [];
  const names =
    typeof value === 'string'
      ? value
          .split(';')
          .map((name) => name.trim())
          .filter((name) => name !== '')
      : value;
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string' || name === '')) {
    throw new InputError(
      file,
      `expected a list of cohort names (or one string separated by ";"), got ${describe(value)}`,
      { line, field },
    );
  }
  return [...(names as string[])];
}

const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

/** Pass/fail cells: booleans, 1/0, or the words true/false and yes/no (any case). */
function toFlag(value: unknown, file: string, line: number, field: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 1n) return true;
  if (value === 0 || value === 0n) return false;
  const word = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (word !== undefined && TRUE.has(word)) return true;
  if (word !== undefined && FALSE.has(word)) return false;
  throw new InputError(file, `expected true/false, 1/0 or yes/no, got ${describe(value)}`, { line, field });
}

/** Numbers must be finite: an empty cell or NaN is a missing score, which cannot count as any value. */
function toNumber(value: unknown, file: string, line: number, field: string): number {
  let number = Number.NaN;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'bigint') number = Number(value);
  else if (typeof value === 'string' && value.trim() !== '') number = Number(value.trim());
  if (!Number.isFinite(number))
    throw new InputError(file, `expected a finite number, got ${describe(value)}`, { line, field });
  return number;
}

function toText(value: unknown, file: string, line: number, field: string, emptyAllowed: boolean): string {
  if (typeof value === 'string' && (emptyAllowed || value.trim() !== '')) return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  throw new InputError(file, `expected ${emptyAllowed ? 'a' : 'a non-empty'} text or number, got ${describe(value)}`, {
    line,
    field,
  });
}

const SINGLE_KEYS = ['id', 'label', 'prediction', 'correct'] as const;
const LIST_KEYS = ['cohorts', 'checks', 'metrics'] as const;

/**
 * Parses --columns: `key=column` pairs separated by commas; cohorts, checks and metrics take several
 * columns separated by `|` (or the key repeated). Example: `id=row_id,label=y,prediction=y_hat,cohorts=region|lang`.
 */
export function parseColumnMapping(text: string): ColumnMapping {
  const fail = (problem: string, field?: string): never => {
    throw new InputError('--columns', problem, field === undefined ? {} : { field });
  };
  const single = new Map<string, string>();
  const lists = new Map<string, string[]>();
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const eq = entry.indexOf('=');
    const key = eq === -1 ? entry : entry.slice(0, eq).trim();
    if (!(SINGLE_KEYS as readonly string[]).includes(key) && !(LIST_KEYS as readonly string[]).includes(key)) {
      fail(
        `unknown key "${key}": expected ${[...SINGLE_KEYS, ...LIST_KEYS].join(', ')} (as key=column, e.g. id=row_id)`,
        key,
      );
    }
    const columns =
      eq === -1
        ? []
        : entry
            .slice(eq + 1)
            .split('|')
            .map((column) => column.trim());
    if (columns.length === 0 || columns.includes('')) fail(`"${entry}" names no column: expected ${key}=<column>`, key);
    if ((SINGLE_KEYS as readonly string[]).includes(key)) {
      if (single.has(key)) fail(`${key} is given twice`, key);
      if (columns.length > 1) fail(`${key} takes one column, got ${columns.join(' and ')}`, key);
      single.set(key, columns[0] as string);
    } else {
      const listed = lists.get(key) ?? [];
      for (const column of columns)
        listed.push(listed.includes(column) ? fail(`${key} lists column "${column}" twice`, key) : column);
      lists.set(key, listed);
    }
  }
  // No id is allowed here: the policy may pair rows by order (checked when the file is read).
  const id = single.get('id');
  const [label, prediction, correct] = [single.get('label'), single.get('prediction'), single.get('correct')];
  if (prediction !== undefined && (label === undefined || correct !== undefined)) {
    fail(
      correct === undefined
        ? 'prediction needs label=<column> to compare with'
        : 'give either correct= or label= and prediction=, not both',
      'prediction',
    );
  }
  if (label !== undefined && prediction === undefined && correct === undefined)
    fail('label needs prediction=<column> (or correct=<column>)', 'label');
  // An id alone is a whole mapping for readers that find the outcomes themselves (promptfoo's
  // id=vars.<name>); a table needs something to measure, which planFromMapping checks.
  return {
    id,
    label,
    prediction,
    correct,
    cohorts: lists.get('cohorts'),
    checks: lists.get('checks'),
    metrics: lists.get('metrics'),
  };
}
