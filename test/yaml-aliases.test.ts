// YAML alias bombs ("billion laughs", or one anchor repeated hundreds of times) and broken aliases are
// input errors on the alias's line, for every YAML input, never an internal error with a stack trace.
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.js';
import { parseLocated } from '../src/core/structured-text.js';
import { parseManifest } from '../src/core/manifest/load-manifest.js';
import { parsePolicy } from '../src/core/policy/load-policy.js';
import { runCliInProcess } from './helpers/in-process.js';

const LAUGHS = [
  'lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  '',
].join('\n');
const REUSED = `alpha: &x 0.05\n${Array.from({ length: 200 }, (_, i) => `k${i}: *x`).join('\n')}\n`;

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('YAML aliases', () => {
  it('billion laughs: an InputError on the first alias line', () => {
    for (const parse of [parsePolicy, parseManifest, parseLocated]) {
      const error = thrown(() => parse('bomb.yml', LAUGHS));
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ file: 'bomb.yml', line: 2 });
      expect((error as InputError).message).toMatch(
        /^bomb\.yml, line 2: its YAML aliases \(\*name\) would make more than 100 copies/,
      );
    }
  });

  it('one anchor used 200 times: an InputError', () => {
    const error = thrown(() => parsePolicy('policy.yml', REUSED));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ file: 'policy.yml', line: 2 });
  });

  it('a few aliases are fine', () => {
    expect(parseLocated('ok.yml', 'a: &x {m: 1}\nb: *x\nc: *x\n').value).toEqual({
      a: { m: 1 },
      b: { m: 1 },
      c: { m: 1 },
    });
  });

  it('an alias to no anchor names the alias and its line', () => {
    const error = thrown(() => parseManifest('m.yml', 'model:\n  name: x\nowners: *nobody\n'));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      'm.yml, line 3: the alias *nobody names no anchor (&nobody) defined before it',
    );
  });

  it('through the CLI: exit 2 and one error line, for a policy and a manifest', async () => {
    const files = { 'bomb.yml': LAUGHS, 'reused.yml': REUSED, 'bomb.json': LAUGHS };
    const runs = [
      ['--incumbent', 'examples/incumbent.jsonl', '--candidate', 'examples/candidate.jsonl', '--policy', 'bomb.yml'],
      [
        '--incumbent',
        'examples/incumbent.jsonl',
        '--candidate',
        'examples/candidate.jsonl',
        '--manifest',
        'reused.yml',
      ],
    ];
    for (const args of runs) {
      const run = await runCliInProcess(['check', ...args], files);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^error: (bomb\.yml|reused\.yml), line 2: its YAML aliases[^\n]*\n$/);
    }
    // A summary must be JSON, which has no aliases: the bomb is not even parsed as YAML.
    const summary = await runCliInProcess(
      ['check', '--incumbent', 'bomb.json', '--candidate', 'bomb.json', '--format-in', 'summary'],
      files,
    );
    expect(summary.code).toBe(2);
    expect(summary.stderr).toMatch(/^error: bomb\.json: invalid JSON[^\n]*\n$/);
  });
});
