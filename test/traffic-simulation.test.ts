// A/A: an eval drawn from production's own mix, two models of equal quality. The traffic checks must
// not block such a release: at most 5% of 200 simulated runs may end with a blocking finding from
// them (an absent cohort, or a regressed traffic-weighted comparison). Seeded, so it is repeatable.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runGate } from '../src/core/gate/run-gate.js';
import { createRng, type Rng } from '../src/core/stats/rng.js';
import { tool } from './helpers/golden-run.js';
import { memorySource } from './helpers/memory-source.js';

const PRODUCTION: Record<string, number> = {
  'segment:a': 400_000,
  'segment:b': 300_000,
  'segment:c': 200_000,
  'segment:d': 100_000,
};
/** Each cohort's accuracy, the same for both models; a pair disagrees with this probability. */
const ACCURACY: Record<string, number> = { 'segment:a': 0.92, 'segment:b': 0.85, 'segment:c': 0.8, 'segment:d': 0.7 };
const DISAGREEMENT = 0.06;
const EVAL_SIZE = 2000;
const RUNS = 200;

function binomial(rng: Rng, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
}

/** Examples per cohort: each example falls in a cohort with production's share. */
function drawMix(rng: Rng): Map<string, number> {
  const names = Object.keys(PRODUCTION);
  const total = names.reduce((sum, name) => sum + (PRODUCTION[name] as number), 0);
  const counts = new Map(names.map((name) => [name, 0]));
  for (let i = 0; i < EVAL_SIZE; i++) {
    let u = rng.next() * total;
    const name = names.find((candidate) => (u -= PRODUCTION[candidate] as number) < 0) ?? 'segment:d';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** A paired table for n examples of two equally good models: discordant pairs split at random. */
function pairedCohort(rng: Rng, n: number, accuracy: number): Record<string, number> {
  const discordant = binomial(rng, n, DISAGREEMENT);
  const incumbentOnly = binomial(rng, discordant, 0.5);
  const candidateOnly = discordant - incumbentOnly;
  const bothRight = binomial(rng, n - discordant, Math.min(1, accuracy / (1 - DISAGREEMENT / 2)));
  return {
    incumbent_successes: bothRight + incumbentOnly,
    candidate_successes: bothRight + candidateOnly,
    incumbent_only_successes: incumbentOnly,
    candidate_only_successes: candidateOnly,
  };
}

async function oneRun(rng: Rng): Promise<{ blocking: string[]; warnings: string[] }> {
  const cohorts: Record<string, unknown> = {};
  const overall = {
    incumbent_successes: 0,
    candidate_successes: 0,
    incumbent_only_successes: 0,
    candidate_only_successes: 0,
  };
  for (const [name, n] of drawMix(rng)) {
    const table = pairedCohort(rng, n, ACCURACY[name] as number);
    cohorts[name] = { n, metrics: { accuracy: table } };
    for (const key of Object.keys(overall) as (keyof typeof overall)[]) overall[key] += table[key] as number;
  }
  cohorts.overall = { n: EVAL_SIZE, metrics: { accuracy: overall } };
  const summary = JSON.stringify({ schema: 'model-release-gate/paired-summary@1', cohorts });
  const trafficText = JSON.stringify({
    schema: 'model-release-gate/traffic@1',
    window: { from: '2026-11-01', to: '2026-11-30' },
    cohorts: PRODUCTION,
  });
  const report = await runGate({
    incumbent: memorySource('paired.json', summary, 1 << 16),
    candidate: memorySource('paired.json', summary, 1 << 16),
    traffic: {
      path: 'traffic.json',
      text: trafficText,
      sha256: createHash('sha256').update(trafficText).digest('hex'),
    },
    readiness: { today: '2026-12-01', evidenceExists: () => false, requireVerifiedWaiversByDefault: false },
    tool,
  });
  const fromTraffic = report.findings.filter(
    (f) => f.id.startsWith('traffic.') || (f.cohort ?? '').startsWith('overall@traffic:'),
  );
  return {
    blocking: fromTraffic.filter((f) => f.severity === 'block').map((f) => f.id),
    warnings: fromTraffic.filter((f) => f.severity === 'warn').map((f) => f.id),
  };
}

describe('traffic checks on an eval drawn from production', () => {
  it(`block at most 5% of ${RUNS} A/A runs, and warn of a mix shift rarely`, async () => {
    const rng = createRng('traffic-a-a');
    let blocked = 0;
    let shifted = 0;
    for (let run = 0; run < RUNS; run++) {
      const { blocking, warnings } = await oneRun(rng);
      if (blocking.length > 0) blocked++;
      if (warnings.includes('traffic.mix-shift')) shifted++;
    }
    expect(blocked / RUNS).toBeLessThanOrEqual(0.05);
    // The shift warning needs PSI above 0.1 and a chi-square rejection: sampling noise of 2,000
    // examples reaches neither.
    expect(shifted / RUNS).toBeLessThanOrEqual(0.05);
  });
});
