// Annotations are capped at what GitHub shows (10 per level per step): the manifest's findings first,
// then the data's, and one notice that counts the rest, so a run with 100,000 cohorts stays readable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/findings/finding.js';
import { runGate } from '../src/core/gate/run-gate.js';
import { annotationsOf, MAX_ANNOTATIONS_PER_LEVEL } from '../src/core/report/annotations.js';
import type { GateReport } from '../src/core/report/report.js';
import { runActionInProcess } from './helpers/in-process.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

async function smallReport(): Promise<GateReport> {
  const records = Array.from({ length: 200 }, (_, i) => ({ id: i, cohorts: ['all'], correct: i % 5 !== 0 }));
  return runGate({
    incumbent: memorySource('i.jsonl', jsonl(records), 65536),
    candidate: memorySource('c.jsonl', jsonl(records), 65536),
    tool: { name: 'm', version: 't' },
  });
}

describe('annotation cap', () => {
  it('100,000 cohort findings: 10 errors and 10 warnings, manifest findings first, one notice for the rest', async () => {
    const base = await smallReport();
    const cohortFindings: Finding[] = Array.from({ length: 100_000 }, (_, i) => ({
      id: i % 2 === 0 ? 'cohort.regressed' : 'cohort.inconclusive',
      severity: i % 2 === 0 ? 'block' : 'warn',
      message: `cohort c${i} · accuracy`,
      cohort: `c${i}`,
    }));
    const manifestFindings: Finding[] = [
      { id: 'kill-switch.stale', severity: 'block', message: 'drill is old', file: 'release-manifest.yml', line: 33 },
      { id: 'owners.missing', severity: 'warn', message: 'no data owner', file: 'release-manifest.yml', line: 14 },
    ];
    const waived: Finding = {
      ...manifestFindings[0]!,
      id: 'rollout.first-stage',
      waiver: { accepted_by: 'a', reason: 'r', expires: '2026-12-01', link: null, verified: true },
    };
    const report: GateReport = {
      ...base,
      inputs: { ...base.inputs, manifest: { path: 'release-manifest.yml', sha256: 'x' } },
      // Manifest findings last in the report: the cap must still put them first.
      findings: [...cohortFindings, waived, ...manifestFindings],
    };
    const annotations = annotationsOf(report);
    const errors = annotations.filter((a) => a.level === 'error');
    const warnings = annotations.filter((a) => a.level === 'warning');
    expect(errors).toHaveLength(MAX_ANNOTATIONS_PER_LEVEL);
    expect(warnings).toHaveLength(MAX_ANNOTATIONS_PER_LEVEL);
    expect(errors[0]).toEqual({
      level: 'error',
      title: 'model release gate: kill-switch.stale',
      message: 'drill is old',
      file: 'release-manifest.yml',
      line: 33,
    });
    expect(warnings[0]?.title).toBe('model release gate: owners.missing');
    expect(errors.slice(1).map((a) => a.message)).toEqual(
      ['c0', 'c2', 'c4', 'c6', 'c8', 'c10', 'c12', 'c14', 'c16'].map((c) => `cohort ${c} · accuracy`),
    );
    expect(annotations.filter((a) => a.level === 'notice')).toEqual([
      { level: 'notice', title: 'model release gate', message: '99982 more findings: see the job summary' },
    ]);
    expect(annotations).toHaveLength(21);
  });

  it('no notice when everything fits', async () => {
    const base = await smallReport();
    const findings: Finding[] = Array.from({ length: 10 }, (_, i) => ({
      id: 'cohort.regressed',
      severity: 'block',
      message: `m${i}`,
    }));
    const annotations = annotationsOf({ ...base, findings });
    expect(annotations).toHaveLength(10);
    expect(annotations.every((a) => a.level === 'error')).toBe(true);
  });

  it('the Action annotates a run with many regressed cohorts and a stale drill within the cap', async () => {
    const cohorts = Array.from({ length: 30 }, (_, i) => `region-${i}`);
    const rows = (correct: (i: number) => boolean): string =>
      jsonl(Array.from({ length: 6000 }, (_, i) => ({ id: i, cohorts: [cohorts[i % 30]], correct: correct(i) })));
    const manifest = readFileSync('examples/release-manifest.yml', 'utf8').replace(
      'date: 2026-11-12',
      'date: 2026-01-02',
    );
    const files = { 'inc.jsonl': rows(() => true), 'cand.jsonl': rows((i) => i % 4 !== 0), 'm.yml': manifest };
    const run = await runActionInProcess({ incumbent: 'inc.jsonl', candidate: 'cand.jsonl', manifest: 'm.yml' }, files);
    expect(run.thrown).toBeUndefined();
    expect(run.outputs.verdict).toBe('block');
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors[0]?.file).toBe('m.yml');
    expect(errors.at(-1)?.title).toBe('model release gate: cohort.regressed');
    const notices = run.annotations.filter((a) => a.level === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(/^\d+ more findings: see the job summary$/);
  });
});
