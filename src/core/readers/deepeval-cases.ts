import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';
import { ownValue } from '../named-record.js';
import { parsePythonJson } from './ragas-table.js';
import { textIdentity } from './text-identity.js';

/** One metric's result on one test case, as DeepEval wrote it. */
interface DeepevalMetric {
  readonly name: string;
  readonly success: boolean | undefined;
  readonly score: number | undefined;
  readonly error: string | undefined;
}

export interface DeepevalCase {
  readonly id: string;
  readonly name: string;
  /** Where the test case is in the file, for errors: `testCases[3]`. */
  readonly field: string;
  readonly cohorts: string[];
  readonly metrics: DeepevalMetric[];
}

/**
 * Names DeepEval gives by position, not by content: `evaluate()` calls the i-th test case
 * `test_case_<i>`, and pytest parametrized over a dataset names it `test_x[test_case<i>]`. Two runs
 * over differently ordered datasets would pair different inputs by such names, so they are not used.
 */
const POSITIONAL_NAME = /^(?:conversational_)?test_case_\d+$|\[[A-Za-z_]\w*?\d+\]$/;

/** Reads and checks a test run's test cases, and gives each its identity and cohorts. */
export function parseDeepevalCases(text: string, file: string, cohortField: string | undefined): DeepevalCase[] {
  const root = parsePythonJson(text, file, undefined);
  const object = (v: unknown): Record<string, unknown> | undefined =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  const top = object(root);
  if (top === undefined)
    throw new InputError(file, `expected a DeepEval test run (a JSON object), got ${describe(root)}`);
  if (top.testRunLink !== undefined && top.testRunData === undefined && top.testCases === undefined) {
    throw new InputError(
      file,
      'this .latest_test_run.json holds only the link to the run on Confident AI (DeepEval replaces the results with the link once they are uploaded): nothing to compare. Keep a local copy with DEEPEVAL_RESULTS_FOLDER=<dir> (deepeval test run writes test_run_<time>.json there) and give that file',
      { field: 'testRunLink' },
    );
  }
  const prefix = top.testRunData === undefined ? '' : 'testRunData.';
  const run = object(top.testRunData ?? top);
  if (run === undefined)
    throw new InputError(
      file,
      `expected testRunData to be the test run (an object), got ${describe(top.testRunData)}`,
      { field: 'testRunData' },
    );
  const list = (keys: string[]): [string, unknown[]] | undefined => {
    const key = keys.find((k) => run[k] !== undefined && run[k] !== null);
    if (key === undefined) return undefined;
    if (!Array.isArray(run[key]))
      throw new InputError(file, `expected ${key} to be a list of test cases, got ${describe(run[key])}`, {
        field: `${prefix}${key}`,
      });
    return [key, run[key]];
  };
  const lists = [
    list(['testCases', 'test_cases', 'test_results']),
    list(['conversationalTestCases', 'conversational_test_cases']),
  ].filter((l) => l !== undefined);
  const raw = lists.flatMap(([key, cases]) => cases.map((c, i) => ({ value: c, field: `${prefix}${key}[${i}]` })));
  if (raw.length === 0)
    throw new InputError(
      file,
      'the test run has no test cases: expected testCases (or conversationalTestCases) with one entry per test case',
      { field: `${prefix}testCases` },
    );

  const parsed = raw.map(({ value, field }) => {
    const c = object(value);
    if (c === undefined)
      throw new InputError(file, `expected a test case (an object), got ${describe(value)}`, { field });
    if (typeof c.name !== 'string' || c.name === '')
      throw new InputError(file, `expected the test case's name (text), got ${describe(c.name)}`, {
        field: `${field}.name`,
      });
    const metricsKey = ['metricsData', 'metrics_data', 'metricsMetadata', 'metrics_metadata'].find(
      (k) => c[k] !== undefined && c[k] !== null,
    );
    const rawMetrics = metricsKey === undefined ? [] : c[metricsKey];
    if (!Array.isArray(rawMetrics))
      throw new InputError(
        file,
        `expected ${metricsKey ?? 'metricsData'} to be a list of metric results, got ${describe(rawMetrics)}`,
        { field: `${field}.${metricsKey ?? 'metricsData'}` },
      );
    const metrics = rawMetrics.map((m, k) => parseMetric(object(m), m, file, `${field}.${metricsKey ?? ''}[${k}]`));
    const twice = metrics.find((m, k) => metrics.findIndex((n) => n.name === m.name) !== k);
    if (twice !== undefined)
      throw new InputError(
        file,
        `metric "${twice.name}" appears twice in test case "${c.name}": expected one result per metric`,
        { field: `${field}.${metricsKey ?? ''}` },
      );
    return { c, name: c.name, field, metrics, content: content(c) };
  });

  const names = parsed.map((p) => p.name);
  const byName = names.every((n, i) => !POSITIONAL_NAME.test(n) && names.indexOf(n) === i);
  const cases = parsed.map(({ c, name, field, metrics, content: text }) => {
    if (!byName && text === undefined) {
      throw new InputError(
        file,
        `test case "${name}" has no input (or turns) to identify it by, and its name is not a unique, meaningful one: give test cases unique names`,
        { field: `${field}.input` },
      );
    }
    const id = byName ? name : textIdentity('input', text ?? '');
    return { id, name, field, metrics, cohorts: cohortsOf(c, cohortField, file, field) };
  });
  if (cohortField !== undefined && cases.every((c) => c.cohorts.length === 0)) {
    throw new InputError(file, `no test case has ${cohortField} (--cohort-field): nothing to group the test cases by`, {
      field: 'cohortField',
    });
  }
  return cases;
}

