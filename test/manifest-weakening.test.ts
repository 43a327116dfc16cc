// A change may not weaken its own release manifest: lowering risk_class or dropping a section its
// base version had is `manifest.weakened`, and only a verified approver can waive that.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileSource } from '../src/adapters/file-source.js';
import { runGate } from '../src/core/gate/run-gate.js';
import { parseManifest } from '../src/core/manifest/load-manifest.js';
import { MANIFEST_SECTIONS, manifestWeakenings } from '../src/core/manifest/manifest-weakening.js';
import { applyWaivers } from '../src/core/readiness/waivers.js';
import { runCliWith } from './helpers/cli-run.js';
import { COMPLETE_MANIFEST, edit, withoutSection } from './readiness/manifests.js';

const BASE = { label: 'release.yml at the base commit abc1234', text: COMPLETE_MANIFEST };
const head = (text: string) => parseManifest('release.yml', text);
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('manifestWeakenings', () => {
  it('finds nothing when the head keeps the class and every section, or raises the class', () => {
    expect(manifestWeakenings(BASE, head(COMPLETE_MANIFEST))).toEqual([]);
    const lowBase = { ...BASE, text: edit(COMPLETE_MANIFEST, 'risk_class: high', 'risk_class: low') };
    expect(manifestWeakenings(lowBase, head(COMPLETE_MANIFEST))).toEqual([]);
  });

  it('blocks a lowered risk_class, located at the head line', () => {
    for (const lower of ['medium', 'low']) {
      const text = edit(COMPLETE_MANIFEST, 'risk_class: high', `risk_class: ${lower}`);
      const [finding, ...rest] = manifestWeakenings(BASE, head(text));
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({
        id: 'manifest.weakened',
        severity: 'block',
        file: 'release.yml',
        line: lineOf(text, 'risk_class:'),
      });
      expect(finding?.message).toContain(
        `lowers risk_class from high (release.yml at the base commit abc1234) to ${lower}`,
      );
    }
  });

  it('blocks each removed section, one finding per section', () => {
    expect(MANIFEST_SECTIONS).toEqual([
      'eval_set',
      'owners',
      'rollout',
      'kill_switch',
      'monitoring',
      'load_test',
      'eval_coverage',
    ]);
    const text = withoutSection(withoutSection(COMPLETE_MANIFEST, 'kill_switch'), 'monitoring');
    const findings = manifestWeakenings(BASE, head(text));
    expect(findings.map((f) => [f.id, f.severity, /removes the (\w+) section/.exec(f.message)?.[1]])).toEqual([
      ['manifest.weakened', 'block', 'kill_switch'],
      ['manifest.weakened', 'block', 'monitoring'],
    ]);
  });

  it('fails closed on a base that cannot be read, rather than passing', () => {
    const [finding] = manifestWeakenings({ ...BASE, text: 'risk_class: [high\n' }, head(COMPLETE_MANIFEST));
    expect(finding).toMatchObject({ id: 'manifest.weakened', severity: 'block' });
    expect(finding?.message).toContain('cannot be compared');
    const [noClass] = manifestWeakenings({ ...BASE, text: 'owners: {}\n' }, head(COMPLETE_MANIFEST));
    expect(noClass?.message).toContain('has no valid risk_class');
  });
});

