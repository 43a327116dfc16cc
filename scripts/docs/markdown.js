// Small helpers shared by the generators: escaping text for a markdown table cell, and reading and
// replacing the generated blocks of a markdown file.

/** Text from a source file, made safe for one GitHub table cell: no HTML, no column breaks, no emphasis. */
export function cellText(text) {
  return String(text)
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** A code span for one table cell (`|` still has to be escaped inside a table). */
export function code(text) {
  const body = String(text).replace(/\|/g, '\\|');
  return body.includes('`') ? `\`\` ${body} \`\`` : `\`${body}\``;
}

export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const BLOCK = /<!-- generated:([a-z0-9-]+) -->\n([\s\S]*?)<!-- \/generated -->/g;
const OPENING = /<!-- generated:([a-z0-9-]+) -->/g;

/** The generated blocks of a markdown text, by name, with their current bodies. */
export function findBlocks(text) {
  const blocks = new Map();
  for (const match of text.matchAll(BLOCK)) {
    if (blocks.has(match[1])) throw new Error(`generated block "${match[1]}" appears twice`);
    blocks.set(match[1], match[2]);
  }
  const openings = [...text.matchAll(OPENING)].length;
  if (openings !== blocks.size) throw new Error('a "<!-- generated:… -->" marker has no matching "<!-- /generated -->"');
  return blocks;
}

/** The text with each named block's body replaced by `bodies[name]` (a body ends with a newline). */
export function replaceBlocks(text, bodies) {
  return text.replace(BLOCK, (whole, name) => (Object.hasOwn(bodies, name) ? `<!-- generated:${name} -->\n${bodies[name]}<!-- /generated -->` : whole));
}

/** The text with every generated block emptied: what a human wrote, for searches that must skip generated text. */
export function withoutBlocks(text) {
  return text.replace(BLOCK, '');
}
