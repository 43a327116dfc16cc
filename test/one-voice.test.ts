// One voice for the verdict: the PR comment, the job summary, report.md, the text output and report.html
// open with the same verdict line and the same counts line, for a pass, a warn and a block, and each
// output is pinned by a golden file. The summary and report.md are taken from what the Action writes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publishResults } from '../src/action/publish-results.js';
import { openFileSource, readSmallFile } from '../src/adapters/file-source.js';
import { compareCohortNames } from '../src/core/cohorts.js';
import type { Comparison } from '../src/core/compare/comparison.js';
import { runGate } from '../src/core/gate/run-gate.js';
import { renderReportHtml } from '../src/core/package/render-report-html.js';
import { buildValidationPackage } from '../src/core/package/validation-package.js';
import { inconclusivePhrase, isThinData } from '../src/core/report/comparison-phrases.js';
import { countsLine, verdictLine } from '../src/core/report/headline.js';
import { renderPullRequestComment } from '../src/core/report/render-comment.js';
import { renderText } from '../src/core/report/render-text.js';
import type { GateReport } from '../src/core/report/report.js';
import { expectGolden } from './helpers/golden.js';
import { run, tool } from './helpers/golden-run.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

async function passReport(): Promise<GateReport> {
  // Cohorts named so that code-unit order and natural order differ: seg:2 must come before seg:10.
  const records = Array.from({ length: 3000 }, (_, i) => ({
    id: i,
    cohorts: [`seg:${[2, 10, 1][i % 3]}`],
    correct: i % 7 !== 0,
  }));
  return runGate({
    incumbent: memorySource('inc.jsonl', jsonl(records), 65536),
    candidate: memorySource('cand.jsonl', jsonl(records), 65536),
    tool,
  });
}

const warnReport = (): Promise<GateReport> => exampleReport('examples/candidate.jsonl');
const blockReport = (): Promise<GateReport> =>
  exampleReport('examples/blocked/candidate.jsonl', readFileSync('examples/release-manifest.yml', 'utf8'));

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

/** Every output of one report, the summary and report.md as publishResults writes them. */
async function outputs(
  report: GateReport,
): Promise<Record<'comment' | 'summary' | 'reportMd' | 'text' | 'html', string>> {
  const files = new Map<string, string>();
  let summary = '';
  await publishResults(
    report,
    run,
    { outDir: 'out', gateId: 'fraud-clf', comment: false, uploadArtifact: false, artifactName: 'x' },
    undefined,
    {
      writeFile: async (path, text) => void files.set(path, text),
      joinPath: (dir, name) => `${dir}/${name}`,
      writeSummary: async (markdown) => void (summary = markdown),
      warning: () => undefined,
      info: () => undefined,
    },
  );
  return {
    comment: renderPullRequestComment(report, run, { gateId: 'fraud-clf' }),
    summary,
    reportMd: files.get('out/report.md') ?? '',
    text: renderText(report),
    html: renderReportHtml(buildValidationPackage(report, run)),
  };
}

const HEADLINE = /(?:PASS|WARN|BLOCK) — the candidate may.*$/m;
const COUNTS = /^[\d,]+ cohort metrics? compared: .*$/m;

/** The verdict line and the counts line of one output, found by their shape alone. */
function extract(output: string): { headline: string; counts: string } {
  const text = output.replace(/<[^>]+>/g, '\n');
  return { headline: HEADLINE.exec(text)?.[0] ?? '(no headline)', counts: COUNTS.exec(text)?.[0] ?? '(no counts)' };
}

