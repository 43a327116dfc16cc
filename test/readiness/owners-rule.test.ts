import { describe, expect, it } from 'vitest';
import { ownersRule } from '../../src/core/readiness/rules/owners-rule.js';
import { expectFinding, expectPass, ids, makeContext } from './context.js';
import { COMPLETE_MANIFEST, edit, lineOf, withoutLine, withoutSection } from './manifests.js';

const run = (yaml: string) => ownersRule(makeContext(yaml));
const asRisk = (yaml: string, risk: 'low' | 'medium' | 'high') => edit(yaml, 'risk_class: high', `risk_class: ${risk}`);

describe('owners rule', () => {
  it('accepts the complete manifest and summarizes who answers for the release', () => {
    const result = run(COMPLETE_MANIFEST);
    expectPass(result);
    expect(result.item).toMatchObject({
      id: 'owners',
      title: 'On-call owner and rollback authority',
      required: true,
      evidence: 'on-call @acme/fraud-oncall, rollback @alice, runbook',
      file: 'release.yml',
      line: lineOf(COMPLETE_MANIFEST, 'owners:'),
    });
  });

  it('owner.missing: the whole section, when required', () => {
    const yaml = withoutSection(COMPLETE_MANIFEST, 'owners');
    const result = run(yaml);
    expectFinding(result, 'owner.missing', {
      severity: 'block',
      message: 'no owners section',
      line: lineOf(yaml, 'model:'),
    });
    expect(result.item.evidence).toBeNull();
  });

  it('is not required when absent at a risk class whose policy does not list it', () => {
    const yaml = withoutSection(asRisk(COMPLETE_MANIFEST, 'low'), 'owners');
    const result = ownersRule(makeContext(yaml, { policy: { required: { low: ['rollout'] } } }));
    expect(result.findings).toEqual([]);
    expect(result.item).toMatchObject({ status: 'not-required', required: false, evidence: null, line: null });
  });

  it.each(['on_call', 'rollback_authority'])('owner.missing: %s is required at every risk class', (field) => {
    const low = asRisk(COMPLETE_MANIFEST, 'low');
    const yaml = withoutLine(low, `  ${field}: `);
    const result = run(yaml);
    expectFinding(result, 'owner.missing', {
      severity: 'block',
      message: `owners.${field} is not set`,
      line: lineOf(yaml, 'owners:'),
    });
  });

  it.each(['eval_suite', 'data_pipeline'])(
    'owner.missing: %s is required from medium risk on, not at low risk',
    (field) => {
      const medium = withoutLine(asRisk(COMPLETE_MANIFEST, 'medium'), `  ${field}: `);
      expectFinding(run(medium), 'owner.missing', {
        severity: 'block',
        message: `owners.${field} is not set`,
        line: lineOf(medium, 'owners:'),
      });
      const low = withoutLine(asRisk(COMPLETE_MANIFEST, 'low'), `  ${field}: `);
      expectPass(run(low));
    },
  );

  it('owner.missing: one finding per missing owner', () => {
    const yaml = edit(COMPLETE_MANIFEST, '  eval_suite: "@bob"\n  data_pipeline: "@carol"\n', '');
    const result = run(yaml);
    expect(ids(result)).toEqual(['owner.missing', 'owner.missing']);
    expect(result.findings.map((f) => f.message)).toEqual([
      expect.stringContaining('owners.eval_suite'),
      expect.stringContaining('owners.data_pipeline'),
    ]);
  });

  it('owner.invalid: an owner that is not a GitHub user or team', () => {
    const yaml = edit(COMPLETE_MANIFEST, 'on_call: "@acme/fraud-oncall"', 'on_call: fraud-oncall@acme.com');
    expectFinding(run(yaml), 'owner.invalid', {
      severity: 'block',
      message: 'owners.on_call is "fraud-oncall@acme.com", which is not a GitHub user or team',
      line: lineOf(yaml, 'on_call:'),
    });
  });

  it('owner.invalid: also for optional owners that are named', () => {
    const yaml = edit(asRisk(COMPLETE_MANIFEST, 'low'), 'data_pipeline: "@carol"', 'data_pipeline: Carol from data');
    expectFinding(run(yaml), 'owner.invalid', {
      severity: 'block',
      message: 'owners.data_pipeline is "Carol from data"',
      line: lineOf(yaml, 'data_pipeline:'),
    });
  });

  it('owner.runbook-missing: a warning', () => {
    const yaml = withoutLine(COMPLETE_MANIFEST, 'runbook:');
    const result = run(yaml);
    expectFinding(result, 'owner.runbook-missing', {
      severity: 'warn',
      message: 'owners.runbook is not set',
      line: lineOf(yaml, 'owners:'),
    });
    expect(result.item.evidence).toBe('on-call @acme/fraud-oncall, rollback @alice, no runbook');
  });
});
