import type { Verdict } from '../core/report/report.js';

/**
 * Colour for the verdict, only where a person reads it: text output to a terminal. Never in a pipe,
 * a file or a CI log (stdout not a terminal), never in json, markdown or comment output (machines
 * and GitHub read those), and never when the user opted out: NO_COLOR set to anything non-empty
 * (https://no-color.org), FORCE_COLOR=0 (the convention Node and many tools follow) or TERM=dumb.
 */
export function useColour(
  stdoutIsTerminal: boolean,
  format: string,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (!stdoutIsTerminal || format !== 'text') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  return env.TERM !== 'dumb';
}

const SGR: Record<Verdict, string> = { pass: '1;32', warn: '1;33', block: '1;31' };
const VERDICT_WORD: Record<Verdict, RegExp> = { pass: /\bpass\w*/i, warn: /\bwarn\w*/i, block: /\bblock\w*/i };

/**
 * Colours the verdict word in the first line of already-escaped text (the escaping would otherwise
 * turn the colour codes into visible `\u001b`); the whole first line when the word is not in it.
 */
export function colourVerdict(escapedText: string, verdict: Verdict): string {
  const end = escapedText.indexOf('\n');
  const first = end === -1 ? escapedText : escapedText.slice(0, end);
  const rest = end === -1 ? '' : escapedText.slice(end);
  const paint = (text: string): string => `\u001b[${SGR[verdict]}m${text}\u001b[0m`;
  const match = VERDICT_WORD[verdict].exec(first);
  const painted =
    match === null
      ? paint(first)
      : `${first.slice(0, match.index)}${paint(match[0])}${first.slice(match.index + match[0].length)}`;
  return `${painted}${rest}`;
}
