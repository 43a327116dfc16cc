import { describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.js';
import { hasDuplicateKeys } from '../src/core/load/json-duplicate-keys.js';
import { parsePairedSummaryText } from '../src/core/load/paired-summary.js';

const check = (text: string): boolean => hasDuplicateKeys(text, JSON.parse(text));

describe('hasDuplicateKeys', () => {
  it('finds a key written twice in any object, however deep', () => {
    expect(check('{"a": 1, "a": 2}')).toBe(true);
    expect(check('{"x": [{"b": 1}, {"c": 1, "c" : 2}]}')).toBe(true);
    expect(check('{"x": {"y": {"z": 1, "z": 1}}}')).toBe(true);
  });

  it('is not fooled by quotes, colons and escapes inside strings, or by equal keys in different objects', () => {
    expect(check('{"a": 1, "b": {"a": 2}, "c": [{"a": 3}]}')).toBe(false);
    expect(check('{"a\\"b": "x\\": y", "c": "\\\\", "d": ["e:", "\\"f\\":"]}')).toBe(false);
    expect(check('{"a\\"b": 1, "a\\"b": 2}')).toBe(true);
    expect(check('[1, "a", {"k": null}]')).toBe(false);
  });
});

describe('a paired summary with a cohort written twice', () => {
  it('is refused with the line of the repeated key, as the located parser reports it', () => {
    const cohort =
      '{"n": 4, "metrics": {"accuracy": {"incumbent_successes": 3, "candidate_successes": 3, "incumbent_only_successes": 0, "candidate_only_successes": 0}}}';
    const text = [
      '{',
      '  "schema": "model-release-gate/paired-summary@1",',
      '  "cohorts": {',
      `    "overall": ${cohort},`,
      `    "overall": ${cohort}`,
      '  }',
      '}',
    ].join('\n');
    let error: unknown;
    try {
      parsePairedSummaryText('p.json', text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(5);
  });
});
