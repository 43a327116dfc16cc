import { InputError } from '../errors.js';
import { describe } from '../load/example-layout.js';
import { RecordBatch, parseJsonLine } from '../load/jsonl-records.js';
import { emptyNameRecord, ownValue } from '../named-record.js';
import { TextSource, readLineBatches } from '../load/text-source.js';
import type { EvalReader } from './reader-types.js';

/**
 * EleutherAI lm-evaluation-harness per-sample logs (`samples_<task>_<timestamp>.jsonl`, written with
 * --log_samples): one line per document and filter, with the metric names in `metrics` and each
 * score as a top-level key. Each document becomes one record, id `<task>:<doc_id>` (the task comes
 * from the file name; a renamed file gives plain `<doc_id>` ids), in cohort `task:<task>`.
 *
 * A filter's scores are named like the results reader names them (`exact_match_strict-match`, plain
 * `acc` for filter `none`) and kept on the same record: two filters score the same document, so
 * making them separate examples would count every document twice in `overall`.
 * A metric whose scores are all 0 or 1 becomes a check (binary tests); any other, a metric.
 */
export const lmEvalSamplesReader: EvalReader = {
  name: 'lm-eval-samples',
  expects: 'lm-evaluation-harness per-sample logs (samples_<task>_<timestamp>.jsonl from lm_eval --log_samples): {"doc_id", "filter", "metrics", <metric>: score, …} per line',
  detect: ({ path, head }) => {
    const first = head.split('\n', 1)[0] ?? '';
    // lm-eval writes doc_id first and resps after the document, which can outgrow the head.
    const cutShort = !head.includes('\n') && /^\uFEFF?\{\s*"doc_id"\s*:/.test(first);
    return /\.jsonl$/i.test(path) && /"doc_id"\s*:/.test(first) && (cutShort || /"(?:filtered_)?resps"\s*:/.test(first));
  },
  read: (source) => Promise.resolve({ kind: 'examples', records: readSamples(source) }),
};

/** The task name from lm-eval's file name, `samples_<task>_<ISO time with - for :>.jsonl`. */
export function taskFromPath(path: string): string | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  return /^samples_(.+)_\d{4}-\d{2}-\d{2}T[\d.-]+\.jsonl$/i.exec(name)?.[1];
}

// Fields lm-eval writes next to the scores; used only by files too old to list `metrics`.
const SAMPLE_FIELDS = new Set(['doc_id', 'doc', 'target', 'arguments', 'resps', 'filtered_resps', 'filter', 'metrics', 'doc_hash', 'prompt_hash', 'target_hash', 'task_name']);

/** Every document's scores, held in columns (score[name][document]) until the file is read. */
interface Collected {
  readonly docIds: string[];
  readonly firstLines: number[];
  readonly scores: Map<string, number[]>;
}

async function* readSamples(source: TextSource): AsyncGenerator<RecordBatch> {
  // Whether a metric is binary is known only once all its scores are read, so documents are collected first.
  const { docIds, firstLines, scores } = await collect(source);
  const task = taskFromPath(source.path);
  const binary = new Map([...scores].map(([name, values]) => [name, values.every((v) => v === 0 || v === 1)] as const));
  for (let start = 0; start < docIds.length; start += 1024) {
    const batch: RecordBatch = { records: [], lines: [] };
    for (let doc = start; doc < Math.min(docIds.length, start + 1024); doc++) {
      const checks = emptyNameRecord<boolean>();
      const metrics = emptyNameRecord<number>();
      for (const [name, values] of scores) {
        const value = values[doc] as number;
        if (binary.get(name) === true) checks[name] = value === 1;
        else metrics[name] = value;
      }
      const id = task === undefined ? (docIds[doc] as string) : `${task}:${docIds[doc] as string}`;
      batch.records.push({ id, cohorts: task === undefined ? [] : [`task:${task}`], checks, metrics });
      batch.lines.push(firstLines[doc] as number);
    }
    yield batch;
  }
}

async function collect(source: TextSource): Promise<Collected> {
  const file = source.path;
  const collected: Collected = { docIds: [], firstLines: [], scores: new Map() };
  const docIndex = new Map<string, number>();
  for await (const { texts, firstLine } of readLineBatches(source)) {
    for (let i = 0; i < texts.length; i++) {
      const line = firstLine + i;
      const sample = parseJsonLine(texts[i] as string, line, file);
      if (sample === undefined) continue;
      if (sample === null || typeof sample !== 'object' || Array.isArray(sample)) {
        throw new InputError(file, `expected one JSON object per line (an lm-eval sample), got ${describe(sample)}`, { line });
      }
      const s = sample as Record<string, unknown>;
      const docId = s.doc_id;
      if (!((typeof docId === 'number' && Number.isInteger(docId) && docId >= 0) || (typeof docId === 'string' && docId !== ''))) {
        throw new InputError(file, `expected doc_id, the document's index (a whole number ≥ 0), got ${describe(docId)}`, { line, field: 'doc_id' });
      }
      const filter = s.filter ?? 'none';
      if (typeof filter !== 'string' || filter === '') throw new InputError(file, `expected the filter's name, got ${describe(filter)}`, { line, field: 'filter' });
      let doc = docIndex.get(String(docId));
      if (doc === undefined) {
        doc = collected.docIds.length;
        docIndex.set(String(docId), doc);
        collected.docIds.push(String(docId));
        collected.firstLines.push(line);
      }
      for (const metric of metricNames(s, file, line)) {
        const value = score(ownValue(s, metric), file, line, metric);
        if (value === undefined) continue;
        const name = filter === 'none' ? metric : `${metric}_${filter}`;
        let values = collected.scores.get(name);
        if (values === undefined) {
          values = [];
          collected.scores.set(name, values);
        }
        if (values[doc] !== undefined) {
          throw new InputError(file, `doc_id ${String(docId)} has a second "${filter}" sample (first on line ${collected.firstLines[doc]}): expected one line per document and filter`, { line, field: 'doc_id' });
        }
        values[doc] = value;
      }
    }
  }
  return complete(collected, file);
}

function metricNames(sample: Record<string, unknown>, file: string, line: number): string[] {
  const listed = sample.metrics;
  if (listed === undefined) return Object.keys(sample).filter((key) => !SAMPLE_FIELDS.has(key) && typeof sample[key] === 'number');
  if (!Array.isArray(listed) || listed.some((name) => typeof name !== 'string')) {
    throw new InputError(file, `expected the list of metric names, got ${describe(listed)}`, { line, field: 'metrics' });
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
  throw new InputError(file, `expected a finite number (this document's score), got ${describe(value)}`, { line, field });
}

function complete(collected: Collected, file: string): Collected {
  if (collected.docIds.length === 0) throw new InputError(file, 'the file has no samples: expected one lm-eval sample per line');
  if (collected.scores.size === 0) {
    throw new InputError(file, 'no sample has a per-document score (a --predict_only run, or only corpus-level metrics such as bleu): nothing to compare', { line: 1 });
  }
  for (const [name, values] of collected.scores) {
    for (let doc = 0; doc < collected.docIds.length; doc++) {
      if (values[doc] === undefined) {
        throw new InputError(file, `doc_id ${collected.docIds[doc] as string} has no ${name} score, which other documents have: every document needs the same metrics and filters`, {
          line: collected.firstLines[doc] as number,
          field: name,
        });
      }
    }
  }
  return collected;
}
