// The index of finding ids, read from the code that raises them under src/core. There is no
// exported list of ids, so the code is searched for the forms that give a finding its id:
//   id: 'cohort.regressed'                    an object literal
//   id: MANIFEST_WEAKENED                     a constant, resolved to its string
//   manifestFinding(context, 'owner.missing'  a call of a function whose parameter is named `id`
//   `${prefix}.evidence-not-found`            a template, with the prefixes its callers pass
// and, as a safety net for ids built in other ways (a loop over a table of ids), any other string
// literal shaped like an id whose family (`monitoring.`) one of the forms above has already found.
// Every id found is listed with the files that raise it and the docs pages that explain it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { code, table, withoutBlocks } from './markdown.js';

export const FINDING_ID = /^[a-z]+(?:-[a-z]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The arguments of the call or parameter list whose "(" is at `open`, split at top-level commas. */
function argumentsAt(text, open) {
  const args = [];
  let depth = 0;
  let quote = null;
  let start = open + 1;
  for (let i = open; i < text.length; i += 1) {
    const c = text[i];
    if (quote !== null) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{<'.includes(c) && !(c === '<' && text[i + 1] === '=')) depth += 1;
    else if (')]}>'.includes(c) && !(c === '>' && text[i - 1] === '=')) {
      depth -= 1;
      if (depth === 0) {
        args.push(text.slice(start, i));
        return args.map((arg) => arg.trim()).filter((arg) => arg !== '');
      }
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return args;
}

const parameterName = (parameter) => /^(?:readonly\s+)?(\w+)/.exec(parameter)?.[1];
const stringLiteral = (text) => /^'([^'\\]*)'$/.exec(text)?.[1];

/** Functions declared as `function f(` or `const f = (`, with their parameter names and where they start. */
function functionsIn(text) {
  const functions = [];
  for (const match of text.matchAll(/\bfunction\s+(\w+)\s*(?:<[^>(]*>)?\(|\bconst\s+(\w+)\s*=\s*\(/g)) {
    const open = match.index + match[0].length - 1;
    functions.push({ name: match[1] ?? match[2], at: match.index, parameters: argumentsAt(text, open).map(parameterName) });
  }
  return functions;
}

/** String literals passed as argument `index` in calls of `name` anywhere in `files`. */
function literalArguments(files, name, index) {
  const values = [];
  for (const { text } of files) {
    for (const match of text.matchAll(new RegExp(`(?<![\\w.])${name}\\(`, 'g'))) {
      const before = text.slice(Math.max(0, match.index - 12), match.index);
      if (/function\s+$/.test(before)) continue;
      const value = stringLiteral(argumentsAt(text, match.index + match[0].length - 1)[index] ?? '');
      if (value !== undefined) values.push(value);
    }
  }
  return values;
}

/** Map of finding id → the repository-relative files that raise it. */
export function findingIds(root) {
  const files = tsFiles(join(root, 'src', 'core')).map((path) => ({ path: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));
  const constants = new Map();
  for (const { text } of files) for (const match of text.matchAll(/\bconst\s+([A-Z][A-Z0-9_]*)\s*=\s*'([^']+)'/g)) constants.set(match[1], match[2]);
  const ids = new Map();
  const add = (id, path) => {
    if (!FINDING_ID.test(id)) return;
    if (!ids.has(id)) ids.set(id, new Set());
    ids.get(id).add(path);
  };
  for (const file of files) {
    for (const match of file.text.matchAll(/\bid:\s*'([^']+)'/g)) add(match[1], file.path);
    for (const match of file.text.matchAll(/\bid:\s*([A-Z][A-Z0-9_]*)\b/g)) if (constants.has(match[1])) add(constants.get(match[1]), file.path);
    const functions = functionsIn(file.text);
    for (const [position, fn] of functions.entries()) {
      const index = fn.parameters.indexOf('id');
      // Only a function that builds a finding from its id (`{ id, severity, … }`) raises the ids it
      // is given; one that looks findings up by id does not.
      const body = file.text.slice(fn.at, functions[position + 1]?.at ?? file.text.length);
      if (index < 0 || !/\{\s*id\s*[,}]/.test(body)) continue;
      // A function takes an id parameter: the ids are the literals its callers pass (in this file for a local arrow function).
      const scope = /^[a-z]/.test(fn.name) && file.text.includes(`export function ${fn.name}`) ? files : [file];
      for (const caller of scope) for (const id of literalArguments([caller], fn.name, index)) add(id, caller.path);
    }
    for (const match of file.text.matchAll(/`\$\{(\w+)\}\.([a-z0-9-]+)`/g)) {
      const owner = functions.filter((fn) => fn.at < match.index).at(-1);
      const index = owner?.parameters.indexOf(match[1]) ?? -1;
      if (index < 0) continue;
      for (const caller of files) for (const prefix of literalArguments([caller], owner.name, index)) add(`${prefix}.${match[2]}`, caller.path);
    }
  }
  // Only ids no form above found: a renderer that tests `id === 'cohort.missing'` does not raise it.
  const known = new Set(ids.keys());
  const families = new Set([...known].map((id) => id.split('.')[0]));
  for (const file of files) {
    for (const match of file.text.matchAll(/'([a-z][a-z0-9.-]*)'/g)) {
      if (!known.has(match[1]) && families.has(match[1].split('.')[0])) add(match[1], file.path);
    }
  }
  return new Map([...ids.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
}

/** The table for docs/findings.md: each id, where it is raised, and the docs pages that mention it. */
export function findingTable(root) {
  const pageDir = join(root, 'docs');
  const pages = markdownFiles(pageDir)
    .filter((path) => !path.endsWith(`${join('docs', 'findings.md')}`))
    .map((path) => ({ link: relative(pageDir, path).split('\\').join('/'), text: withoutBlocks(readFileSync(path, 'utf8')) }))
    .sort((a, b) => a.link.localeCompare(b.link));
  const rows = [];
  const undocumented = [];
  for (const [id, sources] of findingIds(root)) {
    // `kill-switch.evidence-not-found` is also written as `*.evidence-not-found`; only the full id counts here.
    const explained = pages.filter((page) => page.text.includes(`\`${id}\``));
    if (explained.length === 0) undocumented.push(id);
    const raised = [...sources].sort().map((path) => `[${path.replace(/^src\/core\//, '')}](../${path})`);
    rows.push([code(id), raised.join(', '), explained.map((page) => `[${page.link.replace(/\.md$/, '')}](${page.link})`).join(', ') || '—']);
  }
  return { markdown: `${table(['finding id', 'raised in (src/core/…)', 'explained in'], rows)}\n`, undocumented };
}
