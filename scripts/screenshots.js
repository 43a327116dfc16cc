// `npm run screenshots`: rebuilds the two pictures in the README from the real renderers.
//   docs/images/pr-comment.png   the pull-request comment for the blocked example
//   docs/images/report-html.png  report.html of the same run
// It runs the committed CLI (dist/cli/index.js) on the examples, turns the comment's markdown into
// HTML with cmark-gfm under a GitHub-like stylesheet of our own, and photographs both pages with
// headless Chromium. Needs `cmark-gfm` and `chromium` on PATH (Debian: apt-get install -y chromium
// cmark-gfm); CHROMIUM=/path/to/chrome overrides the browser. Safe to re-run: it only rewrites the PNGs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importTypeScript } from './docs/load-ts.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const images = join(root, 'docs', 'images');
const chromium = process.env.CHROMIUM ?? 'chromium';
const MAX_PNG_BYTES = 300 * 1024;

// The blocked example with its release manifest, judged on a fixed day so the pictures do not age.
const EXAMPLE = [
  'check',
  '--incumbent',
  'examples/incumbent.jsonl',
  '--candidate',
  'examples/blocked/candidate.jsonl',
  '--policy',
  'examples/policy.yml',
  '--manifest',
  'examples/release-manifest.yml',
  '--today',
  '2026-11-23',
];

function cli(args) {
  const result = spawnSync(process.execPath, ['dist/cli/index.js', ...args], { cwd: root, encoding: 'utf8' });
  // 0 pass/warn and 1 block are both verdicts; 2 is a usage or input error.
  return { ok: result.status === 0 || result.status === 1, stdout: result.stdout, stderr: result.stderr };
}

/** The comment's markdown: from the CLI when it has `--format comment`, else from the renderer's source on report.json. */
async function commentMarkdown(outDir) {
  const printed = cli([...EXAMPLE, '--format', 'comment']);
  if (printed.ok && printed.stdout.startsWith('<!-- model-release-gate:')) return printed.stdout;
  const [comment, files] = await importTypeScript(root, [
    'src/core/report/render-comment.ts',
    'src/core/package/package-files.ts',
  ]);
  const report = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8'));
  const run = files.localRunContext(new Date('2026-11-23T09:30:00Z'), report.tool, 'examples/policy.yml');
  return comment.renderPullRequestComment(report, run, { gateId: 'default' });
}

const STYLE = `
  body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
  .comment { margin: 16px; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
  .comment > header { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; color: #59636e; }
  .comment > header b { color: #1f2328; }
  .body { padding: 4px 16px 12px; }
  h1, h2, h3 { margin: 16px 0 8px; font-weight: 600; line-height: 1.25; }
  h2 { font-size: 1.35em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; }
  h3 { font-size: 1.1em; }
  p, ul, ol, table, details { margin: 0 0 12px; }
  table { border-collapse: collapse; display: block; overflow: auto; }
  th, td { border: 1px solid #d1d9e0; padding: 4px 10px; }
  th { background: #f6f8fa; font-weight: 600; }
  code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eff1f3; padding: .15em .35em; border-radius: 4px; }
  td code { white-space: pre; }
  a { color: #0969da; text-decoration: none; }
  sub { color: #59636e; }
  summary { cursor: pointer; }
`;

function commentPage(markdown) {
  const html = execFileSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'],
    { input: markdown, encoding: 'utf8' },
  );
  return `<!doctype html><meta charset="utf-8"><title>pull-request comment</title><style>${STYLE}</style>
<div class="comment"><header><b>github-actions</b> bot commented</header><div class="body">${html}</div></div>`;
}

function screenshot(url, png) {
  const profile = mkdtempSync(join(tmpdir(), 'mrg-chromium-'));
  try {
    execFileSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        `--screenshot=${png}`,
        '--window-size=1000,1400',
        url,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const size = statSync(png).size;
  console.log(`${png.slice(root.length + 1)}: ${Math.round(size / 1024)} KB`);
  if (size > MAX_PNG_BYTES) console.warn(`warning: ${png} is over ${MAX_PNG_BYTES / 1024} KB`);
}

const work = mkdtempSync(join(tmpdir(), 'mrg-screenshots-'));
try {
  const outDir = join(work, 'package');
  const run = cli([...EXAMPLE, '--out', outDir]);
  if (!run.ok) throw new Error(`the CLI failed on the example:\n${run.stderr}`);
  const page = join(work, 'comment.html');
  writeFileSync(page, commentPage(await commentMarkdown(outDir)));
  mkdirSync(images, { recursive: true });
  screenshot(pathToFileURL(page).href, join(images, 'pr-comment.png'));
  screenshot(pathToFileURL(join(outDir, 'report.html')).href, join(images, 'report-html.png'));
} catch (error) {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
