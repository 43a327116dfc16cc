// Rebuilds dist/: the Action bundle (dist/index.js) and the CLI bundle (dist/cli/index.js).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';
const build = (entry, out) =>
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], {
    stdio: 'inherit',
  });
build('src/index.ts', 'dist');
build('src/cli/index.ts', 'dist/cli');
