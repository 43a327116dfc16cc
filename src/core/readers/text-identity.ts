import { createHash } from 'node:crypto';

/**
 * An example's identity taken from its text (a question, a test input) when the file has no id:
 * the same text in both files is the same example, wherever it stands, and a reordered or filtered
 * file still pairs truthfully. Surrounding whitespace and line endings are not part of it (a CSV
 * round trip through a spreadsheet changes them); anything else is. The same text twice in one file
 * gives the same id: those rows are repeats of one example.
 */
export function textIdentity(prefix: string, text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  return `${prefix}:${createHash('sha256').update(normalized).digest('hex').slice(0, 16)}`;
}
