import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';
import type { RecordBatch } from '../input/jsonl-records.js';
import { readAll } from '../input/text-source.js';
import { jsonEntryLines } from './json-element-lines.js';
import { stripBom } from './json-text.js';
import { Outcome, detailsOutcomes, predictionOutcomes } from './opencompass-outcomes.js';
import { EvalReader, ReaderOutput, emptyTally } from './reader-types.js';

/**
 * OpenCompass per-example files: predictions/<model>/<dataset>.json (an object keyed "0", "1", …
 * with origin_prompt, prediction, gold) or results/<model>/<dataset>.json written with
 * --dump-eval-details (its `details` hold OpenCompass's verdict per example). How correctness is
 * decided is in opencompass-outcomes.ts.
 *
 * OpenCompass numbers examples from 0 within each file; a dataset split into parts is written as
 * <dataset>_<part>.json, numbered from 0 again. So an id is `<file name>:<number>` (`ARC-c_0:12`):
 * it pairs only with the same part of the same dataset in the other run. The cohort is
 * `dataset:<name>`, the part suffix dropped.
 */
const PREDICTIONS_HEAD =
  /^\s*\{\s*"0"\s*:\s*\{\s*"(?:origin_prompt|in-context examples|label: [^"\\]*|prediction|gold)"\s*:/;
const RESULTS_HEAD = /^\s*\{\s*"[^"\\]+"\s*:\s*-?\d/;
const BATCH = 1024;

export const opencompassReader: EvalReader = {
  name: 'opencompass',
  expects:
    'OpenCompass predictions/<model>/<dataset>.json ({"0": {"origin_prompt", "prediction", "gold"}, …}) or results/<model>/<dataset>.json written with --dump-eval-details',
  detect: ({ path, head }) => {
    if (!/\.json$/i.test(path)) return false;
    const text = stripBom(head);
    return PREDICTIONS_HEAD.test(text) || (RESULTS_HEAD.test(text) && /"details"\s*:\s*[[{]/.test(text));
  },
  async read(source): Promise<ReaderOutput> {
    const file = source.path;
    const text = stripBom(await readAll(source));
    let root: unknown;
    try {
      root = JSON.parse(text);
    } catch (error) {
      throw new InputError(
        file,
        `invalid JSON (${error instanceof Error ? error.message : String(error)}); expected an OpenCompass predictions or results file`,
      );
    }
    if (root === null || typeof root !== 'object' || Array.isArray(root))
      throw new InputError(file, `expected a JSON object, got ${describe(root)}`);
    const fail = (field: string, problem: string): never => {
      throw new InputError(file, problem, { field });
    };
    const r = root as Record<string, unknown>;
    const hasDetails = Object.hasOwn(r, 'details');
    if (hasDetails && (r.details === null || typeof r.details !== 'object'))
      fail('details', `expected the per-example details (a list or an object), got ${describe(r.details)}`);
    const { outcomes, note } = hasDetails ? detailsOutcomes(r.details, fail) : predictionOutcomes(r, file, fail);
    if (outcomes.length === 0)
      fail(hasDetails ? 'details' : '0', 'the file has no examples: expected one entry per example');
    const lines = hasDetails ? [] : jsonEntryLines(text);
    const tally = emptyTally();
    tally.notes.push(note);
    return { kind: 'examples', records: toBatches(outcomes, lines, stemOf(file)), tally };
  },
};

/** The file name without .json: OpenCompass names each file after the dataset's abbr (and part). */
function stemOf(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.json$/i, '');
}

async function* toBatches(
  outcomes: readonly Outcome[],
  lines: readonly number[],
  stem: string,
): AsyncGenerator<RecordBatch> {
  const cohorts = [`dataset:${stem.replace(/_\d+$/, '')}`];
  for (let start = 0; start < outcomes.length; start += BATCH) {
    const slice = outcomes.slice(start, start + BATCH);
    yield {
      records: slice.map((o) => ({ id: `${stem}:${o.key}`, cohorts, correct: o.correct })),
      lines: slice.map((_, k) => lines[start + k] ?? 1),
    };
  }
}
