// The smallest Action on this project's stack: @actions/core reads a required input and fails the step
// without it. Its start-up is the part of the Action's that no change to this project can remove
// (@actions/core loads its HTTP client, undici included, for OIDC tokens, whether used or not), so
// the bench prints it beside the Action's. Bundled by ncc as dist/ is, once, into .bench/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { BENCH_DIR } from './generate.js';

export function minimalAction() {
  const bundle = `${BENCH_DIR}/minimal-action/index.js`;
  if (existsSync(bundle)) return bundle;
  mkdirSync(`${BENCH_DIR}/minimal-action-src`, { recursive: true });
  const entry = `${BENCH_DIR}/minimal-action-src/index.js`;
  writeFileSync(
    entry,
    "import * as core from '@actions/core';\ntry {\n  core.getInput('incumbent', { required: true });\n} catch (error) {\n  core.setFailed(error.message);\n}\n",
  );
  writeFileSync(`${BENCH_DIR}/minimal-action-src/package.json`, '{"type":"module"}\n');
  execFileSync(process.execPath, [
    'node_modules/@vercel/ncc/dist/ncc/cli.js',
    'build',
    entry,
    '-o',
    `${BENCH_DIR}/minimal-action`,
    '--quiet',
  ]);
  return bundle;
}
