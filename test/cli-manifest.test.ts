// The CLI and the Action with a release manifest (runCli and runAction in this process, with the
// entries' real file adapters): a blocking finding blocks, the same finding with a valid waiver passes
// (the CLI does not require verified approvals), and the Action puts an error annotation on the
// manifest's line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceExistsUnder } from '../src/adapters/repository-files.js';
import { runActionOnDisk } from './helpers/action-in-process.js';
import { runCliWith } from './helpers/cli-run.js';

const example = readFileSync('examples/release-manifest.yml', 'utf8');
const staleDrill = example.replace('date: 2026-11-12', 'date: 2026-09-02');
const waived = staleDrill.replace(
  'waivers: []',
  'waivers:\n  - finding: kill-switch.stale\n    reason: drill rescheduled after the datacenter move\n    accepted_by: "@alice"\n    expires: 2026-12-10\n    link: https://tracker.example.com/REL-42\n',
);

function write(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mrg-manifest-')), name);
  writeFileSync(path, text);
  return path;
}

async function check(manifest: string, ...extra: string[]) {
  const run = await runCliWith(
    [
      'check',
      '--incumbent',
      'examples/incumbent.jsonl',
      '--candidate',
      'examples/candidate.jsonl',
      '--policy',
      'examples/policy.yml',
      '--manifest',
      manifest,
      '--today',
      '2026-11-23',
      ...extra,
    ],
    { evidenceExists: evidenceExistsUnder(process.cwd()) },
  );
  return { status: run.code, stdout: run.stdout, stderr: run.stderr };
}

describe('CLI with --manifest', () => {
  it('the example manifest adds no finding (verdict warn, from the small cohort only)', async () => {
    const run = await check('examples/release-manifest.yml', '--format', 'json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { verdict: string; readiness: { items: { status: string }[] } };
    expect(report.verdict).toBe('warn');
    expect(report.readiness.items.every((i) => i.status === 'ok')).toBe(true);
  });

  it('blocks on a stale rollback drill', async () => {
    const run = await check(write('release.yml', staleDrill));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\[block\] kill-switch\.stale: .*82 days old.*\(.*release\.yml:\d+\)/);
  });

  it('passes when the same finding carries a valid waiver, and report.json shows the approver and expiry', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mrg-out-'));
    const run = await check(write('release.yml', waived), '--out', out);
    expect(run.stdout).toMatch(/^(verdict: )?WARN\b/);
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      findings: { id: string; waiver?: unknown }[];
      readiness: { waivers: { status: string; accepted_by: string; expires: string; verified: boolean }[] };
    };
    expect(report.findings.find((f) => f.id === 'kill-switch.stale')?.waiver).toEqual({
      accepted_by: '@alice',
      reason: 'drill rescheduled after the datacenter move',
      expires: '2026-12-10',
      link: 'https://tracker.example.com/REL-42',
      verified: false,
    });
    expect(report.readiness.waivers[0]).toMatchObject({
      status: 'applied',
      accepted_by: '@alice',
      expires: '2026-12-10',
      verified: false,
    });
  });

  it('a waiver that expired before --today does not count', async () => {
    const run = await check(write('release.yml', waived), '--today', '2026-12-11');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('waiver.expired');
  });

  it('rejects a malformed manifest with exit 2, naming file, line and field', async () => {
    const path = write('release.yml', example.replace('  strategy: canary', '  strategy: canary\n  stagse: []'));
    const run = await check(path);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `error: ${path}, line 22, rollout.stagse: unknown key "stagse" (check the spelling; unknown keys are rejected so a typo cannot be ignored)\n`,
    );
  });
});

describe('the Action with a manifest', () => {
  it('annotates a blocking finding on the manifest file and line, and fails the step', async () => {
    const manifest = write('release.yml', staleDrill);
    const run = await runActionOnDisk({
      incumbent: 'examples/incumbent.jsonl',
      candidate: 'examples/candidate.jsonl',
      policy: 'examples/policy.yml',
      manifest,
    });
    expect(run.status).toBe(1);
    const line = staleDrill.split('\n').findIndex((l) => l.includes('date: 2026-09-02')) + 1;
    const annotation = run.annotations.find((a) => a.level === 'error' && a.title.includes('kill-switch.stale'));
    expect(annotation).toMatchObject({ file: manifest, line });
    expect(run.summary).toContain('### Readiness');
  });
});
