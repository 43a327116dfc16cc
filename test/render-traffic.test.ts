// "Does the eval look like production?" in every output: goldens of the example run with
// examples/traffic.json (comment, report.md, text, validation-package.md, report.html's section), the
// traffic file in the package's inputs, and hostile cohort names rendered as plain text everywhere.
import { describe, expect, it } from 'vitest';
import { openFileSource, readSmallFile } from '../src/adapters/file-source.js';
import { runGate } from '../src/core/gate/run-gate.js';
import { renderValidationMarkdown } from '../src/core/package/render-package-markdown.js';
import { renderReportHtml } from '../src/core/package/render-report-html.js';
import { buildValidationPackage, validationPackageToJson } from '../src/core/package/validation-package.js';
import { renderPullRequestComment } from '../src/core/report/render-comment.js';
import { renderMarkdown } from '../src/core/report/render-markdown.js';
import { renderText } from '../src/core/report/render-text.js';
import type { GateReport } from '../src/core/report/report.js';
import { gfmToHtml, hasCmark } from './helpers/cmark.js';
import { expectGolden } from './helpers/golden.js';
import { run, tool } from './helpers/golden-run.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

const readiness = { today: '2026-12-01', evidenceExists: () => false, requireVerifiedWaiversByDefault: false };
const HEADING = 'Does the eval look like production?';

async function exampleReport(): Promise<GateReport> {
  return runGate({
    incumbent: await openFileSource('examples/incumbent.jsonl'),
    candidate: await openFileSource('examples/candidate.jsonl'),
    policy: await readSmallFile('examples/policy.yml'),
    traffic: await readSmallFile('examples/traffic.json'),
    readiness,
    tool,
  });
}

/** report.html's traffic section alone: the rest of the page is pinned by the other HTML tests. */
function trafficHtml(html: string): string {
  const match = /<section id="traffic">[\s\S]*?\n<\/section>/.exec(html);
  return match === null ? '' : `${match[0]}\n`;
}

