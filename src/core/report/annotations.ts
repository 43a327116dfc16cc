import { isActive } from '../findings/finding.js';
import type { GateReport } from './report.js';

export interface Annotation {
  readonly level: 'error' | 'warning';
  readonly title: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
}

/**
 * Check-run annotations: every blocking finding still in force is an error (on its manifest line when
 * it has one); every other warning, inconclusive cohorts included, is a warning. Waived findings and
 * information are left out: the job summary lists them.
 */
export function annotationsOf(report: GateReport): Annotation[] {
  return report.findings.filter(isActive).flatMap((finding): Annotation[] => {
    if (finding.severity === 'info') return [];
    return [
      {
        level: finding.severity === 'block' ? 'error' : 'warning',
        title: `model release gate: ${finding.id}`,
        message: finding.message,
        ...(finding.file === undefined ? {} : { file: finding.file }),
        ...(finding.line === undefined ? {} : { line: finding.line }),
      },
    ];
  });
}
