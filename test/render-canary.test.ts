// The canary reports: golden text, report.md, PR comment and canary-report.html for a hand-built
// report of each decision, and hostile names rendered as plain text in every output (the markdown
// through GitHub's own renderer, cmark-gfm, when it is installed).
import { describe, expect, it } from 'vitest';
import type { CanaryReport } from '../src/core/canary/canary-report.js';
import { renderCanaryHtml } from '../src/core/canary/render-canary-html.js';
import { renderCanaryComment, renderCanaryMarkdown } from '../src/core/canary/render-canary-markdown.js';
import { renderCanaryText } from '../src/core/canary/render-canary-text.js';
import { holdReport, promoteReport, rollbackReport } from './helpers/canary-report-fixtures.js';
import { expectTablesKeepColumns, gfmToHtml, hasCmark } from './helpers/cmark.js';
import { expectGolden } from './helpers/golden.js';

const DECISIONS: [name: string, build: () => CanaryReport][] = [
  ['promote', promoteReport],
  ['hold', holdReport],
  ['rollback', rollbackReport],
];

describe('canary reports (golden files)', () => {
  it.each(DECISIONS)('%s: text, report.md, comment and html', (name, build) => {
    const report = build();
    expectGolden(`test/golden/canary-${name}.txt`, renderCanaryText(report));
    expectGolden(`test/golden/canary-${name}.md`, renderCanaryMarkdown(report));
    expectGolden(`test/golden/canary-${name}.comment.md`, renderCanaryComment(report, { gateId: 'fraud-clf' }));
    expectGolden(`test/golden/canary-${name}.html`, renderCanaryHtml(report));
  });

  it('opens every output with the same decision line', () => {
    const headlines = {
      promote:
        'PROMOTE — the canary may move past this stage: all 3 cohort metrics within their margins, 2 abort checks clear, hold of 1 h elapsed',
      hold: 'HOLD — keep the canary at this stage and look again: 2 cohort metrics undecided, 1 abort metric not observed, 35 min of the hold left',
      rollback: 'ROLL BACK — roll the canary back: 1 cohort metric regressed, 1 abort threshold crossed',
    };
    const icons = { promote: '✅', hold: '⏳', rollback: '⛔' };
    for (const [name, build] of DECISIONS) {
      const report = build();
      const line = headlines[report.decision];
      expect(renderCanaryText(report).split('\n')[0], name).toBe(line);
      expect(renderCanaryMarkdown(report).split('\n')[0]).toBe(`## ${icons[report.decision]} ${line}`);
      const comment = renderCanaryComment(report, { gateId: 'fraud-clf' }).split('\n');
      expect(comment.slice(0, 2)).toEqual([
        '<!-- model-release-gate-canary:fraud-clf -->',
        `## ${icons[report.decision]} ${line}`,
      ]);
      expect(renderCanaryHtml(report)).toContain(`<h1>${line}</h1>`);
    }
  });

  it('a hold says what is undecided and how many more canary events it needs, at the current rate', () => {
    const text = renderCanaryText(holdReport());
    expect(text).toContain(
      '[undecided] region:eu · accuracy: Δ −0.4 pts [−2.1, +1.3] against the margin −1.0 pts; about 12,000 more canary events (≈ 1 h 16 min at the current rate)',
    );
    expect(text).toContain(
      '[undecided] region:apac · accuracy: Δ −1.2 pts [−4.1, +1.7] against the margin −1.0 pts; more traffic alone is unlikely to pass it',
    );
    expect(text).toContain("[hold] 35 min of the stage's hold left");
    expect(text).toContain('[not-observed] error_rate above 0.0200: canary not in the observations — not observed');
  });

  it('a roll-back names the regressed comparison and the crossed threshold first; the comment folds what passed', () => {
    const text = renderCanaryText(rollbackReport());
    const decided = text.slice(text.indexOf('What decided it:'), text.indexOf('Comparisons'));
    expect(decided).toContain(
      '[regressed] overall · accuracy: 92.5% → 89.7%, Δ −2.8 pts [−3.7, −1.9]; at most −1.9 pts, beyond the margin −1.0 pts; adjusted p 2.1e-4',
    );
    expect(decided).toContain(
      '[crossed] latency_ms above 120 ms: canary 131 ms [126 ms, 137 ms], n=20,900 — crossed with confidence',
    );
    expect(decided).not.toContain('region:eu');
    const comment = renderCanaryComment(rollbackReport(), { gateId: 'g' });
    expect(comment).toMatch(
      /<details><summary>✅ 1 cohort metric passes<\/summary>\n\n\| cohort · metric [^\n]+\n\|---[^\n]+\n\| overall · latency\\_ms \|/,
    );
  });

  it('plots each comparison’s confidence sequence over every look, with the margin and zero', () => {
    const report = rollbackReport();
    const html = renderCanaryHtml(report);
    const plots = html.match(/<svg class="sequence"[\s\S]*?<\/svg>/g) ?? [];
    expect(plots).toHaveLength(report.comparisons.length);
    for (const svg of plots) {
      expect(svg.match(/<circle /g)).toHaveLength(report.looks.length);
      expect(svg).toContain('>−margin</text>');
      expect(svg).toMatch(/<polygon points="([\d.]+,[\d.]+ ?){14}"/);
    }
    expect(html).not.toMatch(/https?:\/\/|<script|<link|<img|\bsrc=/);
  });
});

