// Runs a real pair through the CLI twice: the built bundle (dist/, as users run it) and in process
// (the source, so the assertions can be seen passing before dist/ is rebuilt).
import { spawnSync } from 'node:child_process';
import { runCliInProcess } from './in-process.js';

export interface RealReport {
  verdict: string;
  design: string;
  inputs: {
    incumbent: { format: string; examples: number | null; notes?: string[] };
    candidate: { format: string; examples: number | null };
  };
  comparisons: {
    cohort: string;
    metric: string;
    status: string;
    n_paired: number | null;
    n_incumbent: number;
    n_candidate: number;
    incumbent: number | null;
    candidate: number | null;
    p_value: number | null;
  }[];
  findings: { id: string; severity: string; message: string }[];
}

export interface RealRun {
  readonly code: number | null;
  readonly report: RealReport | undefined;
  readonly stderr: string;
}

export function checkWithDist(args: readonly string[]): RealRun {
  const run = spawnSync(process.execPath, ['dist/cli/index.js', 'check', ...args, '--format', 'json'], {
    encoding: 'utf8',
  });
  return {
    code: run.status,
    report: run.status === 2 ? undefined : (JSON.parse(run.stdout) as RealReport),
    stderr: run.stderr,
  };
}

export async function checkInProcess(args: readonly string[]): Promise<RealRun> {
  const run = await runCliInProcess(['check', ...args, '--format', 'json']);
  return {
    code: run.code,
    report: run.code === 2 ? undefined : (JSON.parse(run.stdout) as RealReport),
    stderr: run.stderr,
  };
}

/** Both ways, labelled, so one test body asserts the same things of each. */
export const RUNNERS: readonly [string, (args: readonly string[]) => Promise<RealRun>][] = [
  ['in process', checkInProcess],
  ['dist/cli/index.js', (args) => Promise.resolve(checkWithDist(args))],
];

export const cohortsOf = (report: RealReport | undefined) =>
  [...new Set(report?.comparisons.map((c) => c.cohort))].sort();
export const findingIds = (report: RealReport | undefined) => [...new Set(report?.findings.map((f) => f.id))].sort();
