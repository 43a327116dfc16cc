import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';
import { parseJsonLine } from '../input/jsonl-records.js';
import { ownValue } from '../named-record.js';
import { TextSource, readLineBatches } from '../input/text-source.js';
import { runFileOf, samplesFileName, taskFromPath } from './lm-eval-run.js';

/**
 * Reads lm-eval sample lines (one file, or every file of a run directory) into documents per task.
 * Each line is one document under one filter; the same document and filter twice is a repeat.
 */

/** One document: its scores per filter, one map of metric → score per occurrence. */
export interface SampleDoc {
  readonly docId: string;
  readonly line: number;
  readonly cohorts: readonly string[];
  readonly byFilter: Map<string, Map<string, number>[]>;
  /** Whether the lines named their filter (lm-eval 0.4.3 and later write `filter`). */
  readonly namedFilter: boolean;
  /** What makes the document this document: its doc_hash and target_hash (or target), as written. */
  readonly identity: Readonly<Record<string, string>>;
}

export interface TaskSamples {
  readonly task: string | undefined;
  /** The file as messages name it (inside a run directory: directory/name). */
  readonly file: string;
  /** Line of the stream where this file's first line is (0 for a single file). */
  readonly offset: number;
  readonly docs: SampleDoc[];
}

export interface CollectedRun {
  readonly tasks: TaskSamples[];
  /** The run's results_<time>.json, parsed, when the run directory has one. */
  readonly results: Record<string, unknown> | undefined;
  readonly isRun: boolean;
}

// Fields lm-eval writes next to the scores; used only by files too old to list `metrics`.
const SAMPLE_FIELDS = new Set([
  'doc_id',
  'doc',
  'target',
  'arguments',
  'resps',
  'filtered_resps',
  'filter',
  'metrics',
  'doc_hash',
  'prompt_hash',
  'target_hash',
  'task_name',
]);

/** Parses --cohort-field for samples: `doc.<field>`, several comma-separated. */
export function docCohortFields(cohortField: string | undefined, file: string): string[][] {
  if (cohortField === undefined || cohortField.trim() === '') return [];
  return cohortField.split(',').map((raw) => {
    const field = raw.trim();
    const path = field.split('.');
    if (path[0] !== 'doc' || path.length < 2 || path.some((part) => part === '')) {
      throw new InputError(
        file,
        `cohort field "${field}" is not a field of the lm-eval document: expected doc.<field> (e.g. doc.subject), several separated by commas`,
      );
    }
    return path.slice(1);
  });
}

export async function collectSamples(source: TextSource, cohortPaths: readonly string[][]): Promise<CollectedRun> {
  const tasks: TaskSamples[] = [];
  let current: (TaskSamples & { index: Map<string, SampleDoc> }) | undefined;
  let resultsLines: string[] | undefined;
  let resultsName = '';
  let results: Record<string, unknown> | undefined;
  let isRun = false;
  const start = (task: string | undefined, file: string, offset: number): void => {
    current = { task, file, offset, docs: [], index: new Map() };
    tasks.push(current);
  };
  const closeResults = (): void => {
    if (resultsLines === undefined) return;
    results = parseResults(resultsLines.join('\n'), `${source.path}/${resultsName}`);
    resultsLines = undefined;
  };
  for await (const { texts, firstLine } of readLineBatches(source)) {
    for (let i = 0; i < texts.length; i++) {
      const line = firstLine + i;
      const text = texts[i] as string;
      const marked = runFileOf(text);
      if (marked !== undefined) {
        isRun = true;
        closeResults();
        if (samplesFileName(marked) === undefined) {
          resultsLines = [];
          resultsName = marked;
          current = undefined;
        } else start(samplesFileName(marked)?.task, `${source.path}/${marked}`, line);
        continue;
      }
      if (resultsLines !== undefined) {
        resultsLines.push(text);
        continue;
      }
      if (current === undefined) start(taskFromPath(source.path), source.path, 0);
      readLine(
        text,
        line - (current as TaskSamples).offset,
        current as TaskSamples & { index: Map<string, SampleDoc> },
        cohortPaths,
        line,
      );
    }
  }
  closeResults();
  return { tasks: tasks.filter((t) => t.docs.length > 0 || !isRun), results, isRun };
}

