import type { RecordBatch } from '../input/jsonl-records.js';
import { readAll } from '../input/text-source.js';
import { emptyNameRecord } from '../named-record.js';
import { type DeepevalCase, parseDeepevalCases } from './deepeval-cases.js';
import { stripBom } from './json-text.js';
import { ExampleMissing, nothingLeft } from './missing-values.js';
import { emptyTally } from './reader-types.js';
import type { EvalReader, ReaderOptions, ReadTally } from './reader-types.js';

/**
 * DeepEval test runs: `.deepeval/.latest_test_run.json` ({"testRunData": TestRun}), and a bare
 * TestRun as `deepeval test run` saves it under DEEPEVAL_RESULTS_FOLDER (`test_run_<time>.json`) or
 * `.deepeval/.latest_run_full.json`. Test cases are `testCases` and `conversationalTestCases`, each
 * with `metricsData` (DeepEval 1.x and later; 0.21 wrote `metricsMetadata` with `metric` for the name).
 *
 * Each test case is one example; each of its metrics gives a pass/fail check named after the metric
 * (`Answer Relevancy`: its `success`) and a continuous metric `<metric>.score` (its `score`). A metric
 * with `error` set (the judge failed) is a failure of its check. A missing verdict follows
 * `inputs.missing_values` (unset: a failure). A score missing on any test case (an errored metric has
 * none) removes that `<metric>.score` for the whole file, with a note: the check still counts the
 * test case, which dropping it for a missing score would hide.
 */
const BATCH = 1024;

export const deepevalReader: EvalReader = {
  name: 'deepeval',
  expects:
    'a DeepEval test run (.deepeval/.latest_test_run.json, or test_run_<time>.json from DEEPEVAL_RESULTS_FOLDER): {"testRunData": {"testCases": [...]}}',
  accepts: ['cohortField'],
  detect: ({ path, head }) =>
    /\.json$/i.test(path) &&
    /^\s*\{\s*"(?:testRunData|testRunLink|testFile|testCases|conversationalTestCases)"\s*:/.test(stripBom(head)),
  async read(source, options) {
    const cases = parseDeepevalCases(stripBom(await readAll(source)), source.path, options.cohortField);
    const tally = emptyTally();
    return { kind: 'examples', records: toBatches(cases, options, source.path, tally), tally };
  },
};

async function* toBatches(
  cases: readonly DeepevalCase[],
  options: ReaderOptions,
  file: string,
  tally: ReadTally,
): AsyncGenerator<RecordBatch> {
  const metricNames = [...new Set(cases.flatMap((c) => c.metrics.map((m) => m.name)))].sort();
  const scored = metricNames.filter((name) =>
    cases.every((c) => typeof c.metrics.find((m) => m.name === name)?.score === 'number'),
  );
  for (const name of metricNames.filter((n) => !scored.includes(n))) {
    tally.notes.push(
      `"${name}.score" not compared: some test cases have no score for ${name} (an errored or skipped metric); its pass/fail check still counts them`,
    );
  }
  let kept = 0;
  let batch: RecordBatch = { records: [], lines: [] };
  for (const c of cases) {
    const missing = new ExampleMissing(options.missingValues);
    const checks = emptyNameRecord<boolean>();
    const metrics = emptyNameRecord<number>();
    for (const name of metricNames) {
      const metric = c.metrics.find((m) => m.name === name);
      const at = { file, row: `test case "${c.name}"`, column: name, field: c.field };
      if (metric === undefined || (metric.success === undefined && metric.error === undefined)) {
        // No verdict at all (the metric did not run on this test case): missing data, not a known failure.
        if (missing.note('outcome', at) === 'fail') checks[name] = false;
      } else if (metric.error !== undefined) {
        // The judge failed on this test case: a failure, whatever the policy says about missing values,
        // and not missing data too (one error must not count twice, as a failure and in the missing-rate gap).
        checks[name] = false;
      } else checks[name] = metric.success === true;
      if (scored.includes(name) && typeof metric?.score === 'number') metrics[`${name}.score`] = metric.score;
    }
    if (!missing.settle(tally, c.id)) continue;
    kept++;
    batch.records.push({ id: c.id, cohorts: c.cohorts, checks, ...(scored.length > 0 ? { metrics } : {}) });
    batch.lines.push(1);
    if (batch.records.length === BATCH) {
      yield batch;
      batch = { records: [], lines: [] };
    }
  }
  if (batch.records.length > 0) yield batch;
  if (kept === 0) throw nothingLeft(file, cases.length, tally);
}
