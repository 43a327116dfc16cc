/**
 * Makes a string from an input file safe inside GitHub markdown (table cells included) and HTML:
 * no markup, no links, no table breaks, no @-mention pings, no #123 cross-references.
 */
export function escapeMarkdown(text: string, maxLength = 120): string {
  const flat = text.replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ');
  const capped = [...flat].length > maxLength ? `${[...flat].slice(0, maxLength - 1).join('')}…` : flat;
  return capped
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\\`*_~|[\]()!#]/g, (char) => `\\${char}`)
    .replace(/@/g, '@&#8203;')
    .replace(/(\\#)(\d)/g, '$1&#8203;$2')
    .replace(/:\/\//g, ':&#8203;//');
}

/** A name shown as code-like text in a table cell. */
export function escapeName(text: string, maxLength = 80): string {
  return escapeMarkdown(text, maxLength);
}
