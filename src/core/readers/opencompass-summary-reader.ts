import { InputError } from '../errors.js';
import type { SummaryFile, SummaryMetric } from '../input/summary-schema.js';
import { readAll } from '../input/text-source.js';
import { emptyNameRecord } from '../named-record.js';
import { stripBom } from './json-text.js';
import { EvalReader, ReaderOptions, ReaderOutput, emptyTally } from './reader-types.js';

/**
 * OpenCompass's summary table (summary/summary_<time>.csv): `dataset,version,metric,mode` and one
 * column per model, named after it, each cell a score or "-" (not evaluated). A file with several
 * model columns needs `file.csv#model=<name>`; one column is read as is.
 *
 * Each dataset becomes a cohort `dataset:<name>` with its metrics as point values: the table holds
 * scores only, no number of examples and no spread, so nothing can be tested; the gate compares the
 * points against the margin (finding metric.no-uncertainty), and the reader says so in its notes.
 * OpenCompass writes accuracy in percent: `accuracy` is divided by 100, a proportion like the
 * gate's others; other metrics are kept as written. The cohort's n is unknown and given as 1 (the
 * summary format requires one): it is not a sample size.
 */
const HEADER = /^\uFEFF?dataset,version,metric,mode,[^\r\n]/;

export const opencompassSummaryReader: EvalReader = {
  name: 'opencompass-summary',
  expects:
    'OpenCompass summary/summary_<time>.csv: "dataset,version,metric,mode,<model>…" (select one of several models with file.csv#model=<name>)',
  accepts: ['select'],
  detect: ({ path, head }) => /\.csv$/i.test(path) && HEADER.test(head),
  async read(source, options): Promise<ReaderOutput> {
    const file = source.path;
    const rows = stripBom(await readAll(source))
      .split(/\r?\n/)
      .map((line) => line.split(','));
    while (rows.length > 0 && (rows[rows.length - 1] as string[]).join('') === '') rows.pop();
    const header = rows[0] ?? [];
    const column = modelColumn(header, options, file);
    const model = header[column] as string;
    const tally = emptyTally();
    const cohorts = emptyNameRecord<SummaryFile['cohorts'][string]>();
    const seen = new Set<string>();
    for (let r = 1; r < rows.length; r++) {
      const row = rows[r] as string[];
      const line = r + 1;
      if (row.length !== header.length) {
        throw new InputError(
          file,
          `expected ${header.length} comma-separated cells as in the header, got ${row.length}`,
          { line },
        );
      }
      const [dataset, , metric] = row as [string, string, string];
      if (dataset === '' || metric === '')
        throw new InputError(file, 'expected a dataset and a metric name', {
          line,
          field: dataset === '' ? 'dataset' : 'metric',
        });
      if (seen.has(`${dataset}\u0000${metric}`)) {
        throw new InputError(
          file,
          `dataset ${dataset} has a second ${metric} row (another mode?): expected one score per dataset and metric`,
          { line, field: 'metric' },
        );
      }
      seen.add(`${dataset}\u0000${metric}`);
      const cell = (row[column] as string).trim();
      if (cell === '-' || cell === '') {
        if (options.missingValues === 'error')
          throw new InputError(file, `no ${metric} score for ${dataset} (missing_values: error)`, {
            line,
            field: model,
          });
        tally.missing++;
        tally.dropped++;
        continue;
      }
      const value = Number(cell);
      if (!/^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(cell) || !Number.isFinite(value)) {
        throw new InputError(file, `expected a score (a number) or "-", got "${cell.slice(0, 40)}"`, {
          line,
          field: model,
        });
      }
      if (metric === 'accuracy' && (value < 0 || value > 100)) {
        throw new InputError(file, `expected accuracy in percent (0 to 100), got ${cell}`, { line, field: model });
      }
      const name = `dataset:${dataset}`;
      const entry = (cohorts[name] ??= { n: 1, metrics: emptyNameRecord<SummaryMetric>() });
      entry.metrics[metric] = { value: metric === 'accuracy' ? value / 100 : value };
    }
    if (Object.keys(cohorts).length === 0)
      throw new InputError(file, `model ${model} has no score in this table: nothing to compare`, { field: model });
    tally.notes.push(
      `OpenCompass summary, model column ${model}: scores only (no number of examples, no spread), compared as point values without a test; accuracy read as percent`,
    );
    if (tally.dropped > 0)
      tally.notes.push(
        `${tally.dropped} score${tally.dropped === 1 ? '' : 's'} written as "-" (not evaluated) left out`,
      );
    const summary: SummaryFile = { schema: 'model-release-gate/summary@1', cohorts };
    return { kind: 'summary', summary, tally };
  },
};

function modelColumn(header: readonly string[], options: ReaderOptions, file: string): number {
  const models = header.slice(4);
  const select = options.select;
  if (select !== undefined && select.key !== 'model') {
    throw new InputError(
      file,
      `unknown selector "${select.key}": an OpenCompass summary selects a model column with #model=<name>`,
    );
  }
  if (select !== undefined) {
    const index = models.indexOf(select.value);
    if (index === -1)
      throw new InputError(file, `no model column "${select.value}"; the table has: ${models.join(', ')}`, { line: 1 });
    return index + 4;
  }
  if (models.length > 1) {
    throw new InputError(
      file,
      `the table has ${models.length} model columns (${models.join(', ')}): choose one with ${file.split(/[\\/]/).pop() ?? file}#model=<name>`,
      { line: 1 },
    );
  }
  return 4;
}
