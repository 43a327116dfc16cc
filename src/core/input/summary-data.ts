import { InputError } from '../errors.js';
import { SUMMARY_FIELDS, SummaryFile, SummaryMetric, summarySchema } from './summary-schema.js';
import { parseLocated, validateLocated } from '../structured-text.js';

/** One metric of one cohort of a summary, in the form the statistics take. */
export type SummaryValue =
  | { readonly kind: 'proportion'; readonly successes: number; readonly n: number }
  | { readonly kind: 'mean'; readonly mean: number; readonly sd: number; readonly n: number }
  | { readonly kind: 'value'; readonly value: number };

export interface SummarySide {
  readonly model: SummaryFile['model'];
  readonly dataset: SummaryFile['dataset'];
  /** cohort → n and metric → value. */
  readonly cohorts: ReadonlyMap<string, { readonly n: number; readonly metrics: ReadonlyMap<string, SummaryValue> }>;
}

export interface SummaryData {
  readonly kind: 'summary';
  readonly incumbent: SummarySide;
  readonly candidate: SummarySide;
}

/** Validates a summary file's text; errors name the line and field. */
export function parseSummaryText(path: string, text: string): SummaryFile {
  rejectNonJson(path, text);
  const document = parseLocated(path, text);
  if (typeof document.value !== 'object' || document.value === null || Array.isArray(document.value)) {
    throw new InputError(path, 'expected a JSON object with "schema": "model-release-gate/summary@1"');
  }
  return validateLocated(document, summarySchema, SUMMARY_FIELDS);
}

/**
 * Validates a summary built by a reader from another tool's output (no lines to point at: errors
 * name the field), and turns it into the form the statistics use.
 */
export function summaryFromReader(path: string, built: unknown): SummarySide {
  const result = summarySchema.safeParse(built);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(path, `${issue?.message ?? 'is not valid'} (after conversion)`, {
      field: issue?.path.map(String).join('.') ?? '',
    });
  }
  return summarySide(result.data);
}

export function summarySide(file: SummaryFile): SummarySide {
  const cohorts = new Map<string, { n: number; metrics: Map<string, SummaryValue> }>();
  for (const [name, cohort] of Object.entries(file.cohorts)) {
    const metrics = new Map<string, SummaryValue>();
    for (const [metric, value] of Object.entries(cohort.metrics)) metrics.set(metric, toValue(value, cohort.n));
    cohorts.set(name, { n: cohort.n, metrics });
  }
  return { model: file.model, dataset: file.dataset, cohorts };
}

function toValue(metric: SummaryMetric, cohortN: number): SummaryValue {
  if ('successes' in metric) return { kind: 'proportion', successes: metric.successes, n: metric.n ?? cohortN };
  if ('mean' in metric) return { kind: 'mean', mean: metric.mean, sd: metric.sd, n: metric.n ?? cohortN };
  return { kind: 'value', value: metric.value };
}

/** Summaries are JSON: reject YAML-only syntax (and NaN, which Python writes) before reading it leniently for line numbers. */
function rejectNonJson(file: string, text: string): void {
  if (text.trim().length === 0) throw new InputError(file, 'the file is empty: expected a JSON summary');
  try {
    JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    const lineColumn = /line (\d+) column/.exec(reason);
    const line =
      lineColumn?.[1] !== undefined
        ? Number(lineColumn[1])
        : position?.[1] === undefined
          ? undefined
          : text.slice(0, Number(position[1])).split('\n').length;
    const nan = /(?<![\w"])-?(?:NaN|Infinity)(?![\w"])/.test(text)
      ? ' (NaN and Infinity are not valid JSON numbers)'
      : '';
    throw new InputError(file, `invalid JSON${nan}: ${reason}`, line === undefined ? {} : { line });
  }
}
