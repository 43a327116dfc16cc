import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';
import type { RecordBatch } from '../input/jsonl-records.js';
import { ExampleMissing, nothingLeft } from './missing-values.js';
import type { MissingValues, ReadTally } from './reader-types.js';
import { textIdentity } from './text-identity.js';

/** An MLflow evaluation table, parsed: pandas' split orientation. */
export interface MlflowTable {
  readonly columns: string[];
  readonly rows: unknown[][];
}

/** Column indices per role; `classes`: label and prediction name classes (label cohorts), else free text. */
export interface MlflowPlan {
  readonly id: number | undefined;
  /** Without an id: the input column whose text identifies the row (undefined: pair by row number). */
  readonly input: number | undefined;
  readonly label: number | undefined;
  readonly prediction: number | undefined;
  readonly classes: boolean;
  readonly correct: number | undefined;
  readonly cohorts: number[];
  readonly checks: [string, number][];
  readonly metrics: [string, number][];
}

const BATCH = 1024;

const scalar = (v: unknown) =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** Turns the table's rows into records; a null score or check follows `inputs.missing_values`, counted in `tally`. */
export async function* toBatches(
  table: MlflowTable,
  plan: MlflowPlan,
  lines: number[],
  file: string,
  missingValues: MissingValues | undefined,
  tally: ReadTally,
): AsyncGenerator<RecordBatch> {
  const { columns, rows } = table;
  let kept = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    const records: unknown[] = [];
    const batchLines: number[] = [];
    for (let r = start; r < Math.min(rows.length, start + BATCH); r++) {
      const row = rows[r] as unknown[];
      const line = lines[r] ?? 1;
      const cell = (i: number, expected: string, ok: (v: unknown) => boolean): unknown => {
        const v = row[i];
        if (!ok(v)) {
          throw new InputError(
            file,
            `row ${r}, column "${columns[i]}": expected ${expected}, got ${describe(v)} (every row must give every value the file uses)`,
            {
              line,
              field: `data[${r}][${i}]`,
            },
          );
        }
        return v;
      };
      const missing = new ExampleMissing(missingValues);
      const at = (i: number) => ({ file, row: `row ${r}`, column: columns[i] ?? '', line, field: `data[${r}][${i}]` });
      const record: Record<string, unknown> = { id: rowId(plan, r, cell) };
      if (plan.cohorts.length > 0)
        record.cohorts = plan.cohorts.map((i) => `${columns[i]}:${String(cell(i, 'a cohort value', scalar))}`);
      if (plan.correct !== undefined)
        record.correct = cell(plan.correct, 'true or false', (v) => typeof v === 'boolean');
      if (plan.label !== undefined && plan.prediction !== undefined) {
        const label = cell(plan.label, 'a target value', scalar);
        const prediction = cell(plan.prediction, 'a prediction', scalar);
        if (plan.classes) Object.assign(record, { label, prediction });
        else if (plan.correct === undefined) record.correct = String(label) === String(prediction);
      }
      if (plan.checks.length > 0) {
        // A null check is a pass/fail result the scorer did not give: a failure unless the policy says otherwise.
        record.checks = Object.fromEntries(
          plan.checks.map(([name, i]) => [
            name,
            row[i] === null
              ? (missing.note('outcome', at(i)), false)
              : cell(i, 'true or false', (v) => typeof v === 'boolean'),
          ]),
        );
      }
      if (plan.metrics.length > 0) {
        record.metrics = Object.fromEntries(
          plan.metrics.map(([name, i]) => [
            name,
            row[i] === null
              ? (missing.note('score', at(i)), 0)
              : cell(i, 'a finite number', (v) => typeof v === 'number' && Number.isFinite(v)),
          ]),
        );
      }
      if (!missing.settle(tally, record.id)) continue;
      kept++;
      records.push(record);
      batchLines.push(line);
    }
    if (records.length > 0) yield { records, lines: batchLines };
  }
  if (kept === 0) throw nothingLeft(file, rows.length, tally);
}

function rowId(
  plan: MlflowPlan,
  r: number,
  cell: (i: number, expected: string, ok: (v: unknown) => boolean) => unknown,
): unknown {
  if (plan.id !== undefined) return cell(plan.id, 'a non-empty id', (v) => v !== '' && scalar(v));
  if (plan.input !== undefined)
    return textIdentity(
      'input',
      String(cell(plan.input, 'the input text', (v) => typeof v === 'string' && v.trim() !== '')),
    );
  return r;
}
