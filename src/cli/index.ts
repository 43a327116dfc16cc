#!/usr/bin/env node
// The CLI's entry: adds what is the CLI's own (arguments, stdout, stderr, terminals, environment) to
// the shared Node host and runs. Started again as a worker, it does that worker's task instead.
import { createNodeHost } from '../adapters/node-host.js';
import { runCli } from './run-cli.js';

const debug = process.env.MRG_DEBUG === '1';
const host = createNodeHost({
  entryUrl: import.meta.url,
  evidenceRoot: process.cwd(),
  writing: 'write the validation package (--out <dir>)',
  debug,
});

await host.run(
  async () => {
    process.exitCode = await runCli(process.argv.slice(2), {
      ...host.dependencies,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      debug,
      isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
      env: process.env,
      clock: () => performance.now(),
    });
  },
  // An unexpected failure is never a pass: one escaped line (the stack only with MRG_DEBUG=1), exit 2.
  (message, frames) => {
    process.stderr.write([message, ...frames, ''].join('\n'));
    process.exitCode = 2;
  },
);
