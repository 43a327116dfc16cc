import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { inspectReader } from '../../src/core/readers/inspect-reader.js';
import type { ReaderOptions } from '../../src/core/readers/reader-types.js';
import { chooseReader } from '../../src/core/readers/registry.js';
import { memorySource } from '../helpers/memory-source.js';
import { collectValidatedRecords } from '../helpers/reader-output.js';

const dir = new URL('../fixtures/readers/inspect/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, dir), 'utf8');
type Log = { status: string; samples: Record<string, unknown>[] };
const log = (name: string) => JSON.parse(fixture(name)) as Log;

async function read(path: string, text: string, options: ReaderOptions = {}) {
  const output = await inspectReader.read(memorySource(path, text, 4096), options);
  const result = await collectValidatedRecords(output, path);
  return { ...result, tally: output.kind === 'examples' ? output.tally : undefined };
}
async function readError(path: string, text: string, options: ReaderOptions = {}): Promise<InputError> {
  const error: unknown = await read(path, text, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('inspect_ai reader', () => {
  it('is chosen for inspect JSON logs and .eval logs, and for nothing else', () => {
    const probe = (path: string, head: string) => chooseReader({ path, head }, undefined, {}).name;
    expect(probe('logs/run.json', fixture('incumbent.json'))).toBe('inspect');
    expect(probe('logs/run.eval', 'PK\u0003\u0004')).toBe('inspect');
    expect(inspectReader.detect({ path: 'x.json', head: '{"results": {"version": 3, "timestamp": 1}}' })).toBe(false);
    expect(inspectReader.detect({ path: 'x.jsonl', head: fixture('incumbent.json') })).toBe(false);
  });

  it('reads one record per sample: letter grades are checks, numbers metrics, ids as text', async () => {
    const { records, tally } = await read('a.json', fixture('incumbent.json'));
    expect(records).toHaveLength(10);
    expect(records[0]).toEqual({ id: 'q0', checks: { match: true }, metrics: { judge: 0.5 } });
    expect(tally?.notes).toContain('inspect task demo');
  });

  it('counts P (partial) and N (no answer) as failures, and says how many P it saw', async () => {
    const { records, tally } = await read('b.json', fixture('candidate.json'));
    expect(records.map((r) => (r.checks as { match: boolean }).match)).toEqual([
      true,
      true,
      true,
      false,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(tally?.notes.some((n) => n.includes('1 score of P'))).toBe(true);
  });

  it('takes cohorts from sample metadata with --cohort-field', async () => {
    const { records } = await read('a.json', fixture('incumbent.json'), { cohortField: 'metadata.topic' });
    expect(records[0]?.cohorts).toEqual(['topic:law']);
    expect(records[1]?.cohorts).toEqual(['topic:math']);
  });

  it("gives one record per epoch with the same id (repeats are the loader's to aggregate)", async () => {
    const { records } = await read('e.json', fixture('two-epochs.json'));
    expect(records.map((r) => r.id)).toEqual(['q0', 'q1', 'q0']);
  });

  it('counts a sample that errored as failing its checks, and notes it', async () => {
    const l = log('candidate.json');
    for (const s of l.samples) delete (s.scores as Record<string, unknown>).judge;
    Object.assign(l.samples[2] as object, { error: { message: 'timeout' }, scores: null });
    const { records, tally } = await read('b.json', JSON.stringify(l));
    expect(records[2]).toEqual({ id: 'q2', checks: { match: false } });
    expect(tally?.notes.some((n) => n.includes('1 sample ended in an error'))).toBe(true);
  });

  it('refuses to drop an errored sample whose numeric score is missing when it also has checks', async () => {
    const l = log('candidate.json');
    Object.assign(l.samples[2] as object, { error: { message: 'timeout' }, scores: null });
    const error = await readError('b.json', JSON.stringify(l));
    expect(error.message).toContain('sample q2 ended in an error and has no judge score');
  });

  it('follows missing_values for a null score: fail, drop or error', async () => {
    const l = log('incumbent.json');
    ((l.samples[1] as { scores: Record<string, { value: unknown }> }).scores.match as { value: unknown }).value = null;
    const failed = await read('a.json', JSON.stringify(l));
    expect((failed.records[1]?.checks as { match: boolean }).match).toBe(false);
    expect(failed.tally).toMatchObject({ missing: 1, missingAsFailure: 1, dropped: 0 });
    const dropped = await read('a.json', JSON.stringify(l), { missingValues: 'drop' });
    expect(dropped.records).toHaveLength(9);
    expect(dropped.tally).toMatchObject({ missing: 1, dropped: 1 });
    expect((await readError('a.json', JSON.stringify(l), { missingValues: 'error' })).message).toContain(
      'sample q1 has no match score',
    );
  });

  it('reads the samples of an unfinished run, saying so, and refuses one without samples', async () => {
    const l = log('incumbent.json');
    l.status = 'cancelled';
    const { tally } = await read('a.json', JSON.stringify(l));
    expect(tally?.notes).toContain(
      "the log's status is cancelled, not success: only the 10 samples it holds were read",
    );
    const error = await readError('run.json', fixture('error-no-samples.json'));
    expect(error.message).toContain('run.json');
    expect(error.message).toContain('and it holds no samples');
  });

  it('refuses a .eval log with the command that converts it', async () => {
    const error = await readError('logs/run.eval', 'PK\u0003\u0004');
    expect(error.message).toContain('inspect log convert --to json');
  });

  it('refuses a score it cannot compare, naming the file, sample and scorer', async () => {
    const error = await readError('m.json', fixture('malformed.json'));
    expect(error.message).toMatch(/^m\.json.*samples\[1\]\.scores\.match\.value/);
    expect(error.message).toContain('got the string "yes"');
  });
});
