/**
 * Makes an input string inert inside HTML text and double- or single-quoted attribute values (SVG
 * included): the five characters that can open markup or close an attribute become entities.
 * Control characters (other than tab, newline and carriage return) and bidirectional overrides
 * become U+FFFD, as in escapeMarkdown: they could hide or reorder what a reviewer reads, and XML
 * (the inline SVG) forbids most control characters outright.
 */
export function escapeHtml(text: string): string {
  return withoutHiddenCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A label cut to a number of characters (code points, so no half emoji), with an ellipsis, before escaping. */
export function escapeHtmlCapped(text: string, maxLength: number): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return escapeHtml(chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join('')}…` : chars.join(''));
}

/** Bidirectional marks, embeddings, overrides and isolates. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function withoutHiddenCharacters(text: string): string {
  // The common case, plain text, costs one test; the per-character loop runs only when needed.
  if (!/\p{Cc}/u.test(text) && !BIDI.test(text)) return text;
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const control = (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || (code >= 0x7f && code <= 0x9f);
    out += control || BIDI.test(char) ? '\ufffd' : char;
  }
  return out;
}