describe('waiving manifest.weakened', () => {
  const lowered = edit(COMPLETE_MANIFEST, 'risk_class: high', 'risk_class: low');
  const waiver = (by: string) =>
    `${lowered}waivers:\n  - {finding: manifest.weakened, reason: reclassified after review, accepted_by: "${by}", expires: 2026-11-30}\n`;
  const options = { today: '2026-11-23', maxDays: 30, requireVerified: false, author: 'dave' };

  it('needs a verified approver even when the policy does not require verified waivers', () => {
    const document = head(waiver('@alice'));
    const findings = manifestWeakenings(BASE, document);
    const unverifiable = applyWaivers(findings, document, options);
    expect(unverifiable.waivers[0]?.status).toBe('unverified');
    expect(unverifiable.findings.find((f) => f.id === 'manifest.weakened')?.waiver).toBeUndefined();
    expect(unverifiable.findings.find((f) => f.id === 'waiver.unverified')?.message).toContain(
      'may only be waived by an approver with write access',
    );

    const notApproved = applyWaivers(findings, document, { ...options, verifiedApprovals: ['bob'] });
    expect(notApproved.waivers[0]?.status).toBe('unverified');

    const approved = applyWaivers(findings, document, { ...options, verifiedApprovals: ['alice'] });
    expect(approved.waivers[0]?.status).toBe('applied');
    expect(approved.findings.find((f) => f.id === 'manifest.weakened')?.waiver?.verified).toBe(true);
  });

  it('keeps the run blocked through runGate, with require_verified_waivers: false', async () => {
    const example = readFileSync('examples/release-manifest.yml', 'utf8');
    const report = await runGate({
      incumbent: await openFileSource('examples/incumbent.jsonl'),
      candidate: await openFileSource('examples/candidate.jsonl'),
      policy: { path: 'policy.yml', text: 'readiness: {require_verified_waivers: false}\n', sha256: 'p' },
      manifest: {
        path: 'release.yml',
        text: example
          .replace('risk_class: high', 'risk_class: low')
          .replace(
            'waivers: []',
            'waivers:\n  - {finding: manifest.weakened, reason: r, accepted_by: "@alice", expires: 2026-11-30}',
          ),
        sha256: 'm',
      },
      baseManifest: { label: 'release.yml at the base commit', text: example },
      readiness: { today: '2026-11-23', evidenceExists: () => true, requireVerifiedWaiversByDefault: false },
      tool: { name: 'model-release-gate', version: 'test' },
    });
    expect(report.verdict).toBe('block');
    expect(report.findings.filter((f) => f.id === 'manifest.weakened' && f.waiver === undefined)).toHaveLength(1);
    expect(report.readiness.waivers[0]?.status).toBe('unverified');
  });

  it('blocks a run that drops the manifest its base has', async () => {
    const report = await runGate({
      incumbent: await openFileSource('examples/incumbent.jsonl'),
      candidate: await openFileSource('examples/candidate.jsonl'),
      baseManifest: { label: 'release.yml at the base commit', text: COMPLETE_MANIFEST },
      tool: { name: 'model-release-gate', version: 'test' },
    });
    expect(report.verdict).toBe('block');
    expect(report.findings.map((f) => f.id)).toContain('manifest.weakened');
  });
});

describe('the CLI with --base-manifest', () => {
  it('blocks a lowered risk_class, and a waiver of it does not count without a verified approver', async () => {
    const example = readFileSync('examples/release-manifest.yml', 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'mrg-weak-'));
    const head = join(dir, 'head.yml');
    writeFileSync(
      head,
      example
        .replace('risk_class: high', 'risk_class: low')
        .replace(
          'waivers: []',
          'waivers:\n  - {finding: manifest.weakened, reason: r, accepted_by: "@alice", expires: 2026-11-30}',
        ),
    );
    const check = (...extra: string[]) =>
      runCliWith([
        'check',
        '--incumbent',
        'examples/incumbent.jsonl',
        '--candidate',
        'examples/candidate.jsonl',
        '--manifest',
        head,
        '--today',
        '2026-11-23',
        '--format',
        'json',
        ...extra,
      ]);
    const blocked = await check('--base-manifest', 'examples/release-manifest.yml');
    expect(blocked.code).toBe(1);
    const report = JSON.parse(blocked.stdout) as { findings: { id: string; waiver?: unknown }[] };
    expect(report.findings.filter((f) => f.id === 'manifest.weakened' && f.waiver === undefined)).toHaveLength(1);
    // Without the base, the same manifest is judged as written.
    expect((await check()).code).toBe(0);
  });
});
