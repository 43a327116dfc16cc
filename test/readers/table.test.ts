import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { CohortRegistry } from '../../src/core/load/cohort-registry.js';
import { layoutFromFirstRecord } from '../../src/core/input/example-layout.js';
import { createParsedExample, parseExampleRecord } from '../../src/core/load/example-record.js';
import type { ColumnMapping } from '../../src/core/readers/reader-types.js';
import { parseColumnMapping, planFromMapping, tableReader } from '../../src/core/readers/table-reader.js';
import { memorySource } from '../helpers/memory-source.js';
import { expectInputError } from '../helpers/input-error.js';

const DIR = 'test/fixtures/readers/table';
const text = (name: string): string => readFileSync(`${DIR}/${name}`, 'utf8');

const MAPPING: ColumnMapping = {
  id: 'row_id',
  label: 'y_true',
  prediction: 'y_pred',
  cohorts: ['region', 'lang'],
  checks: ['grounded'],
  metrics: ['latency_ms', 'cost'],
};

/** Reads with the reader, then checks every record with the gate's own validator. */
async function read(path: string, body: string, mapping: ColumnMapping | undefined = MAPPING) {
  const output = await tableReader.read(memorySource(path, body, 64), { mapping });
  if (output.kind !== 'examples') throw new Error('expected examples');
  const all: { record: Record<string, unknown>; line: number }[] = [];
  let batches = 0;
  for await (const batch of output.records) {
    batches++;
    batch.records.forEach((record, i) =>
      all.push({ record: record as Record<string, unknown>, line: batch.lines[i] as number }),
    );
  }
  const layout = layoutFromFirstRecord(all[0]?.record ?? {}, path, 2);
  const parsed = createParsedExample(layout);
  for (const { record, line } of all) parseExampleRecord(record, layout, new CohortRegistry(), parsed, path, line);
  return { all, batches };
}

const errorOf = expectInputError;

describe('table reader: detect', () => {
  it('never claims a file by itself: any CSV could be a table, so it needs a mapping or its name', () => {
    expect(tableReader.detect({ path: `${DIR}/incumbent.csv`, head: text('incumbent.csv') })).toBe(false);
    expect(tableReader.detect({ path: 'x.tsv', head: 'a\tb\n' })).toBe(false);
  });
});

