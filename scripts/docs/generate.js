// Which generated block lives in which file, and how to compute every generated file. Used by
// scripts/docs.js (`npm run docs`) to write them and by test/docs-drift.test.ts to compare.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { actionTable } from './action-table.js';
import { cliUsage } from './cli-usage.js';
import { findingTable } from './finding-table.js';
import { findBlocks, replaceBlocks } from './markdown.js';
import { policyTable } from './policy-table.js';

/** Each block: the one file it belongs in, and its body. Source files say where the facts come from. */
export const BLOCKS = {
  'action-inputs': { file: 'README.md', source: 'action.yml', render: async (root) => actionTable(root, '') },
  'policy-keys': { file: 'docs/policy.md', source: 'src/core/policy/policy-schema.ts', render: policyTable },
  'finding-ids': { file: 'docs/findings.md', source: 'src/core/**', render: async (root) => findingTable(root).markdown },
  'cli-usage': { file: 'docs/cli.md', source: 'src/cli/run-cli.ts', render: cliUsage },
};

/** README.md and every markdown file under docs/, as repository-relative paths. */
export function documentationFiles(root) {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : []));
  return ['README.md', ...walk(join(root, 'docs')).map((path) => relative(root, path).split('\\').join('/')).sort()];
}

/**
 * The files that hold generated blocks, as `{ file, current, expected }`. Throws when a block is
 * missing from its file, sits in another file, or has a name no generator knows.
 */
export async function generatedFiles(root) {
  const problems = [];
  for (const file of documentationFiles(root)) {
    for (const name of findBlocks(readFileSync(join(root, file), 'utf8')).keys()) {
      if (!Object.hasOwn(BLOCKS, name)) problems.push(`${file}: no generator makes the block "${name}"`);
      else if (BLOCKS[name].file !== file) problems.push(`${file}: the block "${name}" belongs in ${BLOCKS[name].file} only`);
    }
  }
  const byFile = new Map();
  for (const [name, block] of Object.entries(BLOCKS)) {
    if (!byFile.has(block.file)) byFile.set(block.file, {});
    byFile.get(block.file)[name] = await block.render(root);
  }
  const results = [];
  for (const [file, bodies] of byFile) {
    const current = readFileSync(join(root, file), 'utf8');
    const present = findBlocks(current);
    for (const name of Object.keys(bodies)) if (!present.has(name)) problems.push(`${file}: add the markers <!-- generated:${name} --> and <!-- /generated -->`);
    results.push({ file, current, expected: replaceBlocks(current, bodies) });
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return results;
}
