import { InputError } from '../errors.js';
import type { TextSource } from './text-source.js';

/**
 * An input as the user names it: a path, optionally followed by `#provider=<name>` or
 * `#prompt=<label>` to read one part of a file that holds several models side by side (a promptfoo
 * run comparing providers). Only those keys make a selector: any other `#` stays part of the path.
 */

export type Selector = { readonly key: SelectorKey; readonly value: string };
type SelectorKey = (typeof SELECTOR_KEYS)[number];

const SELECTOR_KEYS = ['provider', 'prompt'] as const;
const SELECTOR = new RegExp(`#(${SELECTOR_KEYS.join('|')})=`);

export interface InputLocator {
  readonly path: string;
  readonly select?: Selector | undefined;
}

/** Splits `file.json#provider=A` at the first `#<known key>=`; the value is everything after it. */
export function parseInputLocator(text: string): InputLocator {
  const match = SELECTOR.exec(text);
  if (match === null) return { path: text };
  const key = match[1] as SelectorKey;
  const path = text.slice(0, match.index);
  const value = text.slice(match.index + match[0].length);
  if (path === '') throw new InputError(text, `names no file before #${key}=: expected <file>#${key}=<name>`);
  if (value === '') throw new InputError(text, `#${key}= names no ${key}: expected ${path}#${key}=<name>`);
  return { path, select: { key, value } };
}

/** The way an input was named, for the report: the path, and the selector when there is one. */
export function locatorLabel(path: string, select: Selector | undefined): string {
  return select === undefined ? path : `${path}#${select.key}=${select.value}`;
}

/**
 * Opens an input named with an optional selector. A file whose whole name matches (its name really
 * contains `#provider=`) is preferred; otherwise the path before the selector is opened.
 */
export async function openLocated(
  text: string,
  open: (path: string) => Promise<TextSource>,
): Promise<{ source: TextSource; select?: Selector | undefined }> {
  if (!SELECTOR.test(text)) return { source: await open(text) };
  try {
    return { source: await open(text) };
  } catch {
    // No file by the whole name: the suffix is a selector.
  }
  const located = parseInputLocator(text);
  return { source: await open(located.path), select: located.select };
}