describe('the traffic section of the example run (golden)', () => {
  it('renders in the comment, report.md, text, validation-package.md and report.html', async () => {
    const report = await exampleReport();
    expect(report.traffic).not.toBeNull();
    const pkg = buildValidationPackage(report, run);
    const comment = renderPullRequestComment(report, run, { gateId: 'fraud-clf' });
    expectGolden('test/golden/traffic-comment.md', comment);
    expectGolden('test/golden/traffic-report.md', renderMarkdown(report));
    expectGolden('test/golden/traffic-report.txt', renderText(report));
    expectGolden('test/golden/traffic-validation-package.md', renderValidationMarkdown(pkg));
    expectGolden('test/golden/traffic-section.html', trafficHtml(renderReportHtml(pkg)));

    // The comment's section sits after the cohort results and before the warnings, one row per dimension.
    const section = comment.slice(comment.indexOf(`### ${HEADING}`));
    expect(comment.indexOf(`### ${HEADING}`)).toBeGreaterThan(comment.indexOf('### Inconclusive'));
    expect(comment.indexOf(`### ${HEADING}`)).toBeLessThan(comment.indexOf('### Other warnings'));
    const rows = section.slice(0, section.indexOf('\n### ', 1)).split('\n');
    expect(rows.filter((line) => line.startsWith('| ') && !line.startsWith('| dimension'))).toHaveLength(
      report.traffic?.dimensions.length ?? -1,
    );
  });

  it('keeps its rows in a short comment while passing rows and warnings are dropped', async () => {
    const report = await exampleReport();
    const full = renderPullRequestComment(report, run, { gateId: 'fraud-clf' });
    const rows = full.split('\n').filter((line) => /^\| (channel|label|lang|region) \|/.test(line));
    expect(rows).toHaveLength(4);
    const short = renderPullRequestComment(report, run, { gateId: 'fraud-clf', maxLength: 5000 });
    expect(short.length).toBeLessThanOrEqual(5000);
    for (const row of rows) expect(short).toContain(row);
    expect(short).toMatch(/… and \d+ more cohort metrics/);
    // Under a limit too small for them, its rows are counted, never cut.
    const tiny = renderPullRequestComment(report, run, { gateId: 'fraud-clf', maxLength: 2600 });
    expect(tiny.length).toBeLessThanOrEqual(2600);
    expect(tiny).toContain('… and 4 more traffic dimensions: see the [validation package]');
    expect(tiny).toContain(`### ${HEADING}`);
  });

  it('records the traffic file (path, sha256, window) among the package inputs', async () => {
    const report = await exampleReport();
    const pkg = JSON.parse(validationPackageToJson(buildValidationPackage(report, run)));
    expect(pkg.provenance.inputs.traffic).toEqual({
      path: 'examples/traffic.json',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      window: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(pkg.test_evidence.traffic.dimensions.map((d: { dimension: string }) => d.dimension)).toEqual([
      'channel',
      'label',
      'lang',
      'region',
    ]);
    const markdown = renderValidationMarkdown(buildValidationPackage(report, run));
    expect(markdown).toContain(`| traffic | examples/traffic.json | ${pkg.provenance.inputs.traffic.sha256} |`);
    expect(markdown).toContain('2026-11-01 to 2026-11-30');
  });

  it('leaves reports without a traffic file without the section', async () => {
    const report = await runGate({
      incumbent: await openFileSource('examples/incumbent.jsonl'),
      candidate: await openFileSource('examples/candidate.jsonl'),
      policy: await readSmallFile('examples/policy.yml'),
      readiness,
      tool,
    });
    const pkg = buildValidationPackage(report, run);
    for (const text of [
      renderPullRequestComment(report, run, { gateId: 'x' }),
      renderMarkdown(report),
      renderText(report),
      renderValidationMarkdown(pkg),
      renderReportHtml(pkg),
    ])
      expect(text).not.toContain(HEADING);
  });
});

// Names from both files: markup, a script, an @-mention, a link, a table pipe, a workflow command
// after a line break, and a dimension that is itself markup.
const REGIONS = [
  'region:<img src=x onerror=alert(1)>',
  'region:**bold** @octocat [x](javascript:alert(1))',
  'region:a|b',
  'region:x\n::error::pwned',
];
const DIMENSION = '<b>dim</b>';
const ABSENT = 'region:<script>alert(1)</script> @alice';

async function hostileReport(): Promise<GateReport> {
  const records = Array.from({ length: 800 }, (_, i) => ({
    id: i,
    cohorts: [REGIONS[i % REGIONS.length], `${DIMENSION}:${i % 2 === 0 ? '@sre' : '#123'}`],
    correct: i % 5 !== 0,
  }));
  const traffic = {
    schema: 'model-release-gate/traffic@1',
    window: { from: '2026-11-01', to: '2026-11-30' },
    source: '@admin <img src=x> ::error::x\n##[add-mask]secret',
    cohorts: {
      ...Object.fromEntries(REGIONS.map((name, i) => [name, 1000 * (i + 1)])),
      [ABSENT]: 5000,
      [`${DIMENSION}:@sre`]: 10,
      [`${DIMENSION}:#123`]: 990,
    },
  };
  const text = JSON.stringify(traffic);
  return runGate({
    incumbent: memorySource('inc.jsonl', jsonl(records), 65536),
    candidate: memorySource('cand.jsonl', jsonl(records), 65536),
    traffic: { path: 'traffic/<i>@bob</i>.json', text, sha256: 'a'.repeat(64) },
    readiness,
    tool,
  });
}

describe('hostile names in the traffic section', () => {
  it('render as plain text in the markdown outputs, the text and report.html', async () => {
    const report = await hostileReport();
    expect(report.traffic?.dimensions.map((d) => d.dimension)).toEqual([DIMENSION, 'region']);
    expect(report.findings.some((f) => f.id === 'traffic.cohort-absent' && f.cohort === ABSENT)).toBe(true);
    const pkg = buildValidationPackage(report, run);
    const markdowns = [
      renderPullRequestComment(report, run, { gateId: 'x' }),
      renderMarkdown(report),
      renderValidationMarkdown(pkg),
    ];
    for (const markdown of markdowns) {
      const section = markdown.slice(markdown.indexOf(HEADING));
      expect(section).not.toMatch(/<img|<script|<b>|<i>|@(octocat|alice|sre|bob|admin)|\]\(javascript|#123/);
      expect(section).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
      expect(section).toContain('&lt;b&gt;dim&lt;/b&gt;');
      expect(section).toContain('a\\|b');
      expect(section.split('\n').some((line) => line.trimStart().startsWith('::'))).toBe(false);
    }
    const html = trafficHtml(renderReportHtml(pkg));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;dim&lt;/b&gt;');
    // Only the page's own tags: no tag from a name or the source survives.
    expect(html.match(/<([a-z][a-z0-9]*)/g)?.filter((tag) => !OWN_TAGS.has(tag.slice(1)))).toEqual([]);

    const text = renderText(report);
    const lines = text.split('\n');
    expect(lines.some((line) => /^\s*::/.test(line) || line.includes('##['))).toBe(false);
    expect(text).toContain('region:x\\u000a::error::pwned');
  });

  it.skipIf(!hasCmark())('keeps its tables whole through a GFM renderer', async () => {
    const report = await hostileReport();
    for (const markdown of [renderPullRequestComment(report, run, { gateId: 'x' }), renderMarkdown(report)]) {
      const html = gfmToHtml(markdown.slice(markdown.indexOf(`### ${HEADING}`)));
      expect(html).not.toMatch(/<a |<img|<script|<b>|<i>|<strong>/);
      for (const table of html.split('<table>').slice(1)) {
        const body = table.slice(0, table.indexOf('</table>'));
        const widths = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => (row[1] ?? '').split('<t').length);
        expect(new Set(widths).size).toBe(1);
      }
    }
  });
});

const OWN_TAGS = new Set(['section', 'h2', 'h3', 'p', 'div', 'span', 'svg', 'line', 'text', 'g', 'title', 'circle']);
for (const tag of ['table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li']) OWN_TAGS.add(tag);
