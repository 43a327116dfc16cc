// Progress on stderr: only on a terminal, only once a run has taken a second, throttled, and never
// with --quiet. The clock is faked: each chunk of the inputs takes 100 ms, so the run is "long".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openFileSource, readSmallFile } from '../src/adapters/file-source.js';
import type { CliDependencies } from '../src/cli/run-cli.js';
import type { ProgressEvent } from '../src/core/gate/progress.js';
import { runGate } from '../src/core/gate/run-gate.js';
import { parseExampleColumns } from '../src/core/load/example-columns.js';
import type { TextSource } from '../src/core/input/text-source.js';
import { linesOf, runCliWith } from './helpers/cli-run.js';
import { memorySource } from './helpers/memory-source.js';

const FILES: Record<string, string> = {
  'i.jsonl': readFileSync('examples/incumbent.jsonl', 'utf8'),
  'c.jsonl': readFileSync('examples/candidate.jsonl', 'utf8'),
};
const ARGS = ['check', '--incumbent', 'i.jsonl', '--candidate', 'c.jsonl', '--policy', 'examples/policy.yml'];
const LINES = FILES['i.jsonl']?.split('\n').length ?? 0;

/** A fake clock and sources whose every chunk (500 lines) advances it by `msPerChunk`. */
function slowWorld(msPerChunk: number): Pick<CliDependencies, 'openSource' | 'clock'> & { time: () => number } {
  let time = 0;
  const slow = (source: TextSource): TextSource => ({
    ...source,
    async *chunks() {
      for await (const chunk of source.chunks()) {
        time += msPerChunk;
        yield chunk;
      }
    },
  });
  return {
    openSource: (path) => {
      const text = FILES[path];
      if (text === undefined) return openFileSource(path);
      const chunkSize = Math.ceil(text.length / Math.ceil(LINES / 500));
      return Promise.resolve(slow(memorySource(path, text, chunkSize)));
    },
    clock: () => time,
    time: () => time,
  };
}

const STAMPED = /^\[(\d+\.\d)s\] /;
const secondsOf = (line: string): number => Number(STAMPED.exec(line)?.[1]);

