// `npm run docs`: regenerates the reference tables of the documentation from the code (action.yml,
// the policy schema, the finding ids under src/core, the CLI's --help). Each table sits between
// `<!-- generated:NAME -->` and `<!-- /generated -->`; everything outside the markers is left alone.
// `node scripts/docs.js --check` writes nothing and exits 1 when a table is out of date.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from './docs/generate.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const check = process.argv.includes('--check');

try {
  const files = await generatedFiles(root);
  const stale = files.filter(({ current, expected }) => current !== expected);
  if (check) {
    for (const { file } of stale) console.error(`${file}: generated tables are out of date; run npm run docs`);
    process.exitCode = stale.length > 0 ? 1 : 0;
  } else {
    for (const { file, expected } of stale) writeFileSync(join(root, file), expected);
    console.log(
      stale.length === 0
        ? 'docs: every generated table is up to date'
        : `docs: rewrote ${stale.map(({ file }) => file).join(', ')}`,
    );
  }
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
