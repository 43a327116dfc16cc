// Imports a TypeScript module of this repository from a plain Node script, without a build step or
// a new dependency: the module and every relative import it reaches are transpiled with the
// project's own TypeScript compiler into a private directory under node_modules/.cache (so bare
// imports such as 'zod' still resolve to node_modules), then imported from there.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const RELATIVE_IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The .ts file a relative `./x.js` import of `fromFile` names. */
function sourceOf(fromFile, specifier) {
  return resolve(dirname(fromFile), specifier.replace(/\.js$/, '.ts'));
}

/**
 * Transpiles `entries` (paths relative to `root`) and their relative-import closure, imports each
 * entry and returns the modules in the same order. The transpiled copies are deleted afterwards.
 */
export async function importTypeScript(root, entries) {
  const cacheRoot = join(root, 'node_modules', '.cache');
  mkdirSync(cacheRoot, { recursive: true });
  const outDir = mkdtempSync(join(cacheRoot, 'docs-ts-'));
  try {
    const pending = entries.map((entry) => resolve(root, entry));
    const done = new Set();
    while (pending.length > 0) {
      const file = pending.pop();
      if (done.has(file)) continue;
      done.add(file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(RELATIVE_IMPORT)) pending.push(sourceOf(file, match[1]));
      const output = ts.transpileModule(text, {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
      }).outputText;
      const target = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output);
    }
    const modules = [];
    for (const entry of entries) modules.push(await import(pathToFileURL(join(outDir, entry.replace(/\.ts$/, '.js'))).href));
    return modules;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
