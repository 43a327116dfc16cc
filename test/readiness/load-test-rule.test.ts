import { describe, expect, it } from 'vitest';
import { loadTestRule } from '../../src/core/readiness/rules/load-test-rule.js';
import { type ContextOptions, expectFinding, expectPass, makeContext } from './context.js';
import { COMPLETE_MANIFEST, edit, lineOf, withoutLine, withoutSection } from './manifests.js';

const run = (yaml: string, options: ContextOptions = {}) => loadTestRule(makeContext(yaml, options));
const withEvidence = (evidence: string) =>
  edit(COMPLETE_MANIFEST, 'evidence: docs/load/2026-11-10.md', `evidence: ${evidence}`);

describe('load test rule', () => {
  it('accepts a load test at the policy multiple with a committed report', () => {
    const context = makeContext(COMPLETE_MANIFEST);
    const result = loadTestRule(context);
    expectPass(result);
    expect(result.item).toMatchObject({
      id: 'load_test',
      title: 'Load tested at peak multiple',
      required: true,
      evidence: '2× expected peak, report linked',
      line: lineOf(COMPLETE_MANIFEST, 'load_test:'),
    });
    expect(context.checkedPaths).toEqual(['docs/load/2026-11-10.md']);
  });

  it('load-test.missing when required at high risk; not required at medium risk by default', () => {
    const yaml = withoutSection(COMPLETE_MANIFEST, 'load_test');
    expectFinding(run(yaml), 'load-test.missing', {
      severity: 'block',
      message: 'no load_test section, which high-risk releases require',
      line: lineOf(yaml, 'model:'),
    });
    const medium = run(edit(yaml, 'risk_class: high', 'risk_class: medium'));
    expect(medium.findings).toEqual([]);
    expect(medium.item).toMatchObject({ status: 'not-required', required: false, evidence: null, line: null });
  });

  it('load-test.insufficient: below the policy multiple; at it passes', () => {
    const yaml = edit(COMPLETE_MANIFEST, 'peak_multiple: 2.0', 'peak_multiple: 1.5');
    expectFinding(run(yaml), 'load-test.insufficient', {
      severity: 'block',
      message: 'the load test covered 1.5× expected peak traffic; the policy asks for at least 2×',
      line: lineOf(yaml, 'peak_multiple:'),
    });
    expectPass(run(yaml, { policy: { load_test_min_multiple: 1.5 } }));
  });

  it('load-test.no-evidence', () => {
    const yaml = withoutLine(COMPLETE_MANIFEST, 'evidence: docs/load');
    const result = run(yaml);
    expectFinding(result, 'load-test.no-evidence', {
      severity: 'block',
      message: 'load_test.evidence is not set',
      line: lineOf(yaml, 'load_test:'),
    });
    expect(result.item.evidence).toBe('2× expected peak, no report');
  });

  it('accepts an http(s) link as evidence without asking the repository', () => {
    const context = makeContext(withEvidence('http://grafana.example.com/d/load-2026-11-10'));
    expectPass(loadTestRule(context));
    expect(context.checkedPaths).toEqual([]);
  });

  it('load-test.evidence-not-found', () => {
    const yaml = withEvidence('docs/load/2026-11-09.md');
    expectFinding(run(yaml), 'load-test.evidence-not-found', {
      severity: 'block',
      message: 'load_test.evidence is "docs/load/2026-11-09.md", but no such file exists',
      line: lineOf(yaml, 'evidence: docs/load'),
    });
  });

  it('load-test.evidence-outside-repository: ../secrets is refused before any lookup', () => {
    const yaml = withEvidence('../secrets');
    const context = makeContext(yaml, { files: ['../secrets'] });
    expectFinding(loadTestRule(context), 'load-test.evidence-outside-repository', {
      severity: 'block',
      message: 'load_test.evidence is "../secrets", which points outside the repository',
      line: lineOf(yaml, 'evidence: ../secrets'),
    });
    expect(context.checkedPaths).toEqual([]);
  });
});
