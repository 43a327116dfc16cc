import { describe, expect, it } from 'vitest';
import { killSwitchRule } from '../../src/core/readiness/rules/kill-switch-rule.js';
import { type ContextOptions, expectFinding, expectPass, makeContext } from './context.js';
import { COMPLETE_MANIFEST, edit, lineOf, withoutLine, withoutSection } from './manifests.js';

const run = (yaml: string, options: ContextOptions = {}) => killSwitchRule(makeContext(yaml, options));
const withDrillDate = (date: string) => edit(COMPLETE_MANIFEST, 'date: 2026-11-12', `date: ${date}`);
const withEvidence = (evidence: string) =>
  edit(COMPLETE_MANIFEST, 'evidence: docs/drills/2026-11-12.md', `evidence: ${evidence}`);

describe('kill switch rule', () => {
  it('accepts a recent, recorded, measured drill that rolls back to the incumbent', () => {
    const context = makeContext(COMPLETE_MANIFEST);
    const result = killSwitchRule(context);
    expectPass(result);
    expect(result.item).toMatchObject({
      id: 'kill_switch',
      title: 'Rollback tested recently',
      required: true,
      evidence: 'feature flag fraud_model_v2, drilled 2026-11-12, rollback 4m (target 15m)',
      line: lineOf(COMPLETE_MANIFEST, 'kill_switch:'),
    });
    expect(context.checkedPaths).toEqual(['docs/drills/2026-11-12.md']);
  });

  it('kill-switch.missing: absent, and required even at low risk by default', () => {
    const yaml = withoutSection(edit(COMPLETE_MANIFEST, 'risk_class: high', 'risk_class: low'), 'kill_switch');
    expectFinding(run(yaml), 'kill-switch.missing', {
      severity: 'block',
      message: 'no kill_switch section, which low-risk releases require',
      line: lineOf(yaml, 'model:'),
    });
    const notRequired = run(yaml, { policy: { required: { low: ['owners'] } } });
    expect(notRequired.findings).toEqual([]);
    expect(notRequired.item.status).toBe('not-required');
  });

  it('kill-switch.no-mechanism', () => {
    const yaml = withoutLine(COMPLETE_MANIFEST, 'mechanism:');
    const result = run(yaml);
    expectFinding(result, 'kill-switch.no-mechanism', {
      severity: 'block',
      message: 'kill_switch.mechanism is not set',
      line: lineOf(yaml, 'kill_switch:'),
    });
    expect(result.item.evidence).toBe('no mechanism, drilled 2026-11-12, rollback 4m (target 15m)');
  });

  it('kill-switch.no-drill', () => {
    const yaml = edit(
      COMPLETE_MANIFEST,
      '  drill:\n    date: 2026-11-12\n    evidence: docs/drills/2026-11-12.md\n    time_to_rollback: 4m\n    target: 15m\n',
      '',
    );
    const result = run(yaml);
    expectFinding(result, 'kill-switch.no-drill', {
      severity: 'block',
      message: 'kill_switch.drill is not set',
      line: lineOf(yaml, 'kill_switch:'),
    });
    expect(result.item.evidence).toBe('feature flag fraud_model_v2, never drilled');
  });

  it('kill-switch.stale: one day over the limit blocks, exactly at the limit passes', () => {
    // Today is 2026-11-23; high risk allows 30 days.
    const over = withDrillDate('2026-10-23');
    expectFinding(run(over), 'kill-switch.stale', {
      severity: 'block',
      message: 'the rollback drill of 2026-10-23 is 31 days old; high-risk releases need one within 30 days',
      line: lineOf(over, 'date: 2026-10-23'),
    });
    expectPass(run(withDrillDate('2026-10-24')));
  });

  it('kill-switch.stale: the limit follows the risk class and the policy', () => {
    const old = withDrillDate('2026-09-02');
    expectFinding(run(old), 'kill-switch.stale', {
      severity: 'block',
      message: 'the rollback drill of 2026-09-02 is 82 days old; high-risk releases need one within 30 days',
      line: lineOf(old, '    date:'),
    });
    const medium = edit(old, 'risk_class: high', 'risk_class: medium');
    expectPass(run(medium));
    expectFinding(run(medium, { policy: { drill_max_age_days: { medium: 60 } } }), 'kill-switch.stale', {
      severity: 'block',
      message: 'is 82 days old; medium-risk releases need one within 60 days',
      line: lineOf(medium, '    date:'),
    });
  });

  it('kill-switch.drill-in-future: a drill dated after today; today itself is fine', () => {
    const future = withDrillDate('2026-11-24');
    expectFinding(run(future), 'kill-switch.drill-in-future', {
      severity: 'block',
      message: 'dated 2026-11-24, 1 day after today (2026-11-23)',
      line: lineOf(future, '    date:'),
    });
    expectPass(run(withDrillDate('2026-11-23')));
  });

  it('kill-switch.no-evidence', () => {
    const yaml = withoutLine(COMPLETE_MANIFEST, 'evidence: docs/drills');
    expectFinding(run(yaml), 'kill-switch.no-evidence', {
      severity: 'block',
      message: 'kill_switch.drill.evidence is not set',
      line: lineOf(yaml, 'drill:'),
    });
  });

  it('accepts an https URL as evidence without asking the repository', () => {
    const context = makeContext(withEvidence('https://wiki.example.com/fraud/drills/2026-11-12'));
    expectPass(killSwitchRule(context));
    expect(context.checkedPaths).toEqual([]);
  });

  it('kill-switch.evidence-not-found: a repository path with no file', () => {
    const yaml = withEvidence('docs/drills/2026-11-11.md');
    const context = makeContext(yaml);
    expectFinding(killSwitchRule(context), 'kill-switch.evidence-not-found', {
      severity: 'block',
      message: 'kill_switch.drill.evidence is "docs/drills/2026-11-11.md", but no such file exists in the repository',
      line: lineOf(yaml, 'evidence:', 'kill_switch:'),
    });
    expect(context.checkedPaths).toEqual(['docs/drills/2026-11-11.md']);
  });

  it.each([
    ['../secrets', 'it climbs out with ".."'],
    ['docs/../../secrets/drill.md', 'it climbs out with ".."'],
    ['docs\\..\\..\\secrets.md', 'it climbs out with ".."'],
    ['/etc/passwd', 'it is an absolute path'],
    ['file:///etc/passwd', 'it is neither an http(s) link nor a path inside the repository'],
    ['C:\\drills\\2026-11-12.md', 'it is neither an http(s) link nor a path inside the repository'],
  ])('kill-switch.evidence-outside-repository: %s is refused without touching the repository', (evidence, reason) => {
    const yaml = withEvidence(JSON.stringify(evidence));
    // Every such path "exists", so only the refusal can explain a finding.
    const context = makeContext(yaml, { files: [evidence, 'secrets', 'etc/passwd'] });
    expectFinding(killSwitchRule(context), 'kill-switch.evidence-outside-repository', {
      severity: 'block',
      message: `points outside the repository (${reason})`,
      line: lineOf(yaml, 'evidence:', 'kill_switch:'),
    });
    expect(context.checkedPaths).toEqual([]);
  });

  it.each(['time_to_rollback', 'target'])('kill-switch.not-measured: no %s', (field) => {
    const yaml = withoutLine(COMPLETE_MANIFEST, `${field}:`);
    expectFinding(run(yaml), 'kill-switch.not-measured', {
      severity: 'block',
      message: `does not record kill_switch.drill.${field}`,
      line: lineOf(yaml, 'drill:'),
    });
  });

  it('kill-switch.not-measured: names both when neither is recorded', () => {
    const yaml = withoutLine(withoutLine(COMPLETE_MANIFEST, 'time_to_rollback:'), 'target:');
    expectFinding(run(yaml), 'kill-switch.not-measured', {
      severity: 'block',
      message: 'kill_switch.drill.time_to_rollback or kill_switch.drill.target',
      line: lineOf(yaml, 'drill:'),
    });
  });

  it('kill-switch.too-slow: slower than the target blocks, exactly on target passes', () => {
    const slow = edit(COMPLETE_MANIFEST, 'time_to_rollback: 4m', 'time_to_rollback: 1h');
    expectFinding(run(slow), 'kill-switch.too-slow', {
      severity: 'block',
      message: 'the rollback drill took 1h, longer than its 15m target',
      line: lineOf(slow, 'time_to_rollback:'),
    });
    expectPass(run(edit(COMPLETE_MANIFEST, 'time_to_rollback: 4m', 'time_to_rollback: 900s')));
  });

  it('kill-switch.last-known-good: missing, or not the incumbent', () => {
    const missing = withoutLine(COMPLETE_MANIFEST, 'last_known_good:');
    expectFinding(run(missing), 'kill-switch.last-known-good', {
      severity: 'block',
      message: 'kill_switch.last_known_good is not set',
      line: lineOf(missing, 'kill_switch:'),
    });
    const other = edit(COMPLETE_MANIFEST, 'last_known_good: 2.3.1', 'last_known_good: 2.2.0');
    expectFinding(run(other), 'kill-switch.last-known-good', {
      severity: 'block',
      message: 'kill_switch.last_known_good is 2.2.0 but the incumbent (model.incumbent) is 2.3.1',
      line: lineOf(other, 'last_known_good:'),
    });
  });
});
