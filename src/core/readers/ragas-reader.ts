import { InputError } from '../errors.js';
import type { RecordBatch } from '../input/jsonl-records.js';
import { checkRowPairing } from '../input/table-pairing.js';
import { readAll } from '../input/text-source.js';
import { emptyNameRecord } from '../named-record.js';
import { ExampleMissing, nothingLeft } from './missing-values.js';
import { parseRagasTable, type RagasTable } from './ragas-table.js';
import { emptyTally } from './reader-types.js';
import type { EvalReader, FileProbe, ReaderOptions, ReadTally } from './reader-types.js';
import { textIdentity } from './text-identity.js';

/**
 * Ragas per-row results: `evaluate(...).to_pandas()` written with `to_csv` or `to_json`. Columns are
 * the sample's fields (0.2+: user_input, response, retrieved_contexts, reference; 0.1: question,
 * answer, contexts, ground_truth) and one column per metric (faithfulness, answer_relevancy, …).
 *
 * Every row is one example. Its identity is the `id` column when the file has one, else the text of
 * its question (a hash: the same question in both files is the same example, wherever it stands;
 * the same question twice in one file is a repeat), or its row number under `inputs.pair_by: row`.
 * Every numeric column outside the sample's fields is a continuous metric under its own name; an
 * empty cell, null or NaN is a missing score (the judge failed on that row) and follows
 * `inputs.missing_values`. With --cohort-field <column>, the column's value names a cohort.
 */

const QUESTION_COLUMNS = ['user_input', 'question'];
const ANSWER_COLUMNS = ['response', 'answer', 'retrieved_contexts', 'contexts', 'reference', 'ground_truth'];
/** The sample's own fields (and pandas' index column): never metrics. */
const SAMPLE_COLUMNS = new Set([
  ...QUESTION_COLUMNS,
  ...ANSWER_COLUMNS,
  'ground_truths',
  'reference_contexts',
  'multi_responses',
  'rubrics',
  'reference_tool_calls',
  'user_input_turns',
  'synthesizer_name',
  'evolution_type',
  'metadata',
  'episode_done',
  'id',
  '',
  'Unnamed: 0',
  'index',
]);
/** Ragas metrics whose scores are defined on [0, 1]: a value outside means the column is not what it says. */
const UNIT_METRICS = new Set([
  'faithfulness',
  'answer_relevancy',
  'context_precision',
  'context_recall',
  'context_entity_recall',
  'answer_correctness',
  'answer_similarity',
  'semantic_similarity',
  'context_relevancy',
  'noise_sensitivity',
  'factual_correctness',
  'llm_context_precision_with_reference',
  'llm_context_precision_without_reference',
  'non_llm_context_precision_with_reference',
  'nv_accuracy',
  'nv_context_relevance',
  'nv_response_groundedness',
  'response_relevancy',
  'harmfulness',
]);
const BATCH = 1024;

