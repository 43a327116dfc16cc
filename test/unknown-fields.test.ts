import { describe, expect, it } from 'vitest';
import { runGate } from '../src/core/gate/run-gate.js';
import { parsePairedSummaryText } from '../src/core/load/paired-summary.js';
import { parseSummaryText } from '../src/core/input/summary-data.js';
import { closestName, editDistance } from '../src/core/suggest-name.js';
import { expectInputError } from './helpers/input-error.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

const tool = { name: 'model-release-gate', version: 'test' };

/** 40 examples in cohort `eu`; the candidate gets every `eu` example wrong when `regress` is set. */
function records(
  regress: boolean,
  shape: (record: Record<string, unknown>) => Record<string, unknown> = (r) => r,
): string {
  return jsonl(
    Array.from({ length: 80 }, (_, i) => {
      const eu = i < 40;
      return shape({
        id: `e${i}`,
        cohorts: eu ? ['eu'] : ['us'],
        correct: regress && eu ? false : true,
        checks: { grounded: !(regress && eu) },
      });
    }),
  );
}

const gate = (incumbent: string, candidate: string) =>
  runGate({ incumbent: memorySource('inc.jsonl', incumbent), candidate: memorySource('cand.jsonl', candidate), tool });

describe('per-example records: an unknown field is refused, never ignored', () => {
  it('`cohort` for `cohorts` names the file, line and field, and what was meant', async () => {
    // Before: the field was ignored, the regressing cohort vanished into `overall` only.
    const typo = records(true, ({ cohorts, ...r }) => ({ ...r, cohort: cohorts }));
    const error = await expectInputError(() => gate(records(false), typo));
    expect({ file: error.file, line: error.line, field: error.field }).toEqual({
      file: 'cand.jsonl',
      line: 1,
      field: 'cohort',
    });
    expect(error.problem).toBe(
      'unknown field "cohort" (did you mean "cohorts"?): expected id, cohorts, label, prediction, correct, checks, metrics; put anything else under "meta", which is ignored',
    );
  });

  it('`check` for `checks`, on a later line, is named at that line', async () => {
    const lines = records(true).split('\n');
    lines[4] = JSON.stringify({ id: 'e4', cohorts: ['eu'], correct: false, check: { grounded: false } });
    const error = await expectInputError(() => gate(records(false), lines.join('\n')));
    expect({ line: error.line, field: error.field }).toEqual({ line: 5, field: 'check' });
    expect(error.problem).toContain('(did you mean "checks"?)');
  });

  it('a name close to nothing gets no suggestion, and a top-level `__proto__` is unknown too', async () => {
    const far = await expectInputError(() =>
      gate(
        records(false),
        records(false, (r) => ({ ...r, annotator: 'kim' })),
      ),
    );
    expect(far.problem).toMatch(/^unknown field "annotator": expected id, cohorts/);
    const proto = await expectInputError(() =>
      gate('{"id": "a", "correct": true, "__proto__": {"x": 1}}\n', records(false)),
    );
    expect({ file: proto.file, field: proto.field }).toEqual({ file: 'inc.jsonl', field: '__proto__' });
  });

  it('`meta` carries any JSON and is ignored: the report is the same as without it', async () => {
    const withMeta = (r: Record<string, unknown>) => ({
      ...r,
      meta: { annotator: 'kim', tags: ['x', 1, null], nested: { cohorts: ['ignored'] } },
    });
    const plain = await gate(records(false), records(true));
    const meta = await gate(records(false, withMeta), records(true, withMeta));
    expect(meta.verdict).toBe('block');
    expect(meta.comparisons).toEqual(plain.comparisons);
    expect(meta.findings).toEqual(plain.findings);
    expect(meta.comparisons.map((c) => c.cohort)).not.toContain('ignored');
  });
});

describe('summaries: an unknown key suggests the known one', () => {
  it('summary@1: `cohort` at the top and `sucesses` in a metric', async () => {
    const top = await expectInputError(async () =>
      parseSummaryText('s.json', '{\n  "schema": "model-release-gate/summary@1",\n  "cohort": {}\n}'),
    );
    expect({ line: top.line, field: top.field }).toEqual({ line: 3, field: 'cohort' });
    expect(top.problem).toContain('did you mean "cohorts"?');
    const nested = await expectInputError(async () =>
      parseSummaryText(
        's.json',
        '{"schema": "model-release-gate/summary@1",\n"cohorts": {"eu": {"n": 5,\n"metrics": {"accuracy": {"sucesses": 3}}}}}',
      ),
    );
    expect(nested.problem).toMatch(/^expected \{"successes"/);
  });

  it('paired-summary@1: a misspelt metric field names the field and what was meant', async () => {
    const text = JSON.stringify(
      {
        schema: 'model-release-gate/paired-summary@1',
        cohorts: {
          overall: {
            n: 4,
            metrics: {
              accuracy: {
                incumbent_successes: 3,
                candidate_successes: 3,
                incumbent_only_successes: 1,
                candidate_only_sucesses: 1,
              },
            },
          },
        },
      },
      null,
      2,
    );
    const error = await expectInputError(async () => parsePairedSummaryText('p.json', text));
    expect(error.field).toBe('cohorts.overall.metrics.accuracy.candidate_only_sucesses');
    expect(error.problem).toContain('did you mean "candidate_only_successes"?');
    expect(error.line).toBe(text.split('\n').findIndex((l) => l.includes('candidate_only_sucesses')) + 1);
  });
});

describe('summaries: a top-level `meta` carries anything else and is ignored', () => {
  it('summary@1 and paired-summary@1', () => {
    const cohorts = { overall: { n: 10, metrics: { accuracy: { successes: 9 } } } };
    const plain = parseSummaryText('s.json', JSON.stringify({ schema: 'model-release-gate/summary@1', cohorts }));
    const withMeta = parseSummaryText(
      's.json',
      JSON.stringify({ schema: 'model-release-gate/summary@1', cohorts, meta: { run: 'nightly', seeds: [1, 2] } }),
    );
    expect(withMeta.cohorts).toEqual(plain.cohorts);
    const metrics = {
      accuracy: {
        incumbent_successes: 9,
        candidate_successes: 9,
        incumbent_only_successes: 0,
        candidate_only_successes: 0,
      },
    };
    const paired = parsePairedSummaryText(
      'p.json',
      JSON.stringify({
        schema: 'model-release-gate/paired-summary@1',
        cohorts: { overall: { n: 10, metrics } },
        meta: 'from warehouse job 42',
      }),
    );
    expect([...paired.cohorts.keys()]).toEqual(['overall']);
  });
});

describe('closestName', () => {
  it('suggests within a few edits (swaps count once), never a far name', () => {
    expect(editDistance('chekcs', 'checks')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3); // the classic example: k→s, e→i, +g
    expect(closestName('Cohort', ['id', 'cohorts', 'checks'])).toBe('cohorts');
    expect(closestName('metric', ['metrics', 'meta'])).toBe('metrics');
    expect(closestName('xyz', ['id', 'cohorts'])).toBeUndefined();
    expect(closestName('ab', ['id'])).toBeUndefined();
  });
});
