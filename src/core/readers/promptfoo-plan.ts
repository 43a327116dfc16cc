import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';
import { ownValue } from '../named-record.js';
import { shortLabel, testIdentity } from './promptfoo-identity.js';
import type { Row } from './promptfoo-rows.js';
import type { ReaderOptions } from './reader-types.js';

/**
 * Decides, for a whole promptfoo run, which results are read (a `#provider=` or `#prompt=` part),
 * how each is named so it pairs with the same test in the other file, and which cohorts it is in.
 * Everything is checked before any record goes out, so a file is refused as a whole.
 */

type Dimension = 'provider' | 'prompt';
type CohortSource = { readonly kind: Dimension } | { readonly kind: 'var'; readonly name: string };

export interface RunPlan {
  readonly rows: readonly Row[];
  readonly idOf: (row: Row) => string;
  readonly cohortsOf: (row: Row) => string[];
  readonly metricNames: readonly ('score' | 'latency_ms' | 'cost')[];
  /** Facts for the reviewer (ReadTally notes): what was kept, how tests were matched, short labels. */
  readonly notes: string[];
}

export function planRun(all: readonly Row[], options: ReaderOptions, file: string): RunPlan {
  if (all.length === 0)
    throw new InputError(file, 'the file has no results: expected one per test', { field: 'results.results' });
  const sources = cohortSources(options.cohortField, file);
  const splits = (kind: Dimension) => sources.some((s) => s.kind === kind);
  const notes: string[] = [];
  const rows = select(all, options.select, file, notes);
  if (options.select !== undefined && splits(options.select.key as Dimension)) {
    throw new InputError(
      file,
      `#${options.select.key}=… keeps one ${options.select.key}, so --cohort-field ${options.select.key} has nothing to split: drop one of them`,
      { field: 'cohortField' },
    );
  }
  const providers = distinct(rows, (r) => r.provider);
  const prompts = distinct(rows, (r) => r.prompt);
  if (providers.length > 1 && !splits('provider')) throw several(file, 'provider', providers);
  // A provider's results over several prompts are one model's: kept, each test×prompt its own example.
  if (prompts.length > 1 && !splits('prompt') && options.select?.key !== 'provider')
    throw several(file, 'prompt', prompts);
  // Ids carry each dimension that varies here or names cohorts, so a result pairs only with its namesake.
  const inId = (['provider', 'prompt'] as const).filter(
    (kind) => splits(kind) || (kind === 'prompt' && prompts.length > 1),
  );
  if (prompts.length > 1 && !splits('prompt'))
    notes.push(
      `${prompts.length} prompts of this provider are pooled (each test under each prompt is one example): --cohort-field prompt shows each`,
    );

  for (const source of sources) if (source.kind === 'var') checkVariable(rows, source.name, file);
  const named = namedId(options);
  const suffix = (row: Row) => inId.map((kind) => `@${shortLabel(row[kind])}`).join('');
  const idOf = (row: Row): string => {
    if (named !== undefined) return `${variableText(row, named, file)}${suffix(row)}`;
    if (row.description === undefined && Object.keys(row.vars).length === 0) {
      throw new InputError(
        file,
        'this result has neither a description nor vars, so it cannot be told from another test: give the test a description (or vars), or name an id with --columns id=vars.<name>',
        { line: row.line, field: `results.results[${row.index}].testCase` },
      );
    }
    const identity = testIdentity(
      row.description,
      row.vars,
      inId.map((kind) => `${kind}:${row[kind]}`),
    );
    return `${identity.name}#${identity.hash}${suffix(row)}`;
  };
  const ids = new Map<string, number>();
  for (const row of rows) ids.set(idOf(row), (ids.get(idOf(row)) ?? 0) + 1);
  const by =
    named === undefined
      ? `description and vars${inId.map((k) => ` and ${k}`).join('')}`
      : `vars.${named}${inId.map((k) => ` and ${k}`).join('')}`;
  notes.push(
    `tests are matched by their ${by}, not by testIdx: ${rows.length} result(s) are ${ids.size} distinct test(s)`,
  );
  const repeated = [...ids.values()].filter((n) => n > 1).length;
  if (repeated > 0)
    notes.push(
      `${repeated} test(s) appear more than once (promptfoo --repeat, or the same test listed twice): one record per result, with the same id; the policy's inputs.repeats decides how they count`,
    );
  const errored = rows.filter((r) => r.errored).length;
  if (errored > 0)
    notes.push(
      `${errored} result(s) errored (promptfoo failureReason 2: the provider call failed) and count as failures with score 0`,
    );

  const shortened = new Map<string, string>();
  const label = (text: string) => {
    const short = shortLabel(text);
    if (short !== text) shortened.set(short, text);
    return short;
  };
  const cohortsOf = (row: Row): string[] =>
    sources.flatMap((s) => {
      if (s.kind !== 'var') return [`${s.kind}:${label(row[s.kind])}`];
      const value = ownValue(row.vars, s.name);
      return value === undefined ? [] : [`${s.name}:${label(String(value))}`];
    });
  for (const row of rows) for (const kind of inId) label(row[kind]);
  for (const row of rows) cohortsOf(row);
  for (const [short, full] of shortened) notes.push(`"${short}" stands for: ${full}`);
  // A metric missing on some rows is left out for the whole file: every record must carry the same fields.
  const metricNames = (['score', 'latency_ms', 'cost'] as const).filter((name) =>
    rows.every((r) => r.metrics[name] !== undefined),
  );
  return { rows, idOf, cohortsOf, metricNames, notes };
}

