import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';
import { emptyNameRecord, ownValue } from '../named-record.js';
import { parseLocated } from '../structured-text.js';
import type { SummaryFile, SummaryMetric } from '../input/summary-schema.js';
import { readAll } from '../input/text-source.js';
import { asVersion04, sizeOfTask } from './lm-eval-results-sizes.js';
import { type Score, continuous, pooledGroup } from './lm-eval-results-groups.js';
import type { EvalReader } from './reader-types.js';

/**
 * EleutherAI lm-evaluation-harness results (`results_<timestamp>.json` under --output_path): one
 * cohort per task (`task:<name>`) and per aggregating group (`group:<name>`). A metric's name is
 * lm-eval's, with the filter appended unless it is `none` (`exact_match_strict-match`).
 *
 * Proportions (a mean of 0/1 scores: acc, exact_match, …) become {successes, n} so the gate runs its
 * binary tests on them. Other metrics with a numeric stderr become {mean, sd: stderr·√n, n}: the
 * gate's mean test divides sd by √n again, so it uses exactly lm-eval's stderr (bootstrapped for
 * perplexity, bleu, …). Without a stderr ("N/A") only the point value is given.
 * `higher_is_better` is not read: the gate's policy says which direction is a regression.
 */
export const lmEvalResultsReader: EvalReader = {
  name: 'lm-eval-results',
  expects:
    'lm-evaluation-harness results (results_<timestamp>.json from lm_eval --output_path, 0.3 to 0.4.x): {"results": {<task>: {"<metric>,<filter>": …}}, "n-samples": …}',
  // 0.4 keys are "<metric>,<filter>"; 0.3 files have plain metric keys, with "versions" and "config" after them.
  detect: ({ path, head }) =>
    /\.json$/i.test(path) &&
    /^\uFEFF?\s*\{\s*"results"\s*:\s*\{/.test(head) &&
    (/"[^"\\,]+,[^"\\]*"\s*:/.test(head) || (/\n {2}"versions"\s*:/.test(head) && /\n {2}"config"\s*:/.test(head))),
  async read(source) {
    const text = await readAll(source);
    return { kind: 'summary', summary: summarize(parseJson(text, source.path), text, source.path) };
  },
};

type Fail = (path: readonly string[], problem: string) => never;

// When lm-eval gives no stderr, the 0/1 check below cannot confirm a proportion; these built-in
// metrics are 0/1 per document by definition.
const ZERO_ONE = new Set(['acc', 'acc_norm', 'acc_mutual_info', 'exact_match']);

function summarize(raw: Record<string, unknown>, text: string, file: string): SummaryFile {
  const fail: Fail = (path, problem) => {
    throw new InputError(file, problem, { ...lineOf(text, file, path), field: path.join('.') });
  };
  object(raw.results, ['results'], fail, 'an object of tasks');
  const doc = asVersion04(raw);
  const results = doc.results as Record<string, unknown>;
  const subtasks = object(doc.group_subtasks ?? {}, ['group_subtasks'], fail, 'an object of group → subtask names');
  const groupEntries = object(doc.groups ?? {}, ['groups'], fail, 'an object of groups');
  const nSamples =
    doc['n-samples'] === undefined
      ? undefined
      : object(doc['n-samples'], ['n-samples'], fail, 'an object of task → {"original", "effective"}');
  const children = (group: string): string[] => {
    const list = ownValue(subtasks, group) ?? [];
    if (!Array.isArray(list) || list.some((name) => typeof name !== 'string'))
      fail(['group_subtasks', group], `expected a list of task names, got ${describe(list)}`);
    return list as string[];
  };
  const groups = [
    ...new Set([...Object.keys(subtasks).filter((g) => children(g).length > 0), ...Object.keys(groupEntries)]),
  ];
  const tasks = Object.keys(results).filter((name) => !groups.includes(name));
  const scores = new Map(
    tasks.map((task) => [task, scoresOf(ownValue(results, task), ['results', task], fail)] as const),
  );
  const notes: string[] = [];
  const sizes = new Map<string, number>();
  for (const [task, metrics] of scores) {
    if (metrics.size === 0) continue;
    const size = sizeOfTask(task, nSamples, metrics);
    if ('problem' in size) fail(size.field.split('.'), size.problem);
    else if ('unknown' in size)
      notes.push(`task:${task} is left out: ${size.unknown} (rerun with lm-eval 0.4.3 or later to compare it)`);
    else {
      sizes.set(task, size.n);
      if (size.derivedFrom !== undefined)
        notes.push(
          `task:${task}: n = ${size.n} derived from ${size.derivedFrom} and its stderr (n = p(1−p)/stderr² + 1; the file has no n-samples: lm-eval 0.3 or 0.4.0–0.4.2)`,
        );
    }
  }
  const sizeOf = (task: string): number => sizes.get(task) ?? 0;

  // One kind per metric name in the file: the gate rejects a metric that is a proportion in one cohort and a mean in another.
  const proportional = new Set<string>();
  const notProportional = new Set<string>();
  for (const [task, metrics] of scores) {
    if (!sizes.has(task)) continue;
    for (const [name, score] of metrics)
      (isProportion(name, score, sizeOf(task)) ? proportional : notProportional).add(name);
  }
  const isBinary = (name: string): boolean => proportional.has(name) && !notProportional.has(name);

  const cohorts = emptyNameRecord<SummaryFile['cohorts'][string]>();
  for (const [task, metrics] of scores) {
    const n = sizeOf(task);
    if (n === 0) continue;
    const out = emptyNameRecord<SummaryMetric>();
    for (const [name, score] of metrics)
      out[name] = isBinary(name) ? { successes: Math.round(score.value * n), n } : continuous(score, n);
    if (Object.keys(out).length > 0) cohorts[`task:${task}`] = { n, metrics: out };
  }
  for (const group of groups) {
    const leaves = leafTasks(group, children, groups).filter((task) => sizes.has(task));
    const where = Object.hasOwn(groupEntries, group) ? ['groups', group] : ['results', group];
    const reported = scoresOf(ownValue(groupEntries, group) ?? ownValue(results, group) ?? {}, where, fail);
    const pooled = pooledGroup(group, leaves, scores, sizeOf, isBinary, reported, notes);
    if (pooled !== undefined) cohorts[`group:${group}`] = pooled;
  }
  if (Object.keys(cohorts).length === 0) {
    fail(
      ['results'],
      'no task has a score: expected "<metric>,<filter>" values (a --predict_only run has none to compare)',
    );
  }
  return { schema: 'model-release-gate/summary@1', cohorts, ...(notes.length > 0 ? { meta: { notes } } : {}) };
}

function scoresOf(entry: unknown, where: readonly string[], fail: Fail): Map<string, Score> {
  const fields = object(entry, where, fail, 'an object of "<metric>,<filter>" values');
  const scores = new Map<string, Score>();
  for (const [key, value] of Object.entries(fields)) {
    const comma = key.indexOf(',');
    if (comma === -1) continue; // alias, and the " " placeholder of groups that aggregate nothing
    const [metric, filter] = [key.slice(0, comma), key.slice(comma + 1)];
    // `bypass` is the placeholder lm-eval reports (999) when no metric was computed.
    if (metric.endsWith('_stderr') || metric === 'bypass') continue;
    if (typeof value !== 'number' || !Number.isFinite(value))
      fail([...where, key], `expected a finite number, got ${describe(value)}`);
    const stderr = ownValue(fields, `${metric}_stderr,${filter}`);
    if (stderr !== undefined && stderr !== 'N/A' && stderr !== null && (typeof stderr !== 'number' || !(stderr >= 0))) {
      fail([...where, `${metric}_stderr,${filter}`], `expected a standard error ≥ 0 or "N/A", got ${describe(stderr)}`);
    }
    const name = filter === 'none' ? metric : `${metric}_${filter}`;
    if (scores.has(name)) fail([...where, key], `two results are both named "${name}" once the filter is appended`);
    scores.set(name, { value: value, stderr: typeof stderr === 'number' ? stderr : undefined });
  }
  return scores;
}

/** A mean of n scores that are each 0 or 1: k/n exactly, with lm-eval's stderr sqrt(p(1-p)/(n-1)). */
function isProportion(name: string, { value: p, stderr }: Score, n: number): boolean {
  if (p < 0 || p > 1 || Math.abs(p * n - Math.round(p * n)) > 1e-9 * Math.max(1, n)) return false;
  if (stderr === undefined) return ZERO_ONE.has(name);
  const expected = n > 1 ? Math.sqrt((p * (1 - p)) / (n - 1)) : 0;
  return Math.abs(stderr - expected) <= 1e-6 * expected + 1e-12;
}

function leafTasks(
  group: string,
  children: (group: string) => string[],
  groups: readonly string[],
  seen = new Set<string>(),
): string[] {
  if (seen.has(group)) return [];
  seen.add(group);
  return children(group).flatMap((child) =>
    groups.includes(child) ? leafTasks(child, children, groups, seen) : [child],
  );
}

function object(value: unknown, where: readonly string[], fail: Fail, expected: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(where, `expected ${expected}, got ${value === undefined ? 'nothing (the key is missing)' : describe(value)}`);
  }
  return value as Record<string, unknown>;
}

function parseJson(text: string, file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    // Python writes NaN for a score it could not compute; JSON has no NaN, and a missing score cannot be judged.
    const nan = /(?<![\w"])-?(?:NaN|Infinity)(?![\w"])/.exec(text);
    const reason = error instanceof Error ? error.message : String(error);
    const at = nan?.index ?? Number(/position (\d+)/.exec(reason)?.[1] ?? Number.NaN);
    const line = Number.isNaN(at) ? {} : { line: text.slice(0, at).split('\n').length };
    if (nan !== null)
      throw new InputError(
        file,
        `invalid JSON: ${nan[0]} is not a JSON number (a score lm-eval could not compute cannot be judged)`,
        line,
      );
    throw new InputError(file, `invalid JSON (${reason}); expected the results file lm_eval writes`, line);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new InputError(file, 'expected a JSON object with "results"');
  return value as Record<string, unknown>;
}

/** The line of a field, found by parsing again (with positions) only when there is an error to report. */
function lineOf(text: string, file: string, path: readonly string[]): { line?: number } {
  try {
    const line = parseLocated(file, text).lineOf(path);
    return line === undefined ? {} : { line };
  } catch {
    return {};
  }
}
