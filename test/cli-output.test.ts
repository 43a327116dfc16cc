// What the CLI prints on stdout: a coloured verdict only for a person at a terminal, and
// --format comment as exactly the body the Action posts.
import { describe, expect, it } from 'vitest';
import { openFileSource, readSmallFile } from '../src/adapters/file-source.js';
import { runGate } from '../src/core/gate/run-gate.js';
import { localRunContext } from '../src/core/report/run-context.js';
import { renderPullRequestComment } from '../src/core/report/render-comment.js';
import { renderText } from '../src/core/report/render-text.js';
import { colourVerdict, useColour } from '../src/cli/verdict-colour.js';
import { TEST_NOW, TEST_TOOL, runCliWith } from './helpers/cli-run.js';

const WARN = [
  'check',
  '--incumbent',
  'examples/incumbent.jsonl',
  '--candidate',
  'examples/candidate.jsonl',
  '--policy',
  'examples/policy.yml',
];
const BLOCK = [
  'check',
  '--incumbent',
  'examples/incumbent.jsonl',
  '--candidate',
  'examples/blocked/candidate.jsonl',
  '--policy',
  'examples/policy.yml',
];
const TERMINAL = { stdout: true, stderr: true };
const ESC = '\u001b';
const sgr = (code: string, word: string): string => `${ESC}[${code}m${word}${ESC}[0m`;
const stripSgr = (text: string): string =>
  text
    .split(ESC)
    .map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, '')))
    .join('');

async function report(candidate: string) {
  return runGate({
    incumbent: await openFileSource('examples/incumbent.jsonl'),
    candidate: await openFileSource(candidate),
    policy: await readSmallFile('examples/policy.yml'),
    readiness: {
      today: TEST_NOW.toISOString().slice(0, 10),
      evidenceExists: () => true,
      requireVerifiedWaiversByDefault: false,
    },
    tool: TEST_TOOL,
  });
}

describe('a coloured verdict on a terminal', () => {
  it('colours only the verdict word of the first line, and the rest is the plain text report', async () => {
    const warn = await runCliWith(WARN, { isTTY: TERMINAL, env: {} });
    const plain = renderText(await report('examples/candidate.jsonl'));
    const [first, ...rest] = warn.stdout.split('\n');
    expect(first).toContain(sgr('1;33', 'WARN'));
    expect(stripSgr(first ?? '')).toBe(plain.split('\n')[0]);
    expect(rest.join('\n')).toBe(plain.split('\n').slice(1).join('\n'));
    expect(rest.join('\n')).not.toContain(ESC);
    const block = await runCliWith(BLOCK, { isTTY: TERMINAL, env: { TERM: 'xterm-256color' } });
    expect(block.code).toBe(1);
    expect(block.stdout.split('\n')[0]).toContain(sgr('1;31', 'BLOCK'));
  });

  it.each([
    ['stdout is not a terminal', { isTTY: { stdout: false, stderr: true }, env: {} }, []],
    ['no terminal information', {}, []],
    ['NO_COLOR=1', { isTTY: TERMINAL, env: { NO_COLOR: '1' } }, []],
    ['FORCE_COLOR=0', { isTTY: TERMINAL, env: { FORCE_COLOR: '0' } }, []],
    ['TERM=dumb', { isTTY: TERMINAL, env: { TERM: 'dumb' } }, []],
    ['--format json', { isTTY: TERMINAL, env: {} }, ['--format', 'json']],
    ['--format markdown', { isTTY: TERMINAL, env: {} }, ['--format', 'markdown']],
    ['--format comment', { isTTY: TERMINAL, env: {} }, ['--format', 'comment']],
  ])('no colour when %s', async (_, deps, extra) => {
    const run = await runCliWith([...WARN, ...extra], deps);
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(100);
    expect(run.stdout).not.toContain(ESC);
  });

  it('paints the verdict word wherever the first line has it, else the whole first line; FORCE_COLOR never forces a pipe', () => {
    expect(colourVerdict('verdict: BLOCK\nblock later', 'block')).toBe(`verdict: ${sgr('1;31', 'BLOCK')}\nblock later`);
    expect(colourVerdict('Passed: all good', 'pass')).toBe(`${sgr('1;32', 'Passed')}: all good`);
    expect(colourVerdict('no word here\n', 'warn')).toBe(`${sgr('1;33', 'no word here')}\n`);
    expect(useColour(false, 'text', { FORCE_COLOR: '1' })).toBe(false);
    expect(useColour(true, 'text', { FORCE_COLOR: '1' })).toBe(true);
  });

  it('an empty NO_COLOR does not turn colour off (no-color.org: present and not empty)', async () => {
    const run = await runCliWith(WARN, { isTTY: TERMINAL, env: { NO_COLOR: '' } });
    expect(run.stdout).toContain(`${ESC}[1;33m`);
  });
});

describe('--format comment', () => {
  it.each([
    ['warn', WARN, 'examples/candidate.jsonl', 0],
    ['block', BLOCK, 'examples/blocked/candidate.jsonl', 1],
  ])(
    'prints exactly the pull-request comment body the Action would post (%s), with no links',
    async (_, argv, candidate, code) => {
      const run = await runCliWith([...argv, '--format', 'comment']);
      expect(run.code).toBe(code);
      expect(run.stderr).toBe('');
      const body = renderPullRequestComment(
        await report(candidate),
        localRunContext(TEST_NOW, TEST_TOOL, 'examples/policy.yml'),
        { gateId: 'default' },
      );
      expect(body.endsWith('\n')).toBe(true);
      expect(run.stdout).toBe(body);
      expect(run.stdout.startsWith('<!-- model-release-gate:default -->\n')).toBe(true);
    },
  );
});
