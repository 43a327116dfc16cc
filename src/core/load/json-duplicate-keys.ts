/**
 * Whether a JSON text repeats a key within one object, which JSON.parse accepts silently (the last
 * value wins) and a gate must not: a cohort written twice would lose one of its values without a word.
 * Found without a second parser by counting: every key in the text (a string followed by `:`) against
 * the keys of the parsed value. They differ exactly when some object repeated a key.
 */
export function hasDuplicateKeys(text: string, parsed: unknown): boolean {
  return keysInText(text) !== keysInValue(parsed);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/** Strings followed by a colon (after optional white space), outside strings: the keys of valid JSON. */
function keysInText(text: string): number {
  let keys = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (text.charCodeAt(i) !== QUOTE) {
      i++;
      continue;
    }
    // Skip the string, escapes included.
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) i += 2;
      else if (c === QUOTE) break;
      else i++;
    }
    i++;
    while (i < n && isJsonSpace(text.charCodeAt(i))) i++;
    if (i < n && text.charCodeAt(i) === COLON) keys++;
  }
  return keys;
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function keysInValue(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let keys = 0;
  if (Array.isArray(value)) {
    for (const item of value) keys += keysInValue(item);
    return keys;
  }
  for (const key of Object.keys(value)) keys += 1 + keysInValue((value as Record<string, unknown>)[key]);
  return keys;
}
