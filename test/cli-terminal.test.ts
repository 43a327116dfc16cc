// A long run as a person sees it at a terminal: runCli in this process with a terminal stderr prints
// progress lines, and with none prints nothing there. A clock that moves whenever it is read makes the
// run "long" however fast it is, so the input need not be large. The bundle under a real
// pseudo-terminal is smoke-tested in bundle-smoke.test.ts.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { linesOf, runCliWith } from './helpers/cli-run.js';
import { writeLongRunInputs } from './helpers/long-run-inputs.js';

const { dir, args } = writeLongRunInputs(30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const STAMPED = /^\[\d+\.\ds\] /;

describe('runCli on a long run', () => {
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
    expect(lines).toContainEqual(expect.stringMatching(/\] read incumbent .*incumbent\.jsonl: 30,000 lines$/));
    expect(lines).toContainEqual(expect.stringMatching(/\] read candidate .*candidate\.jsonl: 30,000 lines$/));
    expect(lines).toContainEqual(expect.stringMatching(/\] bootstrapping \d+ quantile comparison\(s\)/));
    expect(lines).toContainEqual(expect.stringMatching(/\] deciding 30 comparison\(s\) in 15 cohort\(s\)$/));
    expect(lines[lines.length - 1]).toMatch(/\] done in \d+\.\ds: (pass|warn|block)$/);

    const silent = await runCliWith(args, { clock });
    expect(silent.stderr).toBe('');
    expect(silent.stdout).toBe(shown.stdout);
  }, 180_000);
});