export const ragasReader: EvalReader = {
  name: 'ragas',
  expects:
    'Ragas per-row results (result.to_pandas() written with to_csv or to_json): a user_input (or question) column and one column per metric',
  accepts: ['cohortField', 'pairByRow'],
  detect: ({ path, head }: FileProbe) => {
    const text = head.replace(/^\uFEFF/, '');
    if (/\.csv$/i.test(path)) {
      const header = (text.split(/\r?\n/, 1)[0] ?? '').split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
      return QUESTION_COLUMNS.some((c) => header.includes(c)) && ANSWER_COLUMNS.some((c) => header.includes(c));
    }
    if (!/\.(json|jsonl|ndjson)$/i.test(path)) return false;
    const sample = /\.json$/i.test(path) ? text : (text.split('\n', 1)[0] ?? '');
    const key = (names: string[]) => new RegExp(`"(?:${names.join('|')})"\\s*[:,\\]]`).test(sample);
    // An MLflow table may carry question/answer dataset columns; its per-row "/score" columns tell it apart.
    return (
      /^\s*[[{]/.test(sample) &&
      key(QUESTION_COLUMNS) &&
      key(ANSWER_COLUMNS) &&
      !/\\?\/score"|"token_count"|"testCases"/.test(sample)
    );
  },
  async read(source, options) {
    const table = parseRagasTable(await readAll(source), source.path);
    const plan = planColumns(table, options, source.path);
    const tally = emptyTally();
    tally.notes.push(...plan.notes);
    return { kind: 'examples', records: toBatches(table, plan, options, source.path, tally), tally };
  },
};

interface Plan {
  readonly id: number | undefined;
  readonly question: number | undefined;
  readonly cohort: number | undefined;
  readonly metrics: readonly [string, number][];
  readonly notes: string[];
}

function planColumns({ columns, rows }: RagasTable, options: ReaderOptions, file: string): Plan {
  const at = (name: string) => (columns.includes(name) ? columns.indexOf(name) : undefined);
  const twice = columns.find((c, i) => c !== '' && columns.indexOf(c) !== i);
  if (twice !== undefined)
    throw new InputError(file, `column "${twice}" appears twice: expected unique column names`, {
      line: 1,
      field: twice,
    });
  if (rows.length === 0)
    throw new InputError(file, 'the table has no rows: expected one row per evaluated sample', { line: 1 });
  const question = QUESTION_COLUMNS.map(at).find((i) => i !== undefined);
  const id = at('id');
  if (id !== undefined) checkRowPairing(true, options.pairBy, file, 'column "id"');
  else if (question === undefined && options.pairBy !== 'row') {
    throw new InputError(
      file,
      `expected a user_input (Ragas 0.2+) or question (0.1) column to tell the samples apart, or an id column (columns: ${columns.join(', ')})`,
      { line: 1, field: 'user_input' },
    );
  }
  let cohort: number | undefined;
  if (options.cohortField !== undefined) {
    cohort = at(options.cohortField);
    if (cohort === undefined) {
      throw new InputError(
        file,
        `--cohort-field names column "${options.cohortField}", but the table has no such column (columns: ${columns.join(', ')})`,
        { line: 1, field: options.cohortField },
      );
    }
  }
  const metrics: [string, number][] = [];
  const ignored: string[] = [];
  columns.forEach((name, i) => {
    if (SAMPLE_COLUMNS.has(name) || i === cohort) return;
    if (rows.every((row) => isMissing(row[i]) || toScore(row[i]) !== undefined)) metrics.push([name, i]);
    else ignored.push(name);
  });
  if (metrics.length === 0) {
    throw new InputError(
      file,
      `no metric column: expected one numeric column per Ragas metric (faithfulness, answer_relevancy, …) next to the sample's columns (columns: ${columns.join(', ')})`,
      { line: 1 },
    );
  }
  const notes = [
    `examples identified by ${id !== undefined ? 'the id column' : options.pairBy === 'row' ? 'row number (inputs.pair_by: row)' : `the text of ${columns[question ?? 0] ?? ''} (no id column)`}`,
  ];
  if (ignored.length > 0) notes.push(`columns not compared (not numeric): ${ignored.join(', ')}`);
  return { id, question, cohort, metrics, notes };
}

async function* toBatches(
  table: RagasTable,
  plan: Plan,
  options: ReaderOptions,
  file: string,
  tally: ReadTally,
): AsyncGenerator<RecordBatch> {
  const { columns, rows, lines } = table;
  let kept = 0;
  let batch: RecordBatch = { records: [], lines: [] };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as unknown[];
    const line = lines[r] ?? 1;
    const missing = new ExampleMissing(options.missingValues);
    const metrics = emptyNameRecord<number>();
    for (const [name, i] of plan.metrics) {
      const score = isMissing(row[i]) ? undefined : toScore(row[i]);
      if (score === undefined) missing.note('score', { file, row: `row ${r}`, column: name, line });
      else if (UNIT_METRICS.has(name) && (score < 0 || score > 1)) {
        throw new InputError(
          file,
          `row ${r}, column "${name}": expected a score between 0 and 1 (Ragas' ${name}), got ${score}`,
          { line, field: name },
        );
      } else metrics[name] = score;
    }
    const id = exampleId(plan, row, r, options, file, line);
    if (!missing.settle(tally, id)) continue;
    kept++;
    const cohortValue = plan.cohort === undefined ? undefined : row[plan.cohort];
    const cohorts = isMissing(cohortValue) ? [] : [`${columns[plan.cohort ?? 0] ?? ''}:${String(cohortValue).trim()}`];
    batch.records.push({ id, cohorts, metrics });
    batch.lines.push(line);
    if (batch.records.length === BATCH) {
      yield batch;
      batch = { records: [], lines: [] };
    }
  }
  if (batch.records.length > 0) yield batch;
  if (kept === 0) throw nothingLeft(file, rows.length, tally);
}

function exampleId(
  plan: Plan,
  row: unknown[],
  r: number,
  options: ReaderOptions,
  file: string,
  line: number,
): string | number {
  const value = (i: number) => (isMissing(row[i]) ? '' : String(row[i]).trim());
  if (plan.id !== undefined) {
    if (value(plan.id) === '')
      throw new InputError(file, `row ${r}: the id is empty: every row needs an id to pair it with the other file's`, {
        line,
        field: 'id',
      });
    return value(plan.id);
  }
  if (options.pairBy === 'row') return r;
  const text = value(plan.question ?? 0);
  if (text === '')
    throw new InputError(
      file,
      `row ${r}: the question (user_input) is empty, so the row cannot be paired with the other file's: add an id column`,
      { line, field: 'user_input' },
    );
  return textIdentity('q', text);
}

function isMissing(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && /^\s*(?:|nan|NaN|None|null)\s*$/.test(value))
  );
}

/** A score cell: a finite number, a numeric text (CSV), or a boolean verdict as 1/0. */
function toScore(value: unknown): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value.trim())
        : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}
