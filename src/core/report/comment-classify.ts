import type { Comparison } from '../compare/comparison.js';
import { type Finding, isActive } from '../findings/finding.js';
import { formatCount } from '../format-number.js';
import type { GateReport } from './report.js';

/**
 * What the pull-request comment shows where. Each comparison and each finding lands in exactly one
 * place, and the place follows from what still counts: a regression accepted by a waiver is listed
 * under the waivers, not under what blocks.
 */
export interface CommentContent {
  /** Regressed, blocking-missing and blocking-inconclusive comparisons whose finding still counts, worst first. */
  readonly blockingComparisons: readonly Comparison[];
  /** Blocking readiness and data findings still active. */
  readonly blockingFindings: readonly Finding[];
  /** Inconclusive comparisons that only warn. */
  readonly inconclusive: readonly Comparison[];
  readonly waived: readonly Finding[];
  /** Waivers that did not apply (waiver.* findings). */
  readonly waiverProblems: readonly Finding[];
  /** Active warnings shown nowhere else (a missing cohort that only warns among them). */
  readonly warnings: readonly Finding[];
  /** Active information (info findings), shown after the warnings. */
  readonly notes: readonly Finding[];
  /** Missing comparisons without a finding that counts and that do not block: listed, never hidden. */
  readonly notCompared: readonly Comparison[];
  readonly passing: readonly Comparison[];
}

/** Findings that restate a comparison: the comparison tables show them. */
const COMPARISON_FINDINGS = new Set(['cohort.regressed', 'cohort.inconclusive', 'cohort.missing']);

/** Findings about the eval data rather than the release manifest. */
const DATA_FINDING_PREFIXES = ['cohort.', 'ids.', 'metric.'];

export function classifyReport(report: GateReport): CommentContent {
  const byComparison = new Map<string, Finding>();
  for (const f of report.findings) {
    if (COMPARISON_FINDINGS.has(f.id) && f.cohort !== undefined)
      byComparison.set(keyOf(f.id, f.cohort, f.metric ?? ''), f);
  }
  const findingOf = (c: Comparison, id: string): Finding | undefined => byComparison.get(keyOf(id, c.cohort, c.metric));
  // A comparison without its finding (a report assembled by hand) counts by its status alone, so it is never hidden.
  const counts = (c: Comparison, id: string): boolean => {
    const finding = findingOf(c, id);
    return finding === undefined || isActive(finding);
  };
  // The finding's severity decides (missing_cohort: block makes a lost cohort block although not required).
  const severe = (c: Comparison, id: string, otherwise: boolean): boolean => {
    const finding = findingOf(c, id);
    return finding === undefined ? otherwise : isActive(finding) && finding.severity === 'block';
  };
  const blocks = (c: Comparison): boolean =>
    (c.status === 'regressed' && counts(c, 'cohort.regressed')) ||
    (c.status === 'missing' && severe(c, 'cohort.missing', c.required)) ||
    (c.status === 'inconclusive' && severe(c, 'cohort.inconclusive', c.inconclusive_setting === 'block'));

  const active = report.findings.filter(isActive);
  return {
    blockingComparisons: report.comparisons.filter(blocks).sort(bySeverity),
    blockingFindings: active.filter((f) => f.severity === 'block' && !COMPARISON_FINDINGS.has(f.id)),
    inconclusive: report.comparisons.filter(
      (c) => c.status === 'inconclusive' && !blocks(c) && counts(c, 'cohort.inconclusive'),
    ),
    waived: report.findings.filter((f) => !isActive(f)),
    waiverProblems: active.filter((f) => f.id.startsWith('waiver.') && f.severity !== 'block'),
    warnings: active.filter(
      (f) =>
        f.severity === 'warn' &&
        f.id !== 'cohort.regressed' &&
        f.id !== 'cohort.inconclusive' &&
        !f.id.startsWith('waiver.'),
    ),
    notes: active.filter((f) => f.severity === 'info' && !f.id.startsWith('waiver.')),
    notCompared: report.comparisons.filter(
      (c) => c.status === 'missing' && !blocks(c) && findingOf(c, 'cohort.missing') === undefined,
    ),
    passing: report.comparisons.filter((c) => c.status === 'pass'),
  };
}

export function isDataFinding(finding: Finding): boolean {
  return DATA_FINDING_PREFIXES.some((prefix) => finding.id.startsWith(prefix));
}

/** "1 cohort", "2 cohorts", or "3 cohort metrics in 2 cohorts" when some cohort appears with several metrics. */
export function cohortPhrase(rows: readonly Comparison[]): string {
  const cohorts = new Set(rows.map((c) => c.cohort)).size;
  const plain = plural(cohorts, 'cohort', 'cohorts');
  return rows.length === cohorts ? plain : `${plural(rows.length, 'cohort metric', 'cohort metrics')} in ${plain}`;
}

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Regressions first, furthest past their margin first; then required cohorts missing; then blocking inconclusive ones. */
function bySeverity(a: Comparison, b: Comparison): number {
  const order = (c: Comparison): number => (c.status === 'regressed' ? 0 : c.status === 'missing' ? 1 : 2);
  return order(a) - order(b) || shortfall(a) - shortfall(b);
}

/** How far the best case lies past the margin, in margins (more negative is worse); 0 when it cannot be told. */
function shortfall(c: Comparison): number {
  if (c.status !== 'regressed') return 0;
  const bound = c.ci_high !== null && Number.isFinite(c.ci_high) ? c.ci_high : c.delta;
  if (bound === null || c.margin === null || c.margin <= 0) return 0;
  return (bound + c.margin) / c.margin;
}

function keyOf(id: string, cohort: string, metric: string): string {
  return `${id}\u0000${cohort}\u0000${metric}`;
}
