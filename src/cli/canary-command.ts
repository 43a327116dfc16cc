import { type CanaryReport, canaryReportJson } from '../core/canary/canary-report.js';
import { runCanaryGate } from '../core/gate/run-canary.js';
import type { CanaryOptions } from './canary-arguments.js';
import type { CliDependencies } from './cli-dependencies.js';

const EXIT_PROMOTE = 0;
const EXIT_ROLLBACK = 1;
/** Not yet decided: keep the stage running and look again (Argo Rollouts' "inconclusive"). */
const EXIT_HOLD = 3;

/** The comment marker's gate id when none is given, as for `check`. */
const DEFAULT_GATE_ID = 'default';

/** Runs `canary`: reads the three files, decides, writes the reports to --out, and returns what to print and the exit code. */
export async function runCanaryCommand(
  options: CanaryOptions,
  deps: CliDependencies,
): Promise<{ report: CanaryReport; output: string; code: number }> {
  const report = runCanaryGate({
    observations: await deps.readSmallFile(options.observations),
    manifest: await deps.readSmallFile(options.manifest),
    policy: options.policy === undefined ? undefined : await deps.readSmallFile(options.policy),
    tool: deps.tool,
    now: options.now,
  });
  if (options.out !== undefined) {
    const { canaryReportFiles } = await import('../core/canary/canary-report-files.js');
    for (const [name, text] of canaryReportFiles(report)) await deps.writeFile(deps.joinPath(options.out, name), text);
  }
  const code =
    report.decision === 'promote' ? EXIT_PROMOTE : report.decision === 'rollback' ? EXIT_ROLLBACK : EXIT_HOLD;
  return { report, output: await render(report, options.format), code };
}

async function render(report: CanaryReport, format: CanaryOptions['format']): Promise<string> {
  switch (format) {
    case 'json':
      return canaryReportJson(report);
    case 'markdown':
      return (await import('../core/canary/render-canary-markdown.js')).renderCanaryMarkdown(report);
    case 'comment': {
      const { renderCanaryComment } = await import('../core/canary/render-canary-markdown.js');
      const body = renderCanaryComment(report, { gateId: DEFAULT_GATE_ID });
      return body.endsWith('\n') ? body : `${body}\n`;
    }
    case 'text':
      return (await import('../core/canary/render-canary-text.js')).renderCanaryText(report);
  }
}
