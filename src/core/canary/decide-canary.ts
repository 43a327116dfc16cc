import type { Finding } from '../findings/finding.js';
import { didYouMean } from '../suggest-name.js';
import { formatDelta } from '../format-number.js';
import type { Manifest } from '../manifest/manifest-schema.js';
import { formatDuration } from '../manifest/manifest-values.js';
import type { Policy } from '../policy/policy-schema.js';
import { closestName } from '../suggest-name.js';
import { abortChecks } from './canary-abort.js';
import { compareThroughLooks, gatedMetrics } from './canary-comparisons.js';
import { countsThroughLooks } from './canary-statistics.js';
import type { CanaryObservations } from './canary-file.js';
import type { CanaryComparison, CanaryDecision, CanaryReport } from './canary-report.js';

const CANARY_METHOD =
  'anytime-valid confidence sequences (normal mixture, Howard et al. 2021; estimated variances, Waudby-Smith et al. 2024) and always-valid p-values (mixture SPRT, Johari et al. 2022)';

/**
 * Decides a canary stage at its latest look:
 * - roll back when a gated comparison has regressed beyond its margin (always-valid p-value, times
 *   the family, at most alpha) or the canary crossed an abort_when threshold with confidence;
 * - promote when every gated comparison's lower bound is above −δ, every abort criterion is clear,
 *   and the stage's hold has passed;
 * - hold otherwise, saying what is still undecided and about how much more traffic it needs.
 */
export function decideCanary(
  observations: CanaryObservations,
  rollout: NonNullable<Manifest['rollout']>,
  hold: number | null,
  policy: Policy,
  clock: { iso: string; ms: number },
): Omit<CanaryReport, 'schema' | 'tool' | 'inputs'> {
  const { gated, untestable, unobserved, absentRequired } = gatedMetrics(observations, policy);
  const criteria = rollout.abort_when ?? [];
  const family = Math.max(1, gated.length + criteria.length);
  const level = policy.alpha / family;
  // Summed once, read by the comparisons and the abort checks alike.
  const totals = countsThroughLooks(observations.intervals);
  const { comparisons, looks } = compareThroughLooks(observations, totals, gated, policy, family);
  const aborts = abortChecks(criteria, observations, totals, policy, level);
  const elapsed = Math.max(0, Math.round((clock.ms - observations.stage.startedMs) / 1000));

  const findings: Finding[] = [];
  for (const c of comparisons) {
    const subject = `cohort ${c.cohort} · ${c.metric}`;
    if (c.status === 'regressed')
      findings.push({
        id: 'canary.regressed',
        severity: 'block',
        message: `${subject}: Δ ${change(c, c.estimate)}; its anytime-valid upper bound ${change(c, c.upper)} is below the tolerated drop of ${change(c, -c.margin)}`,
        cohort: c.cohort,
        metric: c.metric,
      });
    else if (c.status === 'undecided')
      findings.push({
        id: 'canary.undecided',
        severity: 'info',
        message: `${subject}: Δ ${change(c, c.estimate)}, bounds ${change(c, c.lower)} to ${change(c, c.upper)}: not yet decided${c.canary_events_needed === null ? '; at this estimate no amount of traffic would pass it' : `; about ${c.canary_events_needed.toLocaleString('en-US')} more canary events at this estimate`}`,
        cohort: c.cohort,
        metric: c.metric,
      });
  }
  const compared = new Set(comparisons.map((c) => `${c.cohort}\u0000${c.metric}`));
  for (const g of gated)
    if (!compared.has(`${g.cohort}\u0000${g.metric}`))
      findings.push({
        id: 'canary.no-data',
        severity: 'warn',
        message: `cohort ${g.cohort} · ${g.metric}: no events on one side, or no spread to bound: it cannot be judged, so the stage cannot be promoted`,
        cohort: g.cohort,
        metric: g.metric,
      });
  for (const metric of untestable)
    findings.push({
      id: 'canary.untestable-metric',
      severity: 'warn',
      message: `the policy gates ${metric}, which sums per interval cannot give: it cannot be judged, so the stage cannot be promoted`,
    });
  for (const metric of unobserved) {
    const meant = closestName(metric, [...observations.metrics.keys()]);
    findings.push({
      id: 'canary.metric-not-observed',
      severity: 'warn',
      message: `the policy gates ${metric}, which the observations do not have${meant === undefined ? '' : ` (did you mean ${meant}?)`}: it cannot be judged, so the stage cannot be promoted`,
      metric,
    });
  }
  for (const pattern of absentRequired)
    findings.push({
      id: 'canary.required-cohort-missing',
      severity: 'warn',
      message: `the policy requires cohort ${pattern} (cohorts.required), and no cohort of the observations matches it: it cannot be judged, so the stage cannot be promoted`,
    });
  for (const a of aborts) {
    const threshold = a.below !== null ? `below ${a.below}` : `above ${a.above}`;
    if (a.status === 'crossed')
      findings.push({
        id: 'canary.abort-crossed',
        severity: 'block',
        message: `abort_when ${a.metric} ${threshold}: the canary's ${a.metric} is ${a.canary?.value.toPrecision(4)}, anytime-valid bounds ${a.lower?.toPrecision(4)} to ${a.upper?.toPrecision(4)}`,
        metric: a.metric,
      });
    else if (a.status === 'not-observed')
      findings.push({
        id: 'canary.abort-not-observed',
        severity: 'warn',
        message: `abort_when ${a.metric} ${threshold} cannot be checked: the observations give no ${a.metric} for the canary's overall${didYouMean(a.metric, [...observations.metrics.keys()])}, so the stage cannot be promoted`,
        metric: a.metric,
      });
  }
  if (policy.correction === 'bh' || policy.correction === 'none')
    findings.push({
      id: 'canary.bonferroni',
      severity: 'info',
      message: `the policy's correction (${policy.correction}) does not apply to the canary gate: a roll back follows from one false regression, so it holds the chance of any to alpha with Bonferroni over the ${family} gated comparisons and abort checks`,
    });
  const holdPending = hold !== null && elapsed < hold;
  if (holdPending)
    findings.push({
      id: 'canary.hold-pending',
      severity: 'info',
      message: `the ${observations.stage.traffic}% stage holds for ${formatDuration(hold)}; ${formatDuration(elapsed)} have passed`,
    });

  const pendingAborts = aborts.filter((a) => a.status === 'undecided').map((a) => a.metric);
  const decision = decide(findings, comparisons, pendingAborts.length === 0, holdPending);
  return {
    decision,
    reason: reasonOf(decision, findings, comparisons, pendingAborts),
    stage: {
      traffic: observations.stage.traffic,
      started: observations.stage.started,
      hold_seconds: hold,
      elapsed_seconds: elapsed,
      clock: clock.iso,
      looks: observations.intervals.length,
    },
    settings: { alpha: policy.alpha, correction: 'bonferroni', family, method: CANARY_METHOD },
    comparisons,
    abort_checks: aborts,
    looks,
    findings,
  };
}

