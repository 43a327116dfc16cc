import { describe, expect, it } from 'vitest';
import { READINESS_RULES } from '../../src/core/readiness/rules/all-rules.js';
import { makeContext } from './context.js';
import { COMPLETE_MANIFEST, edit } from './manifests.js';

describe('readiness rules', () => {
  it('run in checklist order', () => {
    const context = makeContext(COMPLETE_MANIFEST);
    expect(READINESS_RULES.map((rule) => rule(context).item.id)).toEqual([
      'owners',
      'rollout',
      'kill_switch',
      'monitoring',
      'load_test',
      'eval_coverage',
      'consistency',
    ]);
  });

  it('find nothing wrong with the complete high-risk manifest', () => {
    const context = makeContext(COMPLETE_MANIFEST);
    const results = READINESS_RULES.map((rule) => rule(context));
    expect(results.flatMap((r) => r.findings)).toEqual([]);
    expect(results.map((r) => [r.item.status, r.item.required])).toEqual(Array(7).fill(['ok', true]));
    expect(results.every((r) => r.item.evidence !== null && r.item.line !== null)).toBe(true);
  });

  it('a bare low-risk manifest: required sections are missing, the others not required', () => {
    const yaml = 'model:\n  name: ranker\n  candidate: "1.1"\n  incumbent: "1.0"\nrisk_class: low\n';
    const context = makeContext(yaml);
    const results = READINESS_RULES.map((rule) => rule(context));
    expect(results.map((r) => [r.item.id, r.item.status])).toEqual([
      ['owners', 'finding'],
      ['rollout', 'finding'],
      ['kill_switch', 'finding'],
      ['monitoring', 'not-required'],
      ['load_test', 'not-required'],
      ['eval_coverage', 'not-required'],
      ['consistency', 'ok'],
    ]);
    expect(results.flatMap((r) => r.findings).map((f) => [f.id, f.line])).toEqual([
      ['owner.missing', 1],
      ['rollout.missing', 1],
      ['kill-switch.missing', 1],
    ]);
  });

  it('every finding names the manifest file and a line', () => {
    const yaml = edit(
      edit(COMPLETE_MANIFEST, 'strategy: canary', 'strategy: atomic'),
      'cost_tracking: true',
      'cost_tracking: false',
    );
    const findings = READINESS_RULES.flatMap((rule) => rule(makeContext(yaml)).findings);
    expect(findings.map((f) => f.id)).toEqual(['rollout.atomic', 'monitoring.cost-tracking']);
    expect(findings.every((f) => f.file === 'release.yml' && typeof f.line === 'number')).toBe(true);
  });
});
