import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';

/**
 * What one inspect_ai score value means to the gate. Inspect's scorers give a value per sample:
 * the letters C (correct), I (incorrect), P (partial) and N (no answer), a boolean, a number, or an
 * object of several such values (one scorer scoring several things).
 *
 * - C / I / N and booleans are pass/fail: a check named after the scorer. N is a failure.
 * - P is counted as a failure (a check cannot be half passed); inspect's own accuracy metric counts
 *   it as 0.5, so the reader says how many it saw (ReadTally note).
 * - Numbers are a metric (a mean is compared), even when a file happens to hold only 0 and 1: the
 *   other run's file may not, and one metric must have one kind in both files.
 */
export type ScoreValue =
  | { readonly kind: 'check'; readonly pass: boolean; readonly partial: boolean }
  | { readonly kind: 'metric'; readonly value: number }
  | { readonly kind: 'missing' };

const LETTERS: Readonly<Record<string, boolean>> = { C: true, I: false, N: false, P: false };

/** The gate's name for a score: the scorer's, with the key of a multi-value scorer appended. */
function scoreName(scorer: string, key?: string): string {
  return key === undefined ? scorer : `${scorer}_${key}`;
}

/** Every (name, value) a sample's `scores` object holds, in the order written. */
export function sampleScores(scores: unknown, file: string, line: number, field: string): [string, ScoreValue][] {
  if (scores === undefined || scores === null) return [];
  if (typeof scores !== 'object' || Array.isArray(scores)) {
    throw new InputError(file, `expected an object of scorer name → score, got ${describe(scores)}`, { line, field });
  }
  const out: [string, ScoreValue][] = [];
  for (const [scorer, score] of Object.entries(scores as Record<string, unknown>)) {
    const where = `${field}.${scorer}`;
    if (score === null || typeof score !== 'object' || Array.isArray(score)) {
      throw new InputError(file, `expected a score object {"value": …}, got ${describe(score)}`, {
        line,
        field: where,
      });
    }
    const value = (score as { value?: unknown }).value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, part] of Object.entries(value as Record<string, unknown>)) {
        out.push([scoreName(scorer, key), scoreValue(part, file, line, `${where}.value.${key}`)]);
      }
    } else {
      out.push([scoreName(scorer), scoreValue(value, file, line, `${where}.value`)]);
    }
  }
  return out;
}

function scoreValue(value: unknown, file: string, line: number, field: string): ScoreValue {
  if (value === null || value === undefined) return { kind: 'missing' };
  if (typeof value === 'boolean') return { kind: 'check', pass: value, partial: false };
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new InputError(file, `expected a finite number, got ${describe(value)}`, { line, field });
    return { kind: 'metric', value };
  }
  if (typeof value === 'string' && Object.hasOwn(LETTERS, value)) {
    return { kind: 'check', pass: LETTERS[value] === true, partial: value === 'P' };
  }
  throw new InputError(
    file,
    `expected a score the gate can compare: "C", "I", "P" or "N", true/false, or a number; got ${describe(value)} (map this scorer's values to one of those in the task, e.g. with a value_to_float-style scorer)`,
    { line, field },
  );
}
