import { InputError } from '../errors.js';
import { parseSummaryText } from '../load/summary-data.js';
import { readAll } from '../load/text-source.js';
import { lmEvalResultsReader } from './lm-eval-results-reader.js';
import { lmEvalSamplesReader } from './lm-eval-samples-reader.js';
import { mlflowReader } from './mlflow-reader.js';
import { csvReader, jsonlReader } from './native-readers.js';
import { parquetReader } from './parquet-reader.js';
import { promptfooReader } from './promptfoo-reader.js';
import type { EvalReader, FileProbe, ReaderOptions } from './reader-types.js';
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
  mlflowReader,
  lmEvalSamplesReader,
  jsonlReader,
  csvReader,
  tableReader,
  parquetReader,
];

/** Readers whose output is a per-cohort summary (compared unpaired); the others give per-example records. */
const SUMMARY_READERS = new Set(['summary', 'sklearn', 'lm-eval-results']);

export function producesSummary(reader: EvalReader): boolean {
  return SUMMARY_READERS.has(reader.name);
}

export function readerByName(name: string, file: string): EvalReader {
  const reader = READERS.find((r) => r.name === name);
  if (reader === undefined) {
    throw new InputError(file, `unknown input format "${name}": expected one of ${READERS.map((r) => r.name).join(', ')}`);
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
  throw new InputError(
    probe.path,
    'this file matches no known eval format. Expected one of:',
    {
      details: [
        ...READERS.map((r) => `- ${r.name}: ${r.expects}`),
        '(choose one with --format-in / the format input, or give a column mapping with --columns for other tables)',
      ],
    },
  );
}
