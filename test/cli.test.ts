// The CLI as a user runs it (runCli in this process with the entry's real file adapters): exit codes,
// stdout/stderr and the files --out writes. The bundle itself, its worker threads included, is
// smoke-tested in bundle-smoke.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceExistsUnder } from '../src/adapters/repository-files.js';
import { runCliWith } from './helpers/cli-run.js';

async function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const run = await runCliWith(args, { evidenceExists: evidenceExistsUnder(process.cwd()), now: () => new Date() });
  return { status: run.code, stdout: run.stdout, stderr: run.stderr };
}

const example = ['--incumbent', 'examples/incumbent.jsonl', '--policy', 'examples/policy.yml'];

describe('model-release-gate check', async () => {
  it('exits 0 on warn and writes report.json and report.md to --out', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mrg-cli-'));
    const run = await cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^(verdict: )?WARN\b/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      verdict: string;
      inputs: { incumbent: { sha256: string } };
    };
    expect(report.verdict).toBe('warn');
    expect(report.inputs.incumbent.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/WARN — the candidate may ship/);
  });

  it('exits 1 on block', async () => {
    const run = await cli('check', ...example, '--candidate', 'examples/blocked/candidate.jsonl', '--format', 'json');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      verdict: string;
      comparisons: { cohort: string; metric: string; status: string }[];
    };
    expect(report.verdict).toBe('block');
    expect(report.comparisons.filter((c) => c.status === 'regressed').map((c) => `${c.cohort}/${c.metric}`)).toContain(
      'label:chargeback/accuracy',
    );
  });

  it('exits 2 with a message on stderr for usage and input errors', async () => {
    const usage = await cli('check', '--incumbent', 'examples/incumbent.jsonl');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('error: --candidate <file> is required');
    const unknown = await cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--fromat', 'json');
    expect(unknown.status).toBe(2);
    const missing = await cli('check', ...example, '--candidate', 'nope.jsonl');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('error: nope.jsonl: file not found\n');
  });

  it('a mistyped flag is three lines with a suggestion; --out naming a file exits 2 with one line, no stack', async () => {
    const typo = await cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--fromat', 'json');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe('error: unknown option --fromat\ndid you mean --format?\nsee model-release-gate --help\n');
    const file = join(mkdtempSync(join(tmpdir(), 'mrg-out-file-')), 'report');
    writeFileSync(file, 'not a directory');
    const out = await cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--out', file);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe(
      `error: ${file}: cannot write the validation package (--out <dir>): it exists and is not a directory\n`,
    );
  });

  it('gives byte-identical reports for the same inputs', async () => {
    const first = await cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--format', 'json');
    const second = await cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--format', 'json');
    expect(first.stdout.length).toBeGreaterThan(1000);
    expect(second.stdout).toBe(first.stdout);
  });

  it('reads CSV with the same columns as JSONL and gives the same comparisons', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mrg-csv-'));
    const toCsv = (path: string): string => {
      const rows = readFileSync(path, 'utf8')
        .trim()
        .split('\n')
        .map(
          (line) =>
            JSON.parse(line) as {
              id: string;
              cohorts: string[];
              label: string;
              prediction: string;
              checks: { calibrated: boolean };
              metrics: { latency_ms: number };
            },
        );
      const body = rows.map((r) =>
        [r.id, r.cohorts.join(';'), r.label, r.prediction, r.checks.calibrated, r.metrics.latency_ms].join(','),
      );
      const file = join(dir, path.replace(/\//g, '_').replace('.jsonl', '.csv'));
      writeFileSync(file, `id,cohorts,label,prediction,checks.calibrated,metrics.latency_ms\n${body.join('\n')}\n`);
      return file;
    };
    const fromCsv = await cli(
      'check',
      '--incumbent',
      toCsv('examples/incumbent.jsonl'),
      '--candidate',
      toCsv('examples/candidate.jsonl'),
      '--policy',
      'examples/policy.yml',
      '--format',
      'json',
    );
    const fromJsonl = await cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--format', 'json');
    const comparisons = (text: string): unknown => (JSON.parse(text) as { comparisons: unknown }).comparisons;
    expect(fromCsv.status).toBe(0);
    expect(comparisons(fromCsv.stdout)).toEqual(comparisons(fromJsonl.stdout));
  });
});

describe('model-release-gate check --out', async () => {
  it('writes the whole validation package, which opens with no network', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mrg-package-'));
    const run = await cli('check', ...example, '--candidate', 'examples/blocked/candidate.jsonl', '--out', out);
    expect(run.status).toBe(1);
    const pkg = JSON.parse(readFileSync(join(out, 'validation-package.json'), 'utf8')) as {
      schema: string;
      verdict: string;
      provenance: { time: string };
    };
    expect(pkg.schema).toBe('model-release-gate/validation-package@1');
    expect(pkg.verdict).toBe('block');
    expect(Date.parse(pkg.provenance.time)).not.toBeNaN();
    expect(readFileSync(join(out, 'validation-package.md'), 'utf8')).toContain('Sign-off');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
  });
});
