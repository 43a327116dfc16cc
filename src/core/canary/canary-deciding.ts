import { ABORT_STATUS_WORDS, abortValuePhrase, thresholdPhrase } from './canary-abort-phrases.js';
import {
  deltaPhrase,
  durationPhrase,
  eventsPhrase,
  holdLeft,
  marginPhrase,
  statusPhrase,
  valuesPhrase,
} from './canary-phrases.js';
import type { CanaryAbortCheck, CanaryComparison, CanaryReport } from './canary-report.js';

/** One thing that decided the outcome (or keeps it open), in the words every renderer prints. */
interface DecidingItem {
  readonly kind: CanaryComparison['status'] | CanaryAbortCheck['status'] | 'hold';
  readonly text: string;
}

/**
 * What moved the decision: for a roll-back, the regressed comparisons and crossed abort thresholds;
 * for a hold, the undecided comparisons with the canary events each still needs, the abort checks
 * not yet settled and what is left of the stage's hold; for a promotion, nothing beyond the reason.
 * Names are escaped by `escape` (identity for HTML, whose renderer escapes the whole text).
 */
export function decidingItems(report: CanaryReport, escape: (text: string) => string): DecidingItem[] {
  const subject = (c: CanaryComparison): string => `${escape(c.cohort)} · ${escape(c.metric)}`;
  const abort = (a: CanaryAbortCheck): DecidingItem => ({
    kind: a.status,
    text: `${escape(a.metric)} ${thresholdPhrase(a, report)}: canary ${abortValuePhrase(a, report)} — ${ABORT_STATUS_WORDS[a.status]}`,
  });
  if (report.decision === 'rollback')
    return [
      ...report.comparisons
        .filter((c) => c.status === 'regressed')
        .map((c) => ({
          kind: c.status,
          text: `${subject(c)}: ${valuesPhrase(c)}, Δ ${deltaPhrase(c)}; ${statusPhrase(c, report)}`,
        })),
      ...report.abort_checks.filter((a) => a.status === 'crossed').map(abort),
    ];
  if (report.decision === 'promote') return [];
  const left = holdLeft(report);
  return [
    ...report.comparisons
      .filter((c) => c.status === 'undecided')
      .map((c) => ({
        kind: c.status,
        text: `${subject(c)}: Δ ${deltaPhrase(c)} against the margin ${marginPhrase(c)}; ${eventsPhrase(c, report)}`,
      })),
    ...report.abort_checks.filter((a) => a.status === 'undecided' || a.status === 'not-observed').map(abort),
    ...(left === null ? [] : [{ kind: 'hold' as const, text: `${durationPhrase(left)} of the stage's hold left` }]),
  ];
}
