// Input quoted in the CLI's output or the Action's log can never become a runner workflow command,
// a terminal escape sequence or a line of its own.
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.js';
import { escapeOutput, escapeOutputLines, internalErrorMessage } from '../src/core/escape-output.js';
import { runActionInProcess, runCliInProcess, runnerCommandLines } from './helpers/in-process.js';

// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

const record = (id: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ id, cohorts: ['a'], label: 'x', prediction: 'x', metrics: { m: 1 }, ...extra });

describe('escapeOutput', () => {
  it('writes every kind of line break and control character as a visible escape', () => {
    expect(escapeOutput('a\nb\rc\r\nd')).toBe('a\\u000ab\\u000dc\\u000d\\u000ad');
    expect(escapeOutput('x\u2028y\u2029z\u0085w')).toBe('x\\u2028y\\u2029z\\u0085w');
    expect(escapeOutput('\u001b[31mred\u001b[0m \u009b2J \u0007 \u0000')).toBe(
      '\\u001b[31mred\\u001b[0m \\u009b2J \\u0007 \\u0000',
    );
    expect(escapeOutput('abc\u202edcba')).toBe('abc\\u202edcba');
  });

  it('breaks the workflow-command prefix at the start of a line and the legacy one anywhere', () => {
    expect(escapeOutput('::add-mask::secret')).toBe('\\u003a:add-mask::secret');
    expect(escapeOutput('  \u00a0::error title=x::y')).toBe('  \u00a0\\u003a:error title=x::y');
    expect(escapeOutput('\t::error::y')).toBe('\\u0009::error::y');
    expect(escapeOutput('cohort ##[add-mask]secret and ##[stop-commands]tok')).toBe(
      'cohort ##\\u005badd-mask]secret and ##\\u005bstop-commands]tok',
    );
    for (const hostile of [
      '::error::x',
      ' ::warning::x',
      'a\n::set-output name=x::y',
      'a ##[error]b',
      'x\r##[group]y',
    ]) {
      expect(runnerCommandLines(escapeOutput(hostile)), hostile).toEqual([]);
    }
  });

  it('leaves ordinary text alone and changes nothing the second time', () => {
    for (const text of ['region:eu', 'a::b', 'näïve 日本語 🚀', 'Δ −0.3 → ≥ 5', '## heading', '#[x]', 'C:\\path'])
      expect(escapeOutput(text)).toBe(text);
    const hostile = ' ::error::a\nb\u2028c ##[x] \u001b[2J';
    expect(escapeOutput(escapeOutput(hostile))).toBe(escapeOutput(hostile));
  });

  it('keeps the meaning of JSON text (every escape it writes is a JSON escape)', () => {
    const value = { name: 'a\u2028b\u0085c ##[add-mask]x \u007f', list: ['::error::y', '\\u000a literal'] };
    const text = escapeOutputLines(JSON.stringify(value, null, 2));
    expect(text).not.toMatch(CONTROL);
    expect(text).not.toContain('##[');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('keeps the lines of a rendered text and escapes each', () => {
    expect(escapeOutputLines('verdict: PASS\n  cohort ##[x]\n')).toBe('verdict: PASS\n  cohort ##\\u005bx]\n');
  });

  it('reports an unexpected failure as one line without its stack', () => {
    const error = new TypeError('bad key "k\n::error::x"');
    expect(internalErrorMessage(error)).toBe('internal error: TypeError: bad key "k\\u000a::error::x"');
    expect(internalErrorMessage('plain')).toBe('internal error: plain');
  });
});

describe('InputError', () => {
  it('escapes file, field and problem, so its message is safe wherever it is printed', () => {
    const error = new InputError('in\n::error::.jsonl', 'unknown column "x\r\n##[add-mask]y"', {
      line: 1,
      field: 'x\n::warning::',
    });
    expect(error.message).toBe(
      'in\\u000a::error::.jsonl, line 1, x\\u000a::warning::: unknown column "x\\u000d\\u000a##\\u005badd-mask]y"',
    );
    expect(error.message).not.toMatch(CONTROL);
    expect(runnerCommandLines(error.message)).toEqual([]);
  });

  it('keeps the detail lines the code wrote on lines of their own, each escaped', () => {
    const error = new InputError('f.json', 'matches no format; expected one of:', {
      details: ['- jsonl: lines', '- x\n::error::y'],
    });
    expect(error.message).toBe('f.json: matches no format; expected one of:\n  - jsonl: lines\n  - x\\u000a::error::y');
    expect(runnerCommandLines(error.message)).toEqual([]);
  });
});

describe('the CLI prints input as inert text', () => {
  const hostileKey = 'k\n::error title=pwned::owned';
  const files = {
    'key.jsonl': `${record('1')}\n${record('2', { metrics: { m: 1, [hostileKey]: 2 } })}\n`,
    'header.csv': 'id,cohorts,label,prediction,"x\n::add-mask::secret"\n1,a,x,x,1\n',
    'legacy.csv': 'id,cohorts,label,prediction,"y ##[stop-commands]tok"\n1,a,x,x,1\n',
  };

  it('a JSONL key with a line break and a workflow command: one escaped error line on stderr', async () => {
    const run = await runCliInProcess(['check', '--incumbent', 'key.jsonl', '--candidate', 'key.jsonl'], files);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'error: key.jsonl, line 2, metrics.k\\u000a::error title=pwned::owned: unexpected metrics.k\\u000a::error title=pwned::owned: the first line did not have it, and every line must have the same metrics\n',
    );
    expect(runnerCommandLines(run.stderr)).toEqual([]);
  });

  it('CSV headers with ::add-mask:: after a line break, or ##[ mid-line, are escaped', async () => {
    for (const file of ['header.csv', 'legacy.csv']) {
      const run = await runCliInProcess(['check', '--incumbent', file, '--candidate', file], files);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')).toHaveLength(2);
      expect(run.stderr).toMatch(/^error: [^\n]*(\\u000a::add-mask::secret|##\\u005bstop-commands\]tok)[^\n]*\n$/);
      expect(runnerCommandLines(run.stderr)).toEqual([]);
    }
  });

  it('hostile arguments are escaped in usage errors', async () => {
    const run = await runCliInProcess([
      'check',
      '--incumbent',
      'a',
      '--candidate',
      'b',
      '--format',
      'x\n::add-mask::y',
      '--today',
      '##[error]z',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --format must be text, markdown or json, got "x\\n::add-mask::y"');
    expect(run.stderr).toContain('error: --today must be a date written as YYYY-MM-DD, got "##\\u005berror]z"');
    expect(runnerCommandLines(run.stderr)).toEqual([]);
  });

  it('an unexpected failure is one line with exit code 2; the stack only when debugging, escaped', async () => {
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new TypeError('boom "k\n::error::x"');
        },
      },
    ) as Record<string, string>;
    const run = await runCliInProcess(['check', '--incumbent', 'x.jsonl', '--candidate', 'x.jsonl'], throwing);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('internal error: TypeError: boom "k\\u000a::error::x"\n');
    const debug = await runCliInProcess(['check', '--incumbent', 'x.jsonl', '--candidate', 'x.jsonl'], throwing, true);
    expect(debug.stderr).toMatch(/^internal error: TypeError: boom "k\\u000a::error::x"\n {4}at Object.get /);
    expect(
      debug.stderr
        .split('\n')
        .slice(1, -1)
        .every((line) => line.startsWith('    at ')),
    ).toBe(true);
    expect(runnerCommandLines(debug.stderr)).toEqual([]);
  });
});

describe('the Action logs input as inert text', () => {
  it('an input error fails the step with one escaped message', async () => {
    const files = {
      'key.jsonl': `${record('1')}\n${record('2', { metrics: { m: 1, 'k\n::add-mask::secret ##[stop-commands]t': 2 } })}\n`,
    };
    const run = await runActionInProcess({ incumbent: 'key.jsonl', candidate: 'key.jsonl' }, files);
    expect(run.thrown).toBeUndefined();
    expect(run.outputs.verdict).toBe('error');
    expect(run.failed).toHaveLength(1);
    expect(run.failed[0]).toContain('metrics.k\\u000a::add-mask::secret ##\\u005bstop-commands]t');
    for (const message of [...run.failed, ...run.info, ...run.warnings]) {
      expect(message).not.toMatch(CONTROL);
      expect(runnerCommandLines(message)).toEqual([]);
    }
  });

  it('hostile cohort and metric names reach annotations and the log escaped', async () => {
    const names = ['::error::a', 'b\n::add-mask::c', 'd ##[stop-commands]e', '\u001b[2Jf', 'g\u2028::warning::h'];
    const rows = (correctWhen: (i: number) => boolean): string =>
      Array.from({ length: 600 }, (_, i) =>
        JSON.stringify({
          id: i,
          cohorts: [names[i % names.length]],
          correct: correctWhen(i),
          metrics: { [`lat\n::error::${i % 1}`]: i % 7 },
        }),
      ).join('\n');
    const files = { 'inc.jsonl': `${rows(() => true)}\n`, 'cand.jsonl': `${rows((i) => i % 3 !== 0)}\n` };
    const run = await runActionInProcess({ incumbent: 'inc.jsonl', candidate: 'cand.jsonl' }, files);
    expect(run.thrown).toBeUndefined();
    expect(run.outputs.verdict).toBe('block');
    expect(run.annotations.length).toBeGreaterThan(0);
    const texts = [
      ...run.failed,
      ...run.info,
      ...run.warnings,
      ...run.annotations.flatMap((a) => [a.title, a.message, a.file ?? '']),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(CONTROL);
      expect(runnerCommandLines(text), text).toEqual([]);
    }
    expect(run.annotations.map((a) => a.message).join('\n')).toContain('b\\u000a::add-mask::c');
  });
});
