import { InputError } from '../errors.js';
import {
  PAIRED_SUMMARY_FIELDS,
  PAIRED_SUMMARY_SCHEMA,
  PairedMetric,
  PairedSummaryFile,
  isBinary,
  pairedSummarySchema,
} from './paired-summary-schema.js';
import { parseLocated, validateLocated } from '../structured-text.js';
import { hasDuplicateKeys } from './json-duplicate-keys.js';
import { fastPairedSummaryFile } from './paired-summary-fast.js';
import { TextSource, readAll } from '../input/text-source.js';

/**
 * A paired summary: per cohort, what the per-example path would accumulate from the pairs (the 2×2
 * table of each binary metric, the moments of each continuous metric's differences), computed where
 * the examples live. It feeds the same paired statistics as per-example results.
 */
export interface PairedSummary {
  readonly kind: 'paired-summary';
  /** The file, named in errors found after loading (a statistic it cannot serve). */
  readonly path: string;
  readonly models: { readonly incumbent: ModelName | undefined; readonly candidate: ModelName | undefined };
  readonly dataset: PairedSummaryFile['dataset'];
  readonly cohorts: ReadonlyMap<string, PairedSummaryCohort>;
  /** Every metric any cohort gives, with its kind. */
  readonly metrics: ReadonlyMap<string, 'binary' | 'continuous'>;
}

interface ModelName {
  readonly name: string;
  readonly version: string;
}

export interface PairedSummaryCohort {
  /** Pairs in the cohort. */
  readonly n: number;
  /** Examples of the cohort on each side, paired or not (n when the file does not say). */
  readonly nIncumbent: number;
  readonly nCandidate: number;
  readonly metrics: ReadonlyMap<string, PairedMetric>;
}

export async function loadPairedSummary(source: TextSource): Promise<PairedSummary> {
  return parsePairedSummaryText(source.path, await readAll(source));
}

/** Validates a paired summary's text; every error names the file, and the line and field when known. */
export function parsePairedSummaryText(path: string, text: string): PairedSummary {
  const file = validFile(path, text, parseJson(path, text));
  const cohorts = new Map<string, PairedSummaryCohort>();
  const metrics = new Map<string, 'binary' | 'continuous'>();
  for (const [name, cohort] of Object.entries(file.cohorts)) {
    cohorts.set(name, {
      n: cohort.n,
      nIncumbent: cohort.n_incumbent ?? cohort.n,
      nCandidate: cohort.n_candidate ?? cohort.n,
      metrics: new Map(Object.entries(cohort.metrics)),
    });
    for (const [metric, value] of Object.entries(cohort.metrics))
      metrics.set(metric, isBinary(value) ? 'binary' : 'continuous');
  }
  return {
    kind: 'paired-summary',
    path,
    models: { incumbent: file.incumbent?.model, candidate: file.candidate?.model },
    dataset: file.dataset,
    cohorts,
    metrics,
  };
}

/**
 * The file validated. A valid file (the usual case) is checked on JSON.parse's value, without zod
 * for its cohorts, which is fast for the many thousands of cohorts a warehouse query gives. Anything wrong (a schema error, a key
 * written twice) is found again with the located parser, whose error names the line.
 */
function validFile(path: string, text: string, value: unknown): PairedSummaryFile {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !hasDuplicateKeys(text, value)) {
    const quick = fastPairedSummaryFile(value as Record<string, unknown>);
    if (quick !== undefined) return quick;
  }
  const document = parseLocated(path, text);
  if (typeof document.value !== 'object' || document.value === null || Array.isArray(document.value)) {
    throw new InputError(path, `expected a JSON object with "schema": "${PAIRED_SUMMARY_SCHEMA}"`);
  }
  return validateLocated(document, pairedSummarySchema, PAIRED_SUMMARY_FIELDS);
}

/**
 * The file is meant to be machine-written JSON: YAML-only syntax (which the located parser would
 * accept) and NaN are rejected up front, with the line JSON.parse stopped at.
 */
function parseJson(file: string, text: string): unknown {
  if (text.trim().length === 0) throw new InputError(file, 'the file is empty: expected a JSON paired summary');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column/.exec(reason)?.[1];
    const position = /position (\d+)/.exec(reason)?.[1];
    // Some engines' messages give no position; a NaN or Infinity (which Python and Spark write) is then the likely culprit.
    const nanAt = /(?<![\w"])-?(?:NaN|Infinity)(?![\w"])/.exec(text)?.index;
    const at = lineColumn !== undefined ? undefined : position !== undefined ? Number(position) : nanAt;
    const line =
      lineColumn !== undefined
        ? Number(lineColumn)
        : at !== undefined
          ? text.slice(0, at).split('\n').length
          : undefined;
    const nan =
      nanAt !== undefined ? ' (NaN and Infinity are not valid JSON numbers; write null for a missing sd_diff)' : '';
    throw new InputError(file, `invalid JSON${nan}: ${reason}`, line === undefined ? {} : { line });
  }
}
