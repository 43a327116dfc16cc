// Every bad or hostile input we know of, through the CLI in every output format and through the
// Action: nothing any of them prints can be a runner command, a stack trace or a raw control
// character, and none of them ends in an internal error.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runActionInProcess, runCliInProcess, runnerCommandLines } from './helpers/in-process.js';

// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const STACK_LINE = /^\s+at .+|^\s*at (async )?[\w.<>]+ \(|Error: .*\n\s+at /m;

const HOSTILE_NAMES = [
  'x\n::error title=pwned::owned',
  '::add-mask::secret',
  ' ::warning file=a.yml,line=1::fake',
  'y\r::set-output name=verdict::pass',
  'cohort ##[error]legacy ##[add-mask]s ##[stop-commands]tok',
  '\u001b[2J\u001b[31mred\u001b]0;title\u0007',
  'csi \u009b2J nel\u0085::error::z',
  'ls\u2028::error::u2028 ps\u2029::error::u2029',
  'bidi \u202egnp.exe',
  '<script>alert(1)</script>',
  '@octocat @org/team',
  'www.evil.example https://evil.example foo@bar.example',
  '__proto__',
  'constructor',
  'toString',
  '| a | b |\n</details>',
  '#123 GH-7',
];

const record = (
  id: number,
  cohorts: string[],
  correct: boolean,
  metrics: Record<string, number> = { m: id % 7 },
): string => JSON.stringify({ id, cohorts, correct, metrics });

/** Valid data whose cohort names and a metric name are hostile: the gate runs and reports them. */
function hostileData(shift: number): string {
  const lines = Array.from({ length: 900 }, (_, i) =>
    record(i, [HOSTILE_NAMES[i % HOSTILE_NAMES.length] ?? 'x'], (i + shift) % 4 !== 0, {
      m: i % 7,
      'lat\n::error::ms ##[x]': i % 11,
    }),
  );
  return `${lines.join('\n')}\n`;
}

const LAUGHS = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`;

/** The first lines of the examples: the hostile part of those cases is an argument, not the data. */
const head = (path: string): string => `${readFileSync(path, 'utf8').split('\n').slice(0, 600).join('\n')}\n`;

const FILES: Record<string, string> = {
  'inc.jsonl': head('examples/incumbent.jsonl'),
  'cand.jsonl': head('examples/candidate.jsonl'),
  'hostile-inc.jsonl': hostileData(0),
  'hostile-cand.jsonl': hostileData(1),
  'key.jsonl': `${record(1, ['a'], true)}\n${JSON.stringify({ id: 2, cohorts: ['a'], correct: true, metrics: { m: 1, 'k\n::error title=t::x': 2 } })}\n`,
  'proto.jsonl': `${JSON.stringify({ id: 1, cohorts: ['a'], correct: true, __proto__: { polluted: 1 } })}\n`,
  'proto-metrics.jsonl': `${JSON.stringify({ id: 1, cohorts: ['a'], correct: true, metrics: JSON.parse('{"__proto__": 1}') as Record<string, number> })}\n`,
  'header.csv': 'id,cohorts,correct,"x\n::add-mask::secret"\n1,a,true,1\n',
  'legacy.csv': 'id,cohorts,correct,"##[error]y"\n1,a,true,1\n',
  'control.jsonl': `{"id": 1, "cohorts": ["a\u0000b\u001b[31m"], "correct": true}\n\u0000\u0001\u009b::error::x\n`,
  'binary.jsonl': String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
  'empty.jsonl': '',
  'bomb.yml': LAUGHS,
  'reused.yml': `alpha: &x 0.05\n${Array.from({ length: 200 }, (_, i) => `k${i}: *x`).join('\n')}\n`,
  'unresolved.yml': 'alpha: *nope\n',
  'deep.yml': `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
  'hostile-key.yml': '"metrics\\n::error::x": 1\n',
  'proto.yml': '__proto__: {alpha: 0.5}\n',
  'hostile-policy.yml': 'cohorts:\n  required: ["::error::need\\nme", "##[add-mask]x"]\n',
  'hostile-manifest.yml': readFileSync('examples/release-manifest.yml', 'utf8')
    .replace('name: fraud-clf', 'name: "m\\n::error::x www.evil.example"')
    .replace('"2.4.0"', '"##[add-mask]2"')
    .replace('"@acme/fraud-oncall"       #', '"\\e[2J@acme/oncall\\n::warning::x"       #')
    .replace('mechanism: feature flag fraud_model_v2', 'mechanism: "flag\\u2028::error::kill"')
    .replace('date: 2026-11-12', 'date: 2025-01-01')
    .replace(
      'waivers: []',
      'waivers:\n  - {finding: "kill-switch.stale", reason: "ok\\n::add-mask::r", accepted_by: "@evil\\n::error::w", expires: 2026-12-01}',
    ),
  'bad-manifest.yml':
    'model:\n  name: "m\\n::error::x"\n  candidate: "##[add-mask]2"\n  incumbent: "\\u001b[2J"\nrisk_class: "::warning::high"\n',
  'summary-hostile.json': JSON.stringify({
    schema: 'model-release-gate/summary@1',
    cohorts: { 'a\n::error::b': { n: 10 } },
  }),
};

