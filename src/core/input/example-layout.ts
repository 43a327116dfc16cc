import { InputError } from '../errors.js';

/**
 * The metrics one per-example file carries, fixed by its first record. Every later record must carry
 * the same ones: a value missing on some lines would otherwise shrink a cohort without anyone noticing.
 */
export interface ExampleLayout {
  /** true: accuracy comes from `correct`; false: from `label` === `prediction`. */
  readonly accuracyFromCorrect: boolean;
  /** Whether the file has `label` (and so `label:<label>` cohorts). */
  readonly hasLabels: boolean;
  /** Binary metric names in column order: `accuracy` first, then the checks, sorted. */
  readonly binaryMetrics: readonly string[];
  /** The `checks` keys, sorted (binaryMetrics without `accuracy`). */
  readonly checkNames: readonly string[];
  /** Continuous metric names (`metrics` keys), sorted. */
  readonly continuousMetrics: readonly string[];
}

const ACCURACY = 'accuracy';

export function layoutFromFirstRecord(record: Record<string, unknown>, file: string, line: number): ExampleLayout {
  const hasCorrect = 'correct' in record;
  const hasLabel = 'label' in record;
  const hasPrediction = 'prediction' in record;
  if (hasCorrect && hasPrediction) {
    throw new InputError(file, 'give either `correct` or `label` and `prediction`, not both', {
      line,
      field: 'correct',
    });
  }
  if (!hasCorrect && hasLabel !== hasPrediction) {
    throw new InputError(file, '`label` and `prediction` must be given together (or give `correct`)', {
      line,
      field: hasLabel ? 'prediction' : 'label',
    });
  }
  const checkNames = Object.keys(objectField(record, 'checks', file, line)).sort();
  const continuousMetrics = Object.keys(objectField(record, 'metrics', file, line)).sort();
  const hasAccuracy = hasCorrect || hasLabel;
  const binaryMetrics = hasAccuracy ? [ACCURACY, ...checkNames] : [...checkNames];
  const seen = new Set<string>();
  for (const name of [...binaryMetrics, ...continuousMetrics]) {
    if (seen.has(name)) {
      throw new InputError(
        file,
        `metric name "${name}" is used twice (accuracy, checks and metrics share one namespace)`,
        {
          line,
          field: name,
        },
      );
    }
    seen.add(name);
  }
  if (seen.size === 0) {
    throw new InputError(
      file,
      'the record has no metric: expected `correct`, or `label` and `prediction`, or `checks`, or `metrics`',
      {
        line,
      },
    );
  }
  return { accuracyFromCorrect: hasCorrect, hasLabels: hasLabel, binaryMetrics, checkNames, continuousMetrics };
}

function objectField(
  record: Record<string, unknown>,
  key: string,
  file: string,
  line: number,
): Record<string, unknown> {
  const value = record[key];
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(file, `expected an object of named values, got ${describe(value)}`, { line, field: key });
  }
  return value as Record<string, unknown>;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
