// The sticky pull-request comment: golden bodies for pass, warn and block, hostile names through a
// real GFM renderer, and the size limit with ten thousand cohorts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openFileSource, readSmallFile } from '../src/adapters/file-source.js';
import type { Comparison } from '../src/core/compare/comparison.js';
import { comparisonFindings } from '../src/core/findings/comparison-findings.js';
import type { Finding } from '../src/core/findings/finding.js';
import { runGate } from '../src/core/gate/run-gate.js';
import type { RunContext } from '../src/core/report/run-context.js';
import { deltaBar, deltaScale } from '../src/core/report/delta-bar.js';
import { commentMarker, renderPullRequestComment } from '../src/core/report/render-comment.js';
import type { GateReport } from '../src/core/report/report.js';
import { expectTablesKeepColumns, gfmToHtml, hasCmark } from './helpers/cmark.js';
import { expectGolden } from './helpers/golden.js';
import { run, tool } from './helpers/golden-run.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

const manifestText = readFileSync('examples/release-manifest.yml', 'utf8');

async function exampleReport(candidate: string, manifest?: string): Promise<GateReport> {
  return runGate({
    incumbent: await openFileSource('examples/incumbent.jsonl'),
    candidate: await openFileSource(candidate),
    policy: await readSmallFile('examples/policy.yml'),
    manifest: manifest === undefined ? undefined : { path: 'release-manifest.yml', text: manifest, sha256: 'm' },
    readiness: {
      today: '2026-11-23',
      evidenceExists: (p) => p.startsWith('examples/evidence/'),
      author: 'dana',
      verifiedApprovals: ['alice'],
      requireVerifiedWaiversByDefault: true,
    },
    tool,
  });
}

/** One hand-made comparison; the fields a test does not care about get plausible values. */
function comparison(overrides: Partial<Comparison> & Pick<Comparison, 'cohort' | 'status'>): Comparison {
  return {
    metric: 'accuracy',
    statistic: 'proportion',
    direction: 'higher',
    n_incumbent: 5000,
    n_candidate: 5000,
    n_paired: 5000,
    incumbent: 0.92,
    candidate: 0.93,
    delta: 0.01,
    ci_low: 0.004,
    ci_high: 0.016,
    margin: 0.01,
    p_value: 0.9,
    p_adjusted: 1,
    mde: 0.006,
    rare: false,
    required: false,
    inconclusive_setting: 'warn',
    method: 'Tango score test and interval (paired)',
    note: null,
    ...overrides,
  };
}

const regressed = (cohort: string, i = 0): Comparison =>
  comparison({
    cohort,
    status: 'regressed',
    n_paired: 300 + i,
    rare: true,
    incumbent: 0.9,
    candidate: 0.8,
    delta: -0.1 - i / 1000,
    ci_low: -0.14,
    ci_high: -0.075,
    p_value: 1e-7,
    p_adjusted: 2e-7,
  });
const inconclusive = (cohort: string): Comparison =>
  comparison({
    cohort,
    status: 'inconclusive',
    n_paired: 40,
    rare: true,
    delta: -0.05,
    ci_low: -0.2,
    ci_high: 0.06,
    mde: 0.182,
    p_value: 0.3,
    p_adjusted: 1,
  });

/** A report around hand-made comparisons, its findings derived as the gate derives them. */
async function reportWith(comparisons: Comparison[], extraFindings: Finding[] = []): Promise<GateReport> {
  const base = await exampleReport('examples/candidate.jsonl');
  const findings = [...comparisonFindings(comparisons), ...extraFindings];
  return { ...base, verdict: 'block', comparisons, findings };
}

