// The validation package: the JSON record, the markdown for sign-off and the self-contained HTML page,
// built from a real run of the blocked example with a manifest, waivers and verified approvals.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileSource, readSmallFile } from '../src/adapters/file-source.js';
import type { Comparison } from '../src/core/compare/comparison.js';
import type { ReadinessEnvironment } from '../src/core/gate/readiness-step.js';
import { runGate } from '../src/core/gate/run-gate.js';
import { renderValidationMarkdown } from '../src/core/package/render-package-markdown.js';
import { renderReportHtml } from '../src/core/package/render-report-html.js';
import type { RunContext } from '../src/core/report/run-context.js';
import { buildValidationPackage, validationPackageToJson } from '../src/core/package/validation-package.js';
import { expectGolden } from './helpers/golden.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

const tool = { name: 'model-release-gate', version: 'golden' };
const runUrl = 'https://github.com/acme/fraud-models/actions/runs/987654321';
const run: RunContext = {
  time: '2026-11-23T10:15:00Z',
  tool,
  repository: 'acme/fraud-models',
  commit: 'c'.repeat(40),
  pullRequest: { number: 42, author: 'dave', baseRef: 'main', baseSha: 'b'.repeat(40), headSha: 'c'.repeat(40) },
  run: { id: '987654321', attempt: '1', url: runUrl },
  policySource: { path: 'examples/policy.yml', origin: 'base', commit: 'b'.repeat(40), changedInPullRequest: false },
  approvals: ['alice'],
  links: { run: runUrl, artifact: null, report: null },
};

// One waiver that applies (verified: alice approved), one that expired: the regression stays blocking.
const manifestText = readFileSync('examples/release-manifest.yml', 'utf8').replace(
  'waivers: []',
  [
    'waivers:',
    '  - {finding: cohort.inconclusive, cohort: "lang:is", metric: accuracy, reason: Icelandic traffic is under 1%; re-measured after launch, accepted_by: "@alice", expires: 2026-12-01}',
    '  - {finding: cohort.regressed, cohort: "label:chargeback", metric: accuracy, reason: labelling backlog, accepted_by: "@alice", expires: 2026-11-01}',
    '',
  ].join('\n'),
);
const environment: ReadinessEnvironment = {
  today: '2026-11-23',
  evidenceExists: (path) => path.startsWith('examples/evidence/'),
  requireVerifiedWaiversByDefault: false,
  author: 'dave',
  verifiedApprovals: ['alice'],
};

async function blockedReport(manifest = manifestText) {
  return runGate({
    incumbent: await openFileSource('examples/incumbent.jsonl'),
    candidate: await openFileSource('examples/blocked/candidate.jsonl'),
    policy: await readSmallFile('examples/policy.yml'),
    manifest: { path: 'examples/release-manifest.yml', text: manifest, sha256: 'd'.repeat(64) },
    readiness: environment,
    tool,
  });
}

