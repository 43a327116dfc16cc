import { describe, expect, it } from 'vitest';
import { escapeOutput, escapeOutputLines } from '../src/core/escape-output.js';
import { createRng } from '../src/core/stats/rng.js';

/** The definition escapeOutputLines must keep: each line escaped alone, the line feeds kept. */
const lineByLine = (text: string): string => text.split('\n').map(escapeOutput).join('\n');

describe('escapeOutputLines', () => {
  it('equals escaping line by line on random texts full of the characters that matter', () => {
    const alphabet = [
      'a',
      ' ',
      '\t',
      '\n',
      '\r',
      ':',
      '#',
      '[',
      '\u2028',
      '\u2029',
      '\u001b',
      '\u009b',
      '\u00a0',
      '\ufeff',
      '\u202e',
      'é',
    ];
    const rng = createRng('escape-lines');
    for (let k = 0; k < 3000; k++) {
      const length = Math.floor(rng.next() * 24);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(rng.next() * alphabet.length)];
      expect(escapeOutputLines(text), JSON.stringify(text)).toBe(lineByLine(text));
    }
  });

  it('breaks workflow commands at the start of any line, after any white space', () => {
    const text = '::error::x\n  ::warning::y\n\u00a0::add-mask::z\nok ::not-a-start\n##[group]w';
    expect(escapeOutputLines(text)).toBe(lineByLine(text));
    expect(escapeOutputLines(text)).toBe(
      '\\u003a:error::x\n  \\u003a:warning::y\n\u00a0\\u003a:add-mask::z\nok ::not-a-start\n##\\u005bgroup]w',
    );
  });
});
