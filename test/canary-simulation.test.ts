// The statistics of the canary gate, by simulation (issue 13): looking after every interval with the
// normal-mixture confidence sequence keeps false roll-backs at most α, where a fixed-sample z-test re-run
// at every look does not; a drop of twice the margin is rolled back within the stage; and per-interval
// sufficient statistics give the same bounds as the per-event data they summarise. Seeded, so the
// figures in docs/canary-simulation.md are reproducible: `UPDATE_GOLDEN=1 npx vitest run
// test/canary-simulation.test.ts` rewrites that page.
import { describe, expect, it } from 'vitest';
import { alwaysValidPValue, mixingParameter, mixtureHalfWidth } from '../src/core/stats/confidence-sequence.js';
import { mixingForMargin } from '../src/core/canary/canary-statistics.js';
import { normalQuantile } from '../src/core/stats/normal.js';
import { createRng, type Rng } from '../src/core/stats/rng.js';
import { expectGolden } from './helpers/golden.js';

const SEED = 'canary-simulation/issue-13';
const INTERVALS = 100;
const BASELINE_PER_INTERVAL = 20_000;
const CANARY_PER_INTERVAL = 2_000;
const ACCURACY = 0.9;
const MARGIN = 0.01;
const ALPHA = 0.05;
const NULL_ROLLOUTS = 10_000;
const DROP_ROLLOUTS = 2000;
/** z₀.₉₅ (R: qnorm(0.95)), the one-sided fixed-sample test a dashboard re-runs at each look. */
const Z_ONE_SIDED = 1.6448536269514722;

/** The mixing parameter as the gate tunes it (tightest where the half-width reaches the margin). */
const RHO = mixingForMargin(MARGIN, ALPHA);
/** That information, I* = ρ · x with x the tuning's root (I* ÷ ρ = 1 ÷ mixingParameter(1, α)). */
const PLANNED_INFORMATION = RHO / mixingParameter(1, ALPHA);

/** A standard normal draw by inversion; the uniform is moved to the middle of its 2^-32 cell, never 0. */
function standardNormal(rng: Rng): number {
  return normalQuantile(rng.next() + 2 ** -33);
}

/**
 * Binomial(n, p) by the normal approximation with continuity correction: rounding the normal draw to
 * the nearest integer gives k the probability the normal puts on (k − ½, k + ½). Here np(1 − p) ≥ 180,
 * where the approximation's error in the distribution function is a few thousandths, far below the
 * simulation's own noise; an exact draw would cost one uniform per event (2.2 million per rollout).
 */
function binomial(rng: Rng, n: number, p: number): number {
  const k = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * standardNormal(rng));
  return Math.min(n, Math.max(0, k));
}

interface Rollout {
  /** The first look (1-based) whose anytime-valid upper bound of Δ is below −δ; null if none. */
  readonly sequential: number | null;
  /** The first look whose always-valid one-sided p-value of H0 Δ ≥ −δ is ≤ α. */
  readonly pValue: number | null;
  /** The first look at which a fixed-sample one-sided z-test at α rejects H0 Δ ≥ −δ. */
  readonly fixed: number | null;
  /** Whether the true Δ left the two-sided confidence sequence at some look. */
  readonly miscovered: boolean;
}

/** One rollout of counts, looked at after every interval (cumulative counts, as the gate does). */
function simulateRollout(rng: Rng, canaryAccuracy: number): Rollout {
  const trueDifference = canaryAccuracy - ACCURACY;
  let baselineN = 0;
  let baselineK = 0;
  let canaryN = 0;
  let canaryK = 0;
  let sequential: number | null = null;
  let pValue: number | null = null;
  let fixed: number | null = null;
  let miscovered = false;
  for (let look = 1; look <= INTERVALS; look++) {
    baselineN += BASELINE_PER_INTERVAL;
    baselineK += binomial(rng, BASELINE_PER_INTERVAL, ACCURACY);
    canaryN += CANARY_PER_INTERVAL;
    canaryK += binomial(rng, CANARY_PER_INTERVAL, canaryAccuracy);
    const baseline = baselineK / baselineN;
    const canary = canaryK / canaryN;
    const estimate = canary - baseline;
    const variance = (canary * (1 - canary)) / canaryN + (baseline * (1 - baseline)) / baselineN;
    const information = 1 / variance;
    const width = mixtureHalfWidth(information, RHO, ALPHA);
    if (sequential === null && estimate + width < -MARGIN) sequential = look;
    if (pValue === null && alwaysValidPValue(estimate, -MARGIN, information, RHO, 'less') <= ALPHA) pValue = look;
    if (fixed === null && (estimate + MARGIN) / Math.sqrt(variance) < -Z_ONE_SIDED) fixed = look;
    if (Math.abs(estimate - trueDifference) > width) miscovered = true;
  }
  return { sequential, pValue, fixed, miscovered };
}

