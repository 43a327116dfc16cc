import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';
import { checkRowPairing } from '../input/table-pairing.js';
import { readAll } from '../input/text-source.js';
import { emptyTally } from './reader-types.js';
import type { ColumnMapping, EvalReader, FileProbe, ReaderOptions, ReaderOutput } from './reader-types.js';
import { stripBom } from './json-text.js';
import { jsonEntryLines } from './json-element-lines.js';
import { type MlflowPlan, type MlflowTable, toBatches } from './mlflow-rows.js';

/**
 * Reads the per-row table `mlflow.evaluate()` logs as `eval_results_table.json`: pandas' "split"
 * orientation, {"columns": [...], "data": [[...], ...]}. Its columns are the dataset's own columns,
 * the target (`targets=`, else "target"), the predictions ("outputs" by default), then one column per
 * per-row metric: "<name>/<version>/score" (and "/justification"), except token_count and latency,
 * which keep their bare names. Every row becomes one per-example record.
 *
 * A row is identified by the `id` column (or the mapped one); without one, by the text of its input
 * column (`inputs`, …), so the two tables pair by what was asked, not by position; with the policy's
 * `inputs.pair_by: row`, by row number. A null score (a scorer or LLM judge that failed on the row)
 * follows `inputs.missing_values` (see missing-values.ts) and is counted in the output's tally.
 */

const HEAD =
  /^\s*\{\s*"columns"\s*:\s*\[\s*(?:"(?:[^"\\]|\\.)*"\s*(?:,\s*"(?:[^"\\]|\\.)*"\s*)*)?\]\s*,\s*"(?:data|index)"\s*:\s*\[/;
const TARGET_COLUMNS = ['target', 'label', 'ground_truth'];
const PREDICTION_COLUMNS = ['outputs', 'prediction', 'predictions'];
/** Dataset columns that hold the example's input text, in the order MLflow's own examples name them. */
const INPUT_COLUMNS = ['inputs', 'input', 'question', 'prompt', 'query'];
/** Per-row metrics MLflow logs without the "/score" suffix. */
const BARE_METRIC_COLUMNS = ['token_count', 'latency'];

export const mlflowReader: EvalReader = {
  name: 'mlflow-table',
  expects: 'an MLflow evaluation table (eval_results_table.json: {"columns": [...], "data": [[...], ...]})',
  accepts: ['mapping', 'pairByRow'],
  detect: (probe: FileProbe) => /\.json$/i.test(probe.path) && HEAD.test(stripBom(probe.head)),
  async read(source, options): Promise<ReaderOutput> {
    const text = stripBom(await readAll(source));
    const table = parseTable(text, source.path);
    const plan = planColumns(table, options, source.path);
    const tally = emptyTally();
    return {
      kind: 'examples',
      records: toBatches(table, plan, jsonEntryLines(text, 'data'), source.path, options.missingValues, tally),
      tally,
    };
  },
};

type Table = MlflowTable;
type Plan = MlflowPlan;

function parseTable(text: string, file: string): Table {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const nan = /(?<![\w"])-?(?:NaN|Infinity)(?![\w"])/.test(text)
      ? ' (NaN is not JSON: a missing score cannot be judged)'
      : '';
    throw new InputError(
      file,
      `invalid JSON${nan}: ${error instanceof Error ? error.message : String(error)}; expected the eval_results_table.json that mlflow.evaluate() logs`,
    );
  }
  const object =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  if (object === undefined)
    throw new InputError(file, `expected {"columns": [...], "data": [...]}, got ${describe(value)}`);
  // pandas' split orientation may also carry the frame's index; it numbers rows and means nothing else.
  const extra = Object.keys(object).find((key) => key !== 'columns' && key !== 'data' && key !== 'index');
  if (extra !== undefined)
    throw new InputError(
      file,
      `unexpected key "${extra}": expected only "columns" and "data" (pandas' split orientation)`,
      { field: extra },
    );
  const { columns, data } = object;
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) {
    throw new InputError(file, 'expected "columns" to be an array of column names (strings)', { field: 'columns' });
  }
  const twice = columns.find((column, i) => columns.indexOf(column) !== i);
  if (twice !== undefined)
    throw new InputError(file, `column "${twice}" appears twice: expected unique column names`, { field: 'columns' });
  if (!Array.isArray(data)) throw new InputError(file, 'expected "data" to be an array of rows', { field: 'data' });
  if (data.length === 0)
    throw new InputError(file, 'the table has no rows: expected one row per evaluated example', { field: 'data' });
  const bad = data.findIndex((row) => !Array.isArray(row) || row.length !== columns.length);
  if (bad !== -1) {
    const row: unknown = data[bad];
    const got = Array.isArray(row) ? `${row.length} cells` : describe(row);
    throw new InputError(
      file,
      `row ${bad}: expected an array of ${columns.length} cells (one per column), got ${got}`,
      { field: `data[${bad}]` },
    );
  }
  return { columns, rows: data as unknown[][] };
}

function planColumns(table: Table, options: ReaderOptions, file: string): Plan {
  const { columns, rows } = table;
  const mapping: ColumnMapping | undefined = options.mapping;
  const index = (name: string, role: string): number => {
    const i = columns.indexOf(name);
    if (i === -1)
      throw new InputError(
        file,
        `the mapping names ${role} column "${name}", but the table has no such column (columns: ${columns.join(', ')})`,
        { field: 'columns' },
      );
    return i;
  };
  const found = (names: readonly string[]) => names.map((n) => columns.indexOf(n)).find((i) => i !== -1);
  const id = mapping?.id === undefined ? found(['id']) : index(mapping.id, 'the id');
  if (id !== undefined) checkRowPairing(true, options.pairBy, file, `column "${columns[id] ?? ''}"`);
  const input = id === undefined && options.pairBy !== 'row' ? found(INPUT_COLUMNS) : undefined;
  if (id === undefined && input === undefined) checkRowPairing(false, options.pairBy, file, '');
  const label = mapping?.label !== undefined ? index(mapping.label, 'the label') : found(TARGET_COLUMNS);
  const prediction =
    mapping?.prediction !== undefined ? index(mapping.prediction, 'the prediction') : found(PREDICTION_COLUMNS);
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
      // A failed scorer leaves null, so the first value that is there decides.
      const first = rows.map((row) => row[i]).find((v) => v !== null);
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
  return {
    id,
    input,
    label: hasPair ? label : undefined,
    prediction: hasPair ? prediction : undefined,
    classes,
    correct,
    cohorts,
    checks,
    metrics,
  };
}

/** "toxicity/v1/score" → "toxicity_v1_score": the gate's metric names do not use slashes. */
function metricName(column: string): string {
  return column.replaceAll('/', '_');
}
