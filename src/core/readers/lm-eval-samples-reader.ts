import { InputError } from '../errors.js';
import { RecordBatch } from '../input/jsonl-records.js';
import { emptyNameRecord, ownValue } from '../named-record.js';
import type { TextSource } from '../input/text-source.js';
import { CollectedRun, SampleDoc, TaskSamples, collectSamples, docCohortFields } from './lm-eval-samples-collect.js';
import { startsWithRunMarker } from './lm-eval-run.js';
import { type EvalReader, type ReadTally, emptyTally } from './reader-types.js';

/**
 * EleutherAI lm-evaluation-harness per-sample logs (`samples_<task>_<timestamp>.jsonl`, written with
 * --log_samples), one file or a whole run directory: one line per document and filter, with the
 * metric names in `metrics` and each score as a top-level key. Each document becomes a record, id
 * `<task>:<doc_id>` (the task comes from the file name; a renamed file gives plain `<doc_id>` ids), in
 * cohort `task:<task>` and, with cohortField `doc.<field>` (several comma-separated), `<field>:<value>`.
 *
 * A filter's scores are named like the results reader names them (`exact_match_strict-match`, plain
 * `acc` for filter `none`) and kept on the same record: two filters score the same document. The
 * same document and filter on several lines are repeats: one record each, with the same id, which
 * the loading path aggregates as the policy's `inputs.repeats` says.
 * A metric whose scores are all 0 or 1 becomes a check (binary tests); any other, a metric.
 */
