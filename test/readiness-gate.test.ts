// The manifest inside the whole gate: readiness findings join the verdict, waivers accept them, and
// the report records who accepted what.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openFileSource, readSmallFile } from '../src/adapters/file-source.js';
import { runGate } from '../src/core/gate/run-gate.js';
import type { ReadinessEnvironment } from '../src/core/gate/readiness-step.js';
import { annotationsOf } from '../src/core/report/annotations.js';
import { renderMarkdown } from '../src/core/report/render-markdown.js';
import { expectGolden } from './helpers/golden.js';

const tool = { name: 'model-release-gate', version: 'golden' };
const manifestText = readFileSync('examples/release-manifest.yml', 'utf8');
const environment: ReadinessEnvironment = {
  today: '2026-11-23',
  evidenceExists: (path) => path.startsWith('examples/evidence/'),
  requireVerifiedWaiversByDefault: false,
};

async function gate(
  manifest: string | undefined,
  options: { policy?: string; environment?: Partial<ReadinessEnvironment> } = {},
) {
  return runGate({
    incumbent: await openFileSource('examples/incumbent.jsonl'),
    candidate: await openFileSource('examples/candidate.jsonl'),
    policy:
      options.policy === undefined
        ? await readSmallFile('examples/policy.yml')
        : { path: 'policy.yml', text: options.policy, sha256: 'p' },
    manifest: manifest === undefined ? undefined : { path: 'release-manifest.yml', text: manifest, sha256: 'm' },
    readiness: { ...environment, ...options.environment },
    tool,
  });
}

/** The example manifest with its drill moved back to a stale date. */
const staleDrill = manifestText.replace('date: 2026-11-12', 'date: 2026-09-02');
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('readiness in the gate', () => {
  it('the example manifest passes every readiness item (the verdict stays warn for the small cohort)', async () => {
    const report = await gate(manifestText);
    expect(report.readiness.items.map((i) => `${i.id}:${i.status}`)).toEqual([
      'owners:ok',
      'rollout:ok',
      'kill_switch:ok',
      'monitoring:ok',
      'load_test:ok',
      'eval_coverage:ok',
      'consistency:ok',
    ]);
    expect(report.findings.filter((f) => f.file !== undefined)).toEqual([]);
    expect(report.verdict).toBe('warn');
    expect(report.inputs.manifest).toEqual({ path: 'release-manifest.yml', sha256: 'm' });
  });

  it('a stale drill blocks, with the manifest file and line, and an error annotation there', async () => {
    const report = await gate(staleDrill);
    const stale = report.findings.find((f) => f.id === 'kill-switch.stale');
    expect(stale?.severity).toBe('block');
    expect(stale?.file).toBe('release-manifest.yml');
    expect(stale?.line).toBe(lineOf(staleDrill, 'date: 2026-09-02'));
    expect(report.verdict).toBe('block');
    expect(report.readiness.items.find((i) => i.id === 'kill_switch')?.status).toBe('finding');
    const annotation = annotationsOf(report).find((a) => a.title.endsWith('kill-switch.stale'));
    expect(annotation).toMatchObject({
      level: 'error',
      file: 'release-manifest.yml',
      line: lineOf(staleDrill, 'date: 2026-09-02'),
    });
    expectGolden('test/golden/readiness-block.md', renderMarkdown(report));
  });

  it('a valid waiver accepts the finding: it stays in the report, marked, and the gate no longer blocks on it', async () => {
    const waived = staleDrill.replace(
      'waivers: []',
      'waivers:\n  - finding: kill-switch.stale\n    reason: drill rescheduled after the datacenter move; rollback path unchanged\n    accepted_by: "@alice"\n    expires: 2026-12-10\n',
    );
    const report = await gate(waived);
    const stale = report.findings.find((f) => f.id === 'kill-switch.stale');
    expect(stale?.waiver).toEqual({
      accepted_by: '@alice',
      reason: 'drill rescheduled after the datacenter move; rollback path unchanged',
      expires: '2026-12-10',
      link: null,
      verified: false,
    });
    expect(report.verdict).toBe('warn');
    expect(report.summary.waived_findings).toBe(1);
    expect(report.readiness.items.find((i) => i.id === 'kill_switch')?.status).toBe('waived');
    expect(report.readiness.waivers[0]?.status).toBe('applied');
    expect(annotationsOf(report).some((a) => a.title.endsWith('kill-switch.stale'))).toBe(false);
    expectGolden('test/golden/readiness-waived.md', renderMarkdown(report));
  });

  it('the same waiver does not count where verified approvals are required and none are given', async () => {
    const waived = staleDrill.replace(
      'waivers: []',
      'waivers:\n  - {finding: kill-switch.stale, reason: rescheduled, accepted_by: "@alice", expires: 2026-12-10}\n',
    );
    const report = await gate(waived, { environment: { requireVerifiedWaiversByDefault: true } });
    expect(report.verdict).toBe('block');
    expect(report.readiness.waivers[0]?.status).toBe('unverified');
    const policyOverride = await gate(waived, {
      policy: 'readiness: {require_verified_waivers: false}\n',
      environment: { requireVerifiedWaiversByDefault: true },
    });
    expect(policyOverride.readiness.waivers[0]?.status).toBe('applied');
  });

  it('a cohort regression can be waived for its cohort and metric', async () => {
    const waived = manifestText.replace(
      'waivers: []',
      'waivers:\n  - {finding: cohort.regressed, cohort: "label:chargeback", metric: accuracy, reason: known labelling backlog, accepted_by: "@alice", expires: 2026-12-01}\n',
    );
    const report = await runGate({
      incumbent: await openFileSource('examples/incumbent.jsonl'),
      candidate: await openFileSource('examples/blocked/candidate.jsonl'),
      policy: await readSmallFile('examples/policy.yml'),
      manifest: { path: 'release-manifest.yml', text: waived, sha256: 'm' },
      readiness: environment,
      tool,
    });
    const regressed = report.findings.find((f) => f.id === 'cohort.regressed');
    expect(regressed?.cohort).toBe('label:chargeback');
    expect(regressed?.waiver?.accepted_by).toBe('@alice');
    expect(report.verdict).toBe('warn');
  });

  it('a missing manifest blocks when the policy requires one, and only then', async () => {
    const required = await gate(undefined, { policy: 'readiness: {require_manifest: true}\n' });
    expect(required.findings.find((f) => f.id === 'manifest.missing')?.severity).toBe('block');
    expect(required.verdict).toBe('block');
    const optional = await gate(undefined);
    expect(optional.findings.some((f) => f.id === 'manifest.missing')).toBe(false);
    expect(optional.readiness.manifest).toBeNull();
  });
});