/** One CLI run per case: argument lists after `check`. */
const CASES: string[][] = [
  ['--incumbent', 'hostile-inc.jsonl', '--candidate', 'hostile-cand.jsonl'],
  ['--incumbent', 'hostile-inc.jsonl', '--candidate', 'hostile-cand.jsonl', '--policy', 'hostile-policy.yml'],
  [
    '--incumbent',
    'hostile-inc.jsonl',
    '--candidate',
    'hostile-cand.jsonl',
    '--manifest',
    'hostile-manifest.yml',
    '--author',
    '::error::me',
  ],
  ['--incumbent', 'hostile-inc.jsonl', '--candidate', 'hostile-cand.jsonl', '--manifest', 'bad-manifest.yml'],
  ['--incumbent', 'key.jsonl', '--candidate', 'key.jsonl'],
  ['--incumbent', 'proto.jsonl', '--candidate', 'proto.jsonl'],
  ['--incumbent', 'proto-metrics.jsonl', '--candidate', 'proto-metrics.jsonl'],
  ['--incumbent', 'header.csv', '--candidate', 'header.csv'],
  ['--incumbent', 'legacy.csv', '--candidate', 'legacy.csv'],
  ['--incumbent', 'control.jsonl', '--candidate', 'control.jsonl'],
  ['--incumbent', 'binary.jsonl', '--candidate', 'binary.jsonl'],
  ['--incumbent', 'empty.jsonl', '--candidate', 'empty.jsonl'],
  ['--incumbent', 'summary-hostile.json', '--candidate', 'summary-hostile.json'],
  ['--incumbent', 'inc.jsonl', '--candidate', 'cand.jsonl', '--policy', 'bomb.yml'],
  ['--incumbent', 'inc.jsonl', '--candidate', 'cand.jsonl', '--manifest', 'reused.yml'],
  ['--incumbent', 'inc.jsonl', '--candidate', 'cand.jsonl', '--policy', 'unresolved.yml'],
  ['--incumbent', 'inc.jsonl', '--candidate', 'cand.jsonl', '--policy', 'deep.yml'],
  ['--incumbent', 'inc.jsonl', '--candidate', 'cand.jsonl', '--policy', 'hostile-key.yml'],
  ['--incumbent', 'inc.jsonl', '--candidate', 'cand.jsonl', '--policy', 'proto.yml'],
  ['--incumbent', 'inc.jsonl', '--candidate', 'no\n::error::such.jsonl'],
  ['--incumbent', 'inc.jsonl', '--candidate', 'cand.jsonl', '--columns', 'id=a\n::error::b'],
  ['--incumbent', 'inc.jsonl', '--candidate', 'cand.jsonl', '--format-in', '##[add-mask]x'],
  ['--incumbent', 'examples/incumbent.jsonl', '--candidate', 'examples/blocked/candidate.jsonl'],
  ['--paired', 'test/fixtures/paired-summary/support-bot.json'],
  ...fixtureCases(),
];

/** Every fixture file, as both sides (malformed ones fail; the others compare with themselves). */
function fixtureCases(): string[][] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.md')) files.push(path);
    }
  };
  walk('test/fixtures');
  return files.map((file) => ['--incumbent', file, '--candidate', file]);
}

function expectInert(text: string, what: string): void {
  expect(runnerCommandLines(text), what).toEqual([]);
  expect(text, what).not.toMatch(STACK_LINE);
  expect(text, what).not.toMatch(RAW_CONTROL);
  expect(text, what).not.toMatch(/internal error/);
}

describe('no input leaks into output as something active', () => {
  it.each(['text', 'markdown', 'json'])('the CLI with --format %s', async (format) => {
    for (const args of CASES) {
      const what = `${format}: ${JSON.stringify(args)}`;
      const run = await runCliInProcess(['check', ...args, '--format', format], FILES);
      expect([0, 1, 2], what).toContain(run.code);
      expectInert(run.stdout, `${what} stdout`);
      expectInert(run.stderr, `${what} stderr`);
      if (run.code === 2) expect(run.stderr, what).toMatch(/^error: /);
      else expect(run.stdout.length, what).toBeGreaterThan(0);
    }
  });

  it('the Action', async () => {
    for (const args of CASES) {
      const inputs: Record<string, string> = {};
      for (let i = 0; i < args.length; i += 2)
        inputs[(args[i] ?? '').replace(/^--/, '').replace('format-in', 'format')] = args[i + 1] ?? '';
      if (inputs.paired !== undefined) {
        inputs.incumbent = inputs.paired;
        inputs.candidate = inputs.paired;
      }
      const run = await runActionInProcess(inputs, FILES);
      const what = JSON.stringify(args);
      expect(run.thrown, what).toBeUndefined();
      expect(['pass', 'warn', 'block', 'error'], what).toContain(run.outputs.verdict);
      const texts = [
        ...run.failed,
        ...run.info,
        ...run.warnings,
        ...run.annotations.flatMap((a) => [a.title, a.message, a.file ?? '']),
      ];
      for (const text of texts) expectInert(text, what);
      expect(run.annotations.filter((a) => a.level === 'error').length).toBeLessThanOrEqual(10);
      expect(run.summary, what).not.toMatch(RAW_CONTROL);
    }
  });
});
