import type { CohortMetricEvidence } from '../compare/comparison-data.js';
import { InputError } from '../errors.js';
import { parseLocated } from '../structured-text.js';
import type { Policy } from '../policy/policy-schema.js';

/**
 * A policy that names a metric neither file has is almost always a typo (`acuracy`), and ignoring it
 * would silently drop a gate: it is an input error.
 */
export function checkPolicyNamesKnownMetrics(
  policy: Policy,
  evidence: readonly CohortMetricEvidence[],
  file: string,
  text: string | undefined,
): void {
  const known = new Set(evidence.map((e) => e.metric));
  const lineOf = (path: string[]): number | undefined =>
    text === undefined ? undefined : parseLocated(file, text).lineOf(path);
  const fail = (path: string[], metric: string): never => {
    const line = lineOf(path);
    throw new InputError(
      file,
      `the policy names metric "${metric}", which neither eval file has (they have: ${[...known].sort().join(', ') || 'none'})`,
      { ...(line === undefined ? {} : { line }), field: path.join('.') },
    );
  };
  const binary = new Set(evidence.filter((e) => e.kind === 'binary').map((e) => e.metric));
  for (const [metric, setting] of Object.entries(policy.metrics)) {
    if (!known.has(metric)) fail(['metrics', metric], metric);
    if (binary.has(metric) && setting.margin !== undefined && setting.margin.value >= 1) {
      const line = lineOf(['metrics', metric, 'margin']);
      throw new InputError(
        file,
        `metric "${metric}" is a proportion: its margin must be below 1 (absolute) or 100% (relative)`,
        {
          ...(line === undefined ? {} : { line }),
          field: `metrics.${metric}.margin`,
        },
      );
    }
    if (binary.has(metric) && setting.statistic !== undefined) {
      const line = lineOf(['metrics', metric, 'statistic']);
      throw new InputError(
        file,
        `metric "${metric}" is a proportion (pass/fail per example); a statistic (${setting.statistic}) applies only to continuous metrics`,
        {
          ...(line === undefined ? {} : { line }),
          field: `metrics.${metric}.statistic`,
        },
      );
    }
  }
  for (const [pattern, override] of Object.entries(policy.cohorts.overrides)) {
    for (const [metric, setting] of Object.entries(override.metrics ?? {})) {
      if (!known.has(metric)) fail(['cohorts', 'overrides', pattern, 'metrics', metric], metric);
      if (binary.has(metric) && setting.margin.value >= 1) {
        const line = lineOf(['cohorts', 'overrides', pattern, 'metrics', metric, 'margin']);
        throw new InputError(
          file,
          `metric "${metric}" is a proportion: its margin must be below 1 (absolute) or 100% (relative)`,
          {
            ...(line === undefined ? {} : { line }),
            field: `cohorts.overrides.${pattern}.metrics.${metric}.margin`,
          },
        );
      }
    }
  }
}
