// The CLI's own voice on mistakes: short usage errors with a "did you mean", help and version, and
// file-system failures as input errors (exit 2, one line) rather than internal errors.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../src/cli/usage.js';
import { TEST_TOOL, linesOf, runCliWith } from './helpers/cli-run.js';

const EXAMPLE = [
  '--incumbent',
  'examples/incumbent.jsonl',
  '--candidate',
  'examples/candidate.jsonl',
  '--policy',
  'examples/policy.yml',
];
const SEE_HELP = 'see model-release-gate --help';

/** A failure as Node's fs reports it: a message, a code and the path. */
function systemError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: operation refused, open '${path}'`), {
    code,
    path,
    errno: -13,
    syscall: 'open',
  });
}

describe('usage errors are at most three lines: the error, a suggestion, where help is', () => {
  it.each([
    [
      ['check', '--incumbant', 'a.jsonl', '--candidate', 'b.jsonl'],
      'error: unknown option --incumbant',
      'did you mean --incumbent?',
    ],
    [['check', ...EXAMPLE, '--fromat', 'json'], 'error: unknown option --fromat', 'did you mean --format?'],
    [['check', ...EXAMPLE, '--canidate=b.jsonl'], 'error: unknown option --canidate', 'did you mean --candidate?'],
    [['check', '-incumbent', 'a.jsonl'], 'error: unknown option -incumbent', 'did you mean --incumbent?'],
    [['chek', ...EXAMPLE], 'error: expected the command "check" or "canary", got "chek"', 'did you mean check?'],
    [
      ['check', ...EXAMPLE, '--format', 'jsno'],
      'error: --format must be text, markdown or json, got "jsno" (or comment: the pull-request comment\'s body)',
      'did you mean --format json?',
    ],
  ])('%j', async (argv, error, suggestion) => {
    const run = await runCliWith(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(linesOf(run.stderr)).toEqual([error, suggestion, SEE_HELP]);
  });

  it('an option with a line break in its name stays one inert line', async () => {
    const run = await runCliWith(['check', ...EXAMPLE, '--x\n::error::owned']);
    expect(linesOf(run.stderr)).toEqual(['error: unknown option --x\\u000a::error::owned', SEE_HELP]);
  });

  it('a flag far from every option gets no guess', async () => {
    const run = await runCliWith(['check', ...EXAMPLE, '--zzzzzz']);
    expect(linesOf(run.stderr)).toEqual(['error: unknown option --zzzzzz', SEE_HELP]);
  });

  it.each([
    [['check', '--incumbent'], 'error: --incumbent needs a value'],
    [
      ['check', '--incumbent', '--candidate', 'b'],
      'error: --incumbent needs a value (a value that starts with a dash is written --incumbent=<value>)',
    ],
    [['check', ...EXAMPLE, '--quiet=yes'], 'error: --quiet takes no value'],
    [[], 'error: no command given: expected model-release-gate check --incumbent <file> --candidate <file>'],
    [['check', '--incumbent', 'a.jsonl'], 'error: --candidate <file> is required'],
  ])('%j is one line and the pointer to --help, never the whole usage', async (argv, error) => {
    const run = await runCliWith(argv);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)).toEqual([error, SEE_HELP]);
  });

  it('a value that looks like an option is a value, given with =', async () => {
    const run = await runCliWith(['check', ...EXAMPLE, '--author=--fromat', '--today', '2026-11-23']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('help and version', () => {
  it.each([[['help']], [['--help']], [['-h']], [['check', '--help']], [['help', 'check']]])(
    '%j prints the usage on stdout and exits 0',
    async (argv) => {
      const run = await runCliWith(argv);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(`${USAGE}\n`);
      expect(run.stdout).toContain('--format     what to print: text (default), markdown, json, or comment');
      expect(run.stdout).toContain('--quiet');
    },
  );

  it('--version prints the version the entry passes', async () => {
    const run = await runCliWith(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${TEST_TOOL.version}\n`, stderr: '' });
  });
});

describe('file-system failures are input errors: exit 2, one line naming the path, no stack', () => {
  it('--out naming a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mrg-out-file-'));
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const run = await runCliWith(['check', ...EXAMPLE, '--out', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `error: ${file}: cannot write the validation package (--out <dir>): it exists and is not a directory\n`,
    );
  });

  it('--out below a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mrg-out-below-'));
    writeFileSync(join(dir, 'file'), 'x');
    const run = await runCliWith(['check', ...EXAMPLE, '--out', join(dir, 'file', 'package')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: [^\n]*file[^\n]*: cannot write the validation package \(--out <dir>\): a part of this path is a file, not a directory\n$/,
    );
  });

  it('an input path through a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mrg-in-below-'));
    writeFileSync(join(dir, 'file'), 'x');
    const path = join(dir, 'file', 'incumbent.jsonl');
    const run = await runCliWith(['check', '--incumbent', path, '--candidate', 'examples/candidate.jsonl']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${path}: a part of this path is a file, not a directory\n`);
  });

  it("a directory that is not an eval run stays the reader's input error", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mrg-in-dir-'));
    mkdirSync(join(dir, 'empty'));
    const run = await runCliWith([
      'check',
      '--incumbent',
      join(dir, 'empty'),
      '--candidate',
      'examples/candidate.jsonl',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: [^\n]*empty: /);
    expect(run.stderr).not.toContain('internal error');
  });

  it('a path Node refuses before asking the system (a NUL byte)', async () => {
    const run = await runCliWith(['check', '--incumbent', 'a\u0000b.jsonl', '--candidate', 'examples/candidate.jsonl']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: a\\u0000b.jsonl: is not a usable file path\n');
  });

  // This machine's tests may run as root, for whom permissions do not apply: the adapters' failures are faked.
  it('EACCES while opening an input', async () => {
    const run = await runCliWith(['check', ...EXAMPLE], {
      openSource: () => Promise.reject(systemError('EACCES', 'secret/incumbent.jsonl')),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: secret/incumbent.jsonl: permission denied\n');
  });

  it('EACCES while writing the package', async () => {
    const run = await runCliWith(['check', ...EXAMPLE, '--out', 'locked'], {
      writeFile: (path) => Promise.reject(systemError('EACCES', path)),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: locked/report.json: permission denied\n');
  });

  it('an unknown system code is still an input error naming it', async () => {
    const run = await runCliWith(['check', ...EXAMPLE], {
      readSmallFile: () => Promise.reject(systemError('EWEIRD', 'examples/policy.yml')),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: examples/policy.yml: the operating system refused (EWEIRD)\n');
  });

  it('a failure that is not the file system stays an internal error, one line', async () => {
    const run = await runCliWith(['check', ...EXAMPLE], {
      readSmallFile: () => Promise.reject(new RangeError('boom')),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('internal error: RangeError: boom\n');
  });
});