describe('pull-request comment (golden files)', () => {
  it('pass: identical models, default policy, no links', async () => {
    const records = Array.from({ length: 3000 }, (_, i) => ({
      id: i,
      cohorts: [i % 2 === 0 ? 'even' : 'odd'],
      correct: i % 7 !== 0,
    }));
    const report = await runGate({
      incumbent: memorySource('inc.jsonl', jsonl(records), 65536),
      candidate: memorySource('cand.jsonl', jsonl(records), 65536),
      tool,
    });
    expect(report.verdict).toBe('pass');
    const bare: RunContext = {
      ...run,
      policySource: { path: null, origin: 'defaults', commit: null, changedInPullRequest: false },
      links: { run: null, artifact: null, report: null },
    };
    const body = renderPullRequestComment(report, bare, { gateId: 'fraud-clf' });
    expectGolden('test/golden/comment-pass.md', body);
    expect(body.split('\n')[1]).toMatch(/^## ✅ PASS — the candidate may ship: /);
  });

  it('warn: the example with a cohort too small to tell, in a pull request that changes the policy', async () => {
    const report = await exampleReport('examples/candidate.jsonl');
    expect(report.verdict).toBe('warn');
    const changed: RunContext = { ...run, policySource: { ...run.policySource, changedInPullRequest: true } };
    const body = renderPullRequestComment(report, changed, { gateId: 'fraud-clf' });
    expectGolden('test/golden/comment-warn.md', body);
    expect(body).toContain("applied the base branch's policy; the new policy takes effect once merged");
  });

  it('block: a regressed rare cohort, a stale drill, a verified waiver and an expired one', async () => {
    const manifest = manifestText
      .replace('date: 2026-11-12', 'date: 2026-09-02')
      .replace(
        'waivers: []',
        [
          'waivers:',
          '  - {finding: cohort.inconclusive, cohort: "lang:is", metric: accuracy, accepted_by: "@alice", expires: 2026-12-10,',
          '     reason: "Icelandic is <0.1% of traffic; @bob extends the eval set in #123"}',
          '  - {finding: load-test.stale, reason: re-run next week, accepted_by: "@carol", expires: 2026-11-01}',
          '',
        ].join('\n'),
      );
    const report = await exampleReport('examples/blocked/candidate.jsonl', manifest);
    expect(report.verdict).toBe('block');
    expect(
      report.findings.find((f) => f.id === 'cohort.inconclusive' && f.metric === 'accuracy')?.waiver?.verified,
    ).toBe(true);
    const body = renderPullRequestComment(report, run, { gateId: 'fraud-clf' });
    expectGolden('test/golden/comment-block.md', body);
    const lines = body.split('\n');
    expect(lines[0]).toBe('<!-- model-release-gate:fraud-clf -->');
    expect(lines[1]).toBe(
      '## ⛔ BLOCK — the candidate may not ship: 1 cohort regressed, 1 readiness finding, 1 accepted by waiver',
    );
    expect(body).toContain('✅ approved on the head commit');
    expect(body).toContain('`waiver.expired`');
    // Not truncated: every passing comparison is in the folded table.
    const passing = report.comparisons.filter((c) => c.status === 'pass').length;
    const details = body.slice(body.indexOf('<details>'), body.indexOf('</details>'));
    expect(details.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| cohort')).length).toBe(passing);
    expect(body).not.toContain('more cohort metrics');
  });
});

describe('where things land', () => {
  it('a waived regression is listed as accepted, not as blocking', async () => {
    const manifest = manifestText.replace(
      'waivers: []',
      'waivers:\n  - {finding: cohort.regressed, cohort: "label:chargeback", metric: accuracy, reason: known labelling backlog, accepted_by: "@alice", expires: 2026-12-01}\n',
    );
    const report = await exampleReport('examples/blocked/candidate.jsonl', manifest);
    expect(report.verdict).toBe('warn');
    const body = renderPullRequestComment(report, run, { gateId: 'fraud-clf' });
    expect(body.split('\n')[1]).toBe(
      '## ⚠️ WARN — the candidate may ship, with warnings: 2 cohort metrics in 1 cohort too small to tell, 1 accepted by waiver',
    );
    expect(body).not.toContain('### What blocks');
    expect(body).toContain(
      '- 🟡 `cohort.regressed` label:chargeback · accuracy — accepted by @&#8203;alice until 2026-12-01: “known labelling backlog” — ✅ approved on the head commit',
    );
  });

  it('a lost cohort that blocks (missing_cohort: block) is listed under what blocks, though not required; notes are listed too', async () => {
    const lost = comparison({
      cohort: 'region:mars',
      status: 'missing',
      delta: null,
      n_candidate: 0,
      n_paired: 0,
      note: 'no examples in the candidate',
    });
    const note: Finding = {
      id: 'metric.no-uncertainty',
      severity: 'info',
      message: 'decided on point values only',
      cohort: 'overall',
      metric: 'accuracy',
    };
    const report = await reportWith([comparison({ cohort: 'overall', status: 'pass' }), lost], [note]);
    expect(report.findings.find((f) => f.id === 'cohort.missing')?.severity).toBe('block');
    const body = renderPullRequestComment(report, run, { gateId: 'g' });
    expect(body.split('\n')[1]).toBe('## ⛔ BLOCK — the candidate may not ship: 1 cohort missing');
    expect(body).toMatch(
      /### What blocks[\s\S]*\| ⛔ \| region:mars · accuracy \| 0 \| missing: no examples in the candidate \|/,
    );
    expect(body).toContain('- ℹ️ `metric.no-uncertainty` decided on point values only');
  });

  it('other warnings are listed once, briefly, with where they point', async () => {
    const report = await reportWith(
      [
        comparison({ cohort: 'overall', status: 'pass' }),
        comparison({ cohort: 'region:mars', status: 'missing', delta: null, note: 'no examples in the candidate' }),
      ],
      [{ id: 'ids.unmatched', severity: 'warn', message: '12 ids appear only in the candidate', file: 'cand.jsonl' }],
    );
    const body = renderPullRequestComment({ ...report, verdict: 'warn' }, run, { gateId: 'g' });
    const warnings = body.slice(body.indexOf('### Other warnings'), body.indexOf('<details>'));
    expect(warnings.split('\n').filter((l) => l.startsWith('- ⚠️'))).toEqual([
      '- ⚠️ `cohort.missing` cohort region:mars · accuracy: no examples in the candidate',
      '- ⚠️ `ids.unmatched` 12 ids appear only in the candidate (cand.jsonl)',
    ]);
    expect(body.split('\n')[1]).toBe('## ⚠️ WARN — the candidate may ship, with warnings: 2 warnings');
  });
});

const HOSTILE = ['a|b', '<!-- x', '</details>', '@org/team', '[x](javascript:alert(1))', '#123', 'näïve 日本語 🚀'];

async function hostileReport(): Promise<GateReport> {
  const comparisons = [
    ...HOSTILE.map((name) => regressed(name)),
    ...HOSTILE.map((name) => inconclusive(name)),
    comparison({ cohort: 'overall', status: 'pass' }),
    comparison({
      cohort: '<script>alert(1)</script>',
      metric: 'lat|ency`ms',
      statistic: 'p95',
      direction: 'lower',
      status: 'pass',
      incumbent: 140,
      candidate: 139,
      delta: 1,
      ci_low: -2,
      ci_high: 4,
      margin: 14,
    }),
  ];
  const manifestFinding: Finding = {
    id: 'owners.missing',
    severity: 'block',
    message: 'owners.on_call is "@acme/oncall\n| x | y |" — see #7 <b>now</b>',
    file: 'release|manifest.yml',
    line: 3,
  };
  const waived: Finding = {
    id: 'rollout.first-stage',
    severity: 'block',
    message: 'first stage 25%',
    file: 'release-manifest.yml',
    line: 20,
    waiver: {
      accepted_by: '@alice</details>',
      reason: 'agreed with @sre-team, see [doc](javascript:x) and #44\n</details><details>',
      expires: '2026-12-10',
      link: 'https://evil.example/<script>',
      verified: false,
    },
  };
  const report = await reportWith(comparisons, [manifestFinding, waived]);
  return {
    ...report,
    inputs: { ...report.inputs, candidate: { ...report.inputs.candidate, path: 'evil|<img src=x>.jsonl' } },
  };
}

describe('hostile input', () => {
  it('renders hostile cohort names, messages and waivers as plain text (golden)', async () => {
    const body = renderPullRequestComment(await hostileReport(), run, { gateId: 'fraud clf/<!-- x -->' });
    expectGolden('test/golden/comment-injection.md', body);
    expect(body.split('\n')[0]).toBe('<!-- model-release-gate:fraudclf--x-- -->');
    expect(body.match(/<!--/g)).toHaveLength(1);
    expect(body.match(/<\/details>/g)).toHaveLength(1);
    expect(body).not.toMatch(/@org|@alice|@sre|\]\(javascript|<script|#123|#44/);
  });

  const cmark = hasCmark();
  it.skipIf(!cmark)(
    'survives GitHub-flavoured markdown: tables keep their columns, no markup or mention gets through',
    async () => {
      const body = renderPullRequestComment(await hostileReport(), run, { gateId: 'fraud-clf' });
      const html = gfmToHtml(body);
      expect(html.split('\n')[0]).toBe(commentMarker('fraud-clf'));
      expectTablesKeepColumns(html);
      expect(html.match(/<!--/g)).toHaveLength(1);
      expect(html.match(/<details>/g)).toHaveLength(1);
      expect(html.match(/<\/details>/g)).toHaveLength(1);
      expect(html.indexOf('<details>')).toBeLessThan(html.indexOf('</details>'));
      expect(html).not.toMatch(/<a href="javascript|<script|<img|<b>/i);
      expect(html).not.toMatch(/@(org|alice|sre|acme)/);
      expect(html).not.toMatch(/#(123|44|7)\b/);
      // The names arrive whole, as text: a pipe that split a cell would break them apart.
      for (const text of [
        'a|b',
        '&lt;!-- x',
        '&lt;/details&gt;',
        'näïve 日本語 🚀',
        'lat|ency`ms',
        '[x](javascript:alert(1))',
      ])
        expect(html).toContain(text);
    },
  );
  if (!cmark)
    it('cmark-gfm check', () =>
      console.warn('skipped the GFM check: cmark-gfm is not installed (apt-get install -y cmark-gfm)'));

  it('keeps the marker to safe characters', () => {
    expect(commentMarker('fraud-clf')).toBe('<!-- model-release-gate:fraud-clf -->');
    expect(commentMarker('a b\n-->c')).toBe('<!-- model-release-gate:ab--c -->');
    expect(commentMarker('日本')).toBe('<!-- model-release-gate:default -->');
  });
});

describe('size', () => {
  const names = (i: number): string => `地域-${i}-näïve-🚀`;
  async function bigReport(): Promise<GateReport> {
    const comparisons = Array.from({ length: 10_000 }, (_, i) =>
      i % 200 === 7
        ? regressed(names(i), i)
        : i % 20 === 3
          ? inconclusive(names(i))
          : comparison({ cohort: names(i), status: 'pass' }),
    );
    return reportWith(comparisons);
  }

  it('10,000 cohorts fit under the limit: verdict, every regression first, then a count of the rest', async () => {
    const report = await bigReport();
    const body = renderPullRequestComment(report, run, { gateId: 'fraud-clf' });
    expect(body.length).toBeLessThanOrEqual(60_000);
    const lines = body.split('\n');
    expect(lines[1]).toBe('## ⛔ BLOCK — the candidate may not ship: 50 cohorts regressed');
    const regressedNames = report.comparisons.filter((c) => c.status === 'regressed').map((c) => c.cohort);
    const firstInconclusive = body.indexOf('### Inconclusive');
    for (const name of regressedNames) {
      const at = body.indexOf(`| ${name} (rare) · accuracy |`);
      expect(at).toBeGreaterThan(0);
      expect(at).toBeLessThan(firstInconclusive);
    }
    expect(body).toMatch(/… and [\d,]+ more cohort metrics: see the \[validation package\]\(https:/);
    expect(body.match(/<details>/g)).toHaveLength(1);
    expect(body.match(/<\/details>/g)).toHaveLength(1);
    for (const line of lines.filter((l) => l.startsWith('|'))) expect(line.endsWith('|')).toBe(true);
    if (hasCmark()) expectTablesKeepColumns(gfmToHtml(body));
  });

  it('drops the least important rows first under a small limit, and falls back to the verdict alone', async () => {
    const report = await bigReport();
    const body = renderPullRequestComment(report, run, { gateId: 'g', maxLength: 20_000 });
    expect(body.length).toBeLessThanOrEqual(20_000);
    expect(body).toMatch(/\| 地域-7-näïve-🚀 \(rare\) · accuracy \|/);
    expect(body).not.toContain('| 92.0% → 93.0% |');
    expect(body).toMatch(
      /<details><summary>✅ 9,450 cohorts pass<\/summary>\n\n\n… and 9,450 more cohort metrics: see the \[validation package\]\(https:[^)]+\)\n\n<\/details>/,
    );
    const tiny = renderPullRequestComment(report, run, { gateId: 'g', maxLength: 300 });
    expect(tiny.length).toBeLessThanOrEqual(300);
    expect(tiny.split('\n').slice(0, 2)).toEqual([
      '<!-- model-release-gate:g -->',
      '## ⛔ BLOCK — the candidate may not ship: 50 cohorts regressed',
    ]);
  });
});

describe('delta bar', () => {
  const near = (overrides: Partial<Comparison>): Comparison =>
    comparison({ cohort: 'x', status: 'pass', ...overrides });
  const rows = [
    comparison({ cohort: 'r', status: 'regressed', delta: -0.02, ci_low: -0.026, ci_high: -0.014 }),
    comparison({ cohort: 'p', status: 'pass' }),
    comparison({ cohort: 'open', status: 'pass', ci_low: null, ci_high: Infinity }),
  ];
  const scale = deltaScale(rows);
  const cellsOf = (bar: string): string[] => [...bar.slice(1, -1)];

  it('draws every row on one scale of fixed width, margin and zero in the same columns on every row', () => {
    const bars = rows.map((c) => deltaBar(c, scale));
    expect(bars).toEqual(['`·├●─┤┊··│······`', '`·····┊··│├─●─┤·`', '`◄────┊──┼──●──►`']);
    for (const bar of bars) {
      expect(cellsOf(bar)).toHaveLength(15);
      expect(cellsOf(bar).indexOf('┊')).toBe(5);
      expect(['│', '┼']).toContain(cellsOf(bar)[8]);
    }
  });

  it('always shows the margin and zero, and never draws a value across either', () => {
    // Values a hair from the marks, on a coarse scale where they would round onto them.
    const coarse = deltaScale([near({ delta: -0.05, ci_low: -0.06, ci_high: 0.01 })]);
    const cases: [Partial<Comparison>, (cells: string[], margin: number, zero: number) => void][] = [
      [
        { delta: -0.0101, ci_low: -0.012, ci_high: -0.0100001 },
        (c, m) => expect(c.every((x, i) => i < m || x === '·' || i === m || x === '│')).toBe(true),
      ],
      [
        { delta: -0.0099, ci_low: -0.00999, ci_high: -0.0001 },
        (c, m, z) => expect(c.every((x, i) => (i > m && i < z) || x === '·' || i === m || i === z)).toBe(true),
      ],
      [{ delta: 0, ci_low: -0.001, ci_high: 0.001 }, (c, m, z) => expect(c.indexOf('●')).toBeGreaterThan(z)],
      [
        { delta: 0.0001, ci_low: 0.00005, ci_high: 0.0002 },
        (c, m, z) => expect(c.every((x, i) => i > z || x === '·' || i === m || i === z)).toBe(true),
      ],
    ];
    for (const [overrides, check] of cases) {
      const cells = cellsOf(deltaBar(near(overrides), coarse));
      const margin = cells.indexOf('┊');
      const zero = cells.findIndex((x) => x === '│' || x === '┼');
      expect(margin).toBeGreaterThanOrEqual(0);
      expect(zero).toBeGreaterThan(margin + 1);
      check(cells, margin, zero);
    }
    // A margin of zero coincides with zero: one mark that says so.
    expect(cellsOf(deltaBar(near({ margin: 0, delta: -0.01, ci_low: -0.02, ci_high: 0.001 }), scale))).toContain('┋');
  });

  it('clips what lies beyond the scale and has no bar without an estimate', () => {
    const wild = comparison({ cohort: 'w', status: 'regressed', delta: -5, ci_low: -9, ci_high: -4, margin: 0.01 });
    expect(deltaBar(wild, deltaScale([wild]))).toBe('`◄··········┊·│·`');
    expect(deltaBar(comparison({ cohort: 'm', status: 'missing', delta: null }), scale)).toBe('–');
  });
});
