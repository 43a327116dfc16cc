import { canaryReportJson, type CanaryReport } from './canary-report.js';
import { renderCanaryHtml } from './render-canary-html.js';
import { renderCanaryMarkdown } from './render-canary-markdown.js';

// The Action also posts the comment: one lazily loaded module (one chunk) holds all it renders.
export { renderCanaryComment } from './render-canary-markdown.js';

/** The canary reports by file name: what the CLI writes to --out and the Action writes and uploads. */
export function canaryReportFiles(report: CanaryReport): [name: string, text: string][] {
  return [
    ['canary-report.json', canaryReportJson(report)],
    ['canary-report.md', renderCanaryMarkdown(report)],
    ['canary-report.html', renderCanaryHtml(report)],
  ];
}
