// The Action's reader input (input-format, and its deprecated old name format) and fail-on, run in
// process: runAction with the log captured, so each test sees every setFailed call and every output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readActionInputs } from '../src/action/action-inputs.js';
import { InputError } from '../src/core/errors.js';
import type { ActionRun } from './helpers/in-process.js';
import { runActionInProcess } from './helpers/in-process.js';

/** The three example cases: a pass, a pass with warnings (lang:is is too small to tell), a block (label:chargeback regresses). */
const CASES = {
  pass: {
    incumbent: 'examples/pass/incumbent.jsonl',
    candidate: 'examples/pass/candidate.jsonl',
    policy: 'examples/policy.yml',
  },
  warn: { incumbent: 'examples/incumbent.jsonl', candidate: 'examples/candidate.jsonl', policy: 'examples/policy.yml' },
  block: {
    incumbent: 'examples/incumbent.jsonl',
    candidate: 'examples/blocked/candidate.jsonl',
    policy: 'examples/policy.yml',
  },
} as const;

/** A small pair in the gate's JSONL format, for the reader tests (the verdict does not matter there). */
const small = readFileSync('examples/pass/candidate.jsonl', 'utf8').split('\n').slice(0, 50).join('\n');
const SMALL_FILES = { 'inc.jsonl': small, 'cand.jsonl': small };
const SMALL = { incumbent: 'inc.jsonl', candidate: 'cand.jsonl' };

const DEPRECATED =
  /^the input format is deprecated and will be removed in the next major version: rename it to input-format/;

/** The verdict the runs reach when the reader is csv: the JSONL text is not CSV, so the run cannot be judged. */
function expectReadAsCsv(run: ActionRun): void {
  expect(run.outputs.verdict).toBe('error');
  expect(run.failed).toEqual([
    'inc.jsonl, line 1: invalid CSV (Invalid Opening Quote: a quote is found on field 0 at line 1, value is "{")',
  ]);
}

describe('input-format chooses the reader; format is its deprecated old name', () => {
  it('recognizes the files by shape when neither is given', async () => {
    const run = await runActionInProcess(SMALL, SMALL_FILES);
    expect(run.thrown).toBeUndefined();
    expect(run.failed).toEqual([]);
    expect(run.outputs.verdict).not.toBe('error');
    expect(run.warnings.filter((w) => DEPRECATED.test(w))).toEqual([]);
  });

  it('reads both files with the reader input-format names', async () => {
    const run = await runActionInProcess({ ...SMALL, 'input-format': 'csv' }, SMALL_FILES);
    expectReadAsCsv(run);
    expect(run.warnings).toEqual([]);
    const unknown = await runActionInProcess({ ...SMALL, 'input-format': 'jsnol' }, SMALL_FILES);
    expect(unknown.outputs.verdict).toBe('error');
    expect(unknown.failed[0]).toMatch(/^inc\.jsonl: unknown input format "jsnol": expected one of .*\bjsonl\b/);
  });

  it('accepts the old name format with a deprecation warning, and reads with it', async () => {
    const run = await runActionInProcess({ ...SMALL, format: 'csv' }, SMALL_FILES);
    expectReadAsCsv(run);
    expect(run.warnings).toEqual([
      'the input format is deprecated and will be removed in the next major version: rename it to input-format (it chooses the reader of the eval files, "csv" here)',
    ]);
    const working = await runActionInProcess({ ...SMALL, format: 'jsonl' }, SMALL_FILES);
    expect(working.failed).toEqual([]);
    expect(working.outputs.verdict).not.toBe('error');
    expect(working.warnings.filter((w) => DEPRECATED.test(w))).toHaveLength(1);
  });

  it('takes both names when they agree, still warning about the old one', async () => {
    const run = await runActionInProcess({ ...SMALL, format: 'csv', 'input-format': 'csv' }, SMALL_FILES);
    expectReadAsCsv(run);
    expect(run.warnings.filter((w) => DEPRECATED.test(w))).toHaveLength(1);
  });

  it('refuses both names with different values before reading anything: an input error, verdict error', async () => {
    const run = await runActionInProcess({ ...SMALL, format: 'csv', 'input-format': 'jsonl' }, SMALL_FILES);
    expect(run.thrown).toBeUndefined();
    expect(run.outputs).toEqual({ verdict: 'error' });
    expect(run.failed).toEqual([
      'input input-format: "jsonl" conflicts with the deprecated input format ("csv"), which is its old name: give only input-format',
    ]);
  });

  it('escapes a hostile value in the conflict message and in the deprecation warning', async () => {
    const run = await runActionInProcess({ ...SMALL, format: 'csv', 'input-format': 'x\n::error::y' }, SMALL_FILES);
    expect(run.failed).toHaveLength(1);
    expect(run.failed[0]).not.toContain('\n');
    const warned = await runActionInProcess({ ...SMALL, format: 'x\n::error::y' }, SMALL_FILES);
    expect(warned.warnings.filter((w) => DEPRECATED.test(w))).toHaveLength(1);
    expect(warned.warnings.join('')).not.toContain('\n');
  });
});

