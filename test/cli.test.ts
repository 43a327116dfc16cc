// The bundled CLI, run as a user runs it: exit codes, stdout/stderr and the files --out writes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileSource, readSmallFile } from '../src/adapters/file-source.js';
import { runGate } from '../src/core/gate/run-gate.js';
import { reportToJson } from '../src/core/report/report.js';
import { TOOL_NAME, TOOL_VERSION } from '../src/version.js';

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['dist/cli/index.js', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const example = ['--incumbent', 'examples/incumbent.jsonl', '--policy', 'examples/policy.yml'];

describe('model-release-gate check', () => {
  it('exits 0 on warn and writes report.json and report.md to --out', () => {
    const out = mkdtempSync(join(tmpdir(), 'mrg-cli-'));
    const run = cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--out', out);
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

  it('exits 1 on block', () => {
    const run = cli('check', ...example, '--candidate', 'examples/blocked/candidate.jsonl', '--format', 'json');
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

  it('exits 2 with a message on stderr for usage and input errors', () => {
    const usage = cli('check', '--incumbent', 'examples/incumbent.jsonl');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('error: --candidate <file> is required');
    const unknown = cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--fromat', 'json');
    expect(unknown.status).toBe(2);
    const missing = cli('check', ...example, '--candidate', 'nope.jsonl');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('error: nope.jsonl: file not found\n');
  });

  it('a mistyped flag is three lines with a suggestion; --out naming a file exits 2 with one line, no stack', () => {
    const typo = cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--fromat', 'json');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe('error: unknown option --fromat\ndid you mean --format?\nsee model-release-gate --help\n');
    const file = join(mkdtempSync(join(tmpdir(), 'mrg-out-file-')), 'report');
    writeFileSync(file, 'not a directory');
    const out = cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--out', file);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe(
      `error: ${file}: cannot write the validation package (--out <dir>): it exists and is not a directory\n`,
    );
  });

  it('gives byte-identical reports for the same inputs', () => {
    const first = cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--format', 'json');
    const second = cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--format', 'json');
    expect(first.stdout.length).toBeGreaterThan(1000);
    expect(second.stdout).toBe(first.stdout);
  });

  it('reads CSV with the same columns as JSONL and gives the same comparisons', () => {
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
    const fromCsv = cli(
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
    const fromJsonl = cli('check', ...example, '--candidate', 'examples/candidate.jsonl', '--format', 'json');
    const comparisons = (text: string): unknown => (JSON.parse(text) as { comparisons: unknown }).comparisons;
    expect(fromCsv.status).toBe(0);
    expect(comparisons(fromCsv.stdout)).toEqual(comparisons(fromJsonl.stdout));
  });

  it('gives the same report through its worker threads as the core gives in one thread', async () => {
    const viaCli = cli('check', ...example, '--candidate', 'examples/blocked/candidate.jsonl', '--format', 'json');
    const inProcess = await runGate({
      incumbent: await openFileSource('examples/incumbent.jsonl'),
      candidate: await openFileSource('examples/blocked/candidate.jsonl'),
      policy: await readSmallFile('examples/policy.yml'),
      readiness: { today: '2000-01-01', evidenceExists: () => false, requireVerifiedWaiversByDefault: false },
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
    });
    expect(viaCli.stdout).toBe(reportToJson(inProcess));
  });

  it('reports an error found in the worker that parses the candidate with its file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mrg-bad-'));
    const bad = join(dir, 'candidate.jsonl');
    const lines = readFileSync('examples/candidate.jsonl', 'utf8').split('\n');
    lines[41] =
      '{"id": "txn-00041", "label": "legit", "prediction": "legit", "checks": {"calibrated": true}, "metrics": {"latency_ms": NaN}}';
    writeFileSync(bad, lines.join('\n'));
    const run = cli('check', ...example, '--candidate', bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `error: ${bad}, line 42: invalid JSON: NaN and Infinity are not numbers in JSON (a missing or infinite value cannot be judged; fix or drop the example explicitly)\n`,
    );
  });
});

describe('model-release-gate check --out', () => {
  it('writes the whole validation package, which opens with no network', () => {
    const out = mkdtempSync(join(tmpdir(), 'mrg-package-'));
    const run = cli('check', ...example, '--candidate', 'examples/blocked/candidate.jsonl', '--out', out);
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
