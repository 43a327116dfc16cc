import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';
import { type LocatedDocument, parseLocated } from '../structured-text.js';
import type { SummaryFile } from '../input/summary-schema.js';
import { readAll } from '../input/text-source.js';
import { type EvalReader, type FileProbe, type ReaderOutput, emptyTally } from './reader-types.js';

/**
 * Reads scikit-learn's `classification_report(y_true, y_pred, output_dict=True)` saved with
 * `json.dump`. The report only holds per-class rates, so it becomes a per-cohort summary: each class
 * is the cohort `label:<class>` with n = support, and its recall (the share of that class's examples
 * predicted right) turns back into a count of successes. Precision and F1 have no count behind them
 * that the gate could test, so they are point values.
 */

/** The keys sklearn adds next to the classes (accuracy replaces "micro avg" when they are the same). */
const AVERAGE_KEYS = new Set(['macro avg', 'weighted avg', 'micro avg', 'samples avg']);

// An average row (or, when the head is cut before the averages, the first class row) in sklearn's
// key order; JSON strings are skipped as a whole so a class named "{" cannot confuse the match.
const AVERAGE_ROW = /"(?:macro|weighted) avg"\s*:\s*\{[^{}]*"precision"\s*:[^{}]*"support"\s*:/;
const FIRST_CLASS_ROW =
  /^\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\{\s*"precision"\s*:[^{}]*"recall"\s*:[^{}]*"f1-score"\s*:[^{}]*"support"\s*:/;

// Python's json.dump writes float('nan') as a bare NaN (zero_division=np.nan gives it for an undefined
// precision). Strings are matched first so their content is never touched.
const PYTHON_NON_FINITE = /"(?:[^"\\]|\\.)*"|-?\bNaN\b|-?\bInfinity\b/g;
// Current scikit-learn and pandas' to_json write supports as floats (1509.0): a whole number is a count.
const FLOAT_SUPPORT = /"support"\s*:\s*-?\d+(?:\.\d*|(?=[eE]))/;

export const sklearnReader: EvalReader = {
  name: 'sklearn',
  expects: 'a scikit-learn classification_report(..., output_dict=True) saved as JSON',
  detect(probe: FileProbe): boolean {
    const text = stripBom(probe.head).trimStart();
    return text.startsWith('{') && (AVERAGE_ROW.test(text) || FIRST_CLASS_ROW.test(text));
  },
  async read(source): Promise<ReaderOutput> {
    const raw = stripBom(await readAll(source));
    // NaN becomes null, which keeps every line where it was; null is then accepted only where sklearn
    // can legitimately write NaN (precision and F1), never for a count or a recall.
    const text = raw.replace(PYTHON_NON_FINITE, (token) => (token.startsWith('"') ? token : 'null'));
    const document = parseLocated(source.path, text);
    const summary = reportToSummary(document);
    const floats = FLOAT_SUPPORT.exec(text);
    const tally = emptyTally();
    if (floats !== null) {
      tally.notes.push(
        `supports written as whole floats (${floats[0].replace(/^.*:\s*/, '')}) were read as counts of examples, as scikit-learn and pandas write them`,
      );
    }
    return { kind: 'summary', summary, tally };
  },
};

