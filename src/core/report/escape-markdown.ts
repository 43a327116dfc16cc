/**
 * Makes a string from an input file safe inside GitHub markdown (table cells included) and HTML:
 * no markup, no links, no table breaks, no @-mention pings, no #123 cross-references.
 *
 * GitHub's markdown also turns bare text into links (GFM autolinks): `www.` names, any `scheme://`,
 * and anything shaped like an e-mail address (also after `mailto:` or `xmpp:`). A zero-width space
 * (as an entity, so it survives any re-encoding) after `www`, after the scheme's colon and after `@`
 * makes each of them plain text while it still reads the same.
 */
export function escapeMarkdown(text: string, maxLength = 120): string {
  // Control characters and bidirectional overrides could hide or reorder what a reviewer reads.
  const flat = text
    .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
  const capped = [...flat].length > maxLength ? `${[...flat].slice(0, maxLength - 1).join('')}…` : flat;
  return capped
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\\`*_~|[\]()!#]/g, (char) => `\\${char}`)
    .replace(/@/g, '@&#8203;')
    .replace(/(\\#)(\d)/g, '$1&#8203;$2')
    .replace(/:\/\//g, ':&#8203;//')
    .replace(/(www)\./gi, '$1&#8203;.');
}

/** A name shown as code-like text in a table cell. */
export function escapeName(text: string, maxLength = 80): string {
  return escapeMarkdown(text, maxLength);
}

/**
 * A link to a URL the platform gave (run, artifact), or null when it is not a plain https URL: a
 * URL with spaces, parentheses or angle brackets could end the link early and inject markup.
 */
export function markdownLink(label: string, url: string | null): string | null {
  if (url === null || !/^https:\/\/[^\s()<>[\]"'`\\]+$/.test(url)) return null;
  return `[${escapeMarkdown(label)}](${url})`;
}
