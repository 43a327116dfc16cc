import { InputError } from '../errors.js';
import { describe } from '../load/example-layout.js';
import type { RecordBatch } from '../load/jsonl-records.js';
import { ownValue } from '../named-record.js';
import { readAll } from '../load/text-source.js';
import type { EvalReader, FileProbe, ReaderOptions, ReaderOutput } from './reader-types.js';
import { isEscaped, stripBom } from './json-text.js';

/**
 * Reads `promptfoo eval --output results.json`: {evalId, results: {version, timestamp, prompts,
 * results: [EvaluateResult...], stats}, config, shareableUrl, metadata}. Version 3 is current; version
 * 2 (results.table instead of results.prompts) is read the same way, from its per-result entries.
 *
 * One promptfoo run may compare several providers and prompts, but the gate compares two files: the
 * incumbent's run and the candidate's. So a file must hold one provider and one prompt, and its
 * examples are its tests (`test-<testIdx>`, paired across the two runs). With cohortField "provider"
 * or "prompt", a file may hold several of that one kind: each becomes a cohort, and ids carry it
 * (`test-3@gpt-4o`) so each provider's (or prompt's) results pair with the same one in the other file.
 */

const HEAD = /^\s*\{\s*(?:"evalId"\s*:\s*(?:"(?:[^"\\]|\\.)*"|null)\s*,\s*)?"results"\s*:\s*\{\s*"version"\s*:\s*[23]\s*,\s*"timestamp"\s*:/;
const BATCH = 1024;
/** promptfoo's ResultFailureReason: 0 none, 1 an assertion failed, 2 an error (provider call, timeout). */
const ERROR_FAILURE = 2;

export const promptfooReader: EvalReader = {
  name: 'promptfoo',
  expects: 'promptfoo eval --output results.json (results.version 2 or 3)',
  detect: (probe: FileProbe) => HEAD.test(stripBom(probe.head)),
  async read(source, options): Promise<ReaderOutput> {
    const text = stripBom(await readAll(source));
    const file = source.path;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(file, `invalid JSON (${error instanceof Error ? error.message : String(error)}); expected the file promptfoo eval --output writes`);
    }
    const summary = (value as { results?: unknown } | null)?.results as { version?: unknown; results?: unknown } | undefined;
    if (summary === null || typeof summary !== 'object' || (summary.version !== 2 && summary.version !== 3) || !Array.isArray(summary.results)) {
      throw new InputError(file, 'expected {"results": {"version": 2 or 3, "results": [...]}} as promptfoo eval --output writes', { field: 'results' });
    }
    const lines = arrayElementLines(text, ['results', 'results']);
    const rows = summary.results.map((entry, i) => parseRow(entry, i, lines[i] ?? 1, file));
    return { kind: 'examples', records: toBatches(rows, lines, plan(rows, lines, options, file)) };
  },
};

interface Row {
  readonly test: number;
  readonly provider: string;
  readonly prompt: string;
  readonly success: boolean;
  readonly vars: Record<string, unknown>;
  readonly metrics: Record<string, number | undefined>;
}

function parseRow(entry: unknown, i: number, line: number, file: string): Row {
  const field = (name: string) => `results.results[${i}]${name === '' ? '' : `.${name}`}`;
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw new InputError(file, `expected a result object, got ${describe(entry)}`, { line, field: field('') });
  }
  const r = entry as Record<string, unknown>;
  if (typeof r.testIdx !== 'number' || !Number.isInteger(r.testIdx) || r.testIdx < 0) {
    throw new InputError(file, `expected testIdx, the test's index (a whole number), got ${got(r.testIdx)}: it pairs the result with the other run's`, { line, field: field('testIdx') });
  }
  // An errored test (the provider failed or timed out; promptfoo's failureReason 2) is a failure of the
  // model under test, never missing data: its outcome is fail and its score 0, whatever else the row says.
  const errored = r.failureReason === ERROR_FAILURE;
  if (!errored && typeof r.success !== 'boolean') {
    throw new InputError(file, `expected success (true or false), got ${got(r.success)}: a result without a verdict cannot be judged`, {
      line,
      field: field('success'),
    });
  }
  if (!errored && (typeof r.score !== 'number' || !Number.isFinite(r.score))) {
    throw new InputError(file, `expected score (a finite number), got ${got(r.score)}`, { line, field: field('score') });
  }
  const provider = r.provider as { id?: unknown; label?: unknown } | string | undefined;
  const providerName = typeof provider === 'string' ? provider : nonEmpty(provider?.label) ?? nonEmpty(provider?.id) ?? '';
  // promptIdx numbers provider×prompt columns, not prompts; the label (else the template's hash) names one.
  const promptName = nonEmpty((r.prompt as { label?: unknown } | undefined)?.label) ?? nonEmpty(r.promptId) ?? '';
  const rawVars = r.vars ?? (r.testCase as { vars?: unknown } | undefined)?.vars;
  const vars = rawVars !== null && typeof rawVars === 'object' && !Array.isArray(rawVars) ? (rawVars as Record<string, unknown>) : {};
  // promptfoo records latency and cost only when it knows them (not for every provider or older file).
  const finite = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const success = errored ? false : (r.success as boolean);
  const score = errored ? 0 : (r.score as number);
  return { test: r.testIdx, provider: providerName, prompt: promptName, success, vars, metrics: { score, latency_ms: finite(r.latencyMs), cost: finite(r.cost) } };
}

