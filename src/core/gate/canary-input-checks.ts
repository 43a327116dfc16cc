import type { CanaryObservations } from '../canary/canary-file.js';
import { InputError } from '../errors.js';
import type { Margin, Policy } from '../policy/policy-schema.js';
import type { SourceFile } from '../source-file.js';
import { parseLocated } from '../structured-text.js';
import type { ParsedManifestFile } from './readiness-step.js';

/**
 * Checks across the canary gate's files that neither file can make alone. Each one would otherwise
 * decide on a meaning the inputs do not have.
 */

/**
 * An abort_when threshold on a pass/fail metric is compared with the canary's rate, from 0 to 1.
 * One outside that range (`below: 85` meant as 85%) is crossed by every canary or by none, so it
 * would roll back every rollout or never check anything.
 */
export function checkAbortThresholds(observations: CanaryObservations, manifest: ParsedManifestFile): void {
  const criteria = manifest.document.manifest.rollout?.abort_when ?? [];
  criteria.forEach((criterion, index) => {
    if (observations.metrics.get(criterion.metric) !== 'binary') return;
    const side = criterion.below === undefined ? 'above' : 'below';
    const threshold = criterion[side] as number;
    if (threshold >= 0 && threshold <= 1) return;
    const path = ['rollout', 'abort_when', index, side];
    const line = manifest.document.lineOf(path);
    throw new InputError(
      manifest.path,
      `abort_when ${criterion.metric} ${side} ${threshold}: ${criterion.metric} is a pass/fail metric in ${observations.path} (counted in successes), so the canary's value is a rate from 0 to 1, which ${side} ${threshold} ${side === 'below' ? 'always is' : 'never is'}; expected a rate such as ${threshold > 1 && threshold <= 100 ? threshold / 100 : 0.85}`,
      { ...(line === undefined ? {} : { line }), field: path.join('.') },
    );
  });
}

/**
 * Every interval must have ended by the time the stage is judged: events from after the clock cannot
 * be in a look taken at it, and a file that says otherwise has a wrong time zone or a wrong clock,
 * which would also misstate how long the stage has held.
 */
export function checkIntervalsBeforeClock(observations: CanaryObservations, clock: { iso: string; ms: number }): void {
  observations.intervals.forEach((interval, index) => {
    if (interval.endMs <= clock.ms) return;
    throw new InputError(
      observations.path,
      `the interval ending ${interval.end} ends after the time the stage is judged at (${clock.iso}): an interval must have ended by then; check the times' zone, or the clock (--now)`,
      { line: interval.line, field: `intervals.${index}.end` },
    );
  });
}

/**
 * A pass/fail metric's margin must be below 1 (or 100%), as `check` requires: at 1 the tolerated drop
 * is the whole scale, so every lower bound clears it and any canary, however bad, would be promoted.
 */
export function checkBinaryMargins(
  observations: CanaryObservations,
  policy: Policy,
  file: SourceFile | undefined,
): void {
  const where = (path: string[]) => {
    const line = file === undefined ? undefined : parseLocated(file.path, file.text).lineOf(path);
    return { ...(line === undefined ? {} : { line }), field: path.join('.') };
  };
  const margins: [string[], string, Margin | undefined][] = [
    ...Object.entries(policy.metrics).map(([metric, s]): [string[], string, Margin | undefined] => [
      ['metrics', metric, 'margin'],
      metric,
      s.margin,
    ]),
    ...Object.entries(policy.cohorts.overrides).flatMap(([pattern, override]) =>
      Object.entries(override.metrics ?? {}).map(([metric, s]): [string[], string, Margin | undefined] => [
        ['cohorts', 'overrides', pattern, 'metrics', metric, 'margin'],
        metric,
        s.margin,
      ]),
    ),
  ];
  for (const [path, metric, margin] of margins)
    if (observations.metrics.get(metric) === 'binary' && margin !== undefined && margin.value >= 1)
      throw new InputError(
        file?.path ?? 'policy',
        `metric "${metric}" is a proportion (counted in successes in ${observations.path}): its margin must be below 1 (absolute) or 100% (relative)`,
        where(path),
      );
}
