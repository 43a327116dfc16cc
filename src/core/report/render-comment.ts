import type { RunContext } from './run-context.js';
import { fitComment } from './comment-budget.js';
import { classifyReport } from './comment-classify.js';
import { contextLine, footerLine, headerLines, policyChangeNote } from './comment-header.js';
import { commentSections } from './comment-sections.js';
import { markdownLink } from './escape-markdown.js';
import type { GateReport } from './report.js';
import { trafficCommentSections } from './traffic-comment-section.js';

export interface CommentOptions {
  /** Tells this gate's comment apart from other gates' on the same pull request. */
  readonly gateId: string;
  /** Upper bound on the body's length in UTF-16 code units; GitHub rejects bodies over 65,536. */
  readonly maxLength?: number;
}

const DEFAULT_MAX_LENGTH = 60_000;

/**
 * The hidden first line by which the Action finds its own comment to update. Only [A-Za-z0-9._-]
 * survive, so an id can neither end the HTML comment nor differ from the one used to search. The
 * canary gate's marker differs from `check`'s, so the two comments never replace each other.
 */
export function commentMarker(gateId: string, gate: 'check' | 'canary' = 'check'): string {
  const safeId = gateId.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 100);
  return `<!-- model-release-gate${gate === 'canary' ? '-canary' : ''}:${safeId === '' ? 'default' : safeId} -->`;
}

/**
 * The sticky pull-request comment: the verdict line, the models, the counts, then the sections every
 * markdown output shares (what blocks, what the data cannot tell, what was accepted and by whom, the
 * readiness checklist, other warnings, everything that passed, folded). Pure: the same report and
 * run give the same text.
 */
export function renderPullRequestComment(report: GateReport, run: RunContext, options: CommentOptions): string {
  const content = classifyReport(report);
  const top = [
    commentMarker(options.gateId),
    ...headerLines(report, content, contextLine(report, run)),
    ...policyChangeNote(run),
  ];
  const pointer = `the ${markdownLink('validation package', run.links.artifact) ?? markdownLink('full report', run.links.report) ?? 'validation package'}`;
  return fitComment(
    {
      top,
      sections: commentSections(report, content, trafficCommentSections(report)),
      bottom: [footerLine(report)],
      pointer,
    },
    options.maxLength ?? DEFAULT_MAX_LENGTH,
  );
}
