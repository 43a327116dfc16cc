import { describe, expect, it } from 'vitest';
import { runGate } from '../src/core/gate/run-gate.js';
import { renderMarkdown } from '../src/core/report/render-markdown.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

describe('a 40-example cohort with an observed 5-point drop', () => {
  it('is inconclusive with its minimum detectable effect reported, not a pass', async () => {
    const incumbent: Record<string, unknown>[] = [];
    const candidate: Record<string, unknown>[] = [];
    for (let i = 0; i < 2000; i++) {
      const small = i < 40;
      const right = i % 10 !== 0; // 90% for both overall and the small cohort
      // In the small cohort the candidate loses 2 of the incumbent's right answers: 36/40 → 34/40.
      const candidateRight = small && (i === 1 || i === 2) ? false : right;
      const cohorts = small ? ['lang:is'] : ['lang:en'];
      incumbent.push({ id: i, cohorts, correct: right });
      candidate.push({ id: i, cohorts, correct: candidateRight });
    }
    const report = await runGate({
      incumbent: memorySource('inc.jsonl', jsonl(incumbent), 4096),
      candidate: memorySource('cand.jsonl', jsonl(candidate), 4096),
      tool: { name: 'model-release-gate', version: 'test' },
    });
    const row = report.comparisons.find((c) => c.cohort === 'lang:is' && c.metric === 'accuracy');
    expect(row?.status).toBe('inconclusive');
    expect(row?.n_paired).toBe(40);
    expect(row?.delta).toBeCloseTo(-0.05, 12);
    expect(row?.rare).toBe(true);
    // 2 discordant pairs of 40; at alpha/3 and 80% power the smallest detectable drop is far above 5 points.
    expect(row?.mde).toBeGreaterThan(0.1);
    expect(row?.mde).toBeLessThan(0.5);
    expect(report.verdict).toBe('warn');
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('### Inconclusive');
    expect(markdown).toMatch(
      /\| ❔ \| lang:is \(rare\) · accuracy \| 40 \| too small to tell: observed −5\.0 pts, could only detect a drop of \d+\.\d pts or more \|/,
    );
  });
});

describe('tiny cohorts among many comparisons', () => {
  async function run(smallSize: number, slowerInSmall: boolean): Promise<Awaited<ReturnType<typeof runGate>>> {
    const incumbent: Record<string, unknown>[] = [];
    const candidate: Record<string, unknown>[] = [];
    for (let i = 0; i < 600; i++) {
      // 11 cohorts: `tiny` and ten regular ones, so 12 cohorts × 2 metrics are compared.
      const cohorts = i < smallSize ? ['tiny'] : [`region:${i % 10}`];
      const latency = 100 + (i % 37);
      incumbent.push({ id: i, cohorts, correct: true, metrics: { latency_ms: latency } });
      candidate.push({
        id: i,
        cohorts,
        correct: true,
        metrics: { latency_ms: latency + (slowerInSmall && i < smallSize ? 40 : 0) },
      });
    }
    const policy = 'metrics:\n  latency_ms: { direction: lower, statistic: p95, margin: 5 }\n';
    return runGate({
      incumbent: memorySource('inc.jsonl', jsonl(incumbent), 4096),
      candidate: memorySource('cand.jsonl', jsonl(candidate), 4096),
      policy: { path: 'policy.yml', text: policy, sha256: 'test' },
      tool: { name: 'model-release-gate', version: 'test' },
    });
  }

  it('one slower example gated on p95 is inconclusive (below quantile_min_n), not a blocking regression', async () => {
    const report = await run(1, true);
    const row = report.comparisons.find((c) => c.cohort === 'tiny' && c.metric === 'latency_ms');
    expect(row?.status).toBe('inconclusive');
    expect(row?.note).toBe(
      'n=1 is below quantile_min_n=20: a percentile of so few values has no usable spread; not tested',
    );
    expect(report.verdict).toBe('warn');
  });

  it('a 3-example cohort is told the drop it could really detect (about 83 points), not 1 point', async () => {
    const report = await run(3, false);
    const row = report.comparisons.find((c) => c.cohort === 'tiny' && c.metric === 'accuracy');
    expect(row?.status).toBe('inconclusive');
    // 3 agreeing pairs, level 0.05/tested comparisons: the root of d = δ + z·√((d − d²)/3).
    expect(row?.mde).toBeGreaterThan(0.75);
    expect(row?.mde).toBeLessThan(0.9);
  });
});
