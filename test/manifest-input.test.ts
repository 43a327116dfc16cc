import { describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.js';
import { parseManifest } from '../src/core/manifest/load-manifest.js';

const base = `model: {name: m, candidate: "2.0", incumbent: "1.9"}
risk_class: low
`;

function parseError(text: string): InputError {
  try {
    parseManifest('release.yml', text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('release manifest input errors name the file, line and field', () => {
  it('an unparsable manifest', () => {
    const error = parseError(`${base}owners: {on_call: "@a"\n`);
    expect(error.file).toBe('release.yml');
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.message).toContain('cannot be parsed');
  });

  it('a field of the wrong type', () => {
    const error = parseError(`${base}monitoring:\n  cost_tracking: maybe\n`);
    expect(error.line).toBe(4);
    expect(error.field).toBe('monitoring.cost_tracking');
  });

  it('an unknown field (a typo)', () => {
    const error = parseError(`${base}rollout:\n  strategy: canary\n  abort_wehn: []\n`);
    expect(error.line).toBe(5);
    expect(error.field).toBe('rollout.abort_wehn');
    expect(error.message).toContain('unknown key "abort_wehn"');
  });

  it('a date that is not a date', () => {
    const error = parseError(`${base}kill_switch:\n  drill: {date: 2026-02-30}\n`);
    expect(error.line).toBe(4);
    expect(error.field).toBe('kill_switch.drill.date');
    expect(error.message).toBe(
      'release.yml, line 4, kill_switch.drill.date: expected a real date written as YYYY-MM-DD',
    );
  });

  it('a percentage over 100', () => {
    const error = parseError(`${base}rollout:\n  strategy: canary\n  stages:\n    - {traffic: 150%}\n`);
    expect(error.line).toBe(6);
    expect(error.field).toBe('rollout.stages.0.traffic');
    expect(error.message).toContain('expected a percentage from 0 to 100');
  });

  it('a negative duration', () => {
    const error = parseError(`${base}kill_switch:\n  drill: {date: 2026-11-01, time_to_rollback: -5m}\n`);
    expect(error.field).toBe('kill_switch.drill.time_to_rollback');
    expect(error.message).toContain('expected a duration like "15m"');
  });

  it('a version YAML would read as a number', () => {
    const error = parseError('model: {name: m, candidate: 2.10, incumbent: "2.9"}\nrisk_class: low\n');
    expect(error.field).toBe('model.candidate');
    expect(error.message).toContain('expected the version as quoted text (e.g. "2.10")');
  });

  it('an unknown risk class', () => {
    const error = parseError('model: {name: m, candidate: "2", incumbent: "1"}\nrisk_class: extreme\n');
    expect(error.line).toBe(2);
    expect(error.message).toContain('expected risk_class: low, medium or high');
  });
});
