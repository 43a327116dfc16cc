import type { Comparison } from '../compare/comparison.js';
import type { Finding } from '../findings/finding.js';
import { formatCount, formatDelta, formatDetectable, formatP } from '../format-number.js';
import { daysBetween } from '../manifest/manifest-values.js';
import type { TrafficDimension, TrafficSection } from './traffic-report.js';

/**
 * What the traffic section asks a reviewer to act on. A production cohort the eval lacks blocks:
 * the gate says nothing about it. A thin cohort, a shifted mix and a stale window warn: they are
 * reasons to look, not evidence of a worse model. (A drop on production's mix blocks through its
 * weighted comparison, as `cohort.regressed`.)
 */
export function trafficFindings(section: TrafficSection, comparisons: readonly Comparison[]): Finding[] {
  const findings: Finding[] = [];
  const window = `${section.window.from} to ${section.window.to}`;
  for (const dimension of section.dimensions) {
    for (const row of dimension.cohorts) {
      const share = `${percent(row.production_share ?? 0)} of ${dimension.dimension} traffic (${formatCount(row.production_count ?? 0)} events, ${window})`;
      if (row.state === 'absent')
        findings.push({
          id: 'traffic.cohort-absent',
          severity: 'block',
          message:
            row.eval_n === 0
              ? `production cohort ${row.cohort} is ${share}, but the eval has no example of it: the gate cannot say how the candidate does there`
              : `production cohort ${row.cohort} is ${share}, but the eval has only ${formatCount(row.eval_n)} examples of it, fewer than traffic.min_n ${section.settings.min_n}`,
          cohort: row.cohort,
        });
      if (row.state === 'thin')
        findings.push({
          id: 'traffic.cohort-thin',
          severity: 'warn',
          message: `production cohort ${row.cohort} is ${share}, but its ${formatCount(row.eval_n)} eval examples are too few to catch a drop the margin allows: ${thinDetails(row.cohort, comparisons, section.settings.thin_mde_ratio)}`,
          cohort: row.cohort,
        });
    }
    if (dimension.mix_shift) findings.push(mixShiftFinding(dimension, section));
  }
  findings.push(...staleFindings(section));
  return findings;
}

function thinDetails(cohort: string, comparisons: readonly Comparison[], ratio: number): string {
  return comparisons
    .filter((c) => c.cohort === cohort && isThin(c, ratio))
    .map(
      (c) =>
        `${c.metric} could only detect ${formatDetectable(c.mde, c.statistic, 'sentence')} (margin ${formatDelta(c.margin, c.statistic, false)})`,
    )
    .join('; ');
}

/**
 * A comparison whose smallest detectable drop is more than `ratio` times the drop its margin
 * tolerates. (The MDE always exceeds the margin by the test's own noise, so the margin alone would
 * call every cohort thin; with a margin of 0 there is no scale to judge by, and none is called thin.)
 */
export function isThin(c: Comparison, ratio: number): boolean {
  return c.mde !== null && c.margin !== null && c.margin > 0 && !(c.mde <= ratio * c.margin);
}

function mixShiftFinding(dimension: TrafficDimension, section: TrafficSection): Finding {
  const contributors = dimension.cohorts
    .filter((row) => row.psi_term !== null)
    .sort((a, b) => (b.psi_term ?? 0) - (a.psi_term ?? 0))
    .slice(0, 3)
    .map(
      (row) => `${row.cohort} (eval ${percent(row.eval_share ?? 0)}, production ${percent(row.production_share ?? 0)})`,
    );
  const chi = dimension.chi_square;
  return {
    id: 'traffic.mix-shift',
    severity: 'warn',
    message: `the eval's ${dimension.dimension} mix differs from production's (${section.window.from} to ${section.window.to}): PSI ${(dimension.psi ?? 0).toFixed(3)}, above ${section.settings.psi_warn}; chi-square ${chi === null ? '–' : `${chi.statistic.toFixed(1)} on ${chi.df} df, p = ${formatP(chi.p_value)}`}. Most of it from ${contributors.join(', ')}. Results on the eval's mix may not hold on production's: see the traffic-weighted comparison`,
  };
}

function staleFindings(section: TrafficSection): Finding[] {
  const findings: Finding[] = [];
  const { window } = section;
  const maxAge = section.settings.max_age_days;
  if (section.window_age_days > maxAge)
    findings.push({
      id: 'traffic.stale-window',
      severity: 'warn',
      message: `the traffic window ended ${window.to}, ${section.window_age_days} days before this run (traffic.max_age_days is ${maxAge}): production's mix may have moved since; export a recent window`,
    });
  else if (section.window_age_days < 0)
    findings.push({
      id: 'traffic.stale-window',
      severity: 'warn',
      message: `the traffic window ends ${window.to}, after this run's date: a window cannot end in the future; check its dates`,
    });
  if (section.eval_set_frozen !== null) {
    const age = daysBetween(section.eval_set_frozen, window.from);
    if (age > section.settings.eval_max_age_days)
      findings.push({
        id: 'traffic.stale-window',
        severity: 'warn',
        message: `the eval set was frozen ${section.eval_set_frozen} (the manifest's eval_set.frozen), ${age} days before the traffic window starts (traffic.eval_max_age_days is ${section.settings.eval_max_age_days}): it reflects older traffic than production's now`,
      });
  }
  return findings;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