interface Scenario {
  readonly rollouts: readonly Rollout[];
  /** Share of rollouts with a roll-back by the rule. */
  rate(rule: 'sequential' | 'fixed'): number;
  /** Mean look of the roll-back among the rollouts rolled back by the rule. */
  meanLook(rule: 'sequential' | 'fixed'): number;
}

function runScenario(name: string, rollouts: number, canaryAccuracy: number): Scenario {
  const rng = createRng(`${SEED}/${name}`);
  const results = Array.from({ length: rollouts }, () => simulateRollout(rng, canaryAccuracy));
  const looks = (rule: 'sequential' | 'fixed'): number[] =>
    results.flatMap((result) => (result[rule] === null ? [] : [result[rule]]));
  return {
    rollouts: results,
    rate: (rule) => looks(rule).length / rollouts,
    meanLook: (rule) => looks(rule).reduce((sum, look) => sum + look, 0) / looks(rule).length,
  };
}

const atBoundary = runScenario('boundary', NULL_ROLLOUTS, ACCURACY - MARGIN);
const twiceTheMargin = runScenario('drop-2-delta', DROP_ROLLOUTS, ACCURACY - 2 * MARGIN);

describe('the canary gate under repeated looks (simulated)', () => {
  it('tunes ρ where the half-width reaches the margin', () => {
    expect(mixtureHalfWidth(PLANNED_INFORMATION, RHO, ALPHA) / MARGIN).toBeCloseTo(1, 12);
  });

  it('rolls back at most α of rollouts at the boundary of H0 (Δ = −δ), looking after every interval', () => {
    expect(atBoundary.rollouts).toHaveLength(NULL_ROLLOUTS);
    expect(atBoundary.rate('sequential')).toBeLessThanOrEqual(ALPHA);
    // The running-minimum p-value and the bound decide at the same look in every rollout.
    for (const rollout of atBoundary.rollouts) expect(rollout.pValue).toBe(rollout.sequential);
    // Time-uniform coverage of the two-sided sequence, at the true Δ.
    expect(atBoundary.rollouts.filter((rollout) => rollout.miscovered).length / NULL_ROLLOUTS).toBeLessThanOrEqual(
      ALPHA,
    );
  });

  it('shows the inflation of a fixed-sample z-test repeated at every look', () => {
    expect(atBoundary.rate('fixed')).toBeGreaterThan(2 * ALPHA);
  });

  it('rolls back a true drop of 2δ within the stage in at least 90% of rollouts', () => {
    expect(twiceTheMargin.rate('sequential')).toBeGreaterThanOrEqual(0.9);
    for (const rollout of twiceTheMargin.rollouts) expect(rollout.pValue).toBe(rollout.sequential);
    expect(twiceTheMargin.meanLook('sequential')).toBeLessThan(INTERVALS);
  });

  it('records the figures in docs/canary-simulation.md', () => {
    expectGolden('docs/canary-simulation.md', simulationPage());
  });
});

/** One event of the per-event log: whether the prediction was right, and its latency in ms. */
interface Event {
  readonly correct: 0 | 1;
  readonly latency: number;
}

/** What the observation file keeps of one side in one interval: n, the successes, and [Σx, Σx²]. */
interface Counts {
  readonly n: number;
  readonly successes: number;
  readonly sums: readonly [number, number];
}

/** A side through a look: each metric's value and its per-event variance. */
interface SideSummary {
  readonly n: number;
  readonly accuracy: readonly [number, number];
  readonly latency: readonly [number, number];
}

