// The three ways a traffic file reaches the gate: the CLI's --traffic, the manifest's
// eval_coverage.traffic, and the Action's traffic input (runCli and runAction in this process).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceExistsUnder } from '../src/adapters/repository-files.js';
import { runActionOnDisk } from './helpers/action-in-process.js';
import { runCliWith } from './helpers/cli-run.js';

const PAIR = ['--incumbent', 'examples/incumbent.jsonl', '--candidate', 'examples/candidate.jsonl'];
const POLICY = ['--policy', 'examples/policy.yml'];

interface TrafficJson {
  verdict: string;
  inputs: { traffic: { path: string; sha256: string; window: { from: string; to: string } } | null };
  traffic: { dimensions: { dimension: string }[] } | null;
  comparisons: { cohort: string }[];
}

async function check(...extra: string[]) {
  const run = await runCliWith(['check', ...PAIR, ...POLICY, '--today', '2026-12-01', '--format', 'json', ...extra], {
    evidenceExists: evidenceExistsUnder(process.cwd()),
  });
  return {
    code: run.code,
    stderr: run.stderr,
    report: run.code === 2 ? undefined : (JSON.parse(run.stdout) as TrafficJson),
  };
}

function write(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mrg-traffic-')), name);
  writeFileSync(path, text);
  return path;
}

describe('the CLI', () => {
  it('reads --traffic, records the file and its window, and adds the section and the weighted comparisons', async () => {
    const run = await check('--traffic', 'examples/traffic.json');
    expect(run.code).not.toBe(2);
    expect(run.report?.inputs.traffic).toMatchObject({ path: 'examples/traffic.json', window: { from: '2026-11-01' } });
    expect(run.report?.inputs.traffic?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(run.report?.traffic?.dimensions.length).toBeGreaterThan(0);
    expect(run.report?.comparisons.some((c) => c.cohort.startsWith('overall@traffic:'))).toBe(true);
  });

  it('has no traffic section without a traffic file', async () => {
    const run = await check();
    expect(run.report?.traffic).toBeNull();
    expect(run.report?.inputs.traffic).toBeNull();
  });

  it('refuses a bad traffic file with exit 2, naming the file and the field', async () => {
    const path = write(
      'traffic.json',
      '{"schema": "model-release-gate/traffic@1", "window": {"from": "2026-11-01", "to": "2026-11-30"}, "cohorts": {"region:eu": -3}}',
    );
    const run = await check('--traffic', path);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^error: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line 1, cohorts\\.region:eu: `),
    );
  });

  it('reads the file the manifest names, and refuses one outside the repository', async () => {
    const manifest = readFileSync('examples/release-manifest.yml', 'utf8');
    const named = write(
      'release.yml',
      manifest.replace('eval_coverage:', 'eval_coverage:\n  traffic: examples/traffic.json'),
    );
    const run = await check('--manifest', named);
    expect(run.report?.inputs.traffic?.path).toBe('examples/traffic.json');
    const outside = write(
      'release.yml',
      manifest.replace('eval_coverage:', 'eval_coverage:\n  traffic: ../../etc/passwd'),
    );
    const refused = await check('--manifest', outside);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /eval_coverage\.traffic: eval_coverage\.traffic must be a path inside the repository/,
    );
  });
});

describe('the Action', () => {
  it('takes the traffic input and shows the section in the job summary', async () => {
    const run = await runActionOnDisk({
      incumbent: 'examples/incumbent.jsonl',
      candidate: 'examples/candidate.jsonl',
      policy: 'examples/policy.yml',
      traffic: 'examples/traffic.json',
    });
    expect(run.status).not.toBe(2);
    expect(run.summary).toContain('Does the eval look like production?');
  });
});
