// Rebuilds dist/: the Action bundle (dist/index.js, plus the chunks it loads on first use) and the CLI
// bundle (dist/cli/index.js), each with a licenses.txt for the packages bundled into it.
//
// licenses.txt is written here rather than by ncc's --license: that plugin keys packages by name, so
// when two versions of one package are bundled (isarray 1.0.0 and 2.0.5 both are) whichever it meets
// first wins, and with code split into chunks that order varied between clean builds. Here the list
// comes from the modules webpack reports in the bundle, one entry per name and version, sorted.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';

// The two bundles build at once, each into a scratch directory; dist/ is replaced only when both
// succeeded, so an interrupted or failed build leaves the committed dist/ as it was.
const scratch = mkdtempSync(join(tmpdir(), 'mrg-package-'));
try {
  await Promise.all([build('src/index.ts', join(scratch, 'action')), build('src/cli/index.ts', join(scratch, 'cli'))]);
  rmSync('dist', { recursive: true, force: true });
  cpSync(join(scratch, 'action'), 'dist', { recursive: true });
  cpSync(join(scratch, 'cli'), join('dist', 'cli'), { recursive: true });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

async function build(entry, out) {
  const statsFile = `${out}.stats.json`;
  try {
    await promisify(execFile)(process.execPath, [ncc, 'build', entry, '-o', out, '--stats-out', statsFile, '--quiet']);
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`ncc could not bundle ${entry}`);
  }
  const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  writeFileSync(join(out, 'licenses.txt'), licenceText(bundledPackageDirectories(stats)));
}

/** The directory of every node_modules package with a module in an emitted chunk. */
function bundledPackageDirectories(stats) {
  const directories = new Set();
  const visit = (module) => {
    const path = typeof module.nameForCondition === 'string' ? module.nameForCondition.replaceAll('\\', '/') : '';
    const at = path.lastIndexOf('/node_modules/');
    if (at >= 0) {
      const [first = '', second = ''] = path.slice(at + '/node_modules/'.length).split('/');
      directories.add(
        path.slice(0, at + '/node_modules/'.length) + (first.startsWith('@') ? `${first}/${second}` : first),
      );
    }
    // A concatenated module lists the modules it was built from.
    for (const inner of module.modules ?? []) visit(inner);
  };
  for (const module of stats.modules ?? []) if ((module.chunks ?? []).length > 0) visit(module);
  return [...directories];
}

function licenceText(directories) {
  const entries = directories.map((directory) => {
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
    return { name: manifest.name, version: manifest.version, licence: licenceId(manifest), directory };
  });
  const key = (entry) => `${entry.name}@${entry.version}`;
  entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const unique = entries.filter((entry, index) => index === 0 || key(entries[index - 1]) !== key(entry));
  return unique
    .map((entry) => `${entry.name} ${entry.version}\n${entry.licence}\n${licenceFileText(entry)}\n`)
    .join('\n');
}

function licenceId(manifest) {
  if (typeof manifest.license === 'string') return manifest.license;
  if (typeof manifest.license?.type === 'string') return manifest.license.type;
  if (Array.isArray(manifest.licenses)) return manifest.licenses.map((l) => l.type ?? l).join(' OR ');
  return 'UNKNOWN';
}

/** The package's licence files; failing those its README's licence section; failing that, a note saying so. */
function licenceFileText({ directory, licence }) {
  const files = readdirSync(directory)
    .filter((file) => /^(licen[cs]e|copying)([.-].*)?$/i.test(file))
    .sort();
  if (files.length > 0) return files.map((file) => normalise(readFileSync(join(directory, file), 'utf8'))).join('\n\n');
  const readme = readdirSync(directory)
    .filter((file) => /^readme(\..*)?$/i.test(file))
    .sort()[0];
  const section =
    readme === undefined ? undefined : readmeLicenceSection(readFileSync(join(directory, readme), 'utf8'));
  return section ?? `(The package ships no licence file; its package.json declares ${licence}.)`;
}

function readmeLicenceSection(readme) {
  const lines = normalise(readme).split('\n');
  const start = lines.findIndex((line) => /^#{1,6}\s*licen[cs]e\s*$/i.test(line.trim()));
  if (start < 0) return undefined;
  const level = /^#+/.exec(lines[start].trim())[0].length;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => {
    const heading = /^(#+)\s/.exec(line.trim());
    return heading !== null && heading[1].length <= level;
  });
  const text = normalise((end < 0 ? rest : rest.slice(0, end)).join('\n'));
  return text === '' ? undefined : text;
}

function normalise(text) {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}