export const lmEvalSamplesReader: EvalReader = {
  name: 'lm-eval-samples',
  accepts: ['cohortField'],
  expects:
    'lm-evaluation-harness per-sample logs (samples_<task>_<timestamp>.jsonl from lm_eval --log_samples, or the run directory holding them): {"doc_id", "filter", "metrics", <metric>: score, …} per line',
  detect: ({ path, head }) => {
    if (startsWithRunMarker(head)) return true;
    const first = head.split('\n', 1)[0] ?? '';
    // lm-eval writes doc_id first and resps after the document, which can outgrow the head.
    const cutShort = !head.includes('\n') && /^\uFEFF?\{\s*"doc_id"\s*:/.test(first);
    return (
      /\.jsonl$/i.test(path) && /"doc_id"\s*:/.test(first) && (cutShort || /"(?:filtered_)?resps"\s*:/.test(first))
    );
  },
  read: (source, options) => {
    const tally = emptyTally();
    const cohortPaths = docCohortFields(options.cohortField, source.path);
    return Promise.resolve({ kind: 'examples', records: readSamples(source, cohortPaths, tally), tally });
  },
};

interface Example {
  readonly id: string;
  readonly cohorts: string[];
  readonly line: number;
  readonly scores: Map<string, number>;
}

async function* readSamples(
  source: TextSource,
  cohortPaths: readonly string[][],
  tally: ReadTally,
): AsyncGenerator<RecordBatch> {
  // Whether a metric is binary is known only once all its scores are read, so documents are collected first.
  const run = await collectSamples(source, cohortPaths);
  const examples = run.tasks.flatMap((task) => examplesOf(task, run, tally));
  const names = sharedMetrics(run, examples, source.path, tally);
  const binary = new Map(
    names.map((name) => [name, examples.every((e) => [0, 1].includes(e.scores.get(name) as number))] as const),
  );
  for (let start = 0; start < examples.length; start += 1024) {
    const batch: RecordBatch = { records: [], lines: [] };
    for (const example of examples.slice(start, start + 1024)) {
      const checks = emptyNameRecord<boolean>();
      const metrics = emptyNameRecord<number>();
      for (const name of names) {
        const value = example.scores.get(name) as number;
        if (binary.get(name) === true) checks[name] = value === 1;
        else metrics[name] = value;
      }
      batch.records.push({ id: example.id, cohorts: example.cohorts, checks, metrics });
      batch.lines.push(example.line);
    }
    yield batch;
  }
}

/** One example per document and repeat, each filter's scores under its own names. */
function examplesOf(task: TaskSamples, run: CollectedRun, tally: ReadTally): Example[] {
  if (task.docs.length === 0)
    throw new InputError(task.file, 'the file has no samples: expected one lm-eval sample per line');
  const renamed = new Set<string>();
  const examples: Example[] = [];
  let repeated = 0;
  for (const doc of task.docs) {
    const repeats = repeatCount(doc, task);
    if (repeats > 1) repeated += 1;
    for (let r = 0; r < repeats; r++) {
      const scores = new Map<string, number>();
      for (const [filter, occurrences] of doc.byFilter) {
        for (const [key, value] of occurrences[r] as Map<string, number>) {
          const name = metricName(key, filter, doc, task.task, run, renamed);
          if (scores.has(name))
            throw new InputError(
              task.file,
              `two scores of doc_id ${doc.docId} are both named "${name}" once the filter is appended`,
              { line: doc.line - task.offset, field: key },
            );
          scores.set(name, value);
        }
      }
      examples.push({
        id: task.task === undefined ? doc.docId : `${task.task}:${doc.docId}`,
        cohorts: [...(task.task === undefined ? [] : [`task:${task.task}`]), ...doc.cohorts],
        line: doc.line,
        scores,
      });
    }
  }
  for (const note of renamed) tally.notes.push(note);
  if (repeated > 0)
    tally.notes.push(
      `${task.file}: ${repeated} document(s) have several samples per filter (repeats): one example each, with the same id`,
    );
  return examples;
}

function repeatCount(doc: SampleDoc, task: TaskSamples): number {
  const counts = [...doc.byFilter].map(([filter, occurrences]) => [filter, occurrences.length] as const);
  const first = counts[0]?.[1] ?? 0;
  const odd = counts.find(([, n]) => n !== first);
  if (odd !== undefined) {
    throw new InputError(
      task.file,
      `doc_id ${doc.docId} has ${first} sample(s) under filter "${counts[0]?.[0] as string}" but ${odd[1]} under "${odd[0]}": every filter needs the same number of repeats`,
      { line: doc.line - task.offset, field: 'filter' },
    );
  }
  return first;
}

/**
 * A score's name: `<metric>` for filter none, else `<metric>_<filter>`, as the results reader names
 * it. Files too old to name the filter get the one filter the run's results file gives that metric,
 * so results and samples of one run use the same names.
 */
function metricName(
  key: string,
  filter: string,
  doc: SampleDoc,
  task: string | undefined,
  run: CollectedRun,
  renamed: Set<string>,
): string {
  const comma = key.indexOf(',');
  const [metric, named] = comma === -1 ? [key, filter] : [key.slice(0, comma), key.slice(comma + 1)];
  let effective = named;
  if (!doc.namedFilter && comma === -1 && task !== undefined && run.results !== undefined) {
    const entry = ownValue(run.results.results ?? {}, task);
    const filters = Object.keys(entry ?? {})
      .filter((k) => k.startsWith(`${metric},`))
      .map((k) => k.slice(metric.length + 1));
    if (filters.length === 1 && filters[0] !== 'none') {
      effective = filters[0] as string;
      renamed.add(
        `task:${task}: the samples name no filter; "${metric}" named ${metric}_${effective} after the results file's only filter for it`,
      );
    }
  }
  return effective === 'none' ? metric : `${metric}_${effective}`;
}

/**
 * The metrics every example has. In one file every document must have the same ones; across the
 * tasks of a run, a metric only some tasks have is left out (and said so in the tally), since an
 * example cannot be scored on a metric its task does not compute.
 */
function sharedMetrics(run: CollectedRun, examples: readonly Example[], path: string, tally: ReadTally): string[] {
  const perTask = new Map<string, Set<string>>();
  for (const task of run.tasks) {
    const ofTask = examples.filter((e) => e.cohorts[0] === `task:${task.task as string}` || task.task === undefined);
    const names = new Set(ofTask[0]?.scores.keys() ?? []);
    for (const example of ofTask) {
      for (const name of new Set([...names, ...example.scores.keys()])) {
        if (!example.scores.has(name) || !names.has(name)) {
          const doc = example.id.slice(example.id.lastIndexOf(':') + 1);
          throw new InputError(
            task.file,
            `doc_id ${doc} has no ${name} score, which other documents have: every document needs the same metrics and filters`,
            { line: example.line - task.offset, field: name },
          );
        }
      }
    }
    perTask.set(task.task ?? '', names);
  }
  const all = [...new Set([...perTask.values()].flatMap((names) => [...names]))].sort();
  const shared = all.filter((name) => [...perTask.values()].every((names) => names.has(name)));
  if (all.length === 0) {
    throw new InputError(
      run.tasks[0]?.file ?? path,
      'no sample has a per-document score (a --predict_only run, or only corpus-level metrics such as bleu): nothing to compare',
      { line: 1 },
    );
  }
  if (shared.length === 0) {
    throw new InputError(
      path,
      "the run's tasks share no metric, so no example can be compared on one: give each task's samples file on its own",
      {
        details: [...perTask].map(([task, names]) => `- ${task}: ${[...names].join(', ')}`),
      },
    );
  }
  for (const name of all.filter((n) => !shared.includes(n))) {
    const having = [...perTask].filter(([, names]) => names.has(name)).map(([task]) => task);
    tally.notes.push(
      `${name} is left out: only ${having.join(', ')} of the run's tasks score it (compare those tasks' samples files on their own to see it)`,
    );
  }
  return shared;
}