function summariseInterval(events: readonly Event[]): Counts {
  let successes = 0;
  let sum = 0;
  let squares = 0;
  for (const event of events) {
    successes += event.correct;
    sum += event.latency;
    squares += event.latency * event.latency;
  }
  return { n: events.length, successes, sums: [sum, squares] };
}

/** From the intervals' counts, summed to the look: k/n and p(1 − p); Σx/n and (Σx² − (Σx)²/n)/(n − 1). */
function fromCounts(intervals: readonly Counts[]): SideSummary {
  let n = 0;
  let k = 0;
  let sum = 0;
  let squares = 0;
  for (const counts of intervals) {
    n += counts.n;
    k += counts.successes;
    sum += counts.sums[0];
    squares += counts.sums[1];
  }
  const p = k / n;
  return { n, accuracy: [p, p * (1 - p)], latency: [sum / n, (squares - (sum * sum) / n) / (n - 1)] };
}

/** From the raw events through the look: means, then squared deviations from them (two passes). */
function fromEvents(events: readonly Event[]): SideSummary {
  const n = events.length;
  const mean = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0) / n;
  const squaredDeviations = (values: readonly number[], centre: number): number =>
    values.reduce((total, value) => total + (value - centre) * (value - centre), 0);
  const correct = events.map((event) => event.correct);
  const latency = events.map((event) => event.latency);
  const p = mean(correct);
  const latencyMean = mean(latency);
  return {
    n,
    accuracy: [p, squaredDeviations(correct, p) / n],
    latency: [latencyMean, squaredDeviations(latency, latencyMean) / (n - 1)],
  };
}

type Verdict = 'rollback' | 'pass' | 'undecided';

/** The bounds, p-value and verdict of each metric at one look; Δ oriented so positive is better. */
function compare(baseline: SideSummary, canary: SideSummary): (number | Verdict)[] {
  const row: (number | Verdict)[] = [];
  for (const [metric, sign, margin] of [
    ['accuracy', 1, 0.1],
    ['latency', -1, 25],
  ] as const) {
    const estimate = sign * (canary[metric][0] - baseline[metric][0]);
    const information = 1 / (canary[metric][1] / canary.n + baseline[metric][1] / baseline.n);
    // ρ per metric: information is in the metric's unit (1/ms² for latency), and so is ρ.
    const rho = mixingForMargin(margin, ALPHA);
    const width = mixtureHalfWidth(information, rho, ALPHA);
    const p = alwaysValidPValue(estimate, -margin, information, rho, 'less');
    const verdict = estimate + width < -margin ? 'rollback' : estimate - width > -margin ? 'pass' : 'undecided';
    row.push(estimate, estimate - width, estimate + width, p, verdict);
  }
  return row;
}

/** Three intervals of per-event data, and for each look the comparison by both routes. */
function bothRoutes(name: string, sizes: readonly (readonly [number, number])[], integerLatency: boolean) {
  const rng = createRng(`${SEED}/${name}`);
  const draw = (count: number, accuracy: number, latencyMean: number): Event[] =>
    Array.from({ length: count }, () => {
      const latency = latencyMean * (0.5 + rng.next()) - 10 * Math.log(1 - rng.next());
      return { correct: rng.next() < accuracy ? 1 : 0, latency: integerLatency ? Math.round(latency) : latency };
    });
  const intervals = sizes.map(([baselineN, canaryN]) => ({
    baseline: draw(baselineN, 0.9, 200),
    canary: draw(canaryN, 0.5, 190),
  }));
  return intervals.map((_, index) => {
    const through = intervals.slice(0, index + 1);
    const counts = compare(
      fromCounts(through.map((interval) => summariseInterval(interval.baseline))),
      fromCounts(through.map((interval) => summariseInterval(interval.canary))),
    );
    const events = compare(
      fromEvents(through.flatMap((interval) => interval.baseline)),
      fromEvents(through.flatMap((interval) => interval.canary)),
    );
    return { counts, events };
  });
}

/** The distinct verdicts over all looks and metrics, so a test can show it is not all one verdict. */
function verdictsOf(looks: readonly { counts: readonly (number | Verdict)[] }[]): string[] {
  return [...new Set(looks.flatMap(({ counts }) => counts.filter((cell) => typeof cell === 'string')))].sort();
}