const HOSTILE = [
  '**bold** [x](javascript:alert(1)) | pipe',
  '<img src=x onerror=alert(1)></td><script>alert(1)</script>',
  '@org/team #123 www.evil.example',
  '::error::pwned',
  'line one\n::warning file=x::two\r\n## heading',
  '<!-- x --> </details> `code`',
];

/** The rollback report with hostile cohort, metric, abort metric, path, reason and finding text. */
function hostileReport(names: readonly string[] = HOSTILE): CanaryReport {
  const base = rollbackReport();
  const name = (i: number): string => names[i % names.length] ?? '';
  const comparisons = base.comparisons.map((c, i) => ({ ...c, cohort: name(i), metric: name(i + 3) }));
  return {
    ...base,
    reason: `${name(0)} regressed ${name(4)}`,
    stage: { ...base.stage, started: name(3), clock: name(4) },
    comparisons,
    abort_checks: base.abort_checks.map((a) => ({ ...a, metric: name(1) })),
    looks: base.looks.map((l) => ({
      ...l,
      comparisons: l.comparisons.map((e, i) => ({ ...e, cohort: name(i), metric: name(i + 3) })),
    })),
    inputs: { ...base.inputs, observations: { path: name(1), sha256: name(3) } },
    settings: { ...base.settings, method: name(2), correction: name(5) },
    findings: [{ id: name(3), severity: 'warn', message: name(4), file: name(1), line: 3, cohort: name(0) }],
  };
}

describe('hostile names', () => {
  const report = hostileReport();

  it('text: every name stays one inert line; no line starts a workflow command', () => {
    const text = renderCanaryText(report);
    for (const line of text.split('\n')) expect(line.trimStart()).not.toMatch(/^::|##\[/);
    const plain = hostileReport(HOSTILE.map((_, i) => `name${i}`));
    expect(text.split('\n')).toHaveLength(renderCanaryText(plain).split('\n').length);
    expect(text).toContain('line one\\u000a::warning file=x::two\\u000d\\u000a## heading');
  });

  it('html: only the page’s own tags, every name as text', () => {
    const html = renderCanaryHtml(report);
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]?.toLowerCase()));
    const own =
      'html head meta title style body main header div h1 h2 p section ul li table thead tbody tr th td code svg line text polygon polyline circle figure figcaption span footer';
    for (const tag of tags) expect(own.split(' ')).toContain(tag);
    expect(html.match(/<!--/g)).toBeNull();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/td&gt;&lt;script&gt;');
  });

  it.skipIf(!hasCmark())(
    'markdown and comment: GitHub’s renderer shows names as text, tables keep their columns',
    () => {
      const comment = renderCanaryComment(report, { gateId: 'g<!-- -->\n' });
      expect(comment.split('\n')[0]).toBe('<!-- model-release-gate-canary:g---- -->');
      for (const body of [renderCanaryMarkdown(report), comment]) {
        const html = gfmToHtml(body);
        expectTablesKeepColumns(html);
        expect((html.match(/<!--/g) ?? []).length).toBeLessThanOrEqual(1);
        expect(html.match(/<details>/g)?.length ?? 0).toBe(html.match(/<\/details>/g)?.length ?? 0);
        expect(html).not.toMatch(/<a |<script|<img|<strong>bold|<h2>heading|<code>code/i);
        expect(html).not.toMatch(/@org|#123\b/);
        for (const text of ['::error::pwned', '&lt;img src=x onerror=alert(1)&gt;', '| pipe'])
          expect(html).toContain(text);
      }
    },
  );
  if (!hasCmark())
    it('cmark-gfm check', () =>
      console.warn('skipped the GFM check: cmark-gfm is not installed (apt-get install -y cmark-gfm)'));
});

describe('edges', () => {
  it('unbounded and missing bounds, unreadable look times and no comparisons render without NaN or Infinity', () => {
    const base = holdReport();
    const looks = base.looks.map((l, i) => ({
      ...l,
      end: i === 2 ? 'not a time' : l.end,
      comparisons: l.comparisons.map((e) => (i === 0 ? { ...e, lower: -Infinity, upper: Infinity } : e)),
    }));
    const html = renderCanaryHtml({ ...base, looks });
    expect(html).not.toMatch(/NaN|Infinity/);
    expect(html).toContain('>look</text>');
    expect(renderCanaryText({ ...base, looks: [], comparisons: [], abort_checks: [] })).toMatch(
      /^HOLD — .*35 min of the hold left\n/,
    );
    const empty = renderCanaryHtml({ ...base, decision: 'promote', looks: [], comparisons: [], abort_checks: [] });
    expect(empty).toContain('no cohort metric gated');
    expect(empty).not.toContain('<svg');
  });

  it('a comment with 3,000 comparisons stays under GitHub’s limit, regressions kept, the rest counted', () => {
    const base = rollbackReport();
    const [regressed, undecided, pass] = base.comparisons;
    const many = Array.from({ length: 3000 }, (_, i) => {
      const c = i % 100 === 0 ? regressed : i % 10 === 0 ? undecided : pass;
      return { ...(c ?? base.comparisons[0]!), cohort: `地域-${i}-<b>@x</b>`.repeat(4) };
    });
    const comment = renderCanaryComment({ ...base, comparisons: many, looks: [] }, { gateId: 'g' });
    expect(comment.length).toBeLessThanOrEqual(60_000);
    for (const i of [0, 1500, 2900]) expect(comment).toContain(`| 地域-${i}-&lt;b&gt;@&#8203;x&lt;/b&gt;`);
    expect(comment).toMatch(/… and [\d,]+ more cohort metrics: see report\.json/);
  });
});
