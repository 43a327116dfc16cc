// The bundled CLI and Action with a release manifest: a blocking finding blocks, the same finding
// with a valid waiver passes (the CLI does not require verified approvals), and the Action puts an
// error annotation on the manifest's line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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

function check(manifest: string, ...extra: string[]) {
  return spawnSync(
    process.execPath,
    [
      'dist/cli/index.js',
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
    { encoding: 'utf8' },
  );
}

describe('CLI with --manifest', () => {
  it('the example manifest adds no finding (verdict warn, from the small cohort only)', () => {
    const run = check('examples/release-manifest.yml', '--format', 'json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { verdict: string; readiness: { items: { status: string }[] } };
    expect(report.verdict).toBe('warn');
    expect(report.readiness.items.every((i) => i.status === 'ok')).toBe(true);
  });

  it('blocks on a stale rollback drill', () => {
    const run = check(write('release.yml', staleDrill));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\[block\] kill-switch\.stale: .*82 days old.*\(.*release\.yml:\d+\)/);
  });

  it('passes when the same finding carries a valid waiver, and report.json shows the approver and expiry', () => {
    const out = mkdtempSync(join(tmpdir(), 'mrg-out-'));
    const run = check(write('release.yml', waived), '--out', out);
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

  it('a waiver that expired before --today does not count', () => {
    const run = check(write('release.yml', waived), '--today', '2026-12-11');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('waiver.expired');
  });

  it('rejects a malformed manifest with exit 2, naming file, line and field', () => {
    const path = write('release.yml', example.replace('  strategy: canary', '  strategy: canary\n  stagse: []'));
    const run = check(path);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `error: ${path}, line 22, rollout.stagse: unknown key "stagse" (check the spelling; unknown keys are rejected so a typo cannot be ignored)\n`,
    );
  });
});

describe('the Action with a manifest', () => {
  it('annotates a blocking finding on the manifest file and line, and fails the step', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mrg-action-manifest-'));
    const manifest = write('release.yml', staleDrill);
    const outputFile = join(dir, 'output');
    const summaryFile = join(dir, 'summary.md');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const run = spawnSync(process.execPath, ['dist/index.js'], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: dir,
        INPUT_INCUMBENT: 'examples/incumbent.jsonl',
        INPUT_CANDIDATE: 'examples/candidate.jsonl',
        INPUT_POLICY: 'examples/policy.yml',
        INPUT_MANIFEST: manifest,
      },
    });
    expect(run.status).toBe(1);
    const line = staleDrill.split('\n').findIndex((l) => l.includes('date: 2026-09-02')) + 1;
    const annotation = run.stdout.split('\n').find((l) => l.startsWith('::error') && l.includes('kill-switch.stale'));
    expect(annotation).toBeDefined();
    expect(annotation).toContain(`file=${manifest}`);
    expect(annotation).toContain(`line=${line}`);
    expect(readFileSync(summaryFile, 'utf8')).toContain('### Readiness');
  });
});
