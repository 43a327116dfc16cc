/** Small helpers for readers that scan JSON text for line numbers without parsing it twice. */

/** Whether the quote at `quote` is escaped (preceded by an odd number of backslashes). */
export function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let j = quote - 1; text.charCodeAt(j) === 92; j--) backslashes++;
  return backslashes % 2 === 1;
}

/** Drops a leading byte-order mark, which JSON.parse rejects. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