/** `--cohort-field vars.lang,provider`: each field names cohorts; a test variable with or without `vars.`. */
function cohortSources(text: string | undefined, file: string): CohortSource[] {
  const fields = (text ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  const seen = new Set<string>();
  return fields.map((field) => {
    const source: CohortSource =
      field === 'provider' || field === 'prompt'
        ? { kind: field }
        : { kind: 'var', name: field.startsWith('vars.') ? field.slice(5) : field };
    const key = source.kind === 'var' ? `vars.${source.name}` : source.kind;
    if (source.kind === 'var' && source.name === '')
      throw new InputError(file, `cohort field "${field}" names no test variable: expected vars.<name>`, {
        field: 'cohortField',
      });
    if (seen.has(key)) throw new InputError(file, `cohort field ${key} is given twice`, { field: 'cohortField' });
    seen.add(key);
    return source;
  });
}

function select(
  rows: readonly Row[],
  selector: ReaderOptions['select'],
  file: string,
  notes: string[],
): readonly Row[] {
  if (selector === undefined) return rows;
  const { key, value } = selector;
  if (key !== 'provider' && key !== 'prompt') {
    throw new InputError(
      file,
      `unknown selector #${key}=…: a promptfoo file is split with #provider=<label or id> or #prompt=<label>`,
      { field: 'select' },
    );
  }
  // A label (or the whole prompt) is matched first; an id only when no label matches.
  const byName = rows.filter((r) =>
    key === 'provider' ? r.provider === value : r.prompt === value || shortLabel(r.prompt) === value,
  );
  const kept =
    byName.length > 0 ? byName : rows.filter((r) => (key === 'provider' ? r.providerId : r.promptId) === value);
  if (kept.length === 0) {
    const names = distinct(rows, (r) => r[key]).map((n) => JSON.stringify(shortLabel(n)));
    throw new InputError(
      file,
      `no result has ${key} ${JSON.stringify(shortLabel(value))}: the file holds ${names.length} ${key}(s): ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}`,
      { field: 'select' },
    );
  }
  notes.push(`kept the ${kept.length} of ${rows.length} result(s) with ${key} ${JSON.stringify(shortLabel(value))}`);
  return kept;
}

function several(file: string, kind: Dimension, names: readonly string[]): InputError {
  const listed = names.slice(0, 10).map((n) => JSON.stringify(shortLabel(n)));
  return new InputError(
    file,
    `the run holds ${names.length} ${kind}s (${listed.join(', ')}${names.length > 10 ? ', …' : ''}), and the gate compares one model per side without mixing them`,
    {
      field: 'results.results',
      details: [
        `- to compare two of them in this file: --incumbent '${file}#${kind}=<${kind} A>' --candidate '${file}#${kind}=<${kind} B>' (the Action's incumbent and candidate inputs take the same form)`,
        `- to compare each ${kind} with its namesake in another run: --cohort-field ${kind}`,
      ],
    },
  );
}

/** `--columns id=vars.<name>`: the test variable that names each test; the promptfoo reader takes nothing else from --columns. */
function namedId(options: ReaderOptions): string | undefined {
  const mapping = options.mapping;
  if (mapping === undefined) return undefined;
  const others = (['label', 'prediction', 'correct', 'cohorts', 'checks', 'metrics'] as const).filter(
    (k) => mapping[k] !== undefined,
  );
  if (others.length > 0 || mapping.id === undefined || !mapping.id.startsWith('vars.') || mapping.id.length === 5) {
    throw new InputError(
      '--columns',
      `a promptfoo file takes only id=vars.<name> from --columns (the test variable that names each test)${others.length > 0 ? `, not ${others.join(', ')}` : ''}`,
      { field: 'id' },
    );
  }
  return mapping.id.slice(5);
}

function variableText(row: Row, name: string, file: string): string {
  const value = ownValue(row.vars, name);
  if ((typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value)))
    return String(value);
  throw new InputError(
    file,
    `expected the test variable ${name} (named by --columns id=vars.${name}) to be a non-empty text or number, got ${value === undefined ? 'nothing' : describe(value)}`,
    { line: row.line, field: `results.results[${row.index}].vars.${name}` },
  );
}

function checkVariable(rows: readonly Row[], name: string, file: string): void {
  if (!rows.some((r) => ownValue(r.vars, name) !== undefined)) {
    throw new InputError(
      file,
      `no result has the test variable "${name}" (cohort field vars.${name}): expected vars.${name} on the tests to group them by (were vars stripped with PROMPTFOO_STRIP_TEST_VARS?)`,
      { field: 'results.results' },
    );
  }
  // A test without the variable is in no such cohort; a value that is not a scalar cannot name one.
  const scalar = (v: unknown) =>
    v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  const bad = rows.find((r) => !scalar(ownValue(r.vars, name)));
  if (bad !== undefined) {
    throw new InputError(
      file,
      `expected a text, number or boolean to name a cohort, got ${describe(ownValue(bad.vars, name))}`,
      { line: bad.line, field: `results.results[${bad.index}].vars.${name}` },
    );
  }
}

function distinct(rows: readonly Row[], of: (row: Row) => string): string[] {
  return [...new Set(rows.map(of))];
}
