// A long run as a person sees it: the bundled CLI under a pseudo-terminal (util-linux `script`) on
// 2 × 300,000 generated JSONL rows prints progress on stderr; without a terminal, stderr stays empty
// on success. The in-process twin runs the same input through runCli with a terminal stderr.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesOf, runCliWith } from './helpers/cli-run.js';

const ROWS = 300_000;
// The committed bundle; MRG_CLI_BUNDLE points at another build (to try a change before dist/ is rebuilt).
const CLI = process.env.MRG_CLI_BUNDLE ?? 'dist/cli/index.js';
const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
let dir = '';
let args: string[] = [];

/**
 * The same examples on both sides (same ids, cohorts and labels); predictions and latencies from a
 * seeded generator per side. A p95 latency gate makes the run bootstrap, as a real policy would.
 */
function writeInputs(): void {
  dir = mkdtempSync(join(tmpdir(), 'mrg-terminal-'));
  for (const [side, seed0] of [
    ['incumbent', 11],
    ['candidate', 29],
  ] as const) {
    let seed = seed0;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const rows: string[] = [];
    for (let i = 0; i < ROWS; i++) {
      const label = i % 3 === 0 ? 'fraud' : 'legit';
      const prediction = random() < 0.9 ? label : label === 'fraud' ? 'legit' : 'fraud';
      const latency = Math.round((80 + random() * 60) * 10) / 10;
      rows.push(
        `{"id":"ex-${i}","cohorts":["region:r${i % 7}","lang:l${i % 5}"],"label":"${label}","prediction":"${prediction}","metrics":{"latency_ms":${latency}}}`,
      );
    }
    writeFileSync(join(dir, `${side}.jsonl`), `${rows.join('\n')}\n`);
  }
  writeFileSync(join(dir, 'policy.yml'), 'metrics:\n  latency_ms: {direction: lower, statistic: p95, margin: "10%"}\n');
  args = [
    'check',
    '--incumbent',
    join(dir, 'incumbent.jsonl'),
    '--candidate',
    join(dir, 'candidate.jsonl'),
    '--policy',
    join(dir, 'policy.yml'),
  ];
}

const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;
const STAMPED = /^\[\d+\.\ds\] /;

beforeAll(writeInputs, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundled CLI on a large input', () => {
  it.skipIf(!hasScript)(
    'under a pseudo-terminal prints progress lines on stderr, and the report on stdout',
    () => {
      const out = join(dir, 'stdout.txt');
      // stdout goes to a file, so what the terminal shows is stderr alone.
      const command = `${quote(process.execPath)} ${quote(CLI)} ${args.map(quote).join(' ')} > ${quote(out)}`;
      const run = spawnSync('script', ['-qec', command, '/dev/null'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 120_000,
      });
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
        expect.stringMatching(/\] read candidate .*candidate\.jsonl: 300,000 (lines|examples)$/),
      );
      expect(terminal[terminal.length - 1]).toMatch(/\] done in \d+\.\ds: (pass|warn|block)$/);
      expect(readFileSync(out, 'utf8')).toMatch(/^(verdict: )?(PASS|WARN|BLOCK)/);
    },
    180_000,
  );

  it('without a terminal keeps stderr empty on success', () => {
    const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).not.toBe(2);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^(verdict: )?(PASS|WARN|BLOCK)/);
  }, 180_000);
});

describe('the same input through runCli in this process', () => {
  it('with a terminal stderr prints progress lines; with none, nothing', async () => {
    // A clock that moves 40 ms whenever it is read: deterministic, and the run is "long".
    let time = 0;
    const clock = (): number => (time += 40);
    const shown = await runCliWith(args, { isTTY: { stdout: false, stderr: true }, clock });
    expect(shown.code).not.toBe(2);
    const lines = linesOf(shown.stderr);
    expect(
      lines.every((line) => STAMPED.test(line)),
      shown.stderr,
    ).toBe(true);
    expect(lines).toContainEqual(
      expect.stringMatching(/\] reading incumbent .*incumbent\.jsonl: [\d,]+ lines so far$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/\] read incumbent .*incumbent\.jsonl: 300,000 lines$/));
    expect(lines).toContainEqual(expect.stringMatching(/\] read candidate .*candidate\.jsonl: 300,000 lines$/));
    expect(lines).toContainEqual(expect.stringMatching(/\] bootstrapping \d+ quantile comparison\(s\)/));
    expect(lines).toContainEqual(expect.stringMatching(/\] deciding 30 comparison\(s\) in 15 cohort\(s\)$/));
    expect(lines[lines.length - 1]).toMatch(/\] done in \d+\.\ds: (pass|warn|block)$/);

    const silent = await runCliWith(args, { clock });
    expect(silent.stderr).toBe('');
    expect(silent.stdout).toBe(shown.stdout);
  }, 180_000);
});