describe('table reader: read', () => {
  it("maps each row to the gate's record", async () => {
    const { all } = await read(`${DIR}/incumbent.csv`, text('incumbent.csv'));
    expect(all.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(all[0]?.record).toEqual({
      id: 'q-001',
      cohorts: ['region:eu', 'lang:de'],
      label: 'refund',
      prediction: 'refund',
      checks: { grounded: true },
      metrics: { latency_ms: 412.5, cost: 0.0021 },
    });
    // Quoted commas stay in the value; an empty cohort cell puts the row in no cohort of that column.
    expect(all[4]?.record.label).toBe('returns, exchanges');
    expect(all[5]?.record.cohorts).toEqual(['region:us']);
  });

  it('accepts true/false, 1/0 and yes/no in any case for checks', async () => {
    const { all } = await read(`${DIR}/candidate.csv`, text('candidate.csv'));
    expect(all.map((r) => (r.record.checks as { grounded: boolean }).grounded)).toEqual([
      true,
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('reads `correct` instead of label/prediction, and tab-separated files', async () => {
    const { all } = await read('r.tsv', 'key\tok\tgroup\nA\t1\tx\nB\tno\t\n', {
      id: 'key',
      correct: 'ok',
      cohorts: ['group'],
    });
    expect(all.map((r) => r.record)).toEqual([
      { id: 'A', cohorts: ['group:x'], correct: true },
      { id: 'B', cohorts: [], correct: false },
    ]);
  });

  it('streams rows in batches with their line numbers', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `r${i},${i % 2},${i}`).join('\n');
    const { all, batches } = await read('big.csv', `id,ok,ms\n${rows}\n`, { id: 'id', correct: 'ok', metrics: ['ms'] });
    expect(batches).toBe(3);
    expect(all).toHaveLength(2500);
    expect(all[2499]).toEqual({
      line: 2501,
      record: { id: 'r2499', cohorts: [], correct: true, metrics: { ms: 2499 } },
    });
  });
});

describe('table reader: errors', () => {
  it('names the line and column of an empty metric cell', async () => {
    const error = await errorOf(() => read(`${DIR}/malformed.csv`, text('malformed.csv')));
    expect(error.file).toBe(`${DIR}/malformed.csv`);
    expect(error.line).toBe(4);
    expect(error.field).toBe('latency_ms');
    expect(error.problem).toBe('expected a finite number, got the string ""');
  });

  it('rejects NaN, unknown check words, empty labels and empty ids', async () => {
    const header = 'row_id,y_true,y_pred,region,lang,grounded,latency_ms,cost\n';
    const nan = await errorOf(() => read('t.csv', `${header}a,x,x,eu,de,true,NaN,1\n`));
    expect([nan.line, nan.field, nan.problem]).toEqual([
      2,
      'latency_ms',
      'expected a finite number, got the string "NaN"',
    ]);
    const flag = await errorOf(() => read('t.csv', `${header}a,x,x,eu,de,maybe,1,1\n`));
    expect([flag.field, flag.problem]).toEqual([
      'grounded',
      'expected true/false, 1/0 or yes/no, got the string "maybe"',
    ]);
    expect((await errorOf(() => read('t.csv', `${header}a,,x,eu,de,true,1,1\n`))).field).toBe('y_true');
    expect((await errorOf(() => read('t.csv', `${header},x,x,eu,de,true,1,1\n`))).field).toBe('row_id');
  });

  it('names a mapped column the header lacks, and a row with the wrong number of cells', async () => {
    const missing = await errorOf(() => read('t.csv', 'row_id,y_true\na,b\n'));
    expect([missing.line, missing.field]).toEqual([1, 'y_pred']);
    expect(missing.problem).toMatch(/names column "y_pred", which the header does not have \(it has: row_id, y_true\)/);
    const ragged = await errorOf(() => read('t.csv', 'id,ok\na,1\nb\n', { id: 'id', correct: 'ok' }));
    expect(ragged.line).toBe(3);
    expect(ragged.problem).toMatch(/invalid CSV/);
  });

  it('needs a mapping, and says how to give one', async () => {
    const error = await errorOf(() => tableReader.read(memorySource('t.csv', 'a\n1\n'), {}));
    expect(error.problem).toMatch(/--columns "id=<column>,label=<column>,prediction=<column>"/);
  });
});

describe('parseColumnMapping', () => {
  it('parses key=column pairs, with | between the columns of cohorts, checks and metrics', () => {
    expect(
      parseColumnMapping(
        'id=row_id,label=y_true,prediction=y_pred,cohorts=region|lang,checks=grounded,metrics=latency_ms|cost',
      ),
    ).toEqual(MAPPING);
    expect(parseColumnMapping(' id = k , correct=ok, metrics=a, metrics=b ')).toEqual({
      id: 'k',
      label: undefined,
      prediction: undefined,
      correct: 'ok',
      cohorts: undefined,
      checks: undefined,
      metrics: ['a', 'b'],
    });
  });

  it('explains what is wrong', () => {
    const problem = (text: string): string => {
      try {
        parseColumnMapping(text);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).file).toBe('--columns');
        return (error as InputError).problem;
      }
      throw new Error(`no error for ${text}`);
    };
    expect(problem('id=a,lable=b,prediction=c')).toMatch(
      /unknown key "lable": expected id, label, prediction, correct, cohorts, checks, metrics/,
    );
    // No id is a mapping for pairing by row order (inputs.pair_by: row); reading checks the policy.
    expect(parseColumnMapping('label=y,prediction=p')).toMatchObject({ id: undefined, label: 'y', prediction: 'p' });
    expect(problem('id=a,id=b,correct=c')).toBe('id is given twice');
    expect(problem('id=a|b,correct=c')).toBe('id takes one column, got a and b');
    expect(problem('id,correct=c')).toMatch(/"id" names no column: expected id=<column>/);
    expect(problem('id=a,checks=x|x')).toBe('checks lists column "x" twice');
    expect(problem('id=a,prediction=p')).toMatch(/prediction needs label=<column>/);
    expect(problem('id=a,label=y')).toMatch(/label needs prediction=<column>/);
    expect(problem('id=a,correct=c,label=y,prediction=p')).toBe(
      'give either correct= or label= and prediction=, not both',
    );
    // An id alone is a mapping (promptfoo reads id=vars.<name>); a table refuses it when it plans its columns.
    expect(parseColumnMapping('id=vars.case')).toMatchObject({ id: 'vars.case' });
    expect(() => planFromMapping(parseColumnMapping('id=a,cohorts=r'))).toThrow(/nothing to measure/);
  });
});