function parseMetric(
  m: Record<string, unknown> | undefined,
  raw: unknown,
  file: string,
  field: string,
): DeepevalMetric {
  if (m === undefined)
    throw new InputError(file, `expected a metric result (an object), got ${describe(raw)}`, { field });
  const name = m.name ?? m.metric;
  if (typeof name !== 'string' || name === '')
    throw new InputError(file, `expected the metric's name (text), got ${describe(name)}`, { field: `${field}.name` });
  const success = m.success ?? undefined;
  if (success !== undefined && typeof success !== 'boolean')
    throw new InputError(file, `expected success (true or false), got ${describe(success)}`, {
      field: `${field}.success`,
    });
  const score = m.score ?? undefined;
  if (score !== undefined && (typeof score !== 'number' || !Number.isFinite(score)))
    throw new InputError(file, `expected score (a finite number), got ${describe(score)}`, { field: `${field}.score` });
  const error = typeof m.error === 'string' && m.error !== '' ? m.error : undefined;
  return { name, success, score, error };
}

/** The text a test case is about: its input, or a conversation's turns (role and content, in order). */
function content(c: Record<string, unknown>): string | undefined {
  if (typeof c.input === 'string' && c.input.trim() !== '') return c.input;
  const turns = c.turns ?? c.testCases;
  if (Array.isArray(turns) && turns.length > 0) {
    return JSON.stringify(
      turns.map((t) => [
        ownValue(Object(t) as object, 'role') ?? null,
        ownValue(Object(t) as object, 'content') ?? ownValue(Object(t) as object, 'input') ?? null,
      ]),
    );
  }
  return typeof c.scenario === 'string' && c.scenario.trim() !== '' ? c.scenario : undefined;
}

/** Cohorts from --cohort-field: `tags` (each tag a cohort `tag:<tag>`) or `metadata.<key>`. */
function cohortsOf(c: Record<string, unknown>, cohortField: string | undefined, file: string, field: string): string[] {
  if (cohortField === undefined) return [];
  if (cohortField === 'tags') {
    const tags = c.tags ?? [];
    if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string' || t === ''))
      throw new InputError(file, `expected tags to be a list of names, got ${describe(tags)}`, {
        field: `${field}.tags`,
      });
    return (tags as string[]).map((t) => `tag:${t}`);
  }
  const key = /^(?:metadata|additionalMetadata)\.(.+)$/.exec(cohortField)?.[1];
  if (key === undefined)
    throw new InputError(
      file,
      `--cohort-field "${cohortField}": for DeepEval test runs, expected tags or metadata.<key>`,
      { field: 'cohortField' },
    );
  const metadata = c.metadata ?? c.additionalMetadata;
  const value = metadata !== null && typeof metadata === 'object' ? ownValue(metadata, key) : undefined;
  if (value === undefined || value === null || value === '') return [];
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    throw new InputError(file, `expected a text, number or boolean to name a cohort, got ${describe(value)}`, {
      field: `${field}.metadata.${key}`,
    });
  return [`${key}:${String(value)}`];
}