describe('fail-on decides which verdicts fail the step; the verdict output never changes', () => {
  // [verdict, fail-on, does the step fail?]
  const table: ReadonlyArray<readonly [keyof typeof CASES, string, boolean]> = [
    ['pass', 'block', false],
    ['pass', 'warn', false],
    ['pass', 'never', false],
    ['warn', 'block', false],
    ['warn', 'warn', true],
    ['warn', 'never', false],
    ['block', 'block', true],
    ['block', 'warn', true],
    ['block', 'never', false],
  ];

  it.each(table)('verdict %s with fail-on %s: step fails = %s', async (verdict, failOn, fails) => {
    const run = await runActionInProcess({ ...CASES[verdict], 'fail-on': failOn });
    expect(run.thrown).toBeUndefined();
    expect(run.outputs.verdict).toBe(verdict);
    expect(run.outputs['blocking-count']).toBe(verdict === 'block' ? '1' : '0');
    if (!fails) {
      expect(run.failed).toEqual([]);
    } else if (verdict === 'block') {
      expect(run.failed).toEqual([
        'model release gate blocked the release: 1 blocking finding(s); see the job summary or /tmp/mrg-in-process/report.json',
      ]);
    } else {
      expect(run.failed).toEqual([
        'model release gate passed with warnings, and fail-on is warn, so the step fails; see the job summary or /tmp/mrg-in-process/report.json',
      ]);
    }
    // Report-only never hides a block: it is logged as a warning instead.
    const wouldBlock = run.warnings.filter((w) => w.startsWith('model release gate would block'));
    expect(wouldBlock).toEqual(
      verdict === 'block' && failOn === 'never'
        ? [
            'model release gate would block the release (1 blocking finding(s)), but fail-on is never, so the step passes; see the job summary or /tmp/mrg-in-process/report.json',
          ]
        : [],
    );
  });

  it('fails on block when fail-on is empty (the default)', async () => {
    const run = await runActionInProcess({ ...CASES.block, 'fail-on': '' });
    expect(run.outputs.verdict).toBe('block');
    expect(run.failed).toHaveLength(1);
  });

  it('still fails the step on an input error with fail-on never: an unjudged run is no report', async () => {
    const run = await runActionInProcess({
      ...CASES.pass,
      candidate: 'examples/pass/missing.jsonl',
      'fail-on': 'never',
    });
    expect(run.outputs).toEqual({ verdict: 'error' });
    expect(run.failed).toEqual(['examples/pass/missing.jsonl: file not found']);
  });

  it('refuses an unknown fail-on before reading anything, suggesting the likely value', async () => {
    const run = await runActionInProcess({ ...CASES.pass, 'fail-on': 'blok' });
    expect(run.outputs).toEqual({ verdict: 'error' });
    expect(run.failed).toEqual(['input fail-on: expected block, warn or never (did you mean "block"?)']);
    const other = await runActionInProcess({ ...CASES.pass, 'fail-on': 'always' });
    expect(other.failed).toEqual(['input fail-on: expected block, warn or never']);
  });
});

describe('action.yml declares exactly the inputs the Action reads', () => {
  it('every declared input is read, and every read input is declared', () => {
    const declared = Object.keys(
      (parseYaml(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs,
    );
    const read: string[] = [];
    readActionInputs((name) => {
      read.push(name);
      return { incumbent: 'a', candidate: 'b' }[name] ?? '';
    });
    expect([...read].sort()).toEqual([...declared].sort());
  });

  it('marks format deprecated in action.yml, so the runner warns as well', () => {
    const inputs = (
      parseYaml(readFileSync('action.yml', 'utf8')) as {
        inputs: Record<string, { deprecationMessage?: string; default?: string }>;
      }
    ).inputs;
    expect(inputs.format?.deprecationMessage).toMatch(/input-format/);
    expect(inputs['fail-on']?.default).toBe('block');
  });

  it('reads fail-on as block by default, in any letter case', () => {
    const failOn = (value: string) =>
      readActionInputs((name) => ({ incumbent: 'a', candidate: 'b', 'fail-on': value })[name] ?? '')['fail-on'];
    expect([failOn(''), failOn(' Never '), failOn('WARN')]).toEqual(['block', 'never', 'warn']);
    expect(() => failOn('no')).toThrow(InputError);
  });
});
