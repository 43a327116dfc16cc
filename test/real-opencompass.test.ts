// Real OpenCompass outputs (test/fixtures/real/opencompass/SOURCE.md) through the CLI, in process on
// the source (the bundle is smoke-tested in bundle-smoke.test.ts).
import { describe, expect, it } from 'vitest';
import { RUNNERS } from './helpers/real-pair.js';

const R = 'test/fixtures/real/opencompass';
const SUMMARIES = [
  '--incumbent',
  `${R}/summary-llama3.2-1b-instruct/summary_20250604_224810.csv`,
  '--candidate',
  `${R}/summary-llama3.2-1b-instruct/summary_20250607_150548.csv`,
];
const PREDICTIONS = [
  '--incumbent',
  `${R}/predictions-arc-c/1b-instruct/ARC-c_0.json`,
  '--candidate',
  `${R}/predictions-arc-c/3b/ARC-c_0.json`,
];

for (const [where, check] of RUNNERS) {
  describe(`real OpenCompass outputs (${where})`, () => {
    it('summary CSVs of Llama-3.2-1B-Instruct before and after SFT: point values per dataset; svamp fell 1.7 pts and blocks', async () => {
      const { code, report } = await check(SUMMARIES);
      expect(code).toBe(1);
      expect(report?.inputs.incumbent.format).toBe('opencompass-summary');
      expect(report?.design).toBe('unpaired');
      const byCohort = Object.fromEntries((report?.comparisons ?? []).map((c) => [c.cohort, c]));
      expect(Object.keys(byCohort)).toEqual(['dataset:gsm8k', 'dataset:math', 'dataset:svamp']);
      // No n and no spread in the table: nothing is paired or tested, only the points are compared.
      for (const c of Object.values(byCohort)) expect(c).toMatchObject({ n_paired: null, p_value: null });
      expect(byCohort['dataset:svamp']).toMatchObject({ status: 'regressed', incumbent: 0.662, candidate: 0.645 });
      expect(byCohort['dataset:gsm8k']).toMatchObject({ status: 'pass', incumbent: 0.0083, candidate: 0.5648 });
      expect(report?.findings.filter((f) => f.id === 'metric.no-uncertainty')).toHaveLength(2);
      expect(report?.verdict).toBe('block');
    });

    it('gen-mode predictions of Llama-3.2-1B-Instruct and -3B on ARC-c part 0: refused as raw generations', async () => {
      const { code, stderr } = await check(PREDICTIONS);
      expect(code).toBe(2);
      expect(stderr).toContain(
        `${R}/predictions-arc-c/1b-instruct/ARC-c_0.json, prediction: 37 of 37 predictions are free text`,
      );
      expect(stderr).toContain('--dump-eval-details');
    });
  });
}
