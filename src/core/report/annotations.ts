import { type Finding, isActive } from '../findings/finding.js';
import { escapeOutput } from '../escape-output.js';
import type { GateReport } from './report.js';

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  readonly title: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
}

/** GitHub shows at most 10 annotations of each level per step; more would be silently dropped. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10;

/**
 * Check-run annotations: blocking findings still in force are errors (on their manifest line when they
 * have one); every other warning, inconclusive cohorts included, is a warning. Waived findings and
 * information are left out: the job summary lists them. Each level is capped at what GitHub shows,
 * manifest findings first (they point at a line someone can fix), then the others in report order;
 * one notice counts the rest, so nothing is dropped without a word. Every text is escaped for the log.
 */
export function annotationsOf(report: GateReport): Annotation[] {
  const manifestPath = report.inputs.manifest?.path;
  const manifestFirst = (findings: Finding[]): Finding[] => [
    ...findings.filter((f) => f.file !== undefined && f.file === manifestPath),
    ...findings.filter((f) => f.file === undefined || f.file !== manifestPath),
  ];
  const active = report.findings.filter(isActive);
  const errors = manifestFirst(active.filter((f) => f.severity === 'block'));
  const warnings = manifestFirst(active.filter((f) => f.severity === 'warn'));
  const shown = [...errors.slice(0, MAX_ANNOTATIONS_PER_LEVEL), ...warnings.slice(0, MAX_ANNOTATIONS_PER_LEVEL)];
  const annotations = shown.map(annotationOf);
  const rest = errors.length + warnings.length - shown.length;
  if (rest > 0) {
    annotations.push({
      level: 'notice',
      title: 'model release gate',
      message: `${rest} more finding${rest === 1 ? '' : 's'}: see the job summary`,
    });
  }
  return annotations;
}

function annotationOf(finding: Finding): Annotation {
  return {
    level: finding.severity === 'block' ? 'error' : 'warning',
    title: `model release gate: ${escapeOutput(finding.id)}`,
    message: escapeOutput(finding.message),
    ...(finding.file === undefined ? {} : { file: escapeOutput(finding.file) }),
    ...(finding.line === undefined ? {} : { line: finding.line }),
  };
}
