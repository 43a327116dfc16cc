import { InputError } from '../errors.js';
import type { RecordBatch } from '../input/jsonl-records.js';
import { readAll } from '../input/text-source.js';
import { isEscaped, stripBom } from './json-text.js';
import { RunPlan, planRun } from './promptfoo-plan.js';
import { parseRow } from './promptfoo-rows.js';
import { EvalReader, FileProbe, ReaderOutput, emptyTally } from './reader-types.js';

/**
 * Reads `promptfoo eval --output results.json`: {evalId, results: {version, timestamp, prompts,
 * results: [EvaluateResult...], stats}, config, shareableUrl, metadata}. Version 3 is what promptfoo
 * writes today; version 2 (results.table instead of results.prompts) and 4 are read the same way, from
 * their per-result entries.
 *
 * A test is named by what it is (its description and vars, or a variable the user names), never by
 * its position, so it pairs only with the same test in the other run. One run may compare several
 * providers and prompts side by side: `file.json#provider=A` (or `#prompt=<label>`) reads one of them,
 * and --cohort-field provider/prompt compares each with its namesake in another run; a run of several
 * providers is otherwise refused rather than mixed (see promptfoo-plan.ts).
 */

const HEAD =
  /^\s*\{\s*(?:"evalId"\s*:\s*(?:"(?:[^"\\]|\\.)*"|null)\s*,\s*)?"results"\s*:\s*\{\s*"version"\s*:\s*[234]\s*,\s*"timestamp"\s*:/;
const VERSIONS: readonly unknown[] = [2, 3, 4];
const BATCH = 1024;

export const promptfooReader: EvalReader = {
  name: 'promptfoo',
  expects: 'promptfoo eval --output results.json (results.version 2, 3 or 4)',
  accepts: ['mapping', 'cohortField', 'select'],
  detect: (probe: FileProbe) => HEAD.test(stripBom(probe.head)),
  async read(source, options): Promise<ReaderOutput> {
    const text = stripBom(await readAll(source));
    const file = source.path;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(
        file,
        `invalid JSON (${error instanceof Error ? error.message : String(error)}); expected the file promptfoo eval --output writes`,
      );
    }
    const summary = (value as { results?: unknown } | null)?.results as
      { version?: unknown; results?: unknown } | undefined;
    if (
      summary === null ||
      typeof summary !== 'object' ||
      !VERSIONS.includes(summary.version) ||
      !Array.isArray(summary.results)
    ) {
      throw new InputError(
        file,
        'expected {"results": {"version": 2, 3 or 4, "results": [...]}} as promptfoo eval --output writes',
        { field: 'results' },
      );
    }
    const lines = arrayElementLines(text, ['results', 'results']);
    const rows = summary.results.map((entry, i) => parseRow(entry, i, lines[i] ?? 1, file));
    const plan = planRun(rows, options, file);
    const tally = emptyTally();
    tally.notes.push(...plan.notes);
    return { kind: 'examples', records: toBatches(plan), tally };
  },
};

async function* toBatches({ rows, idOf, cohortsOf, metricNames }: RunPlan): AsyncGenerator<RecordBatch> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const records = batch.map((row) => {
      const cohorts = cohortsOf(row);
      const metrics = Object.fromEntries(metricNames.map((name) => [name, row.metrics[name]]));
      return { id: idOf(row), ...(cohorts.length > 0 ? { cohorts } : {}), correct: row.success, metrics };
    });
    yield { records, lines: batch.map((row) => row.line) };
  }
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
    if (
      top?.array === true &&
      stack.length === path.length + 1 &&
      path.every((key, k) => stack[k]?.array === false && stack[k]?.key === key)
    ) {
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
