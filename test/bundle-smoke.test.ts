// The built bundles as a runner and a user start them: dist/index.js (the Action) and
// dist/cli/index.js (the CLI). Every behaviour is tested in process on the source; these few runs
// check what only the entries and the bundling do: read INPUT_* and GITHUB_* variables, write the
// runner's outputs, summary and workflow commands (and encode them), set exit codes, load the
// bundle's chunks, start the worker threads, and notice a terminal.
// They run the committed dist/. CI rebuilds dist/ after the tests and fails when it differs from the
// committed one, so a bundle that is not current cannot pass unnoticed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileSource, readSmallFile } from '../src/adapters/file-source.js';
import { runGate } from '../src/core/gate/run-gate.js';
import { reportToJson } from '../src/core/report/report.js';
import { TOOL_NAME, TOOL_VERSION } from '../src/version.js';
import { runBundledAction, warningsOf } from './helpers/bundled-action.js';
import { FakeGitHub } from './helpers/fake-github.js';
import { runnerCommandLines } from './helpers/in-process.js';
import { type LongRunInputs, writeLongRunInputs } from './helpers/long-run-inputs.js';
import { BASE_SHA, PR, REPO, reportOf } from './helpers/runner-context.js';

const example = ['--incumbent', 'examples/incumbent.jsonl', '--policy', 'examples/policy.yml'];

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end, its stdout and stderr collected (pipes, not a terminal). */
function collect(command: string, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs dist/cli/index.js without a terminal. */
const cli = (...args: string[]): Promise<CliRun> => collect(process.execPath, ['dist/cli/index.js', ...args]);

describe('dist/index.js, started as a runner starts it', () => {
  const fake = new FakeGitHub();
  beforeAll(async () => {
    await fake.start();
    fake.state.setFile(REPO, BASE_SHA, 'examples/policy.yml', readFileSync('examples/policy.yml', 'utf8'));
  });
  afterAll(() => fake.stop());

  it('on a pull request: comments through the GitHub API, writes outputs and summary, and speaks in workflow commands', async () => {
    const run = await runBundledAction({ candidate: 'examples/blocked/candidate.jsonl' }, fake);
    expect(run.status).toBe(1);
    expect(run.outputs.verdict).toBe('block');
    expect(run.outputs['blocking-count']).toBe('1');
    expect(reportOf(run).verdict).toBe('block');
    expect(run.outputs['comment-url']).toMatch(/issuecomment-\d+$/);
    const comments = fake.state.commentsOn(REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body.split('\n')[0]).toBe('<!-- model-release-gate:default -->');
    expect(comments[0]?.body).toContain('label:chargeback');
    expect(run.summary).toContain('## ⛔ BLOCK — the candidate may not ship');
    expect(run.stdout).toMatch(/^::error::model release gate blocked the release: 1 blocking finding/m);
    // An annotation's properties are encoded by @actions/core: ':' in the title is %3A.
    expect(run.stdout).toMatch(/^::error title=model release gate%3A cohort\.regressed::/m);
    // The artifact service is not reachable outside a real runner: a warning, the verdict unchanged.
    expect(warningsOf(run)).toContainEqual(expect.stringMatching(/^could not upload the validation package/));
    // The bundle's lazily loaded chunks (the GitHub client, the artifact client) must load.
    expect(run.stdout + run.stderr).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND|is not a constructor/);
  });

  it('writes a hostile input back escaped twice over: by the gate, then by the runner encoding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mrg-hostile-'));
    const candidate = join(dir, 'cand\n::error::pwned %0A.jsonl');
    const run = await runBundledAction({
      incumbent: 'examples/incumbent.jsonl',
      candidate,
      policy: 'examples/policy.yml',
    });
    expect(run.status).toBe(1);
    expect(run.outputs.verdict).toBe('error');
    // One command line, the failure: the line break is \u000a (the gate's escape) and the literal
    // "%0A" is %250A (@actions/core's), so the runner shows "%0A" and starts no second line.
    expect(runnerCommandLines(run.stdout)).toEqual([
      `::error::${dir}/cand\\u000a::error::pwned %250A.jsonl: file not found`,
    ]);
  });
});

