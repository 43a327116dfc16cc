import type { Comparison } from '../compare/comparison.js';
import type { Finding } from '../findings/finding.js';
import { formatCount, formatDelta, formatDetectable, formatP, formatValue } from '../format-number.js';
import { daysBetween } from '../manifest/manifest-values.js';
import { closestName } from '../suggest-name.js';
import type { TrafficDimension, TrafficSection } from './traffic-report.js';

/** A share as the reports print it: one decimal of a percent. */
const percent = (share: number): string => formatValue(share, 'proportion');

/**
 * What the traffic section asks a reviewer to act on. A production cohort the eval lacks blocks:
 * the gate says nothing about it. A thin cohort, a shifted mix and a stale window warn: they are
 * reasons to look, not evidence of a worse model. (A drop on production's mix blocks through its
 * weighted comparison, as `cohort.regressed`.)
 *
 * @param unlisted the eval's cohorts the traffic file does not list: an absent production cohort
 * whose name is close to one of them (`region:EU` for `region:eu`) is most likely misspelt
 */
export function trafficFindings(
  section: TrafficSection,
  comparisons: readonly Comparison[],
  unlisted: readonly string[],
): Finding[] {
  const findings: Finding[] = [];
  const window = `${section.window.from} to ${section.window.to}`;
  for (const dimension of section.dimensions) {
    for (const row of dimension.cohorts) {
      const share = `${percent(row.production_share ?? 0)} of ${dimension.dimension} traffic (${formatCount(row.production_count ?? 0)} events, ${window})`;
      if (row.state === 'absent') {
        const meant = closestName(row.cohort, unlisted);
        const hint =
          meant === undefined
            ? ''
            : `. The eval has ${meant}, which the traffic file does not list: did you mean it? Cohort names must match exactly`;
        findings.push({
          id: 'traffic.cohort-absent',
          severity: 'block',
          message:
            (row.eval_n === 0
              ? `production cohort ${row.cohort} is ${share}, but the eval has no example of it: the gate cannot say how the candidate does there`
              : `production cohort ${row.cohort} is ${share}, but the eval has only ${formatCount(row.eval_n)} examples of it, fewer than traffic.min_n ${section.settings.min_n}`) +
            hint,
          cohort: row.cohort,
        });
      }
      if (row.state === 'thin')
        findings.push({
          id: 'traffic.cohort-thin',
          severity: 'warn',
          message: `production cohort ${row.cohort} is ${share}, but its ${formatCount(row.eval_n)} eval examples are too few to catch a drop the margin allows: ${thinDetails(row.cohort, comparisons, section.settings.thin_mde_ratio)}`,
          cohort: row.cohort,
        });
    }
    const uncovered = uncoveredDimensionFinding(dimension, section, window);
    if (uncovered !== undefined) findings.push(uncovered);
    if (dimension.mix_shift) findings.push(mixShiftFinding(dimension, section));
    const notWeighted = notWeightedFinding(dimension);
    if (notWeighted !== undefined) findings.push(notWeighted);
  }
  findings.push(...staleFindings(section));
  return findings;
}

/**
 * A dimension production has and the eval has no example of, when no single cohort of it reaches
 * min_share (a long tail of countries, say, or a dimension spelt differently): the per-cohort check
 * would say nothing, and the eval says nothing about any of that traffic.
 */
function uncoveredDimensionFinding(
  dimension: TrafficDimension,
  section: TrafficSection,
  window: string,
): Finding | undefined {
  const listed = dimension.cohorts.filter((row) => row.production_count !== null);
  const events = listed.reduce((total, row) => total + (row.production_count ?? 0), 0);
  if (events === 0 || listed.some((row) => row.eval_n > 0 || row.state === 'absent')) return undefined;
  const meant = closestName(dimension.dimension, section.dimensions_not_in_traffic);
  return {
    id: 'traffic.cohort-absent',
    severity: 'block',
    message: `production's ${dimension.dimension} traffic (${formatCount(listed.length)} cohorts, ${formatCount(events)} events, ${window}) has no example in the eval: none of its cohorts is in it, though none alone reaches traffic.min_share ${section.settings.min_share}${meant === undefined ? '' : `. The eval has ${meant} cohorts, which the traffic file does not list: did you mean that dimension?`}`,
  };
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

/**
 * The traffic-weighted comparisons the data did not allow, unless an absent cohort already blocks the
 * dimension (which says why): whether the candidate is worse on production's mix is then unknown,
 * and that is never silent.
 */
function notWeightedFinding(dimension: TrafficDimension): Finding | undefined {
  if (dimension.cohorts.some((row) => row.state === 'absent')) return undefined;
  const missing = dimension.weighted.filter((w) => w.cohort === null && !w.by_design);
  if (missing.length === 0) return undefined;
  const reasons = missing.map((w) => `${w.metric}: ${w.reason ?? ''}`).join('; ');
  return {
    id: 'traffic.not-weighted',
    severity: 'warn',
    message: `no traffic-weighted comparison over production's ${dimension.dimension} mix for ${missing.map((w) => w.metric).join(', ')}, so whether the candidate is worse on production's mix is unknown (${reasons})`,
  };
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
