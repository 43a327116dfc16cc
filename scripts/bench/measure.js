// Runs a program as a child of this Node and measures its wall time and its own peak RSS.
import { spawnSync } from 'node:child_process';

// Prints the child's peak RSS on exit, so each program's memory is measured separately.
const REPORT_RSS =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("MAXRSS_KB "+process.resourceUsage().maxRSS+"\\n"))';

/** One run of `node ...args`; `env` replaces the environment when given. */
export function measure(args, env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', REPORT_RSS, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...(env === undefined ? {} : { env }),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Worker threads run the hook too, when they end: the peak is the largest figure (the main thread's, last).
  const reported = [...result.stderr.matchAll(/MAXRSS_KB (\d+)/g)].map((match) => Number(match[1]));
  if (reported.length === 0)
    throw new Error(`no RSS reported (exit ${result.status}): ${result.stderr.slice(0, 2000)}`);
  const peakMiB = Math.max(...reported) / 1024;
  return { seconds, peakMiB, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Wall time of `node ...args` without the RSS hook (for start-up, where the hook's own cost would count). */
export function timeOnly(args, env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', ...(env === undefined ? {} : { env }) });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, status: result.status, stderr: result.stderr };
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The bundles measured; BENCH_CLI / BENCH_ACTION point elsewhere (a trial build) without touching dist/. */
export const CLI = process.env.BENCH_CLI ?? 'dist/cli/index.js';
export const ACTION = process.env.BENCH_ACTION ?? 'dist/index.js';

/** The gate CLI (dist/cli/index.js) on a pair of files; exit 0 or 1 is a verdict, anything else a failure. */
export function gate(paths, policy, extra = []) {
  const args = [CLI, 'check', ...paths, ...(policy === undefined ? [] : ['--policy', policy])];
  const run = measure([...args, '--format', 'json', ...extra]);
  if (run.status !== 0 && run.status !== 1) throw new Error(`the gate failed (exit ${run.status}): ${run.stderr}`);
  return run;
}

/** Reads and JSON.parses files line by line in one thread: what any JSONL consumer must at least do. */
export const FLOOR = `
import { createReadStream } from 'node:fs';
let records = 0;
for (const path of process.argv.slice(1)) {
  let pending = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    pending += chunk;
    let start = 0;
    let newline;
    while ((newline = pending.indexOf('\\n', start)) !== -1) {
      const line = pending.slice(start, newline);
      if (line.length > 0) { JSON.parse(line); records++; }
      start = newline + 1;
    }
    pending = pending.slice(start);
  }
  if (pending.length > 0) { JSON.parse(pending); records++; }
}
process.stdout.write(String(records) + '\\n');
`;

export function floor(paths) {
  return measure(['--input-type=module', '-e', FLOOR, ...paths]);
}