describe('validation package JSON', () => {
  it('holds provenance, requirements, test evidence, risk assessment, sign-off and the verdict', async () => {
    const report = await blockedReport();
    const pkg = JSON.parse(validationPackageToJson(buildValidationPackage(report, run)));
    expect(pkg.schema).toBe('model-release-gate/validation-package@1');
    expect(pkg.verdict).toBe('block');
    expect(pkg.summary).toMatchObject({
      verdict: 'block',
      counts: { regressed: 1, comparisons: report.comparisons.length },
    });
    expect(pkg.summary.reason).toBe('1 cohort regressed, 1 accepted by waiver');

    const p = pkg.provenance;
    expect(p.tool).toEqual(tool);
    expect(p).toMatchObject({ repository: 'acme/fraud-models', commit: 'c'.repeat(40), time: '2026-11-23T10:15:00Z' });
    expect(p.pull_request).toEqual({
      number: 42,
      author: 'dave',
      base_ref: 'main',
      base_sha: 'b'.repeat(40),
      head_sha: 'c'.repeat(40),
    });
    expect(p.run).toEqual({ id: '987654321', attempt: '1', url: runUrl });
    expect(p.release).toEqual({ name: 'fraud-clf', candidate: '2.4.0', incumbent: '2.3.1' });
    for (const role of ['incumbent', 'candidate'] as const) {
      expect(p.inputs[role].sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(p.inputs[role]).toMatchObject({ format: 'jsonl', examples: 6000, model: null, dataset: null });
    }
    expect(p.inputs.candidate.path).toBe('examples/blocked/candidate.jsonl');
    expect(p.inputs.policy).toEqual({
      path: 'examples/policy.yml',
      sha256: report.inputs.policy?.sha256,
      origin: 'base',
      commit: 'b'.repeat(40),
      changed_in_pull_request: false,
    });
    expect(p.inputs.policy.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.inputs.manifest).toEqual({ path: 'examples/release-manifest.yml', sha256: 'd'.repeat(64) });

    expect(pkg.requirements.policy).toMatchObject({ alpha: 0.05, correction: 'holm', inconclusive: 'warn' });
    expect(pkg.requirements.policy.metrics.latency_ms).toEqual({
      direction: 'lower',
      statistic: 'p95',
      margin: { kind: 'relative', value: 0.1 },
    });
    expect(pkg.requirements.policy.cohorts.required).toEqual(['label:chargeback']);
    expect(pkg.requirements.risk_class).toBe('high');
    expect(pkg.requirements.readiness_required).toEqual([
      'owners',
      'rollout',
      'kill_switch',
      'monitoring',
      'load_test',
      'eval_coverage',
    ]);

    const e = pkg.test_evidence;
    expect(e).toMatchObject({ design: 'paired', alpha: 0.05, correction: 'holm', tested: report.summary.tested });
    expect(e.comparisons).toHaveLength(report.comparisons.length);
    for (const c of e.comparisons) expect(typeof c.method).toBe('string');
    const regressed = e.comparisons.find((c: Comparison) => c.status === 'regressed');
    expect(regressed).toMatchObject({
      cohort: 'label:chargeback',
      metric: 'accuracy',
      method: expect.stringMatching(/Tango/),
    });
    expect(regressed.ci_low).toBeLessThan(regressed.ci_high);
    expect(regressed.p_adjusted).toBeLessThan(0.05);

    const r = pkg.risk_assessment;
    expect(r).toMatchObject({ risk_class: 'high', evaluated_on: '2026-11-23' });
    expect(r.checklist.map((i: { id: string }) => i.id)).toEqual([
      'owners',
      'rollout',
      'kill_switch',
      'monitoring',
      'load_test',
      'eval_coverage',
      'consistency',
    ]);
    expect(r.findings.find((f: { id: string }) => f.id === 'cohort.regressed')).toMatchObject({
      severity: 'block',
      cohort: 'label:chargeback',
      metric: 'accuracy',
      waived: false,
      waiver: null,
    });
    expect(r.findings.find((f: { id: string }) => f.id === 'waiver.expired')).toMatchObject({
      file: 'examples/release-manifest.yml',
      line: expect.any(Number),
      waived: false,
    });
    expect(
      r.findings.find((f: { id: string; cohort?: string }) => f.id === 'cohort.inconclusive' && f.cohort === 'lang:is')
        ?.waived,
    ).toBe(true);

    const s = pkg.sign_off;
    expect(s).toMatchObject({ verified_approvals: ['alice'], author: 'dave' });
    expect(s.waivers.map((w: { status: string }) => w.status)).toEqual(['applied', 'expired']);
    expect(s.waivers[0]).toMatchObject({
      accepted_by: '@alice',
      verified: true,
      expires: '2026-12-01',
      applied_to: 1,
      reason: expect.stringMatching(/Icelandic/),
    });
    expect(s.accepted).toEqual([
      {
        finding: 'cohort.inconclusive',
        cohort: 'lang:is',
        metric: 'accuracy',
        accepted_by: '@alice',
        reason: 'Icelandic traffic is under 1%; re-measured after launch',
        expires: '2026-12-01',
        verified: true,
      },
    ]);
  });

  it('is byte-identical across two builds, with 12-digit numbers, 2-space indent and a final newline', async () => {
    const first = validationPackageToJson(buildValidationPackage(await blockedReport(), run));
    const second = validationPackageToJson(buildValidationPackage(await blockedReport(), run));
    expect(second).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(first.split('\n')[1]).toBe('  "schema": "model-release-gate/validation-package@1",');
    // No float carries more than 12 significant digits.
    for (const number of first.match(/-?\d+\.\d+(?:e[-+]?\d+)?/g) ?? []) {
      expect(number.replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(12);
    }
  });

  it('renders the markdown in four parts with every comparison (golden)', async () => {
    const report = await blockedReport();
    const markdown = renderValidationMarkdown(buildValidationPackage(report, run));
    const headings = markdown.split('\n').filter((l) => /^## /.test(l));
    expect(headings).toEqual(['## 1 Requirements', '## 2 Test evidence', '## 3 Risk assessment', '## 4 Sign-off']);
    const comparisonRows = markdown
      .split('\n')
      .filter((l) => /^\| (pass|\*\*regressed\*\*|inconclusive|missing) \|/.test(l));
    expect(comparisonRows).toHaveLength(report.comparisons.length);
    expectGolden('test/golden/validation-package.md', markdown);
  });
  it('records a local run (no repository, pull request, run or approvals) as nulls, and says so', async () => {
    const local: RunContext = {
      ...run,
      repository: null,
      commit: null,
      pullRequest: null,
      run: null,
      approvals: null,
      links: { run: null, artifact: null, report: null },
      policySource: { path: 'examples/policy.yml', origin: 'workspace', commit: null, changedInPullRequest: false },
    };
    const pkg = buildValidationPackage(await blockedReport(), local);
    const json = JSON.parse(validationPackageToJson(pkg));
    expect(json.provenance).toMatchObject({ repository: null, commit: null, pull_request: null, run: null });
    expect(json.provenance.inputs.policy).toMatchObject({ origin: 'workspace', commit: null });
    expect(json.sign_off).toMatchObject({ verified_approvals: null, author: null });
    expect(renderValidationMarkdown(pkg)).toContain('| Run | unknown (local run) |');
    expect(renderReportHtml(pkg)).toContain('not available (this run could not verify approvals)');
  });
});

/** Every src= or href= value in a page. */
function references(html: string): string[] {
  return [
    ...html.matchAll(/\b(?:src|href|xlink:href|action|srcset|poster|data)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi),
  ].map((m) => (m[1] ?? '').replace(/^["']|["']$/g, ''));
}

describe('report.html', () => {
  it('is self-contained: a CSP, no scripts, no off-page references; the run URL only as text', async () => {
    const html = renderReportHtml(buildValidationPackage(await blockedReport(), run));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    const refs = references(html);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref.startsWith('#')).toBe(true);
    // The only URL on the page is the run's, shown as text.
    expect(html.match(/https?:\/\/[^\s<"']*/g)).toEqual([runUrl]);
  });

  it('draws one forest-plot marker per comparison with a Δ, the regressed cohort in red', async () => {
    const pkg = buildValidationPackage(await blockedReport(), run);
    const html = renderReportHtml(pkg);
    writeFileSync(process.env.REPORT_HTML_OUT ?? join(mkdtempSync(join(tmpdir(), 'mrg-html-')), 'report.html'), html);
    expect(html).toContain('<svg');
    const withDelta = pkg.test_evidence.comparisons.filter((c) => c.delta !== null).length;
    expect(html.match(/class="pt"/g)).toHaveLength(withDelta);
    const rows = html.match(/<g class="row"[^>]*>.*?<\/g>/g) ?? [];
    expect(rows).toHaveLength(withDelta);
    const regressed = rows.filter((r) => r.includes('data-status="regressed"'));
    expect(regressed).toHaveLength(1);
    expect(regressed[0]).toContain('data-cohort="label:chargeback" data-metric="accuracy"');
    expect(regressed[0]).toContain('fill="#c0392b"');
    // The rare cohort is drawn with its own (hollow diamond) marker and named as rare.
    const rare = rows.filter((r) => r.includes('data-cohort="lang:is"'));
    expect(rare.length).toBeGreaterThan(0);
    for (const r of rare) expect(r).toMatch(/<path class="pt"[^>]*fill="#fff"/);
    expect(html).toContain('<div class="badge block">BLOCK</div>');
    expect(html).toContain('<h1>BLOCK — the candidate may not ship: 1 cohort regressed, 1 accepted by waiver</h1>');
    expect(html).toMatch(/<tr class="regressed"><td>regressed<\/td><td>label:chargeback/);
  });

  it('escapes hostile cohort names everywhere', async () => {
    const names = ['<script>alert(1)</script>', '"onload=alert(1) x=\'', 'ok\u202eevil\u0007'];
    const records = Array.from({ length: 600 }, (_, i) => ({
      id: i,
      cohorts: [names[i % names.length]],
      correct: i % 5 !== 0,
    }));
    const candidate = records.map((r, i) => ({ ...r, correct: i % 3 === 0 ? i % 2 === 0 : r.correct }));
    const report = await runGate({
      incumbent: memorySource('inc.jsonl', jsonl(records), 65536),
      candidate: memorySource('cand.jsonl', jsonl(candidate), 65536),
      tool,
    });
    const pkg = buildValidationPackage(report, run);
    const html = renderReportHtml(pkg);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('"onload=');
    expect(html).not.toMatch(/onload=alert\(1\) x='/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;onload=alert(1) x=&#39;');
    expect(html.includes('\u202e') || html.includes('\u0007')).toBe(false);
    expect(html).toContain('ok\ufffdevil\ufffd');
    expect(html.match(/class="pt"/g)).toHaveLength(
      pkg.test_evidence.comparisons.filter((c) => c.delta !== null).length,
    );
    const markdown = renderValidationMarkdown(pkg);
    expect(markdown).not.toContain('<script');
    expect(markdown).not.toContain('"onload=');
  });

  it('from a local run: no empty sections, no "unknown", links only to what is there, long tables scroll in their box', async () => {
    const records = Array.from({ length: 900 }, (_, i) => ({
      id: i,
      cohorts: [`seg:${[2, 10, 1][i % 3]}`],
      correct: i % 7 !== 0,
    }));
    const report = await runGate({
      incumbent: memorySource('inc.jsonl', jsonl(records), 65536),
      candidate: memorySource('cand.jsonl', jsonl(records), 65536),
      tool,
    });
    const local: RunContext = {
      ...run,
      repository: null,
      commit: null,
      pullRequest: null,
      run: null,
      approvals: null,
      links: { run: null, artifact: null, report: null },
      policySource: { path: null, origin: 'defaults', commit: null, changedInPullRequest: false },
    };
    const html = renderReportHtml(buildValidationPackage(report, local));
    expect(html).not.toMatch(/unknown/i);
    const sections = [...html.matchAll(/<section id="([^"]+)">([\s\S]*?)<\/section>/g)];
    expect(sections.map((m) => m[1])).toEqual(['plot', 'comparisons', 'inputs']);
    // Every section holds more than its heading.
    for (const [, , inner] of sections) expect((inner ?? '').replace(/<h2>[^<]*<\/h2>/, '').trim()).not.toBe('');
    expect([...html.matchAll(/<nav>.*<\/nav>/g)][0]?.[0].match(/href="#[^"]+"/g)).toEqual([
      'href="#plot"',
      'href="#comparisons"',
      'href="#inputs"',
    ]);
    // The verdict in the words of every other output; cohorts in natural order.
    expect(html).toContain('<h1>PASS — the candidate may ship: all 4 cohorts within their margins</h1>');
    const all = html.slice(html.indexOf('<section id="comparisons">'));
    expect(all.indexOf('>seg:1<')).toBeLessThan(all.indexOf('>seg:2<'));
    expect(all.indexOf('>seg:2<')).toBeLessThan(all.indexOf('>seg:10<'));
    // The method once below the table, not on each row; adjusted p left blank where nothing regressed.
    expect(all.match(/Tango score test/g)).toHaveLength(1);
    expect(html).toContain('.scroll{overflow:auto;max-height:70vh;max-width:100%}');
  });

  it('plots the 200 most important of 10,000 comparisons and lists them all', async () => {
    const base = buildValidationPackage(await blockedReport(), run);
    const template = base.test_evidence.comparisons;
    // Copies of the example's comparisons; only the first copy keeps its regression.
    const many: Comparison[] = Array.from({ length: 10_000 }, (_, i) => {
      const c = template[i % template.length] as Comparison;
      const copy = Math.floor(i / template.length);
      return { ...c, cohort: `${c.cohort}#${copy}`, status: copy > 0 && c.status === 'regressed' ? 'pass' : c.status };
    });
    const pkg = { ...base, test_evidence: { ...base.test_evidence, comparisons: many } };
    const started = performance.now();
    const html = renderReportHtml(pkg);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(html.match(/class="pt"/g)).toHaveLength(200);
    // The regression and then the inconclusive ones take the plot; the note says what was left out.
    expect(html.match(/<g class="row" data-status="regressed"/g)).toHaveLength(1);
    expect(html.match(/<g class="row" data-status="inconclusive"/g)).toHaveLength(199);
    const inconclusive = many.filter((c) => c.status === 'inconclusive').length;
    expect(html).toContain(
      `9,800 more comparison(s), ${inconclusive - 199} of them inconclusive, are only in the tables below`,
    );
    const allTable = html.slice(html.indexOf('<section id="comparisons">'), html.indexOf('<section id="inputs">'));
    expect(allTable.match(/<tr class="(pass|regressed|inconclusive|missing)">/g)).toHaveLength(10_000);
  });

  it('renders to PNG in headless Chromium, when it is installed', (context) => {
    const chromium = ['chromium', 'chromium-browser'].find((name) => {
      try {
        execFileSync('which', [name], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    });
    if (chromium === undefined) return context.skip();
    return blockedReport().then((report) => {
      const dir = mkdtempSync(join(tmpdir(), 'mrg-png-'));
      writeFileSync(join(dir, 'report.html'), renderReportHtml(buildValidationPackage(report, run)));
      execFileSync(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          `--screenshot=${join(dir, 'report.png')}`,
          '--window-size=1000,1600',
          `file://${join(dir, 'report.html')}`,
        ],
        { stdio: 'ignore', timeout: 60_000 },
      );
      expect(statSync(join(dir, 'report.png')).size).toBeGreaterThan(10_000);
    });
  });
});
