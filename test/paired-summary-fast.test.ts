import { describe, expect, it } from 'vitest';
import { fastPairedSummaryFile } from '../src/core/load/paired-summary-fast.js';
import { pairedSummarySchema } from '../src/core/load/paired-summary-schema.js';

// The fast check must never accept what the schema rejects (the gate would pass bad input without
// an error), and on what it accepts it must give what the schema gives.
const binary = {
  incumbent_successes: 8,
  candidate_successes: 7,
  incumbent_only_successes: 2,
  candidate_only_successes: 1,
};
const continuous = { mean_diff: -1.5, sd_diff: 2, incumbent_mean: 10, candidate_mean: 8.5 };
const valid = () =>
  ({
    schema: 'model-release-gate/paired-summary@1',
    incumbent: { model: { name: 'clf', version: '1' } },
    dataset: { name: 'd', sha256: 'abc' },
    meta: { anything: [1, 'two'] },
    cohorts: {
      overall: { n: 10, metrics: { accuracy: { ...binary }, latency_ms: { ...continuous } } },
      'region:eu': {
        n: 4,
        n_incumbent: 5,
        n_candidate: 4,
        metrics: {
          accuracy: {
            n: 3,
            incumbent_successes: 1,
            candidate_successes: 2,
            incumbent_only_successes: 0,
            candidate_only_successes: 1,
          },
          latency_ms: { n: 1, mean_diff: 0, sd_diff: null, incumbent_mean: 3, candidate_mean: 3 },
        },
      },
    },
  }) as Record<string, unknown>;

type Doc = ReturnType<typeof valid> & { cohorts: Record<string, Record<string, unknown>> };
const cohort = (doc: Doc, name = 'overall') => doc.cohorts[name] as Record<string, unknown>;
const metric = (doc: Doc, name: string, cohortName = 'overall') =>
  (cohort(doc, cohortName).metrics as Record<string, Record<string, unknown>>)[name] as Record<string, unknown>;

const mutations: Record<string, (doc: Doc) => void> = {
  unchanged: () => {},
  'wrong schema': (d) => (d.schema = 'x'),
  'unknown top-level key': (d) => (d.extra = 1),
  'cohorts an array': (d) => (d.cohorts = [] as never),
  'cohorts null': (d) => (d.cohorts = null as never),
  'no cohorts key': (d) => delete (d as Record<string, unknown>).cohorts,
  'no cohort': (d) => (d.cohorts = {}),
  'empty cohort name': (d) => (d.cohorts[''] = cohort(d)),
  'cohort named __proto__': (d) =>
    Object.defineProperty(d.cohorts, '__proto__', { value: cohort(d), enumerable: true }),
  'cohort null': (d) => (d.cohorts.overall = null as never),
  'cohort unknown key': (d) => (cohort(d).x = 1),
  'n missing': (d) => delete cohort(d).n,
  'n zero': (d) => (cohort(d).n = 0),
  'n fractional': (d) => (cohort(d).n = 2.5),
  'n a string': (d) => (cohort(d).n = '10'),
  'n unsafe integer': (d) => (cohort(d).n = 2 ** 60),
  'n_incumbent below n': (d) => (cohort(d).n_incumbent = 9),
  'n_candidate negative': (d) => (cohort(d).n_candidate = -1),
  'n_candidate null': (d) => (cohort(d).n_candidate = null),
  'metrics missing': (d) => delete cohort(d).metrics,
  'metrics empty': (d) => (cohort(d).metrics = {}),
  'metrics an array': (d) => (cohort(d).metrics = []),
  'empty metric name': (d) => ((cohort(d).metrics as Record<string, unknown>)[''] = { ...continuous }),
  'metric a number': (d) => ((cohort(d).metrics as Record<string, unknown>).accuracy = 1),
  'metric empty': (d) => ((cohort(d).metrics as Record<string, unknown>).accuracy = {}),
  'mixed kinds in a metric': (d) => (metric(d, 'accuracy').mean_diff = 0),
  'binary field missing': (d) => delete metric(d, 'accuracy').candidate_only_successes,
  'binary count negative': (d) => (metric(d, 'accuracy').incumbent_only_successes = -2),
  'binary unknown key': (d) => (metric(d, 'accuracy').typo = 1),
  'binary successes above n': (d) => (metric(d, 'accuracy').incumbent_successes = 11),
  'binary only above successes': (d) => (metric(d, 'accuracy').candidate_only_successes = 8),
  'binary both-right disagree': (d) => (metric(d, 'accuracy').candidate_successes = 6),
  'binary both-wrong negative': (d) => Object.assign(metric(d, 'accuracy'), { n: 7 }),
  'metric n above cohort n': (d) => (metric(d, 'accuracy').n = 11),
  'metric n zero': (d) => (metric(d, 'accuracy').n = 0),
  'continuous sd null for many pairs': (d) => (metric(d, 'latency_ms').sd_diff = null),
  'continuous sd negative': (d) => (metric(d, 'latency_ms').sd_diff = -1),
  'continuous sd for one pair': (d) => (metric(d, 'latency_ms', 'region:eu').sd_diff = 0),
  'continuous mean_diff reversed': (d) => (metric(d, 'latency_ms').mean_diff = 1.5),
  'continuous mean a string': (d) => (metric(d, 'latency_ms').incumbent_mean = '10'),
  'continuous field missing': (d) => delete metric(d, 'latency_ms').candidate_mean,
  'continuous unknown key': (d) => (metric(d, 'latency_ms').incumbent_successes = 1),
  'a metric of two kinds across cohorts': (d) =>
    ((cohort(d, 'region:eu').metrics as Record<string, unknown>).latency_ms = { ...binary, n: 4 }),
  'model version empty': (d) => (d.incumbent = { model: { name: 'clf', version: '' } }),
  'dataset unknown key': (d) => (d.dataset = { name: 'd', typo: 1 }),
};

describe('fastPairedSummaryFile', () => {
  for (const [name, mutate] of Object.entries(mutations)) {
    it(`agrees with the schema: ${name}`, () => {
      const doc = valid() as Doc;
      mutate(doc);
      // JSON.parse gives what the loader checks: a fresh value, with any key as an own property.
      const value = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
      const schema = pairedSummarySchema.safeParse(value);
      const fast = fastPairedSummaryFile(JSON.parse(JSON.stringify(doc)) as Record<string, unknown>);
      if (!schema.success) expect(fast).toBeUndefined();
      else {
        expect(fast).toBeDefined();
        expect(fast).toEqual(schema.data);
      }
    });
  }

  it('accepts the valid file and the valid mutations (the fast path is taken)', () => {
    expect(fastPairedSummaryFile(valid())).toBeDefined();
  });
});