describe('one voice: every output opens with the same verdict and counts', () => {
  const cases: [name: string, verdict: GateReport['verdict'], build: () => Promise<GateReport>][] = [
    ['pass', 'pass', passReport],
    ['warn', 'warn', warnReport],
    ['block', 'block', blockReport],
  ];

  for (const [name, verdict, build] of cases) {
    it(`${name}: comment, job summary, report.md, text and report.html agree (golden)`, async () => {
      const report = await build();
      expect(report.verdict).toBe(verdict);
      const out = await outputs(report);
      const expected = { headline: verdictLine(report), counts: countsLine(report.summary) };
      for (const [kind, text] of Object.entries(out)) expect({ kind, ...extract(text) }).toEqual({ kind, ...expected });
      // The verdict comes first in each: the comment after its hidden marker, the text on its first line.
      expect(out.comment.split('\n')[1]).toBe(
        `## ${{ pass: '✅', warn: '⚠️', block: '⛔' }[verdict]} ${expected.headline}`,
      );
      expect(out.text.split('\n')[0]).toBe(expected.headline);
      expect(out.summary.split('\n')[0]).toBe(out.comment.split('\n')[1]);
      expect(out.summary).toBe(out.reportMd);
      expectGolden(`test/golden/one-voice-${name}.comment.md`, out.comment);
      expectGolden(`test/golden/one-voice-${name}.summary.md`, out.summary);
      expectGolden(`test/golden/one-voice-${name}.txt`, out.text);
    });
  }

  it('names the models from the manifest when there is one, else the files', async () => {
    const blocked = await outputs(await blockReport());
    for (const text of Object.values(blocked))
      expect(text).toMatch(
        /Candidate (<strong>|\*\*)?fraud-clf 2\.4\.0(<\/strong>|\*\*)? vs incumbent (<strong>|\*\*)?2\.3\.1/,
      );
    const warned = await outputs(await warnReport());
    for (const text of Object.values(warned))
      expect(text).toMatch(
        /Candidate (<strong>|\*\*)?examples\/candidate\.jsonl(<\/strong>|\*\*)? vs incumbent (<strong>|\*\*)?examples\/incumbent\.jsonl/,
      );
  });

  it('puts what blocks first, and prints each cohort and finding once in the text', async () => {
    const out = await outputs(await blockReport());
    for (const text of [out.comment, out.summary, out.text]) {
      const blocks = text.indexOf('What blocks');
      expect(blocks).toBeGreaterThan(0);
      const afterCounts = text.indexOf('\n', text.indexOf(' compared: '));
      expect(blocks).toBeGreaterThan(afterCounts);
      for (const later of ['Inconclusive', 'Readiness', 'cohorts pass', 'within their margins'].filter((l) =>
        text.includes(l),
      ))
        expect(text.indexOf(later, afterCounts)).toBeGreaterThan(blocks);
    }
    const warn = renderText(await warnReport());
    // The old text printed each inconclusive cohort twice, in two number formats.
    expect(warn.match(/lang:is · accuracy/g)).toHaveLength(1);
    expect(warn.match(/lang:is · calibrated/g)).toHaveLength(1);
    expect(warn).not.toMatch(/\n\s*findings:/);
  });
});

describe('cohorts in natural order', () => {
  it('sorts seg:2 before seg:10, overall first, and stays a total order', () => {
    const names = ['seg:10', 'seg:2', 'overall', 'seg:1', 'seg:02', 'seg:b', 'seg:', 'region:eu'];
    expect([...names].sort(compareCohortNames)).toEqual([
      'overall',
      'region:eu',
      'seg:',
      'seg:1',
      'seg:02',
      'seg:2',
      'seg:10',
      'seg:b',
    ]);
    for (const a of names)
      for (const b of names) expect(Math.sign(compareCohortNames(a, b)) + Math.sign(compareCohortNames(b, a))).toBe(0);
  });

  it('orders every pair of names as the run-by-run definition does', () => {
    // The definition, written plainly: split into runs of digits and non-digits and compare run by run.
    const byRuns = (a: string, b: string): number => {
      if (a === b) return 0;
      if (a === 'overall') return -1;
      if (b === 'overall') return 1;
      const left = a.match(/\d+|\D+/g) ?? [];
      const right = b.match(/\d+|\D+/g) ?? [];
      for (let i = 0; i < Math.min(left.length, right.length); i++) {
        const x = left[i] as string;
        const y = right[i] as string;
        if (x === y) continue;
        if (/^\d/.test(x) && /^\d/.test(y)) {
          const xs = x.replace(/^0+(?=\d)/, '');
          const ys = y.replace(/^0+(?=\d)/, '');
          if (xs.length !== ys.length) return xs.length - ys.length;
          if (xs !== ys) return xs < ys ? -1 : 1;
          continue;
        }
        return x < y ? -1 : 1;
      }
      if (left.length !== right.length) return left.length - right.length;
      return a < b ? -1 : 1;
    };
    // Short names over a small alphabet, so that equal runs, zero-padded numbers and prefixes are common.
    const alphabet = ['0', '1', '2', '9', 'a', 'b', ':', '-', 'é'];
    let state = 12345;
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 8;
    };
    const name = (): string =>
      next() % 20 === 0
        ? 'overall'
        : Array.from({ length: next() % 7 }, () => alphabet[next() % alphabet.length]).join('');
    for (let k = 0; k < 20_000; k++) {
      const a = name();
      const b = next() % 4 === 0 ? a.replace(/\d/, '0$&') : name();
      expect(Math.sign(compareCohortNames(a, b)), `${a} vs ${b}`).toBe(Math.sign(byRuns(a, b)));
    }
  });

  it('lists cohorts naturally in every output', async () => {
    const out = await outputs(await passReport());
    for (const text of [out.comment, out.summary, out.html]) {
      const at = (name: string): number =>
        text.indexOf(`seg:${name} `) >= 0 ? text.indexOf(`seg:${name} `) : text.indexOf(`seg:${name}<`);
      expect(at('1')).toBeGreaterThan(0);
      expect(at('1')).toBeLessThan(at('2'));
      expect(at('2')).toBeLessThan(at('10'));
    }
  });
});