function readLine(
  text: string,
  line: number,
  task: TaskSamples & { index: Map<string, SampleDoc> },
  cohortPaths: readonly string[][],
  streamLine: number,
): void {
  const file = task.file;
  const sample = parseJsonLine(text, line, file);
  if (sample === undefined) return;
  if (sample === null || typeof sample !== 'object' || Array.isArray(sample)) {
    throw new InputError(file, `expected one JSON object per line (an lm-eval sample), got ${describe(sample)}`, {
      line,
    });
  }
  const s = sample as Record<string, unknown>;
  const docId = s.doc_id;
  if (!(
    (typeof docId === 'number' && Number.isInteger(docId) && docId >= 0) ||
    (typeof docId === 'string' && docId !== '')
  )) {
    throw new InputError(file, `expected doc_id, the document's index (a whole number ≥ 0), got ${describe(docId)}`, {
      line,
      field: 'doc_id',
    });
  }
  const filter = s.filter ?? 'none';
  if (typeof filter !== 'string' || filter === '')
    throw new InputError(file, `expected the filter's name, got ${describe(filter)}`, { line, field: 'filter' });
  let doc = task.index.get(String(docId));
  if (doc === undefined) {
    doc = {
      docId: String(docId),
      line: streamLine,
      cohorts: cohortsOf(s.doc, cohortPaths, file, line),
      byFilter: new Map(),
      namedFilter: s.filter !== undefined,
      identity: identityOf(s),
    };
    task.index.set(doc.docId, doc);
    task.docs.push(doc);
  } else if (!doc.namedFilter || s.filter === undefined) {
    throw new InputError(
      file,
      `doc_id ${doc.docId} appears again (first on line ${doc.line - task.offset}) and the lines name no filter (lm-eval before 0.4.3): repeats cannot be told from filters`,
      { line, field: 'doc_id' },
    );
  }
  const scores = new Map<string, number>();
  for (const key of metricNames(s, file, line)) {
    const value = score(ownValue(s, key), file, line, key);
    if (value !== undefined) scores.set(key, value);
  }
  const occurrences = doc.byFilter.get(filter) ?? [];
  occurrences.push(scores);
  doc.byFilter.set(filter, occurrences);
}

function identityOf(s: Record<string, unknown>): Record<string, string> {
  const identity: Record<string, string> = {};
  if (typeof s.doc_hash === 'string') identity.doc_hash = s.doc_hash;
  if (typeof s.target_hash === 'string') identity.target_hash = s.target_hash;
  else if (s.target !== undefined) identity.target = JSON.stringify(s.target);
  return identity;
}

function cohortsOf(doc: unknown, paths: readonly string[][], file: string, line: number): string[] {
  return paths.map((path) => {
    let value: unknown = doc;
    for (const part of path)
      value = value !== null && typeof value === 'object' && !Array.isArray(value) ? ownValue(value, part) : undefined;
    const field = `doc.${path.join('.')}`;
    if (typeof value === 'string' ? value === '' : typeof value !== 'number' && typeof value !== 'boolean') {
      throw new InputError(
        file,
        `expected a text, number or true/false at ${field} to name this document's cohort, got ${value === undefined ? 'nothing (the field is missing)' : describe(value)}`,
        { line, field },
      );
    }
    return `${path[path.length - 1] as string}:${String(value)}`;
  });
}

function metricNames(sample: Record<string, unknown>, file: string, line: number): string[] {
  const listed = sample.metrics;
  if (listed === undefined)
    return Object.keys(sample).filter((key) => !SAMPLE_FIELDS.has(key) && typeof sample[key] === 'number');
  if (!Array.isArray(listed) || listed.some((name) => typeof name !== 'string')) {
    throw new InputError(file, `expected the list of metric names, got ${describe(listed)}`, {
      line,
      field: 'metrics',
    });
  }
  // `bypass` is lm-eval's placeholder when no metric was computed (--predict_only).
  return (listed as string[]).filter((name) => name !== 'bypass');
}

/** A per-document score; undefined for corpus-level metrics, whose per-document value is a (gold, prediction) pair. */
function score(value: unknown, file: string, line: number, field: string): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  // numpy booleans reach the file through str(): "True" / "False".
  if (value === 'True' || value === 'False') return value === 'True' ? 1 : 0;
  if (Array.isArray(value) || (typeof value === 'object' && value !== null)) return undefined;
  throw new InputError(file, `expected a finite number (this document's score), got ${describe(value)}`, {
    line,
    field,
  });
}

function parseResults(text: string, file: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new InputError(file, "the run's results file is not the JSON object lm_eval writes");
}
