// Bare URLs and addresses in input must not become live links: GitHub's markdown (GFM) links
// `www.` names, `scheme://` URLs and e-mail-shaped text by itself. Checked with a real GFM renderer.
import { describe, expect, it } from 'vitest';
import { runGate } from '../src/core/gate/run-gate.js';
import { validationPackageFiles } from '../src/core/package/package-files.js';
import { localRunContext } from '../src/core/report/run-context.js';
import { escapeMarkdown } from '../src/core/report/escape-markdown.js';
import { renderPullRequestComment } from '../src/core/report/render-comment.js';
import { renderMarkdown } from '../src/core/report/render-markdown.js';
import { gfmToHtml as gfm, hasCmark } from './helpers/cmark.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

const LINKY = [
  'www.evil.example',
  'see WWW.Evil.Example now',
  '(www.evil.example/path?q=1)',
  'http://evil.example',
  'https://evil.example/login',
  'HTTPS://EVIL.EXAMPLE',
  'ftp://evil.example/x',
  'foo@bar.example',
  'mailto:foo@bar.example',
  'xmpp:foo@bar.example/res',
  'a.b-c_d+e@sub.bar.example',
];

const cmark = hasCmark();

describe('GFM autolinks from input', () => {
  it.skipIf(!cmark)('no escaped string renders as a link', () => {
    for (const text of LINKY) {
      const html = gfm(`${escapeMarkdown(text)}\n\n| cell |\n| --- |\n| ${escapeMarkdown(text)} |\n`);
      expect(html, text).not.toMatch(/<a\b/);
      // Still reads the same: the same characters, with invisible breaks.
      const paragraph = (html.split('\n')[0] ?? '')
        .replace(/<\/?p>/g, '')
        .replace(/\u200b/g, '')
        .replace(/&amp;/g, '&');
      expect(paragraph).toBe(text);
    }
  });

  it.skipIf(!cmark)(
    'the comment, the job summary and the validation package link only what the gate links',
    async () => {
      const records = (shift: number) =>
        Array.from({ length: 400 }, (_, i) => ({
          id: i,
          cohorts: [LINKY[i % LINKY.length]],
          correct: (i + shift) % 5 !== 0,
          metrics: { 'www.latency.example': i % 17 },
        }));
      const report = await runGate({
        incumbent: memorySource('www.incumbent.example/i.jsonl', jsonl(records(0)), 65536),
        candidate: memorySource('https://candidate.example/c.jsonl', jsonl(records(1)), 65536),
        tool: { name: 'model-release-gate', version: 'test' },
      });
      expect(report.comparisons.map((c) => c.cohort)).toEqual(expect.arrayContaining(LINKY));
      const runUrl = 'https://github.com/acme/models/actions/runs/1';
      const run = {
        ...localRunContext(new Date('2026-11-23T00:00:00Z'), report.tool, 'www.policy.example'),
        links: { run: runUrl, artifact: `${runUrl}/artifacts/2`, report: null },
      };
      const documents: [string, string][] = [
        ['comment', renderPullRequestComment(report, run, { gateId: 'g' })],
        ['summary', renderMarkdown(report)],
        ...validationPackageFiles(report, run).filter(([name]) => name.endsWith('.md')),
      ];
      for (const [name, markdown] of documents) {
        const hrefs = [...gfm(markdown).matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((m) => m[1]);
        for (const href of hrefs)
          expect(href, name).toMatch(/^https:\/\/github\.com\/acme\/models\/actions\/runs\/1\b|^#/);
      }
    },
  );

  if (!cmark)
    it('cmark-gfm check', () =>
      console.warn('skipped the GFM autolink check: cmark-gfm is not installed (apt-get install -y cmark-gfm)'));
});