describe('too small to tell, or too close to the margin', () => {
  const close: Comparison = {
    cohort: 'overall',
    metric: 'accuracy',
    statistic: 'proportion',
    direction: 'higher',
    status: 'inconclusive',
    n_incumbent: 20_000,
    n_candidate: 20_000,
    n_paired: 20_000,
    incumbent: 0.9,
    candidate: 0.891,
    delta: -0.009,
    ci_low: -0.0101,
    ci_high: -0.008,
    margin: 0.01,
    p_value: 0.3,
    p_adjusted: 0.6,
    mde: 0.0125,
    rare: false,
    required: false,
    inconclusive_setting: 'warn',
    method: 'Tango',
    note: null,
  };

  it('a narrow interval across the margin on 20,000 examples is not "too small to tell"', () => {
    expect(isThinData(close)).toBe(false);
    expect(inconclusivePhrase(close, (t) => t)).toBe(
      'worse by about 0.9 pts; cannot rule out a drop beyond the margin of 1.0 pts',
    );
  });

  it('says so through the gate, in the headline and the rows, for 20,000 examples 0.9 pts worse', async () => {
    // 180 of 20,000 examples flip from right to wrong: Δ = −0.9 pts, a narrow interval around the 1-pt margin.
    const incumbent = Array.from({ length: 20_000 }, (_, i) => ({ id: i, cohorts: ['all'], correct: i % 10 !== 0 }));
    const candidate = incumbent.map((r, i) => ({ ...r, correct: r.correct && !(i % 10 === 1 && i < 1800) }));
    const report = await runGate({
      incumbent: memorySource('inc.jsonl', jsonl(incumbent), 1 << 20),
      candidate: memorySource('cand.jsonl', jsonl(candidate), 1 << 20),
      tool,
    });
    const row = report.comparisons.find((c) => c.cohort === 'all');
    expect(row?.status).toBe('inconclusive');
    expect(row?.delta).toBeCloseTo(-0.009, 12);
    const text = renderText(report);
    expect(text).toContain('too close to the margin to tell');
    expect(text).toContain('worse by about 0.9 pts; cannot rule out a drop beyond the margin of 1.0 pts');
    expect(text).not.toContain('too small to tell');
  });

  it('thin data (MDE more than twice the margin, or nothing detectable) is', () => {
    const thin = { ...close, n_paired: 40, mde: 0.28, delta: -0.05 };
    expect(isThinData(thin)).toBe(true);
    expect(inconclusivePhrase(thin, (t) => t)).toBe(
      'too small to tell: observed −5.0 pts, could only detect a drop of 28.0 pts or more',
    );
    expect(isThinData({ ...close, mde: null })).toBe(true);
    expect(isThinData({ ...close, mde: 0.02 })).toBe(false);
    expect(isThinData({ ...close, mde: 0.0201 })).toBe(true);
  });
});
