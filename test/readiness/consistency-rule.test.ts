import { describe, expect, it } from 'vitest';
import type { EvalFileMetadata } from '../../src/core/readiness/readiness-types.js';
import { consistencyRule } from '../../src/core/readiness/rules/consistency-rule.js';
import { expectFinding, expectPass, makeContext } from './context.js';
import { COMPLETE_MANIFEST, lineOf, withoutSection } from './manifests.js';

type Metadata = Partial<EvalFileMetadata>;
const run = (yaml: string, incumbent: Metadata, candidate: Metadata) =>
  consistencyRule(makeContext(yaml, { evalFiles: { incumbent, candidate } }));

const EVAL_SET = { name: 'fraud-eval', version: '2026-11', sha256: '9f2c4e1ab37d' };
const summaries = (incumbent: Metadata = {}, candidate: Metadata = {}): [Metadata, Metadata] => [
  { model: { name: 'fraud-clf', version: '2.3.1' }, dataset: EVAL_SET, ...incumbent },
  { model: { name: 'fraud-clf', version: '2.4.0' }, dataset: EVAL_SET, ...candidate },
];

describe('consistency rule', () => {
  it('has nothing to compare when the eval files carry no metadata, and is always required', () => {
    const result = consistencyRule(makeContext(COMPLETE_MANIFEST));
    expectPass(result);
    expect(result.item).toMatchObject({
      id: 'consistency',
      title: 'Eval results match the manifest',
      required: true,
      evidence: 'no metadata in the eval files',
      line: lineOf(COMPLETE_MANIFEST, 'model:'),
    });
    const low = consistencyRule(makeContext(withoutSection(COMPLETE_MANIFEST, 'eval_set')));
    expect(low.item).toMatchObject({ required: true, status: 'ok' });
  });

  it('accepts summaries of the manifest models on the manifest eval set', () => {
    const result = run(COMPLETE_MANIFEST, ...summaries());
    expectPass(result);
    expect(result.item.evidence).toBe('both files: fraud-eval@2026-11; models 2.3.1 → 2.4.0');
  });

  it('consistency.model-version: the candidate file is of another version', () => {
    const result = run(COMPLETE_MANIFEST, ...summaries({}, { model: { name: 'fraud-clf', version: '2.3.9' } }));
    expectFinding(result, 'consistency.model-version', {
      severity: 'block',
      message:
        'the candidate eval file (candidate.jsonl) is for version 2.3.9, but model.candidate in the manifest is 2.4.0',
      line: lineOf(COMPLETE_MANIFEST, 'candidate: 2.4.0'),
    });
  });

  it('consistency.model-version: the incumbent file is of another version', () => {
    const result = run(COMPLETE_MANIFEST, ...summaries({ model: { name: 'fraud-clf', version: '2.4.0' } }));
    expectFinding(result, 'consistency.model-version', {
      severity: 'block',
      message:
        'the incumbent eval file (incumbent.jsonl) is for version 2.4.0, but model.incumbent in the manifest is 2.3.1',
      line: lineOf(COMPLETE_MANIFEST, 'incumbent: 2.3.1'),
    });
  });

  it('consistency.model-version: a file of another model', () => {
    const result = run(COMPLETE_MANIFEST, ...summaries({}, { model: { name: 'churn-clf', version: '2.4.0' } }));
    expectFinding(result, 'consistency.model-version', {
      severity: 'block',
      message:
        'the candidate eval file (candidate.jsonl) is for model churn-clf, but model.name in the manifest is fraud-clf',
      line: lineOf(COMPLETE_MANIFEST, 'name: fraud-clf'),
    });
  });

  it('consistency.dataset: the two files were scored on different eval sets', () => {
    const yaml = withoutSection(COMPLETE_MANIFEST, 'eval_set');
    const [incumbent, candidate] = summaries(
      { dataset: { name: 'fraud-eval', version: '2026-10', sha256: 'aaaa' } },
      { dataset: { name: 'fraud-eval', version: '2026-11', sha256: 'bbbb' } },
    );
    const result = run(yaml, incumbent, candidate);
    expectFinding(result, 'consistency.dataset', {
      severity: 'block',
      message:
        'were scored on different eval sets (version 2026-10 vs 2026-11; sha256 aaaa vs bbbb): two models scored on different eval sets cannot be compared',
      line: lineOf(yaml, 'model:'),
    });
    expect(result.item.evidence).toBe(
      'incumbent: fraud-eval@2026-10, candidate: fraud-eval@2026-11; models 2.3.1 → 2.4.0',
    );
  });

  it('consistency.dataset: compares version and sha256 only when both files give them, hashes case-insensitively', () => {
    const [incumbent, candidate] = summaries(
      { dataset: { name: 'fraud-eval', sha256: '9F2C4E1AB37D' } },
      { dataset: { name: 'fraud-eval', version: '2026-11' } },
    );
    expectPass(run(COMPLETE_MANIFEST, incumbent, candidate));
  });

  it('consistency.dataset: a file scored on another eval set than the manifest names', () => {
    const [incumbent, candidate] = summaries({}, { dataset: { name: 'fraud-eval', version: '2026-10' } });
    const result = run(COMPLETE_MANIFEST, incumbent, candidate);
    // The files disagree with each other, and the candidate file with the manifest.
    expect(result.findings.map((f) => [f.id, f.severity, f.line])).toEqual([
      ['consistency.dataset', 'block', lineOf(COMPLETE_MANIFEST, 'eval_set:')],
      ['consistency.dataset', 'block', lineOf(COMPLETE_MANIFEST, 'version: 2026-11')],
    ]);
    expect(result.findings[1]?.message).toContain(
      'the candidate eval file (candidate.jsonl) was scored on a different eval set than the manifest names (version 2026-10 in the file, 2026-11 in eval_set)',
    );
  });

  it('consistency.dataset: one summary file whose eval set name differs from the manifest', () => {
    const result = run(COMPLETE_MANIFEST, { dataset: { name: 'fraud-eval-small' } }, {});
    expectFinding(result, 'consistency.dataset', {
      severity: 'block',
      message:
        'the incumbent eval file (incumbent.jsonl) was scored on a different eval set than the manifest names (name fraud-eval-small in the file, fraud-eval in eval_set)',
      line: lineOf(COMPLETE_MANIFEST, 'name: fraud-eval'),
    });
    expect(result.item.evidence).toBe('incumbent file: fraud-eval-small');
  });
});
