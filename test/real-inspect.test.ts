// Real inspect_ai logs (test/fixtures/real/inspect/SOURCE.md) through the CLI, in process on the
// source (the bundle is smoke-tested in bundle-smoke.test.ts).
import { describe, expect, it } from 'vitest';
import { RUNNERS } from './helpers/real-pair.js';

const R = 'test/fixtures/real/inspect';
const PAIRS = {
  derived: [
    '--incumbent',
    `${R}/popularity-0.3.95/incumbent.json`,
    '--candidate',
    `${R}/popularity-0.3.95/candidate.json`,
  ],
  versions: [
    '--incumbent',
    `${R}/popularity-across-versions/log_formats.json`,
    '--candidate',
    `${R}/popularity-across-versions/log_read_sample.json`,
  ],
};

for (const [where, check] of RUNNERS) {
  describe(`real inspect_ai logs (${where})`, () => {
    it('a cancelled 0.3.95 popularity run against a copy with one more miss: paired by sample id, too few to tell', async () => {
      const { code, report } = await check(PAIRS.derived);
      expect(code).toBe(0);
      expect(report?.inputs.incumbent.format).toBe('inspect');
      expect(report?.design).toBe('paired');
      expect(report?.comparisons.map((c) => c.cohort)).toEqual(['overall']);
      const match = report?.comparisons.find((c) => c.metric === 'match');
      expect(match).toMatchObject({ n_paired: 3, status: 'inconclusive' });
      expect(match?.incumbent).toBeCloseTo(2 / 3, 6);
      expect(match?.candidate).toBeCloseTo(1 / 3, 6);
      expect(report?.verdict).toBe('warn');
    });

    it('the same popularity sample logged by inspect 0.3.41 and 0.3.95: paired across versions', async () => {
      const { code, report } = await check(PAIRS.versions);
      expect(code).toBe(0);
      expect(report?.inputs.candidate.format).toBe('inspect');
      expect(report?.comparisons.find((c) => c.metric === 'match')).toMatchObject({
        cohort: 'overall',
        n_paired: 1,
        incumbent: 0,
        candidate: 1,
        status: 'inconclusive',
      });
      expect(report?.verdict).toBe('warn');
    });
  });
}
