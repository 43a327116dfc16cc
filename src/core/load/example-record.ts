import { InputError } from '../errors.js';
import { CohortRegistry } from './cohort-registry.js';
import { ExampleLayout, describe } from '../input/example-layout.js';
import { didYouMean } from '../suggest-name.js';

/**
 * One per-example record, validated. The arrays are reused from record to record (the caller copies
 * what it keeps), because allocating per line would dominate the cost on million-line files.
 */
export interface ParsedExample {
  id: string;
  /** The cohort index of `label:<label>`, or −1 when the record has no label. */
  labelCohort: number;
  /** Sorted, de-duplicated cohort indices; always includes `overall`. */
  readonly cohorts: number[];
  /** 0/1 per layout.binaryMetrics. */
  readonly binary: Uint8Array;
  /** Finite numbers per layout.continuousMetrics. */
  readonly continuous: Float64Array;
}

export function createParsedExample(layout: ExampleLayout): ParsedExample {
  return {
    id: '',
    labelCohort: -1,
    cohorts: [],
    binary: new Uint8Array(layout.binaryMetrics.length),
    continuous: new Float64Array(layout.continuousMetrics.length),
  };
}

/** Validates a record (already JSON-shaped) against the file's layout and fills `out`. */
export function parseExampleRecord(
  record: unknown,
  layout: ExampleLayout,
  cohorts: CohortRegistry,
  out: ParsedExample,
  file: string,
  line: number,
): void {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new InputError(file, `expected a JSON object per line, got ${describe(record)}`, { line });
  }
  const r = record as Record<string, unknown>;
  for (const key in r) if (!isRecordField(key)) throw unknownField(key, file, line);
  out.id = parseId(r.id, file, line);

  const members = out.cohorts;
  members.length = 0;
  out.labelCohort = -1;
  members.push(cohorts.overallIndex());
  const listed = r.cohorts;
  if (listed !== undefined) {
    if (!Array.isArray(listed)) {
      throw new InputError(file, `expected an array of cohort names, got ${describe(listed)}`, {
        line,
        field: 'cohorts',
      });
    }
    for (const name of listed) {
      if (typeof name !== 'string' || name.length === 0) {
        throw new InputError(file, `expected non-empty cohort names (strings), got ${describe(name)}`, {
          line,
          field: 'cohorts',
        });
      }
      members.push(cohorts.indexOf(name));
    }
  }

  let next = 0;
  if (layout.binaryMetrics.length > layout.checkNames.length) {
    if (layout.accuracyFromCorrect) {
      out.binary[next++] = parseBoolean(r.correct, file, line, 'correct');
      if (layout.hasLabels !== 'label' in r) {
        throw new InputError(
          file,
          `${layout.hasLabels ? 'missing' : 'unexpected'} \`label\`: every line must give the same fields as the first`,
          { line, field: 'label' },
        );
      }
      if (layout.hasLabels) {
        out.labelCohort = cohorts.labelIndexOf(parseLabel(r.label, file, line, 'label'));
        members.push(out.labelCohort);
      }
    } else {
      if (!('label' in r) || !('prediction' in r)) {
        throw new InputError(file, 'expected `label` and `prediction`, as on the first line', { line, field: 'label' });
      }
      const label = parseLabel(r.label, file, line, 'label');
      const prediction = parseLabel(r.prediction, file, line, 'prediction');
      out.binary[next++] = label === prediction ? 1 : 0;
      out.labelCohort = cohorts.labelIndexOf(label);
      members.push(out.labelCohort);
    }
  } else if ('correct' in r || 'label' in r || 'prediction' in r) {
    throw new InputError(
      file,
      'this record gives accuracy fields but the first line did not; every line must give the same fields',
      {
        line,
        field: 'correct' in r ? 'correct' : 'label',
      },
    );
  }

  const checks = sameKeys(r.checks, layout.checkNames, 'checks', file, line);
  for (const name of layout.checkNames) out.binary[next++] = parseBoolean(checks[name], file, line, `checks.${name}`);

  const metrics = sameKeys(r.metrics, layout.continuousMetrics, 'metrics', file, line);
  for (let i = 0; i < layout.continuousMetrics.length; i++) {
    const name = layout.continuousMetrics[i] as string;
    const value = metrics[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InputError(file, `expected a finite number, got ${describe(value)}`, {
        line,
        field: `metrics.${name}`,
      });
    }
    out.continuous[i] = value;
  }

  if (members.length > 1) {
    members.sort((a, b) => a - b);
    dedupeSorted(members);
  }
}

/** The fields a record may have; `meta` carries anything else the user wants to keep, and is ignored. */
const RECORD_FIELDS = ['id', 'cohorts', 'label', 'prediction', 'correct', 'checks', 'metrics', 'meta'] as const;

function isRecordField(key: string): boolean {
  switch (key) {
    case 'id':
    case 'cohorts':
    case 'label':
    case 'prediction':
    case 'correct':
    case 'checks':
    case 'metrics':
    case 'meta':
      return true;
    default:
      return false;
  }
}

/** An unknown field is refused, not ignored: `cohort` for `cohorts` would otherwise drop a cohort without a word. */
function unknownField(key: string, file: string, line: number): InputError {
  return new InputError(
    file,
    `unknown field ${JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key)}${didYouMean(key, RECORD_FIELDS)}: expected ${RECORD_FIELDS.slice(0, -1).join(', ')}; put anything else under "meta", which is ignored`,
    { line, field: key },
  );
}

function parseId(value: unknown, file: string, line: number): string {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new InputError(file, `expected a non-empty string or a finite number as id, got ${describe(value)}`, {
    line,
    field: 'id',
  });
}

function parseLabel(value: unknown, file: string, line: number, field: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  throw new InputError(file, `expected a string, number or boolean, got ${describe(value)}`, { line, field });
}

function parseBoolean(value: unknown, file: string, line: number, field: string): number {
  if (value === true) return 1;
  if (value === false) return 0;
  throw new InputError(file, `expected true or false, got ${describe(value)}`, { line, field });
}

const EMPTY: Record<string, unknown> = {};

function sameKeys(
  value: unknown,
  expected: readonly string[],
  field: string,
  file: string,
  line: number,
): Record<string, unknown> {
  if (value === undefined) {
    if (expected.length === 0) return EMPTY;
    throw new InputError(file, `expected ${expected.map((k) => `${field}.${k}`).join(', ')}, as on the first line`, {
      line,
      field,
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(file, `expected an object of named values, got ${describe(value)}`, { line, field });
  }
  const record = value as Record<string, unknown>;
  let count = 0;
  for (const key in record) {
    count++;
    if (!expected.includes(key)) {
      throw new InputError(
        file,
        `unexpected ${field}.${key}: the first line did not have it, and every line must have the same ${field}`,
        {
          line,
          field: `${field}.${key}`,
        },
      );
    }
  }
  if (count !== expected.length) {
    const missing = expected.filter((k) => !Object.hasOwn(record, k));
    throw new InputError(file, `missing ${missing.map((k) => `${field}.${k}`).join(', ')} (the first line had it)`, {
      line,
      field,
    });
  }
  return record;
}

function dedupeSorted(values: number[]): void {
  let write = 1;
  for (let read = 1; read < values.length; read++) {
    if (values[read] !== values[write - 1]) values[write++] = values[read] as number;
  }
  values.length = Math.min(write, values.length);
}
