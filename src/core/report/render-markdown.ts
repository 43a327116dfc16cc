import { fitComment } from './comment-budget.js';
import { classifyReport } from './comment-classify.js';
import { footerLine, headerLines, reportContextLine } from './comment-header.js';
import { commentSections } from './comment-sections.js';
import type { GateReport } from './report.js';
import { trafficMarkdownSections } from './traffic-markdown-section.js';

/**
 * At most this many UTF-16 code units: GitHub's job summary takes 1 MiB, and a code unit is at most
 * three bytes in UTF-8, so the summary stays under the limit whatever the names are made of.
 */
const MARKDOWN_MAX_LENGTH = 300_000;

/**
 * The markdown report (report.md and the job summary): the pull-request comment's layout, without
 * the comment's marker and links, under a larger size limit. Rows that do not fit are counted and
 * pointed to report.json, least important first, exactly as in the comment.
 */
export function renderMarkdown(report: GateReport, maxLength = MARKDOWN_MAX_LENGTH): string {
  const content = classifyReport(report);
  const top = headerLines(report, content, reportContextLine(report));
  const traffic = report.traffic === null ? [] : trafficMarkdownSections(report.traffic, report.comparisons);
  return fitComment(
    { top, sections: commentSections(report, content, traffic), bottom: [footerLine(report)], pointer: 'report.json' },
    maxLength,
  );
}