describe('progress on stderr', () => {
  it('a long run on a terminal tells rows read per file, the bootstrap, cohorts and done, throttled', async () => {
    const world = slowWorld(100);
    const run = await runCliWith(ARGS, { ...world, isTTY: { stdout: false, stderr: true } });
    expect(run.code).toBe(0);
    const lines = linesOf(run.stderr);
    expect(lines.every((line) => STAMPED.test(line))).toBe(true);
    const text = lines.map((line) => line.replace(STAMPED, ''));
    expect(text).toContainEqual(expect.stringMatching(/^reading incumbent i\.jsonl: [\d,]+ lines so far$/));
    expect(text).toContain('read incumbent i.jsonl: 6,000 lines');
    expect(text).toContain('read candidate c.jsonl: 6,000 lines');
    // examples/policy.yml gates latency_ms at p95: the tracked cohorts big enough are bootstrapped.
    expect(text).toContainEqual(
      expect.stringMatching(/^bootstrapping \d+ quantile comparison\(s\), [\d,]+ resamples each$/),
    );
    expect(text).toContainEqual(expect.stringMatching(/^deciding \d+ comparison\(s\) in \d+ cohort\(s\)$/));
    expect(text[text.length - 1]).toMatch(/^done in \d+\.\ds: warn$/);
    // Steps come in the order they happen.
    const order = ['read incumbent', 'bootstrapping', 'deciding', 'done'].map((start) =>
      text.findIndex((line) => line.startsWith(start)),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Row counts at most twice a second: consecutive "so far" lines are 0.5 s apart or more.
    const ticks = lines.filter((line) => line.endsWith('so far')).map(secondsOf);
    expect(ticks.length).toBeGreaterThan(1);
    ticks.slice(1).forEach((t, i) => expect(t - (ticks[i] as number)).toBeGreaterThanOrEqual(0.5));
    expect(lines.length).toBeLessThanOrEqual(2 * (world.time() / 1000) + 6);
    // Nothing is printed for the first second.
    expect(secondsOf(lines[0] as string)).toBeGreaterThanOrEqual(1);
    expect(run.stdout).toMatch(/^WARN|^verdict: WARN/);
  });

  it('is silent when stderr is not a terminal, with --quiet, and for a run under a second', async () => {
    expect((await runCliWith(ARGS, { ...slowWorld(100), isTTY: { stdout: true, stderr: false } })).stderr).toBe('');
    expect((await runCliWith(ARGS, { ...slowWorld(100) })).stderr).toBe('');
    expect(
      (await runCliWith([...ARGS, '--quiet'], { ...slowWorld(100), isTTY: { stdout: false, stderr: true } })).stderr,
    ).toBe('');
    expect(
      (await runCliWith([...ARGS, '-q'], { ...slowWorld(100), isTTY: { stdout: false, stderr: true } })).stderr,
    ).toBe('');
    const quick = await runCliWith(ARGS, { ...slowWorld(10), isTTY: { stdout: false, stderr: true } });
    expect(quick.code).toBe(0);
    expect(quick.stderr).toBe('');
  });

  it('a file parsed elsewhere (a worker thread) is told with its example count when it is done', async () => {
    const world = slowWorld(100);
    // As the entry's loader does: the candidate is read by path, not through the CLI's source.
    const run = await runCliWith(ARGS, {
      ...world,
      isTTY: { stdout: false, stderr: true },
      loadExampleColumns: (source, spec, side) =>
        side === 'incumbent'
          ? parseExampleColumns(source, spec)
          : parseExampleColumns(memorySource(source.path, FILES['c.jsonl'] as string, 1 << 16), spec),
    });
    const text = linesOf(run.stderr).map((line) => line.replace(STAMPED, ''));
    expect(text).toContain('read incumbent i.jsonl: 6,000 lines');
    expect(text).toContain('read candidate c.jsonl: 6,000 examples');
  });

  it('progress lines quote paths as inert text', async () => {
    const world = slowWorld(100);
    FILES['evil\n::error::x.jsonl'] = FILES['i.jsonl'] as string;
    const run = await runCliWith(
      ['check', '--incumbent', 'evil\n::error::x.jsonl', '--candidate', 'c.jsonl', '--policy', 'examples/policy.yml'],
      { ...world, isTTY: { stdout: false, stderr: true } },
    );
    expect(run.stderr).toContain('read incumbent evil\\u000a::error::x.jsonl: 6,000 lines');
    expect(linesOf(run.stderr).every((line) => STAMPED.test(line))).toBe(true);
  });
});

describe('the core tells its steps through GateInputs.progress', () => {
  it('bootstrap, cohorts, done, in that order, and the same report as without it', async () => {
    const events: ProgressEvent[] = [];
    const inputs = async () => ({
      incumbent: await openFileSource('examples/incumbent.jsonl'),
      candidate: await openFileSource('examples/candidate.jsonl'),
      policy: await readSmallFile('examples/policy.yml'),
      tool: { name: 'model-release-gate', version: 'test' },
    });
    const withProgress = await runGate({ ...(await inputs()), progress: (event) => events.push(event) });
    const without = await runGate(await inputs());
    expect(withProgress).toEqual(without);
    expect(events.map((e) => e.step)).toEqual(['bootstrap', 'cohorts', 'done']);
    const cohorts = new Set(without.comparisons.map((c) => c.cohort)).size;
    expect(events[1]).toEqual({ step: 'cohorts', cohorts, comparisons: without.comparisons.length });
    expect(events[2]).toEqual({ step: 'done', verdict: without.verdict });
    expect(events[0]).toMatchObject({ step: 'bootstrap', resamples: without.policy.bootstrap.resamples });
  });
});
