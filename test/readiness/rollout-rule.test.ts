import { describe, expect, it } from 'vitest';
import { rolloutRule } from '../../src/core/readiness/rules/rollout-rule.js';
import { expectFinding, expectPass, makeContext } from './context.js';
import { COMPLETE_MANIFEST, edit, lineOf, withoutSection } from './manifests.js';

const run = (yaml: string, policy?: Record<string, unknown>) =>
  rolloutRule(makeContext(yaml, policy === undefined ? {} : { policy }));

const STAGES = `  stages:
    - traffic: 1%
      hold: 2h
    - traffic: 10%
      hold: 24h
    - traffic: 100%
`;
const ABORT = `  abort_when:
    - metric: chargeback_recall
      below: 0.85
    - metric: p95_latency_ms
      above: 250
`;
const withStages = (stages: string) => edit(COMPLETE_MANIFEST, STAGES, stages);

describe('rollout rule', () => {
  it('accepts a canary that starts small, rises, reaches 100% and has abort criteria', () => {
    const result = run(COMPLETE_MANIFEST);
    expectPass(result);
    expect(result.item).toMatchObject({
      id: 'rollout',
      title: 'Staged rollout with abort criteria',
      required: true,
      evidence: 'canary 1% → 10% → 100%, 2 abort criteria',
      line: lineOf(COMPLETE_MANIFEST, 'rollout:'),
    });
  });

  it('rollout.missing: absent and required', () => {
    const yaml = withoutSection(COMPLETE_MANIFEST, 'rollout');
    expectFinding(run(yaml), 'rollout.missing', {
      severity: 'block',
      message: 'no rollout section, which high-risk releases require',
      line: lineOf(yaml, 'model:'),
    });
  });

  it('is not required when the policy does not list it for the risk class', () => {
    const yaml = withoutSection(COMPLETE_MANIFEST, 'rollout');
    const result = run(yaml, { required: { high: ['owners'] } });
    expect(result.findings).toEqual([]);
    expect(result.item.status).toBe('not-required');
  });

  it('rollout.atomic: an atomic strategy', () => {
    const yaml = edit(COMPLETE_MANIFEST, 'strategy: canary', 'strategy: atomic');
    const result = run(yaml);
    expectFinding(result, 'rollout.atomic', {
      severity: 'block',
      message: 'rollout.strategy is atomic',
      line: lineOf(yaml, 'strategy:'),
    });
    expect(result.item.evidence).toBe('atomic 1% → 10% → 100%, 2 abort criteria');
  });

  it('rollout.atomic: a canary whose first stage is already 100%', () => {
    const yaml = withStages('  stages:\n    - traffic: 100%\n');
    expectFinding(run(yaml), 'rollout.atomic', {
      severity: 'block',
      message: 'the first rollout stage sends 100% of traffic',
      line: lineOf(yaml, 'traffic: 100%'),
    });
  });

  it('rollout.no-stages: canary or staged without stages', () => {
    const absent = withStages('');
    expectFinding(run(absent), 'rollout.no-stages', {
      severity: 'block',
      message: 'rollout.strategy is canary but no stages are listed',
      line: lineOf(absent, 'rollout:'),
    });
    const empty = edit(withStages('  stages: []\n'), 'strategy: canary', 'strategy: staged');
    expectFinding(run(empty), 'rollout.no-stages', {
      severity: 'block',
      message: 'rollout.strategy is staged but no stages',
      line: lineOf(empty, 'stages: []'),
    });
  });

  it('rollout.first-stage: a first stage above first_stage_max, unless the policy allows it', () => {
    const secondAt50 = edit(COMPLETE_MANIFEST, 'traffic: 10%', 'traffic: 50%');
    const yaml = edit(secondAt50, 'traffic: 1%', 'traffic: 20%');
    expectFinding(run(yaml), 'rollout.first-stage', {
      severity: 'block',
      message: 'the first rollout stage takes 20% of traffic; the policy allows at most 10%',
      line: lineOf(yaml, 'traffic: 20%'),
    });
    expectPass(run(yaml, { first_stage_max: 20 }));
    // Exactly at the limit is allowed.
    expectPass(run(edit(secondAt50, 'traffic: 1%', 'traffic: 10%')));
  });

  it('rollout.not-increasing: a stage that does not take more traffic than the one before', () => {
    const yaml = edit(COMPLETE_MANIFEST, 'traffic: 10%', 'traffic: 1%');
    expectFinding(run(yaml), 'rollout.not-increasing', {
      severity: 'block',
      message: 'rollout stage 2 takes 1% of traffic after stage 1 took 1%',
      line: lineOf(yaml, 'traffic: 1%', 'hold: 2h'),
    });
  });

  it('rollout.incomplete: a warning when the last stage stays below 100%', () => {
    const yaml = edit(COMPLETE_MANIFEST, 'traffic: 100%', 'traffic: 50%');
    expectFinding(run(yaml), 'rollout.incomplete', {
      severity: 'warn',
      message: 'the last rollout stage takes 50% of traffic, so the rollout never reaches full traffic',
      line: lineOf(yaml, 'traffic: 50%'),
    });
  });

  it('shadow rollouts are exempt from the stage checks', () => {
    const yaml = edit(
      withStages('  stages:\n    - traffic: 50%\n    - traffic: 20%\n'),
      'strategy: canary',
      'strategy: shadow',
    );
    const result = run(yaml);
    expectPass(result);
    expect(result.item.evidence).toBe('shadow 50% → 20%, 2 abort criteria');
    expectPass(run(edit(withStages(''), 'strategy: canary', 'strategy: shadow')));
  });

  it('rollout.no-abort-criteria: absent or empty abort_when, shadow included', () => {
    const absent = edit(COMPLETE_MANIFEST, ABORT, '');
    const result = run(absent);
    expectFinding(result, 'rollout.no-abort-criteria', {
      severity: 'block',
      message: 'rollback thresholds must be defined before launch',
      line: lineOf(absent, 'rollout:'),
    });
    expect(result.item.evidence).toBe('canary 1% → 10% → 100%, no abort criteria');
    const empty = edit(edit(COMPLETE_MANIFEST, ABORT, '  abort_when: []\n'), 'strategy: canary', 'strategy: shadow');
    expectFinding(run(empty), 'rollout.no-abort-criteria', {
      severity: 'block',
      message: 'rollout.abort_when lists no abort criteria',
      line: lineOf(empty, 'abort_when: []'),
    });
  });
});
