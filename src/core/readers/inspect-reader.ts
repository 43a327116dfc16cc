import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';
import type { RecordBatch } from '../input/jsonl-records.js';
import { readAll } from '../input/text-source.js';
import { emptyNameRecord, ownValue } from '../named-record.js';
import { jsonEntryLines } from './json-element-lines.js';
import { stripBom } from './json-text.js';
import { ScoreValue, sampleScores } from './inspect-scores.js';
import { EvalReader, ReadTally, ReaderOptions, ReaderOutput, emptyTally } from './reader-types.js';

/**
 * inspect_ai eval logs in the JSON log format (`inspect eval … --log-format json`, or a `.eval` log
 * converted with `inspect log convert --to json`): {version, status, eval, plan, results, stats,
 * samples: [{id, epoch, input, target, scores: {<scorer>: {value, …}}, metadata, error}, …]}.
 *
 * Each sample and epoch becomes one record with the sample's id (as text), so a run with several
 * epochs gives repeated ids, which the policy's `inputs.repeats` decides about. A scorer becomes a
 * check or a metric (see inspect-scores.ts). A sample that errored is a failure of every check.
 * Cohorts come from sample metadata with --cohort-field <field> (or metadata.<field>).
 */
const HEAD = /^\s*\{\s*"version"\s*:\s*\d+\s*,\s*"status"\s*:\s*"[a-z]+"\s*,\s*"eval"\s*:\s*\{/;
const BATCH = 1024;

export const inspectReader: EvalReader = {
  name: 'inspect',
  expects:
    'an inspect_ai eval log in the JSON format (inspect eval --log-format json, or inspect log convert --to json): {"version", "status", "eval", …, "samples": [...]}',
  accepts: ['cohortField'],
  detect: ({ path, head }) => /\.eval$/i.test(path) || (/\.json$/i.test(path) && HEAD.test(stripBom(head))),
  async read(source, options): Promise<ReaderOutput> {
    const file = source.path;
    if (/\.eval$/i.test(file)) {
      throw new InputError(
        file,
        'this is an inspect_ai .eval log (a zip archive), which the gate does not read: convert it with `inspect log convert --to json <log> --output-dir <dir>` and give the .json file',
      );
    }
    const text = stripBom(await readAll(source));
    let log: unknown;
    try {
      log = JSON.parse(text);
    } catch (error) {
      throw new InputError(
        file,
        `invalid JSON (${error instanceof Error ? error.message : String(error)}); expected an inspect_ai eval log`,
      );
    }
    const tally = emptyTally();
    const samples = checkedSamples(log, file, tally);
    const lines = jsonEntryLines(text, 'samples');
    const rows = samples.map((sample, i) => parseSample(sample, i, lines[i] ?? 1, file, options.cohortField));
    return { kind: 'examples', records: toBatches(rows, plan(rows, file, options, tally)), tally };
  },
};

/** The samples of a log that may be read: a finished run's, or those an unfinished run holds (noted). */
function checkedSamples(log: unknown, file: string, tally: ReadTally): unknown[] {
  if (log === null || typeof log !== 'object' || Array.isArray(log))
    throw new InputError(file, 'expected a JSON object (an inspect_ai eval log)');
  const { status, samples, eval: spec } = log as { status?: unknown; samples?: unknown; eval?: { task?: unknown } };
  const has = Array.isArray(samples) && samples.length > 0;
  if (status !== 'success') {
    if (!has) {
      throw new InputError(
        file,
        `the log's status is ${describe(status)} and it holds no samples: the run did not finish, so there is nothing to compare (re-run it, or resume it with inspect eval-retry)`,
        { field: 'status' },
      );
    }
    tally.notes.push(
      `the log's status is ${String(status)}, not success: only the ${(samples as unknown[]).length} samples it holds were read`,
    );
  }
  if (samples !== undefined && !Array.isArray(samples))
    throw new InputError(file, `expected an array of samples, got ${describe(samples)}`, { field: 'samples' });
  if (!has) {
    throw new InputError(
      file,
      'the log holds no samples (written with --no-log-samples, or read as a header only): re-run with samples logged to compare per example',
      { field: 'samples' },
    );
  }
  if (typeof spec?.task === 'string') tally.notes.push(`inspect task ${spec.task}`);
  return samples as unknown[];
}

interface Row {
  readonly id: string;
  readonly line: number;
  readonly errored: boolean;
  readonly scores: ReadonlyMap<string, ScoreValue>;
  readonly cohort: string | undefined;
}

function parseSample(sample: unknown, i: number, line: number, file: string, cohortField: string | undefined): Row {
  const field = (name: string) => `samples[${i}]${name === '' ? '' : `.${name}`}`;
  if (sample === null || typeof sample !== 'object' || Array.isArray(sample)) {
    throw new InputError(file, `expected a sample object, got ${describe(sample)}`, { line, field: field('') });
  }
  const s = sample as Record<string, unknown>;
  if (!((typeof s.id === 'string' && s.id !== '') || (typeof s.id === 'number' && Number.isFinite(s.id)))) {
    throw new InputError(
      file,
      `expected the sample's id (text or a number), got ${describe(s.id)}: it pairs the sample with the other run's`,
      { line, field: field('id') },
    );
  }
  const errored = s.error !== undefined && s.error !== null;
  const scores = new Map(sampleScores(s.scores, file, line, field('scores')));
  let cohort: string | undefined;
  if (cohortField !== undefined) {
    const key = cohortField.startsWith('metadata.') ? cohortField.slice('metadata.'.length) : cohortField;
    const metadata =
      s.metadata !== null && typeof s.metadata === 'object' && !Array.isArray(s.metadata) ? s.metadata : {};
    const value = ownValue(metadata, key);
    if (value !== undefined && value !== null) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new InputError(file, `expected a text, number or boolean to name a cohort, got ${describe(value)}`, {
          line,
          field: field(`metadata.${key}`),
        });
      }
      cohort = `${key}:${String(value)}`;
    }
  }
  return { id: String(s.id), line, errored, scores, cohort };
}

