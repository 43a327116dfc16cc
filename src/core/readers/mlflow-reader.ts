import { InputError } from '../errors.js';
import { describe } from '../load/example-layout.js';
import type { RecordBatch } from '../load/jsonl-records.js';
import { readAll } from '../load/text-source.js';
import type { ColumnMapping, EvalReader, FileProbe, ReaderOutput } from './reader-types.js';
import { isEscaped, stripBom } from './json-text.js';

/**
 * Reads the per-row table `mlflow.evaluate()` logs as `eval_results_table.json`: pandas' "split"
 * orientation, {"columns": [...], "data": [[...], ...]}. Its columns are the dataset's own columns,
 * the target (`targets=`, else "target"), the predictions ("outputs" by default), then one column per
 * per-row metric: "<name>/<version>/score" (and "/justification"), except token_count and latency,
 * which keep their bare names. Every row becomes one per-example record.
 */

const HEAD = /^\s*\{\s*"columns"\s*:\s*\[\s*(?:"(?:[^"\\]|\\.)*"\s*(?:,\s*"(?:[^"\\]|\\.)*"\s*)*)?\]\s*,\s*"(?:data|index)"\s*:\s*\[/;
const TARGET_COLUMNS = ['target', 'label', 'ground_truth'];
const PREDICTION_COLUMNS = ['outputs', 'prediction', 'predictions'];
/** Per-row metrics MLflow logs without the "/score" suffix. */
const BARE_METRIC_COLUMNS = ['token_count', 'latency'];
const BATCH = 1024;

export const mlflowReader: EvalReader = {
  name: 'mlflow-table',
  expects: 'an MLflow evaluation table (eval_results_table.json: {"columns": [...], "data": [[...], ...]})',
  detect: (probe: FileProbe) => /\.json$/i.test(probe.path) && HEAD.test(stripBom(probe.head)),
  async read(source, options): Promise<ReaderOutput> {
    const text = stripBom(await readAll(source));
    const table = parseTable(text, source.path);
    const plan = planColumns(table, options.mapping, source.path);
    const lines = rowLines(text);
    return { kind: 'examples', records: toBatches(table, plan, lines, source.path) };
  },
};

interface Table {
  readonly columns: string[];
  readonly rows: unknown[][];
}

/** Column indices per role; `classes`: label and prediction name classes (label cohorts), else free text. */
interface Plan {
  readonly id: number | undefined;
  readonly label: number | undefined;
  readonly prediction: number | undefined;
  readonly classes: boolean;
  readonly correct: number | undefined;
  readonly cohorts: number[];
  readonly checks: [string, number][];
  readonly metrics: [string, number][];
}

function parseTable(text: string, file: string): Table {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const nan = /(?<![\w"])-?(?:NaN|Infinity)(?![\w"])/.test(text) ? ' (NaN is not JSON: a missing score cannot be judged)' : '';
    throw new InputError(file, `invalid JSON${nan}: ${error instanceof Error ? error.message : String(error)}; expected the eval_results_table.json that mlflow.evaluate() logs`);
  }
  const object = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (object === undefined) throw new InputError(file, `expected {"columns": [...], "data": [...]}, got ${describe(value)}`);
  // pandas' split orientation may also carry the frame's index; it numbers rows and means nothing else.
  const extra = Object.keys(object).find((key) => key !== 'columns' && key !== 'data' && key !== 'index');
  if (extra !== undefined) throw new InputError(file, `unexpected key "${extra}": expected only "columns" and "data" (pandas' split orientation)`, { field: extra });
  const { columns, data } = object;
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) {
    throw new InputError(file, 'expected "columns" to be an array of column names (strings)', { field: 'columns' });
  }
  const twice = columns.find((column, i) => columns.indexOf(column) !== i);
  if (twice !== undefined) throw new InputError(file, `column "${twice}" appears twice: expected unique column names`, { field: 'columns' });
  if (!Array.isArray(data)) throw new InputError(file, 'expected "data" to be an array of rows', { field: 'data' });
  if (data.length === 0) throw new InputError(file, 'the table has no rows: expected one row per evaluated example', { field: 'data' });
  const bad = data.findIndex((row) => !Array.isArray(row) || row.length !== columns.length);
  if (bad !== -1) {
    const row: unknown = data[bad];
    const got = Array.isArray(row) ? `${row.length} cells` : describe(row);
    throw new InputError(file, `row ${bad}: expected an array of ${columns.length} cells (one per column), got ${got}`, { field: `data[${bad}]` });
  }
  return { columns, rows: data as unknown[][] };
}