describe('dist/cli/index.js, run as a user runs it', () => {
  it('exits 0, 1 and 2, and its worker threads give the report the core gives in one thread', async () => {
    // An error met in the worker that parses the candidate comes back with its file and line.
    const bad = join(mkdtempSync(join(tmpdir(), 'mrg-bad-')), 'candidate.jsonl');
    const lines = readFileSync('examples/candidate.jsonl', 'utf8').split('\n');
    lines[41] =
      '{"id": "txn-00041", "label": "legit", "prediction": "legit", "checks": {"calibrated": true}, "metrics": {"latency_ms": NaN}}';
    writeFileSync(bad, lines.join('\n'));
    // The runs are independent: started together, they take the time of the longest.
    const [warn, blocked, usage, failed] = await Promise.all([
      cli('check', ...example, '--candidate', 'examples/candidate.jsonl'),
      cli('check', ...example, '--candidate', 'examples/blocked/candidate.jsonl', '--format', 'json'),
      cli('check', '--incumbent', 'examples/incumbent.jsonl'),
      cli('check', ...example, '--candidate', bad),
    ]);
    expect(warn.status).toBe(0);
    expect(warn.stdout).toMatch(/^(verdict: )?WARN\b/);
    expect(warn.stderr).toBe('');

    expect(blocked.status).toBe(1);
    const inOneThread = await runGate({
      incumbent: await openFileSource('examples/incumbent.jsonl'),
      candidate: await openFileSource('examples/blocked/candidate.jsonl'),
      policy: await readSmallFile('examples/policy.yml'),
      readiness: { today: '2000-01-01', evidenceExists: () => false, requireVerifiedWaiversByDefault: false },
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
    });
    expect(blocked.stdout).toBe(reportToJson(inOneThread));

    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('error: --candidate <file> is required');

    expect(failed.status).toBe(2);
    expect(failed.stderr).toBe(
      `error: ${bad}, line 42: invalid JSON: NaN and Infinity are not numbers in JSON (a missing or infinite value cannot be judged; fix or drop the example explicitly)\n`,
    );
  });
});

describe('dist/cli/index.js on a run long enough to show progress', () => {
  // Progress starts after a second of real time, so the input must take the bundle longer than that.
  let inputs: LongRunInputs | undefined;
  afterAll(() => inputs && rmSync(inputs.dir, { recursive: true, force: true }));
  const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
  const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;
  const STAMPED = /^\[\d+\.\ds\] /;

  it.skipIf(!hasScript)(
    'under a pseudo-terminal (util-linux script) prints progress lines on stderr; without one, none',
    async () => {
      inputs = writeLongRunInputs(100_000);
      const { dir, args } = inputs;
      const out = join(dir, 'stdout.txt');
      // stdout goes to a file, so what the terminal shows is stderr alone.
      const command = `${quote(process.execPath)} ${quote('dist/cli/index.js')} ${args.map(quote).join(' ')} > ${quote(out)}`;
      const [run, piped] = await Promise.all([collect('script', ['-qec', command, '/dev/null']), cli(...args)]);
      expect(run.status, run.stdout + run.stderr).not.toBe(2);
      const terminal = run.stdout.split(/\r?\n/).filter((line) => line !== '');
      expect(terminal.length).toBeGreaterThanOrEqual(3);
      expect(
        terminal.every((line) => STAMPED.test(line)),
        terminal.join('\n'),
      ).toBe(true);
      expect(terminal).toContainEqual(
        expect.stringMatching(/\] (reading|read) (incumbent|candidate) .*incumbent\.jsonl|candidate\.jsonl/),
      );
      expect(terminal).toContainEqual(
        expect.stringMatching(/\] read candidate .*candidate\.jsonl: 100,000 (lines|examples)$/),
      );
      expect(terminal[terminal.length - 1]).toMatch(/\] done in \d+\.\ds: (pass|warn|block)$/);
      expect(existsSync(out) && readFileSync(out, 'utf8')).toMatch(/^(verdict: )?(PASS|WARN|BLOCK)/);

      expect(piped.status, piped.stderr).not.toBe(2);
      expect(piped.stderr).toBe('');
      expect(piped.stdout).toMatch(/^(verdict: )?(PASS|WARN|BLOCK)/);
    },
    180_000,
  );
});
