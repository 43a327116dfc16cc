// Turns the rows of sql/paired-summary.sql into a paired-summary file for the gate.
//
//   node scripts/paired-summary-to-json.js ROWS [--out FILE]
//        [--incumbent-model NAME@VERSION] [--candidate-model NAME@VERSION] [--dataset NAME[@VERSION]]
//
// ROWS is the query's result as CSV with a header row, a JSON array of row objects, or JSON lines
// (one object per line, as Spark and BigQuery exports write them); "-" reads standard input.
// Numbers may be strings (BigQuery's JSON gives INT64 as strings). Plain Node, no dependencies.
// The gate validates the file fully when it reads it; this script only refuses rows it cannot
// turn into the format (bad values, duplicates, missing columns), so nothing is silently dropped.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const SCHEMA = 'model-release-gate/paired-summary@1';

function fail(message) {
  console.error(`paired-summary-to-json: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    rows: undefined,
    out: undefined,
    incumbentModel: undefined,
    candidateModel: undefined,
    dataset: undefined,
  };
  const flags = {
    '--out': 'out',
    '--incumbent-model': 'incumbentModel',
    '--candidate-model': 'candidateModel',
    '--dataset': 'dataset',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg in flags) {
      if (argv[i + 1] === undefined) fail(`${arg} needs a value`);
      options[flags[arg]] = argv[++i];
    } else if (options.rows === undefined && (arg === '-' || !arg.startsWith('--'))) options.rows = arg;
    else fail(`unexpected argument ${arg}`);
  }
  if (options.rows === undefined)
    fail(
      'usage: paired-summary-to-json.js ROWS [--out FILE] [--incumbent-model NAME@VERSION] [--candidate-model NAME@VERSION] [--dataset NAME[@VERSION]]',
    );
  return options;
}

/** CSV as RFC 4180 writes it: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header, ...body] = records.filter((r) => !(r.length === 1 && r[0] === ''));
  if (header === undefined) fail('the CSV has no header row');
  return body.map((values) => Object.fromEntries(header.map((name, k) => [name.trim(), values[k] ?? ''])));
}

function parseRows(path) {
  const text = readFileSync(path === '-' ? 0 : path, 'utf8').replace(/^\uFEFF/, '');
  // Told apart by content, so standard input and any extension work: a CSV header cannot start with [ or {.
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed);
  if (trimmed.startsWith('{'))
    return trimmed
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line));
  return parseCsv(text);
}

/**
 * A cell as a number: null for SQL NULL (empty in CSV; absent in JSON, since Spark's writer leaves
 * null fields out), NaN kept (Spark's legacy STDDEV_SAMP of one row).
 */
function numberOf(row, column, where) {
  const raw = row[column];
  if (raw === undefined || raw === null || raw === '') return null;
  const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (Number.isNaN(value) && String(raw).trim() !== 'NaN')
    fail(`${where}: ${column} is not a number: ${JSON.stringify(raw)}`);
  return value;
}

function required(row, column, where) {
  const value = numberOf(row, column, where);
  if (value === null || !Number.isFinite(value))
    fail(
      `${where}: ${column} must be a finite number, got ${row[column] === undefined ? 'nothing' : JSON.stringify(row[column])}`,
    );
  return value;
}

/** The paired-summary document for the query's rows: the same logic the gate's tests check. */
export function rowsToPairedSummary(rows, meta = {}) {
  const cohorts = new Map();
  for (const row of rows) {
    const { cohort, metric, kind } = row;
    if (typeof cohort !== 'string' || cohort === '' || typeof metric !== 'string' || metric === '')
      fail(`a row has no cohort or metric: ${JSON.stringify(row)}`);
    const where = `cohort ${cohort}, metric ${metric}`;
    if (required(row, 'bad_values', where) !== 0)
      fail(
        `${where}: ${row.bad_values} pair(s) have a NULL value, a binary value other than 0/1, or kinds that differ between the models`,
      );
    const n = required(row, 'n', where);
    let entry = cohorts.get(cohort);
    if (entry === undefined) {
      entry = {
        n: numberOf(row, 'cohort_n', where),
        sides: [numberOf(row, 'n_incumbent', where), numberOf(row, 'n_candidate', where)],
        metrics: new Map(),
      };
      cohorts.set(cohort, entry);
    }
    if (entry.metrics.has(metric)) fail(`${where}: more than one row (is the metric given two kinds?)`);
    entry.metrics.set(metric, { n, value: metricOf(row, kind, n, where) });
  }
  const document = { schema: SCHEMA };
  if (meta.incumbentModel !== undefined) document.incumbent = { model: meta.incumbentModel };
  if (meta.candidateModel !== undefined) document.candidate = { model: meta.candidateModel };
  if (meta.dataset !== undefined) document.dataset = meta.dataset;
  document.cohorts = {};
  for (const name of [...cohorts.keys()].sort(byCohort)) {
    const entry = cohorts.get(name);
    // Without cohort_n (a hand-written query), the largest metric n is the best estimate of the pairs.
    const cohortN = entry.n ?? Math.max(...[...entry.metrics.values()].map((m) => m.n));
    const out = { n: cohortN };
    if (entry.sides[0] !== null && entry.sides[0] !== cohortN) out.n_incumbent = entry.sides[0];
    if (entry.sides[1] !== null && entry.sides[1] !== cohortN) out.n_candidate = entry.sides[1];
    out.metrics = {};
    for (const metric of [...entry.metrics.keys()].sort()) {
      const { n, value } = entry.metrics.get(metric);
      out.metrics[metric] = n === cohortN ? value : { n, ...value };
    }
    document.cohorts[name] = out;
  }
  return document;
}

function metricOf(row, kind, n, where) {
  if (kind === 'binary') {
    return {
      incumbent_successes: required(row, 'incumbent_successes', where),
      candidate_successes: required(row, 'candidate_successes', where),
      incumbent_only_successes: required(row, 'incumbent_only_successes', where),
      candidate_only_successes: required(row, 'candidate_only_successes', where),
    };
  }
  if (kind === 'continuous') {
    const sd = numberOf(row, 'sd_diff', where);
    return {
      mean_diff: required(row, 'mean_diff', where),
      // One pair has no sample sd: engines give NULL (or NaN); the format says null.
      sd_diff: n === 1 ? null : sd,
      incumbent_mean: required(row, 'incumbent_mean', where),
      candidate_mean: required(row, 'candidate_mean', where),
    };
  }
  return fail(`${where}: kind must be "binary" or "continuous", got ${JSON.stringify(kind)}`);
}

/** `overall` first, then by name, as the gate lists cohorts. */
function byCohort(a, b) {
  if (a === b) return 0;
  if (a === 'overall') return -1;
  if (b === 'overall') return 1;
  return a < b ? -1 : 1;
}

/** NAME@VERSION, split at the last @ so a scoped name (@team/model@1.2) keeps its own. */
function nameVersion(text, flag, versionRequired) {
  const at = text.lastIndexOf('@');
  if (at <= 0) {
    if (versionRequired) fail(`${flag} expects NAME@VERSION, got ${JSON.stringify(text)}`);
    return { name: text };
  }
  return { name: text.slice(0, at), version: text.slice(at + 1) };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const meta = {
    incumbentModel:
      options.incumbentModel === undefined ? undefined : nameVersion(options.incumbentModel, '--incumbent-model', true),
    candidateModel:
      options.candidateModel === undefined ? undefined : nameVersion(options.candidateModel, '--candidate-model', true),
    dataset: options.dataset === undefined ? undefined : nameVersion(options.dataset, '--dataset', false),
  };
  let rows;
  try {
    rows = parseRows(options.rows);
  } catch (error) {
    fail(`cannot read ${options.rows}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(rows) || rows.length === 0) fail(`${options.rows} has no rows`);
  const text = `${JSON.stringify(rowsToPairedSummary(rows, meta), null, 2)}\n`;
  if (options.out === undefined) process.stdout.write(text);
  else writeFileSync(options.out, text);
}

// Runs as a command; importing it (to reuse rowsToPairedSummary) does nothing.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
