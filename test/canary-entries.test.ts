// `canary` through the CLI and the Action (in this process): the recorded examples decide as their
// README says, with the documented exit codes and outputs.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runActionOnDisk } from './helpers/action-in-process.js';
import { runCliWith } from './helpers/cli-run.js';

const MANIFEST = 'examples/canary/release-manifest.yml';

const canary = (name: string, ...extra: string[]) =>
  runCliWith(['canary', '--observations', `examples/canary/${name}.json`, '--manifest', MANIFEST, ...extra]);

describe('model-release-gate canary', () => {
  it.each([
    ['promote', 0],
    ['rollback', 1],
    ['hold', 3],
  ])('examples/canary/%s.json decides so, with exit code %i', async (name, code) => {
    const run = await canary(name, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(code);
    const report = JSON.parse(run.stdout) as { decision: string; looks: unknown[]; schema: string };
    expect(report.schema).toBe('model-release-gate/canary-report@1');
    expect(report.decision).toBe(name);
    expect(report.looks.length).toBeGreaterThan(0);
  });

  it('prints text by default and writes the reports to --out', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mrg-canary-'));
    const run = await canary('rollback', '--out', out);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ROLL BACK/);
    expect(readdirSync(out).sort()).toEqual(['canary-report.html', 'canary-report.json', 'canary-report.md']);
    expect(readFileSync(join(out, 'canary-report.html'), 'utf8')).toContain('<svg');
  });

  it('refuses options of check, and a missing manifest, with exit 2', async () => {
    const wrong = await canary('hold', '--incumbent', 'x.jsonl');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--incumbent is an option of check, not of canary');
    const noManifest = await runCliWith(['canary', '--observations', 'examples/canary/hold.json']);
    expect(noManifest.code).toBe(2);
    expect(noManifest.stderr).toContain('--manifest <file> is required');
    // Without a zone, Date.parse reads the machine's local time: each runner would judge a different clock.
    const localNow = await canary('hold', '--now', '2026-12-01T10:30:00');
    expect(localNow.code).toBe(2);
    expect(localNow.stderr).toContain('--now must be a time written as ISO 8601 with Z or an offset');
    const wrongCommand = await runCliWith(['check', '--observations', 'examples/canary/hold.json']);
    expect(wrongCommand.stderr).toContain('--observations is an option of canary, not of check');
  });
});

describe('the Action with mode: canary', () => {
  it('sets the decision output, writes the summary and fails the step on a roll back', async () => {
    const run = await runActionOnDisk({
      mode: 'canary',
      observations: 'examples/canary/rollback.json',
      manifest: MANIFEST,
    });
    expect(run.outputs.decision).toBe('rollback');
    expect(run.outputs.verdict).toBe('block');
    expect(run.status).toBe(1);
    expect(run.summary).toMatch(/roll back/i);
    // The reports are written for the audit: every look's bounds are in the JSON.
    const report = JSON.parse(readFileSync(run.outputs['report-path'] ?? '', 'utf8')) as { looks: unknown[] };
    expect(run.outputs['report-path']).toMatch(/canary-report\.json$/);
    expect(report.looks.length).toBeGreaterThan(0);
  });

  it('passes the step on a hold, with the decision output saying so', async () => {
    const run = await runActionOnDisk({
      mode: 'canary',
      observations: 'examples/canary/hold.json',
      manifest: MANIFEST,
    });
    expect(run.outputs.decision).toBe('hold');
    expect(run.status).toBe(0);
  });

  it('requires the observations input in canary mode, and the eval files only in check mode', async () => {
    const run = await runActionOnDisk({ mode: 'canary', manifest: MANIFEST });
    expect(run.status).toBe(1);
    expect(run.failed.join('\n')).toMatch(/input observations: required with mode: canary/);
  });
});