describe('sufficient statistics and per-event data', () => {
  it('give bit-identical bounds and the same verdicts when the arithmetic is exact', () => {
    // Integer latencies and cumulative n that are powers of two make every mean, deviation and sum
    // exact in binary floating point on both routes, so any difference would be a logic error.
    const looks = bothRoutes(
      'exact',
      [
        [32, 16],
        [32, 16],
        [64, 32],
      ],
      true,
    );
    for (const { counts, events } of looks) expect(counts).toEqual(events);
    expect(verdictsOf(looks)).toEqual(['pass', 'rollback', 'undecided']);
  });

  it('agree to rounding and give the same verdicts on real-valued data of any size', () => {
    const looks = bothRoutes(
      'rounding',
      [
        [137, 45],
        [200, 190],
        [61, 88],
      ],
      false,
    );
    for (const { counts, events } of looks) {
      counts.forEach((cell, i) => {
        const other = events[i];
        if (typeof cell === 'string') expect(cell).toBe(other);
        else expect(Math.abs(cell - (other as number))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(cell)));
      });
    }
    expect(verdictsOf(looks)).toEqual(['pass', 'rollback']);
  });
});

function simulationPage(): string {
  const rate = (scenario: Scenario, rule: 'sequential' | 'fixed'): string => {
    const count = Math.round(scenario.rate(rule) * scenario.rollouts.length);
    return `${count} / ${scenario.rollouts.length} (${(100 * scenario.rate(rule)).toFixed(1)}%)`;
  };
  const look = (scenario: Scenario, rule: 'sequential' | 'fixed'): string => scenario.meanLook(rule).toFixed(1);
  const miscovered = atBoundary.rollouts.filter((rollout) => rollout.miscovered).length;
  return [
    '# Canary gate: simulated error rates',
    '',
    '<!-- Generated by test/canary-simulation.test.ts; rewrite with',
    '     UPDATE_GOLDEN=1 npx vitest run test/canary-simulation.test.ts -->',
    '',
    `Each simulated rollout has ${INTERVALS} intervals of ${BASELINE_PER_INTERVAL.toLocaleString('en-US')} baseline ` +
      `and ${CANARY_PER_INTERVAL.toLocaleString('en-US')} canary events, baseline accuracy ${ACCURACY}, ` +
      `margin δ = ${MARGIN}, α = ${ALPHA}, and a look after every interval at the cumulative counts. ` +
      `A rollout is rolled back at the first look where the upper bound of Δ = canary − baseline is below −δ.`,
    '',
    '| True Δ | Rule | Rollouts rolled back | Mean intervals to roll-back |',
    '| --- | --- | --- | --- |',
    `| −δ (boundary of H0) | anytime-valid (normal mixture) | ${rate(atBoundary, 'sequential')} | ` +
      `${atBoundary.rate('sequential') > 0 ? look(atBoundary, 'sequential') : '–'} |`,
    `| −δ (boundary of H0) | fixed-sample one-sided z-test at every look | ${rate(atBoundary, 'fixed')} | ` +
      `${look(atBoundary, 'fixed')} |`,
    `| −2δ | anytime-valid (normal mixture) | ${rate(twiceTheMargin, 'sequential')} | ` +
      `${look(twiceTheMargin, 'sequential')} |`,
    `| −2δ | fixed-sample one-sided z-test at every look | ${rate(twiceTheMargin, 'fixed')} | ` +
      `${look(twiceTheMargin, 'fixed')} |`,
    '',
    `At Δ = −δ the true Δ left the two-sided sequence at some look in ${miscovered} of ${NULL_ROLLOUTS} rollouts.`,
    '',
    `Settings: seed \`${SEED}\`; mixing parameter ρ = ${RHO.toPrecision(6)}, tuned so that the sequence is ` +
      `tightest at information I* = ${PLANNED_INFORMATION.toPrecision(6)}, where its half-width equals δ. ` +
      'Counts per interval are drawn by the normal approximation to the binomial with continuity correction.',
    '',
  ].join('\n');
}
