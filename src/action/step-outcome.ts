import type { GateReport } from '../core/report/report.js';

/** The `fail-on` input: the least severe verdict that fails the step. */
export const FAIL_ON = ['block', 'warn', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/**
 * Ends a judged run: fails the step when the verdict reaches `fail-on`. Only the step's result depends
 * on fail-on; the verdict output never does. A block that does not fail the step (fail-on: never, the
 * report-only rollout) is still said in a warning, so it is never silent.
 */
export function endStep(
  report: Pick<GateReport, 'verdict' | 'summary'>,
  failOn: FailOn,
  reportPath: string,
  log: { readonly setFailed: (message: string) => void; readonly warning: (message: string) => void },
): void {
  const where = `see the job summary or ${reportPath}`;
  const blocking = `${report.summary.blocking_findings} blocking finding(s)`;
  if (report.verdict === 'block') {
    if (failOn === 'never')
      log.warning(
        `model release gate would block the release (${blocking}), but fail-on is never, so the step passes; ${where}`,
      );
    else log.setFailed(`model release gate blocked the release: ${blocking}; ${where}`);
  } else if (report.verdict === 'warn' && failOn === 'warn') {
    log.setFailed(`model release gate passed with warnings, and fail-on is warn, so the step fails; ${where}`);
  }
}