function planColumns(table: Table, mapping: ColumnMapping | undefined, file: string): Plan {
  const { columns, rows } = table;
  const index = (name: string, role: string): number => {
    const i = columns.indexOf(name);
    if (i === -1) throw new InputError(file, `the mapping names ${role} column "${name}", but the table has no such column (columns: ${columns.join(', ')})`, { field: 'columns' });
    return i;
  };
  const found = (names: readonly string[]) => names.map((n) => columns.indexOf(n)).find((i) => i !== -1);
  const id = mapping === undefined ? found(['id']) : index(mapping.id, 'the id');
  const label = mapping?.label !== undefined ? index(mapping.label, 'the label') : found(TARGET_COLUMNS);
  const prediction = mapping?.prediction !== undefined ? index(mapping.prediction, 'the prediction') : found(PREDICTION_COLUMNS);
  const correct = mapping?.correct !== undefined ? index(mapping.correct, 'the correct') : undefined;
  const cohorts = (mapping?.cohorts ?? []).map((c) => index(c, 'a cohort'));

  let checks: [string, number][];
  let metrics: [string, number][];
  if (mapping?.metrics !== undefined || mapping?.checks !== undefined) {
    // Named columns replace the automatic choice, so a noisy score can be left out.
    checks = (mapping.checks ?? []).map((c) => [metricName(c), index(c, 'a check')]);
    metrics = (mapping.metrics ?? []).map((c) => [metricName(c), index(c, 'a metric')]);
  } else {
    checks = [];
    metrics = [];
    columns.forEach((column, i) => {
      if (!column.endsWith('/score') && !BARE_METRIC_COLUMNS.includes(column)) return;
      // A score column of true/false is a pass/fail check; anything else must be numbers (checked per row).
      const first = rows[0]?.[i];
      (typeof first === 'boolean' ? checks : metrics).push([metricName(column), i]);
    });
  }
  const hasPair = label !== undefined && prediction !== undefined;
  if (!hasPair && correct === undefined && checks.length === 0 && metrics.length === 0) {
    throw new InputError(
      file,
      `nothing to compare: expected per-row metric columns ("<metric>/<version>/score", token_count, latency), a target and a prediction column (${TARGET_COLUMNS.join('/')} and ${PREDICTION_COLUMNS.join('/')}), or a mapping naming them`,
      { field: 'columns' },
    );
  }
  // An auto-detected target is usually free text (the table is only logged for per-row text metrics),
  // so it is compared as an exact match; one label cohort per distinct answer would drown the report.
  // A mapping that names the label says it holds classes, which then become label cohorts.
  const classes = mapping?.label !== undefined && correct === undefined;
  return { id, label: hasPair ? label : undefined, prediction: hasPair ? prediction : undefined, classes, correct, cohorts, checks, metrics };
}

/** "toxicity/v1/score" → "toxicity_v1_score": the gate's metric names do not use slashes. */
function metricName(column: string): string {
  return column.replaceAll('/', '_');
}

async function* toBatches(table: Table, plan: Plan, lines: number[], file: string): AsyncGenerator<RecordBatch> {
  const { columns, rows } = table;
  for (let start = 0; start < rows.length; start += BATCH) {
    const records: unknown[] = [];
    const batchLines: number[] = [];
    for (let r = start; r < Math.min(rows.length, start + BATCH); r++) {
      const row = rows[r] as unknown[];
      const line = lines[r] ?? 1;
      const cell = (i: number, expected: string, ok: (v: unknown) => boolean): unknown => {
        const v = row[i];
        if (!ok(v)) {
          throw new InputError(file, `row ${r}, column "${columns[i]}": expected ${expected}, got ${describe(v)} (every row must give every value the file uses)`, {
            line,
            field: `data[${r}][${i}]`,
          });
        }
        return v;
      };
      const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
      const record: Record<string, unknown> = { id: plan.id === undefined ? r : cell(plan.id, 'a non-empty id', (v) => v !== '' && scalar(v)) };
      if (plan.cohorts.length > 0) record.cohorts = plan.cohorts.map((i) => `${columns[i]}:${String(cell(i, 'a cohort value', scalar))}`);
      if (plan.correct !== undefined) record.correct = cell(plan.correct, 'true or false', (v) => typeof v === 'boolean');
      if (plan.label !== undefined && plan.prediction !== undefined) {
        const label = cell(plan.label, 'a target value', scalar);
        const prediction = cell(plan.prediction, 'a prediction', scalar);
        if (plan.classes) Object.assign(record, { label, prediction });
        else if (plan.correct === undefined) record.correct = String(label) === String(prediction);
      }
      if (plan.checks.length > 0) record.checks = Object.fromEntries(plan.checks.map(([name, i]) => [name, cell(i, 'true or false', (v) => typeof v === 'boolean')]));
      if (plan.metrics.length > 0) {
        record.metrics = Object.fromEntries(plan.metrics.map(([name, i]) => [name, cell(i, 'a finite number', (v) => typeof v === 'number' && Number.isFinite(v))]));
      }
      records.push(record);
      batchLines.push(line);
    }
    yield { records, lines: batchLines };
  }
}

/**
 * The line on which each row starts, found by walking the (already validated) JSON text: pandas
 * writes the table on one line, but a re-indented file should still point at the right row. "columns"
 * and "index" hold only scalars, so every array opened directly inside a top-level array is a row.
 */
function rowLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      do i = text.indexOf('"', i + 1);
      while (isEscaped(text, i));
    } else if (c === 123 || c === 91) {
      if (c === 91 && depth === 2) lines.push(line);
      depth++;
    } else if (c === 125 || c === 93) depth--;
  }
  return lines;
}
