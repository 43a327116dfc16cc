import { describe, expect, it } from 'vitest';
import { openFileSource, readSmallFile } from '../src/adapters/file-source.js';
import { runGate } from '../src/core/gate/run-gate.js';
import { escapeMarkdown } from '../src/core/report/escape-markdown.js';
import { renderMarkdown } from '../src/core/report/render-markdown.js';
import { renderText } from '../src/core/report/render-text.js';
import { expectGolden } from './helpers/golden.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

const tool = { name: 'model-release-gate', version: 'golden' };

async function exampleReport(candidate: string) {
  return runGate({
    incumbent: await openFileSource('examples/incumbent.jsonl'),
    candidate: await openFileSource(candidate),
    policy: await readSmallFile('examples/policy.yml'),
    tool,
  });
}

describe('markdown report (golden files)', () => {
  it('warn: the example, with a cohort too small to tell', async () => {
    const report = await exampleReport('examples/candidate.jsonl');
    expect(report.verdict).toBe('warn');
    expectGolden('test/golden/example-warn.md', renderMarkdown(report));
    expectGolden('test/golden/example-warn.txt', renderText(report));
  });

  it('block: a rare class regresses while overall improves', async () => {
    const report = await exampleReport('examples/blocked/candidate.jsonl');
    expect(report.verdict).toBe('block');
    const overall = report.comparisons.find((c) => c.cohort === 'overall' && c.metric === 'accuracy');
    expect(overall?.delta).toBeGreaterThan(0);
    expectGolden('test/golden/example-block.md', renderMarkdown(report));
  });

  it('pass: identical models', async () => {
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
    expectGolden('test/golden/identical-pass.md', renderMarkdown(report));
  });

  it('renders hostile cohort names as plain text', async () => {
    const names = [
      'a|b',
      '<!-- x',
      '</details>',
      '@org/team',
      '[x](javascript:alert(1))',
      'näïve 日本語 🚀',
      'see #123',
      '`code`',
    ];
    const records = Array.from({ length: 400 }, (_, i) => ({
      id: i,
      cohorts: [names[i % names.length]],
      correct: i % 5 !== 0,
    }));
    const candidate = records.map((r, i) => ({ ...r, correct: i % 40 === 0 ? false : r.correct }));
    const report = await runGate({
      incumbent: memorySource('inc.jsonl', jsonl(records), 65536),
      candidate: memorySource('cand.jsonl', jsonl(candidate), 65536),
      tool,
    });
    const markdown = renderMarkdown(report);
    expectGolden('test/golden/hostile-names.md', markdown);
    expect(markdown).not.toMatch(/<!--|<\/details>.*<\/details>|@org|\]\(javascript/);
    for (const line of markdown.split('\n').filter((l) => l.startsWith('| '))) {
      // Every table row keeps its columns: unescaped pipes would add cells.
      const cells = line.replace(/\\\|/g, '').split('|').length;
      // The cohort tables have five columns, the finding table four: a split adds pieces.
      expect(cells === 6 || cells === 7).toBe(true);
    }
  });
});

describe('escapeMarkdown', () => {
  it('neutralizes markup, links, mentions, references and newlines', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(escapeMarkdown('@alice and @org/team')).toBe('@&#8203;alice and @&#8203;org/team');
    expect(escapeMarkdown('fixes #12')).toBe('fixes \\#&#8203;12');
    expect(escapeMarkdown('line\nbreak')).toBe('line break');
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\)');
    expect(escapeMarkdown('http://evil.example')).toBe('http:&#8203;//evil.example');
  });

  it('caps length by characters, not code units', () => {
    const long = '日'.repeat(200);
    const escaped = escapeMarkdown(long, 10);
    expect([...escaped]).toHaveLength(10);
    expect(escaped.endsWith('…')).toBe(true);
  });
});

describe('job summary size', () => {
  it('stays under 1 MiB with 10,000 cohorts with multibyte names', async () => {
    const incumbent: Record<string, unknown>[] = [];
    const candidate: Record<string, unknown>[] = [];
    // The number of cohorts is what is tested, not their size: five examples each keep the gate quick.
    for (let c = 0; c < 10_000; c++) {
      const cohort = `地域:${'日本語'.repeat(8)}-${c}-🚀`;
      for (let i = 0; i < 5; i++) {
        const id = c * 5 + i;
        incumbent.push({ id, cohorts: [cohort], correct: i % 10 !== 0 });
        candidate.push({ id, cohorts: [cohort], correct: c % 50 === 0 ? i % 2 === 0 : i % 10 !== 0 });
      }
    }
    const report = await runGate({
      incumbent: memorySource('inc.jsonl', jsonl(incumbent), 1 << 20),
      candidate: memorySource('cand.jsonl', jsonl(candidate), 1 << 20),
      tool,
    });
    expect(report.comparisons.length).toBe(10_001);
    const summary = renderMarkdown(report);
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThan(1024 * 1024);
    expect(summary.split('\n')[0]).toMatch(/^## /);
    expect(summary).toMatch(/… and [\d,]+ more cohort metrics: see report\.json/);
    expect(summary).toContain('### Inconclusive');
  });
});
