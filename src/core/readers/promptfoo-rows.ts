import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';

/** promptfoo's ResultFailureReason: 0 none, 1 an assertion failed, 2 an error (provider call, timeout). */
const ERROR_FAILURE = 2;

/** One entry of results.results, reduced to what the gate uses. */
export interface Row {
  /** Position in results.results (for messages). */
  readonly index: number;
  readonly line: number;
  /** The provider's label, else its id: what promptfoo shows as the column's name. */
  readonly provider: string;
  readonly providerId: string;
  /** The prompt's label (whole, often the prompt's text), else its id. */
  readonly prompt: string;
  readonly promptId: string;
  readonly description: string | undefined;
  readonly vars: Record<string, unknown>;
  readonly success: boolean;
  /** The provider call failed (failureReason 2): counted as a failure. */
  readonly errored: boolean;
  readonly metrics: Record<'score' | 'latency_ms' | 'cost', number | undefined>;
}

export function parseRow(entry: unknown, index: number, line: number, file: string): Row {
  const field = (name: string) => `results.results[${index}]${name === '' ? '' : `.${name}`}`;
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw new InputError(file, `expected a result object, got ${describe(entry)}`, { line, field: field('') });
  }
  const r = entry as Record<string, unknown>;
  // An errored test (the provider failed or timed out; promptfoo's failureReason 2) is a failure of the
  // model under test, never missing data: its outcome is fail and its score 0, whatever else the row says.
  const errored = r.failureReason === ERROR_FAILURE;
  if (!errored && typeof r.success !== 'boolean') {
    throw new InputError(
      file,
      `expected success (true or false), got ${got(r.success)}: a result without a verdict cannot be judged`,
      {
        line,
        field: field('success'),
      },
    );
  }
  if (!errored && (typeof r.score !== 'number' || !Number.isFinite(r.score))) {
    throw new InputError(file, `expected score (a finite number), got ${got(r.score)}`, {
      line,
      field: field('score'),
    });
  }
  const provider = r.provider as { id?: unknown; label?: unknown } | string | undefined;
  const providerId = typeof provider === 'string' ? provider : (nonEmpty(provider?.id) ?? '');
  const providerName = typeof provider === 'string' ? provider : (nonEmpty(provider?.label) ?? providerId);
  // promptIdx numbers provider×prompt columns, not prompts; the label (else the template's hash) names one.
  const promptId = nonEmpty(r.promptId) ?? '';
  const promptName = nonEmpty((r.prompt as { label?: unknown } | undefined)?.label) ?? promptId;
  const testCase = objectOrUndefined(r.testCase);
  const vars = objectOrUndefined(r.vars) ?? objectOrUndefined(testCase?.vars) ?? {};
  const description = nonEmpty(testCase?.description) ?? nonEmpty(r.description);
  // promptfoo records latency and cost only when it knows them (not for every provider or older file).
  const finite = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  return {
    index,
    line,
    provider: providerName,
    providerId,
    prompt: promptName,
    promptId,
    description,
    vars,
    success: errored ? false : (r.success as boolean),
    errored,
    metrics: { score: errored ? 0 : (r.score as number), latency_ms: finite(r.latencyMs), cost: finite(r.cost) },
  };
}

function objectOrUndefined(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function got(value: unknown): string {
  return value === undefined ? 'nothing' : describe(value);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
