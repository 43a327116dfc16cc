// Runs a real pair through the CLI in this process (runCli on the source, the real file adapters). The
// bundle itself is smoke-tested once, in bundle-smoke.test.ts, not once per fixture.
import { runCliInProcess } from './in-process.js';

export interface RealReport {
  verdict: string;
  design: string;
  inputs: {
    incumbent: { path: string; format: string; examples: number | null; notes?: string[] };
    candidate: { path: string; format: string; examples: number | null };
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

async function checkInProcess(args: readonly string[]): Promise<RealRun> {
  const run = await runCliInProcess(['check', ...args, '--format', 'json']);
  return {
    code: run.code,
    report: run.code === 2 ? undefined : (JSON.parse(run.stdout) as RealReport),
    stderr: run.stderr,
  };
}

/** The runners, labelled (one: in process), so each test body names where it ran. */
export const RUNNERS: readonly [string, (args: readonly string[]) => Promise<RealRun>][] = [
  ['in process', checkInProcess],
];

export const cohortsOf = (report: RealReport | undefined) =>
  [...new Set(report?.comparisons.map((c) => c.cohort))].sort();
export const findingIds = (report: RealReport | undefined) => [...new Set(report?.findings.map((f) => f.id))].sort();
