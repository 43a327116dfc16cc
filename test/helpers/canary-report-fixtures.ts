// Hand-built canary reports, one per decision, for the renderers' tests. The numbers are plausible
// (bounds widen at earlier looks as 1/√n), not the output of the decision code.
import type {
  CanaryAbortCheck,
  CanaryComparison,
  CanaryLook,
  CanaryReport,
} from '../../src/core/canary/canary-report.js';

const STARTED_MS = Date.parse('2026-12-01T10:00:00Z');

function canaryComparison(
  overrides: Partial<CanaryComparison> & Pick<CanaryComparison, 'cohort' | 'status'>,
): CanaryComparison {
  return {
    metric: 'accuracy',
    statistic: 'proportion',
    direction: 'higher',
    margin: 0.01,
    baseline: { n: 312_000, value: 0.925 },
    canary: { n: 34_800, value: 0.927 },
    estimate: 0.002,
    lower: -0.004,
    upper: 0.008,
    p_adjusted: 0.0004,
    canary_events_needed: null,
    ...overrides,
  };
}

function abortCheck(overrides: Partial<CanaryAbortCheck> & Pick<CanaryAbortCheck, 'metric'>): CanaryAbortCheck {
  return {
    below: null,
    above: null,
    canary: { n: 34_800, value: 0.927 },
    lower: 0.921,
    upper: 0.933,
    status: 'clear',
    ...overrides,
  };
}

/** `count` looks five minutes apart, each comparison's band narrowing as 1/√look towards its final bounds. */
function looksFor(comparisons: readonly CanaryComparison[], count: number): CanaryLook[] {
  return Array.from({ length: count }, (_, i) => {
    const k = i + 1;
    const widen = Math.sqrt(count / k);
    return {
      end: new Date(STARTED_MS + k * 300_000).toISOString().replace('.000Z', 'Z'),
      comparisons: comparisons.map((c) => {
        const estimate = c.estimate + (k % 2 === 0 ? 1 : -1) * ((c.upper - c.lower) / 6) * (widen - 1);
        const half = ((c.upper - c.lower) / 2) * widen;
        return {
          cohort: c.cohort,
          metric: c.metric,
          estimate,
          lower: estimate - half,
          upper: estimate + half,
          canary_n: Math.round((c.canary.n * k) / count),
        };
      }),
    };
  });
}

function report(
  decision: CanaryReport['decision'],
  reason: string,
  comparisons: CanaryComparison[],
  abort_checks: CanaryAbortCheck[],
  stage: { looks: number; hold_seconds: number | null },
): CanaryReport {
  const elapsed = stage.looks * 300;
  return {
    schema: 'model-release-gate/canary-report@1',
    tool: { name: 'model-release-gate', version: 'golden' },
    decision,
    reason,
    stage: {
      traffic: 10,
      started: '2026-12-01T10:00:00Z',
      hold_seconds: stage.hold_seconds,
      elapsed_seconds: elapsed,
      clock: new Date(STARTED_MS + elapsed * 1000).toISOString().replace('.000Z', 'Z'),
      looks: stage.looks,
    },
    settings: {
      alpha: 0.05,
      correction: 'bonferroni',
      family: comparisons.length + abort_checks.filter((a) => a.status !== 'not-observed').length,
      method: 'normal-mixture confidence sequence (Howard et al. 2021), always-valid p (mSPRT)',
    },
    comparisons,
    abort_checks,
    looks: looksFor(comparisons, stage.looks),
    inputs: {
      observations: { path: 'examples/canary/observations.json', sha256: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' },
      manifest: { path: 'examples/release-manifest.yml', sha256: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' },
      policy: { path: 'examples/policy.yml', sha256: '1234567890abcdef1234567890abcdef' },
    },
    findings: [],
  };
}

const latency = (status: CanaryComparison['status'], estimate: number, lower: number, upper: number) =>
  canaryComparison({
    cohort: 'overall',
    metric: 'latency_ms',
    statistic: 'mean',
    direction: 'lower',
    margin: 5,
    baseline: { n: 312_000, value: 118.4 },
    canary: { n: 34_800, value: 118.4 - estimate },
    estimate,
    lower,
    upper,
    status,
  });

export function promoteReport(): CanaryReport {
  return report(
    'promote',
    'Every comparison is above its margin at the corrected level, no abort threshold is crossed, and the 1 h hold has elapsed.',
    [
      canaryComparison({ cohort: 'overall', status: 'pass' }),
      canaryComparison({
        cohort: 'region:eu',
        status: 'pass',
        canary: { n: 9_100, value: 0.931 },
        lower: -0.008,
        upper: 0.011,
        estimate: 0.0015,
      }),
      latency('pass', 0.6, -2.1, 3.3),
    ],
    [
      abortCheck({ metric: 'accuracy', below: 0.85 }),
      abortCheck({ metric: 'latency_ms', above: 250, canary: { n: 34_800, value: 117.8 }, lower: 115.2, upper: 120.4 }),
    ],
    { looks: 12, hold_seconds: 3600 },
  );
}

export function holdReport(): CanaryReport {
  return report(
    'hold',
    'region:eu · accuracy is undecided, and 35 min of the 1 h hold remain.',
    [
      canaryComparison({
        cohort: 'overall',
        status: 'pass',
        canary: { n: 14_500, value: 0.927 },
        lower: -0.007,
        upper: 0.011,
      }),
      canaryComparison({
        cohort: 'region:eu',
        status: 'undecided',
        canary: { n: 3_800, value: 0.921 },
        estimate: -0.004,
        lower: -0.021,
        upper: 0.013,
        p_adjusted: 0.41,
        canary_events_needed: 11_640,
      }),
      canaryComparison({
        cohort: 'region:apac',
        status: 'undecided',
        canary: { n: 2_100, value: 0.9 },
        estimate: -0.012,
        lower: -0.041,
        upper: 0.017,
        p_adjusted: 1,
        canary_events_needed: null,
      }),
    ],
    [
      abortCheck({ metric: 'accuracy', below: 0.85, canary: { n: 14_500, value: 0.927 }, lower: 0.918, upper: 0.936 }),
      abortCheck({ metric: 'error_rate', above: 0.02, canary: null, lower: null, upper: null, status: 'not-observed' }),
    ],
    { looks: 5, hold_seconds: 3600 },
  );
}

export function rollbackReport(): CanaryReport {
  return report(
    'rollback',
    'overall · accuracy dropped beyond its margin: the anytime-valid upper bound −1.9 pts is below −1.0 pts.',
    [
      canaryComparison({
        cohort: 'overall',
        status: 'regressed',
        canary: { n: 20_900, value: 0.897 },
        estimate: -0.028,
        lower: -0.037,
        upper: -0.019,
        p_adjusted: 0.00021,
      }),
      canaryComparison({
        cohort: 'region:eu',
        status: 'undecided',
        canary: { n: 5_400, value: 0.915 },
        estimate: -0.01,
        lower: -0.027,
        upper: 0.007,
        p_adjusted: 0.5,
        canary_events_needed: 25_000,
      }),
      latency('pass', 0.2, -3.4, 3.8),
    ],
    [
      abortCheck({
        metric: 'latency_ms',
        above: 120,
        canary: { n: 20_900, value: 131.2 },
        lower: 125.9,
        upper: 136.5,
        status: 'crossed',
      }),
    ],
    { looks: 7, hold_seconds: null },
  );
}
