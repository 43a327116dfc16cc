import { InputError } from '../errors.js';
import { parseSummaryText } from '../input/summary-data.js';
import { readAll } from '../input/text-source.js';
import { lmEvalResultsReader } from './lm-eval-results-reader.js';
import { lmEvalSamplesReader } from './lm-eval-samples-reader.js';
import { mlflowReader } from './mlflow-reader.js';
import { csvReader, jsonlReader } from './native-readers.js';
import { deepevalReader } from './deepeval-reader.js';
import { ragasReader } from './ragas-reader.js';
import { inspectReader } from './inspect-reader.js';
import { opencompassReader } from './opencompass-reader.js';
import { opencompassSummaryReader } from './opencompass-summary-reader.js';
import { parquetReader } from './parquet-reader.js';
import { promptfooReader } from './promptfoo-reader.js';
import type { EvalReader, FileProbe, ReaderOptionName, ReaderOptions } from './reader-types.js';
import { sklearnReader } from './sklearn-reader.js';
import { tableReader } from './table-reader.js';

/** The gate's own per-cohort summary. */
const summaryReader: EvalReader = {
  name: 'summary',
  expects: 'the gate\'s per-cohort summary (.json) with "schema": "model-release-gate/summary@1"',
  detect: ({ path, head }) => /\.json$/i.test(path) && head.includes('model-release-gate/summary@1'),
  read: async (source) => ({ kind: 'summary', summary: parseSummaryText(source.path, await readAll(source)) }),
};

/** In detection order: specific tool shapes before the gate's own generic ones. */
export const READERS: readonly EvalReader[] = [
  summaryReader,
  sklearnReader,
  lmEvalResultsReader,
  promptfooReader,
  deepevalReader,
  // Before mlflow-table: a Ragas table written with to_json(orient="split") has the same outer shape.
  ragasReader,
  mlflowReader,
  lmEvalSamplesReader,
  inspectReader,
  opencompassReader,
  opencompassSummaryReader,
  jsonlReader,
  csvReader,
  tableReader,
  parquetReader,
];

/** Readers whose output is a per-cohort summary (compared unpaired); the others give per-example records. */
const SUMMARY_READERS = new Set(['summary', 'sklearn', 'lm-eval-results', 'opencompass-summary']);

export function producesSummary(reader: EvalReader): boolean {
  return SUMMARY_READERS.has(reader.name);
}

export function readerByName(name: string, file: string): EvalReader {
  const reader = READERS.find((r) => r.name === name);
  if (reader === undefined) {
    throw new InputError(
      file,
      `unknown input format "${name}": expected one of ${READERS.map((r) => r.name).join(', ')}`,
    );
  }
  return reader;
}

/** Files that are not text: chosen by extension, without reading a probe. */
export function isBinaryFormat(path: string): boolean {
  return /\.parquet$/i.test(path);
}

/**
 * The reader for a file: the one named (--format-in), else the table reader when a column mapping is
 * given for a CSV, else the first whose shape matches. No match is an error that lists what each
 * reader expects.
 */
export function chooseReader(probe: FileProbe, forced: string | undefined, options: ReaderOptions): EvalReader {
  if (forced !== undefined && forced !== '') return readerByName(forced, probe.path);
  if (options.mapping !== undefined && /\.csv$/i.test(probe.path)) return tableReader;
  const reader = READERS.find((r) => r.detect(probe));
  if (reader !== undefined) return reader;
  throw new InputError(probe.path, 'this file matches no known eval format. Expected one of:', {
    details: [
      ...READERS.map((r) => `- ${r.name}: ${r.expects}`),
      '(choose one with --format-in / the input-format input, or give a column mapping with --columns for other tables)',
    ],
  });
}

/** How the user gives each reader option, for messages. */
const OPTION_NAMES: Record<ReaderOptionName, string> = {
  mapping: 'a column mapping (--columns / the columns input)',
  cohortField: 'a cohort field (--cohort-field / the cohort-field input)',
  select: 'a selector (file#key=value)',
  pairByRow: 'pairing by row order (inputs.pair_by: row in the policy)',
};

/** The options a reader would be handed; empty and unset ones are not given. */
function givenOptions(options: ReaderOptions): ReaderOptionName[] {
  const given: ReaderOptionName[] = [];
  if (options.mapping !== undefined) given.push('mapping');
  if (options.cohortField !== undefined && options.cohortField !== '') given.push('cohortField');
  if (options.select !== undefined) given.push('select');
  if (options.pairBy === 'row') given.push('pairByRow');
  return given;
}

/**
 * An option the chosen reader does not use would be silently ignored (a cohort field that groups
 * nothing, a mapping that maps nothing): an input error naming the readers that take it.
 */
export function checkReaderOptions(
  reader: Pick<EvalReader, 'name' | 'accepts'>,
  options: ReaderOptions,
  file: string,
): void {
  for (const option of givenOptions(options)) {
    if (reader.accepts?.includes(option) === true) continue;
    const takers = READERS.filter((r) => r.accepts?.includes(option) === true).map((r) => r.name);
    throw new InputError(
      file,
      `${OPTION_NAMES[option]} is given, but the ${reader.name} reader that reads this file does not use it; readers that do: ${takers.length > 0 ? takers.join(', ') : 'none'}. Remove the option, or choose such a reader with --format-in`,
    );
  }
}
