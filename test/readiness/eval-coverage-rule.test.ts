import { describe, expect, it } from 'vitest';
import { evalCoverageRule } from '../../src/core/readiness/rules/eval-coverage-rule.js';
import { expectFinding, expectPass, makeContext } from './context.js';
import { COMPLETE_MANIFEST, edit, lineOf, withoutLine, withoutSection } from './manifests.js';

const run = (yaml: string) => evalCoverageRule(makeContext(yaml));
const generative = (yaml: string) => edit(yaml, 'kind: classifier', 'kind: generative');
const withChecks = (yaml: string, checks: string) =>
  edit(yaml, 'faithfulness_checks: n/a', `faithfulness_checks: ${checks}`);

describe('eval coverage rule', () => {
  it('accepts an eval set that reflects recent traffic and names its failure modes', () => {
    const result = run(COMPLETE_MANIFEST);
    expectPass(result);
    expect(result.item).toMatchObject({
      id: 'eval_coverage',
      title: "Eval set covers today's traffic",
      required: true,
      evidence: 'traffic of 2026-10, 2 failure modes, faithfulness n/a',
      line: lineOf(COMPLETE_MANIFEST, 'eval_coverage:'),
    });
  });

  it('eval-coverage.missing when required; not required at low risk by default', () => {
    const yaml = withoutSection(COMPLETE_MANIFEST, 'eval_coverage');
    expectFinding(run(yaml), 'eval-coverage.missing', {
      severity: 'block',
      message: 'no eval_coverage section, which high-risk releases require',
      line: lineOf(yaml, 'model:'),
    });
    const low = run(edit(yaml, 'risk_class: high', 'risk_class: low'));
    expect(low.findings).toEqual([]);
    expect(low.item).toMatchObject({ status: 'not-required', required: false });
  });

  it('eval-coverage.no-failure-modes: a warning when none are listed', () => {
    const absent = withoutLine(COMPLETE_MANIFEST, 'failure_modes:');
    const result = run(absent);
    expectFinding(result, 'eval-coverage.no-failure-modes', {
      severity: 'warn',
      message: 'eval_coverage.failure_modes lists no failure modes',
      line: lineOf(absent, 'eval_coverage:'),
    });
    expect(result.item.evidence).toBe('traffic of 2026-10, no failure modes, faithfulness n/a');
    const empty = edit(COMPLETE_MANIFEST, 'failure_modes: [new-merchant, card-testing]', 'failure_modes: []');
    expectFinding(run(empty), 'eval-coverage.no-failure-modes', {
      severity: 'warn',
      message: 'name the known failure classes',
      line: lineOf(empty, 'failure_modes:'),
    });
  });

  it('eval-coverage.not-current: a warning when the traffic period is not stated', () => {
    const yaml = withoutLine(COMPLETE_MANIFEST, 'reflects_traffic_of:');
    expectFinding(run(yaml), 'eval-coverage.not-current', {
      severity: 'warn',
      message: 'eval_coverage.reflects_traffic_of is not set',
      line: lineOf(yaml, 'eval_coverage:'),
    });
  });

  it('eval-coverage.not-current: a traffic file named instead of the period is enough', () => {
    const yaml = edit(
      withoutLine(COMPLETE_MANIFEST, 'reflects_traffic_of:'),
      'failure_modes: [new-merchant, card-testing]',
      'failure_modes: [new-merchant, card-testing]\n  traffic: monitoring/traffic.json',
    );
    const result = run(yaml);
    expect(result.findings.map((f) => f.id)).not.toContain('eval-coverage.not-current');
    expect(result.item.evidence).toMatch(/^traffic measured against monitoring\/traffic\.json/);
  });

  it.each([
    ['n/a', 'eval_coverage.faithfulness_checks is "n/a", which is only for models that are not generative'],
    ['false', 'eval_coverage.faithfulness_checks is false'],
    ['[]', 'eval_coverage.faithfulness_checks is an empty list'],
  ])('eval-coverage.faithfulness: a generative model with faithfulness_checks: %s', (checks, stated) => {
    const yaml = withChecks(generative(COMPLETE_MANIFEST), checks);
    expectFinding(run(yaml), 'eval-coverage.faithfulness', {
      severity: 'block',
      message: `the model is generative but shows no faithfulness or groundedness checks (${stated})`,
      line: lineOf(yaml, 'faithfulness_checks:'),
    });
  });

  it('eval-coverage.faithfulness: not set', () => {
    const yaml = withoutLine(generative(COMPLETE_MANIFEST), 'faithfulness_checks:');
    expectFinding(run(yaml), 'eval-coverage.faithfulness', {
      severity: 'block',
      message: 'eval_coverage.faithfulness_checks is not set',
      line: lineOf(yaml, 'eval_coverage:'),
    });
  });

  it('a generative model passes with faithfulness_checks: true or a list of checks', () => {
    expectPass(run(withChecks(generative(COMPLETE_MANIFEST), 'true')));
    const listed = run(withChecks(generative(COMPLETE_MANIFEST), '[groundedness-judge, citation-match]'));
    expectPass(listed);
    expect(listed.item.evidence).toBe('traffic of 2026-10, 2 failure modes, 2 faithfulness checks');
  });

  it('eval-coverage.faithfulness applies to a generative model even when eval_coverage is absent and not required', () => {
    const yaml = withoutSection(
      edit(generative(COMPLETE_MANIFEST), 'risk_class: high', 'risk_class: low'),
      'eval_coverage',
    );
    const result = run(yaml);
    expectFinding(result, 'eval-coverage.faithfulness', {
      severity: 'block',
      message: 'the manifest has no eval_coverage section to list them',
      line: lineOf(yaml, 'kind: generative'),
    });
    expect(result.item).toMatchObject({ required: false, status: 'finding', evidence: null });
  });

  it('a missing required section of a generative model reports both', () => {
    const yaml = withoutSection(generative(COMPLETE_MANIFEST), 'eval_coverage');
    expectFinding(run(yaml), 'eval-coverage.faithfulness', {
      severity: 'block',
      message: 'no faithfulness or groundedness checks',
      line: lineOf(yaml, 'kind: generative'),
      ids: ['eval-coverage.missing', 'eval-coverage.faithfulness'],
    });
  });
});
