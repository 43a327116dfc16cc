// The Action's inputs and outputs, from action.yml: the only source of their names, defaults and
// descriptions. Paths such as docs/policy.md in a description become links.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cellText, code, table } from './markdown.js';

const DOC_PATH = /\b(docs\/[A-Za-z0-9_/-]+\.md)\b/g;

/** A description as a table cell, with repository doc paths turned into links relative to `fromDir`. */
function describe(text, fromDir) {
  const parts = String(text ?? '').replace(/\s+/g, ' ').trim().split(DOC_PATH);
  return parts.map((part, i) => (i % 2 === 1 ? `[${part}](${fromDir === '' ? part : `${fromDir}/${part}`})` : cellText(part))).join('');
}

function defaultCell(input) {
  if (input.required === true) return '*required*';
  if (input.default === undefined || input.default === '') return 'empty';
  return code(input.default);
}

/** The markdown table of action.yml's inputs and outputs, for a page in `fromDir` ('' for the root). */
export function actionTable(root, fromDir = '') {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
  const rows = [];
  for (const [name, input] of Object.entries(action.inputs ?? {})) rows.push(['input', code(name), defaultCell(input), describe(input.description, fromDir)]);
  for (const [name, output] of Object.entries(action.outputs ?? {})) rows.push(['output', code(name), '', describe(output.description, fromDir)]);
  return `${table(['', 'name', 'default', 'meaning'], rows)}\n`;
}