function reportToSummary(document: LocatedDocument): SummaryFile {
  const fail = (path: string[], problem: string): never => {
    const line = document.lineOf(path);
    throw new InputError(document.file, problem, { ...(line === undefined ? {} : { line }), field: path.join('.') });
  };
  const report = document.value;
  if (report === null || typeof report !== 'object' || Array.isArray(report)) {
    return fail(
      [],
      `expected a JSON object (classification_report(..., output_dict=True) saved with json.dump), got ${describe(report)}`,
    );
  }

  const cohorts: SummaryFile['cohorts'] = {};
  let totalSupport = 0;
  let classes = 0;
  for (const [key, row] of Object.entries(report as Record<string, unknown>)) {
    if (key === 'accuracy' || AVERAGE_KEYS.has(key)) continue;
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      fail([key], `expected a class row {"precision", "recall", "f1-score", "support"}, got ${describe(row)}`);
    }
    const r = row as Record<string, unknown>;
    classes++;
    const support = wholeCount(r.support, (problem) => fail([key, 'support'], problem));
    totalSupport += support;
    // A class with no true examples (only predicted, or listed in labels=) has nothing to judge.
    if (support === 0) continue;
    const recall = rate(r.recall, false, (problem) => fail([key, 'recall'], problem));
    const successes = countFromRate(recall as number, support, (problem) => fail([key, 'recall'], problem));
    const metrics: SummaryFile['cohorts'][string]['metrics'] = { accuracy: { successes, n: support } };
    const precision = rate(r.precision, true, (problem) => fail([key, 'precision'], problem));
    if (precision !== undefined) metrics.precision = { value: precision };
    const f1 = rate(r['f1-score'], true, (problem) => fail([key, 'f1-score'], problem));
    if (f1 !== undefined) metrics.f1 = { value: f1 };
    cohorts[`label:${key}`] = { n: support, metrics };
  }
  if (classes === 0) fail([], 'expected at least one class row next to "accuracy" and the averages');

  // Every average row repeats the total support; a different number means a cut or edited report.
  for (const key of AVERAGE_KEYS) {
    const average = (report as Record<string, unknown>)[key];
    if (average === undefined) continue;
    const support = (average as Record<string, unknown> | null)?.support;
    if (typeof support === 'number' && Math.abs(support - totalSupport) > 1e-9 * Math.max(1, totalSupport)) {
      fail(
        [key, 'support'],
        `the class supports add up to ${totalSupport}, but "${key}".support is ${support}: is a class row missing?`,
      );
    }
  }

  const accuracy = accuracyValue((report as Record<string, unknown>).accuracy, (problem) =>
    fail(['accuracy'], problem),
  );
  if (accuracy !== undefined) {
    // "accuracy" is only written for single-label reports over all labels, where the supports add up
    // to the number of examples; multilabel and labels= subsets give "micro avg" instead, and no overall.
    const share = rate(accuracy, false, (problem) => fail(['accuracy'], problem)) as number;
    if (totalSupport === 0) fail(['accuracy'], 'expected at least one example (every class has support 0)');
    const successes = countFromRate(share, totalSupport, (problem) => fail(['accuracy'], problem));
    return {
      schema: 'model-release-gate/summary@1',
      cohorts: { overall: { n: totalSupport, metrics: { accuracy: { successes } } }, ...cohorts },
    };
  }
  if (Object.keys(cohorts).length === 0) fail([], 'expected at least one class with support ≥ 1');
  return { schema: 'model-release-gate/summary@1', cohorts };
}

/**
 * The report's accuracy: a number, or, in a report saved with pandas (`DataFrame(report).to_json()`),
 * a row whose four cells all repeat it.
 */
function accuracyValue(value: unknown, fail: (problem: string) => never): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const cells = ['precision', 'recall', 'f1-score', 'support'].map((key) => (value as Record<string, unknown>)[key]);
  const first = cells[0];
  if (typeof first !== 'number' || cells.some((cell) => cell !== first)) {
    return fail(
      `expected the accuracy as a number, or (as pandas writes it) a row whose precision, recall, f1-score and support all hold it; its cells differ`,
    );
  }
  return first;
}

function wholeCount(value: unknown, fail: (problem: string) => never): number {
  if (typeof value !== 'number') {
    const got = value === undefined ? 'but the key is missing' : `got ${value === null ? 'NaN' : describe(value)}`;
    return fail(`expected the number of true examples of this class (a whole number), ${got}`);
  }
  if (value < 0) return fail(`expected a number of examples (0 or more), got ${value}`);
  if (!Number.isInteger(value)) {
    return fail(
      `support ${value} has a fractional part, so it is not a count of examples: the report was computed with sample_weight (weighted supports), which the gate cannot test; compute it without sample_weight`,
    );
  }
  return value;
}

/** A share in [0, 1]; NaN (read as null) is allowed only where sklearn writes it for an undefined ratio. */
function rate(value: unknown, nanAllowed: boolean, fail: (problem: string) => never): number | undefined {
  if (value === undefined)
    return nanAllowed ? undefined : fail('expected a number between 0 and 1, but the key is missing');
  if (value === null)
    return nanAllowed ? undefined : fail('expected a number between 0 and 1, got NaN (a rate that cannot be judged)');
  if (typeof value !== 'number' || value < 0 || value > 1)
    return fail(`expected a number between 0 and 1, got ${describe(value)}`);
  return value;
}

/** rate × n must come back to a whole count: sklearn divides integers, so anything else is not its output. */
function countFromRate(share: number, n: number, fail: (problem: string) => never): number {
  const exact = share * n;
  const successes = Math.round(exact);
  if (Math.abs(exact - successes) > 1e-6 * n) {
    return fail(
      `${share} × ${n} examples = ${exact}, not a whole number of examples: expected the rate sklearn computed from these counts`,
    );
  }
  return successes;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
