// Real scikit-learn classification reports (test/fixtures/real/sklearn/*/SOURCE.md) through the CLI,
// in process on the source (the bundle is smoke-tested in bundle-smoke.test.ts). Reports from scikit-learn ≥ 1.4 and pandas write supports as floats (1509.0).
import { describe, expect, it } from 'vitest';
import { RUNNERS, type RealReport } from './helpers/real-pair.js';

const R = 'test/fixtures/real/sklearn';
const pair = (dir: string, incumbent = 'incumbent.json', candidate = 'candidate.json'): string[] => [
  '--incumbent',
  `${R}/${dir}/${incumbent}`,
  '--candidate',
  `${R}/${dir}/${candidate}`,
];

/** cohort → [n per side, status, incumbent accuracy, candidate accuracy]. */
function rows(report: RealReport | undefined): Record<string, [number, string, number | null, number | null]> {
  const out: Record<string, [number, string, number | null, number | null]> = {};
  for (const c of report?.comparisons ?? []) {
    expect(c.metric).toBe('accuracy');
    expect(c.n_incumbent).toBe(c.n_candidate);
    out[c.cohort] = [c.n_incumbent, c.status, c.incumbent, c.candidate];
  }
  return out;
}

for (const [where, check] of RUNNERS) {
  describe(`real scikit-learn classification reports (${where})`, () => {
    it('scikit-learn 1.4.2, logistic regression vs random forest on one 7,711-example test set: float supports read as counts', async () => {
      const { code, report, stderr } = await check(pair('mlop1-logreg-vs-randomforest'));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(report?.inputs.incumbent.format).toBe('sklearn');
      expect(report?.inputs.candidate.format).toBe('sklearn');
      expect(report?.design).toBe('unpaired');
      expect(report?.inputs.incumbent.notes).toEqual([
        'supports written as whole floats (1509.0) were read as counts of examples, as scikit-learn and pandas write them',
      ]);
      const r = rows(report);
      expect(Object.keys(r).sort()).toEqual(['label:0', 'label:1', 'label:2', 'label:3', 'label:4', 'overall']);
      expect(r.overall?.slice(0, 2)).toEqual([7711, 'pass']);
      expect(r.overall?.[2]).toBeCloseTo(7088 / 7711, 9);
      expect(r.overall?.[3]).toBeCloseTo(7169 / 7711, 9);
      expect(r['label:0']).toEqual([1509, 'pass', expect.closeTo(1287 / 1509, 9), expect.closeTo(1356 / 1509, 9)]);
      expect(r['label:1']?.slice(0, 2)).toEqual([1502, 'inconclusive']);
      expect(r['label:4']?.slice(0, 2)).toEqual([1539, 'inconclusive']);
      expect(report?.verdict).toBe('warn');
    });

    it('scikit-learn 1.6.1, one model before and after retraining (9,199 examples, classes -1/0/1)', async () => {
      const { code, report } = await check(pair('creatorinsight-retrain'));
      expect(code).toBe(0);
      expect(report?.inputs.incumbent.format).toBe('sklearn');
      expect(report?.design).toBe('unpaired');
      const r = rows(report);
      expect(Object.keys(r).sort()).toEqual(['label:-1', 'label:0', 'label:1', 'overall']);
      expect(r.overall).toEqual([9199, 'pass', expect.closeTo(7983 / 9199, 9), expect.closeTo(7985 / 9199, 9)]);
      expect(r['label:-1']).toEqual([
        2083,
        'inconclusive',
        expect.closeTo(1629 / 2083, 9),
        expect.closeTo(1629 / 2083, 9),
      ]);
      expect(report?.verdict).toBe('warn');
    });

    it('scikit-learn 1.2.2 with integer supports, the same report on both sides: nothing regresses', async () => {
      const { code, report } = await check(pair('remla23-restaurant-reviews', 'report.json', 'report.json'));
      expect(code).toBe(0);
      expect(report?.inputs.incumbent.notes).toBeUndefined();
      const r = rows(report);
      expect(r).toEqual({
        overall: [180, 'inconclusive', expect.closeTo(131 / 180, 9), expect.closeTo(131 / 180, 9)],
        'label:0': [78, 'inconclusive', expect.closeTo(67 / 78, 9), expect.closeTo(67 / 78, 9)],
        'label:1': [102, 'inconclusive', expect.closeTo(64 / 102, 9), expect.closeTo(64 / 102, 9)],
      });
      expect(report?.verdict).toBe('warn');
    });

    it('saved with pandas to_json (accuracy as a row, 10-digit rates), against a copy with one more miss in class 1', async () => {
      const { code, report } = await check(pair('iris-pandas-to-json'));
      expect(code).toBe(0);
      expect(report?.inputs.incumbent.format).toBe('sklearn');
      const r = rows(report);
      expect(Object.keys(r).sort()).toEqual(['label:0', 'label:1', 'label:2', 'overall']);
      expect(r.overall).toEqual([135, 'inconclusive', expect.closeTo(124 / 135, 9), expect.closeTo(123 / 135, 9)]);
      expect(r['label:1']).toEqual([44, 'inconclusive', expect.closeTo(43 / 44, 9), expect.closeTo(42 / 44, 9)]);
      expect(report?.verdict).toBe('warn');
    });
  });
}