interface Plan {
  readonly checks: readonly string[];
  readonly metrics: readonly string[];
  /** Rows left out (a missing score under missing_values drop), by index. */
  readonly dropped: ReadonlySet<number>;
}

/** Decides every scorer's kind and every missing value before any record goes out: a file is refused as a whole. */
function plan(rows: readonly Row[], file: string, options: ReaderOptions, tally: ReadTally): Plan {
  const kinds = new Map<string, 'check' | 'metric'>();
  rows.forEach((row, i) => {
    for (const [name, value] of row.scores) {
      if (value.kind === 'missing') continue;
      const earlier = kinds.get(name);
      if (earlier !== undefined && earlier !== value.kind) {
        throw new InputError(
          file,
          `scorer ${name} gives ${value.kind === 'check' ? 'a pass/fail value' : 'a number'} here but ${earlier === 'check' ? 'pass/fail values' : 'numbers'} elsewhere: one scorer must give one kind of value`,
          { line: row.line, field: `samples[${i}].scores` },
        );
      }
      kinds.set(name, value.kind);
    }
  });
  if (kinds.size === 0)
    throw new InputError(
      file,
      'no sample has a score (every sample errored, or the task has no scorer): nothing to compare',
      { field: 'samples' },
    );
  const names = [...kinds.keys()].sort();
  const checks = names.filter((n) => kinds.get(n) === 'check');
  const metrics = names.filter((n) => kinds.get(n) === 'metric');
  const dropped = new Set<number>();
  let errored = 0;
  let partial = 0;
  rows.forEach((row, i) => {
    if (row.errored) errored++;
    for (const name of names) {
      const value = row.scores.get(name);
      if (value?.kind === 'check' && value.partial) partial++;
      if (value !== undefined && value.kind !== 'missing') continue;
      // An errored sample failed its checks: that is the model's failure, not missing data.
      if (row.errored && kinds.get(name) === 'check') continue;
      tally.missing++;
      const isCheck = kinds.get(name) === 'check';
      const policy = options.missingValues ?? (isCheck ? 'fail' : 'drop');
      if (policy === 'error') {
        throw new InputError(
          file,
          `sample ${row.id} has no ${name} score (missing_values: error): re-score the log, or set inputs.missing_values to fail or drop`,
          { line: row.line, field: `samples[${i}].scores.${name}` },
        );
      }
      if (policy === 'fail' && isCheck) tally.missingAsFailure++;
      else if (row.errored && checks.length > 0) {
        // Leaving the sample out would also hide that it failed its checks.
        throw new InputError(
          file,
          `sample ${row.id} ended in an error and has no ${name} score: leaving it out would hide a failure of its pass/fail scores; re-score the log (inspect score) or set inputs.missing_values to error`,
          { line: row.line, field: `samples[${i}].scores.${name}` },
        );
      } else if (!dropped.has(i)) {
        dropped.add(i);
        tally.dropped++;
        tally.droppedIds.push(row.id);
      }
    }
  });
  if (errored > 0)
    tally.notes.push(`${errored} sample${errored === 1 ? '' : 's'} ended in an error: counted as failing every check`);
  if (partial > 0)
    tally.notes.push(
      `${partial} score${partial === 1 ? '' : 's'} of P (partial credit) counted as failures; inspect's accuracy counts each as 0.5`,
    );
  return { checks, metrics, dropped };
}

async function* toBatches(rows: readonly Row[], { checks, metrics, dropped }: Plan): AsyncGenerator<RecordBatch> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch: RecordBatch = { records: [], lines: [] };
    for (let i = start; i < Math.min(rows.length, start + BATCH); i++) {
      if (dropped.has(i)) continue;
      const row = rows[i] as Row;
      const checkValues = emptyNameRecord<boolean>();
      for (const name of checks) {
        const value = row.scores.get(name);
        checkValues[name] = !row.errored && value?.kind === 'check' && value.pass;
      }
      const metricValues = emptyNameRecord<number>();
      for (const name of metrics) {
        const value = row.scores.get(name);
        metricValues[name] = value?.kind === 'metric' ? value.value : Number.NaN;
      }
      batch.records.push({
        id: row.id,
        ...(row.cohort === undefined ? {} : { cohorts: [row.cohort] }),
        ...(checks.length > 0 ? { checks: checkValues } : {}),
        ...(metrics.length > 0 ? { metrics: metricValues } : {}),
      });
      batch.lines.push(row.line);
    }
    yield batch;
  }
}