function decide(
  findings: readonly Finding[],
  comparisons: readonly CanaryComparison[],
  abortsClear: boolean,
  holdPending: boolean,
): CanaryDecision {
  if (findings.some((f) => f.severity === 'block')) return 'rollback';
  const blocking = findings.some((f) => f.severity === 'warn');
  const allPass = comparisons.length > 0 && comparisons.every((c) => c.status === 'pass');
  return allPass && abortsClear && !blocking && !holdPending ? 'promote' : 'hold';
}

function reasonOf(
  decision: CanaryDecision,
  findings: readonly Finding[],
  comparisons: readonly CanaryComparison[],
  pendingAborts: readonly string[],
): string {
  const first = (id: string): Finding | undefined => findings.find((f) => f.id === id);
  if (decision === 'rollback')
    return (first('canary.regressed') ?? first('canary.abort-crossed'))?.message ?? 'a blocking finding';
  if (decision === 'promote')
    return `all ${comparisons.length} gated comparisons are within their margins with anytime-valid confidence, no abort threshold is near, and the stage's hold has passed`;
  if (comparisons.length === 0) return 'nothing could be compared yet';
  const undecided = comparisons.filter((c) => c.status === 'undecided').length;
  const reasons = [
    ...(undecided > 0 ? [`${undecided} of ${comparisons.length} gated comparisons not yet decided`] : []),
    ...pendingAborts.map((metric) => `abort_when ${metric} not yet clear of its threshold`),
    ...findings.filter((f) => f.severity === 'warn').map((f) => f.message),
    ...(first('canary.hold-pending') === undefined ? [] : [(first('canary.hold-pending') as Finding).message]),
  ];
  return reasons.join('; ');
}

function change(c: CanaryComparison, delta: number): string {
  return c.statistic === 'proportion' ? formatDelta(delta, 'proportion') : formatDelta(delta, 'mean');
}