interface Plan {
  /** Which kind of candidate becomes a cohort (and part of the id), when a file holds several. */
  readonly by: 'provider' | 'prompt' | undefined;
  /** The test variable whose value names a cohort. */
  readonly variable: string | undefined;
  readonly metricNames: readonly ('score' | 'latency_ms' | 'cost')[];
}

/** Checks the whole run before any record goes out, so a file is refused as a whole. */
function plan(rows: readonly Row[], lines: readonly number[], options: ReaderOptions, file: string): Plan {
  if (rows.length === 0) throw new InputError(file, 'the file has no results: expected one per test', { field: 'results.results' });
  const field = options.cohortField;
  const by = field === 'provider' || field === 'prompt' ? field : undefined;
  const providers = new Set(rows.map((r) => r.provider));
  const prompts = new Set(rows.map((r) => r.prompt));
  const several = (kind: string, names: Set<string>) => `${names.size} ${kind}s (${[...names].slice(0, 3).join(', ')}${names.size > 3 ? ', …' : ''})`;
  if (by !== 'provider' && providers.size > 1) {
    throw new InputError(file, `the run compares ${several('provider', providers)}, but the gate compares one model per file: run promptfoo once per model, or set cohortField to "provider" to compare each provider with its namesake in the other file`, { field: 'results.results' });
  }
  if (by !== 'prompt' && prompts.size > 1) {
    throw new InputError(file, `the run compares ${several('prompt', prompts)}, but the gate compares one prompt per file: run promptfoo once per prompt, or set cohortField to "prompt"`, { field: 'results.results' });
  }

  // A test variable names cohorts: cohortField "vars.topic" (or just "topic") puts a test in `topic:<value>`.
  const variable = field === undefined || by !== undefined ? undefined : field.startsWith('vars.') ? field.slice(5) : field;
  if (variable !== undefined) {
    if (!rows.some((r) => ownValue(r.vars, variable) !== undefined)) {
      throw new InputError(file, `no result has the test variable "${variable}" (cohortField "${field}"): expected vars.${variable} on the tests to group them by (were vars stripped with PROMPTFOO_STRIP_TEST_VARS?)`, { field: 'results.results' });
    }
    // A test without the variable is in no such cohort; a value that is not a scalar cannot name one.
    const scalar = (v: unknown) => v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    const bad = rows.findIndex((r) => !scalar(ownValue(r.vars, variable)));
    if (bad !== -1) {
      throw new InputError(file, `expected a text, number or boolean to name a cohort, got ${describe(ownValue(rows[bad]?.vars ?? {}, variable))}`, { line: lines[bad] ?? 1, field: `results.results[${bad}].vars.${variable}` });
    }
  }
  // A metric missing on some rows is left out for the whole file: every record must carry the same fields.
  const metricNames = (['score', 'latency_ms', 'cost'] as const).filter((name) => rows.every((r) => r.metrics[name] !== undefined));
  return { by, variable, metricNames };
}

async function* toBatches(rows: readonly Row[], lines: readonly number[], { by, variable, metricNames }: Plan): AsyncGenerator<RecordBatch> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const end = Math.min(rows.length, start + BATCH);
    const records = rows.slice(start, end).map((row) => {
      const cohorts: string[] = [];
      let id = `test-${row.test}`;
      if (by !== undefined) {
        const name = by === 'provider' ? row.provider : row.prompt;
        cohorts.push(`${by}:${name}`);
        id += `@${name}`;
      }
      const value = variable === undefined ? undefined : ownValue(row.vars, variable);
      if (value !== undefined) cohorts.push(`${variable}:${String(value)}`);
      const metrics = Object.fromEntries(metricNames.map((name) => [name, row.metrics[name]]));
      return { id, ...(cohorts.length > 0 ? { cohorts } : {}), correct: row.success, metrics };
    });
    yield { records, lines: records.map((_, k) => lines[start + k] ?? 1) };
  }
}

function got(value: unknown): string {
  return value === undefined ? 'nothing' : describe(value);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The line on which each element of the array at `path` starts, found by walking the (already
 * validated) JSON text; re-parsing a results file of many megabytes with positions would cost far more.
 */
function arrayElementLines(text: string, path: readonly string[]): number[] {
  const lines: number[] = [];
  const stack: { array: boolean; key: string | undefined }[] = [];
  let line = 1;
  let expectKey = false;
  const onValue = () => {
    const top = stack[stack.length - 1];
    if (top?.array === true && stack.length === path.length + 1 && path.every((key, k) => stack[k]?.array === false && stack[k]?.key === key)) {
      lines.push(line);
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === ',') expectKey = stack[stack.length - 1]?.array === false;
    else if (c === '}' || c === ']') stack.pop();
    else if (c === '{' || c === '[') {
      onValue();
      stack.push({ array: c === '[', key: undefined });
      expectKey = c === '{';
    } else if (c === '"') {
      let end = text.indexOf('"', i + 1);
      while (isEscaped(text, end)) end = text.indexOf('"', end + 1);
      const top = stack[stack.length - 1];
      if (expectKey && top !== undefined) {
        if (stack.length <= path.length) top.key = JSON.parse(text.slice(i, end + 1)) as string;
        expectKey = false;
      } else onValue();
      i = end;
    } else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== ':') {
      onValue();
      while (i + 1 < text.length && !',]}\n\r\t '.includes(text[i + 1] as string)) i++;
    }
  }
  return lines;
}
