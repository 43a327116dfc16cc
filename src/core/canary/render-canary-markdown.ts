import { commentMarker } from '../report/render-comment.js';
import { fitComment } from '../report/comment-budget.js';
import { escapeMarkdown, escapeName } from '../report/escape-markdown.js';
import { DECISION_ICON, boundsSentence, canaryHeadline, stagePhrase } from './canary-phrases.js';
import { canarySections } from './canary-markdown-sections.js';
import type { CanaryReport } from './canary-report.js';

/** GitHub rejects comment bodies over 65,536 characters; the job summary takes 1 MiB (see render-markdown.ts). */
const COMMENT_MAX_LENGTH = 60_000;
const MARKDOWN_MAX_LENGTH = 300_000;

/**
 * report.md and the Action's job summary: the decision with its icon, the stage, what decided it,
 * every comparison at the last look, the abort checks, findings, what the bounds mean and the inputs.
 * Rows that do not fit are counted and pointed to report.json, least important first.
 */
export function renderCanaryMarkdown(report: CanaryReport): string {
  return fitComment(
    {
      top: top(report),
      sections: canarySections(report, false),
      bottom: [inputsLine(report), '', footer(report)],
      pointer: 'report.json',
    },
    MARKDOWN_MAX_LENGTH,
  );
}

interface CanaryCommentOptions {
  /** Tells this gate's comment apart from other gates' on the same pull request. */
  readonly gateId: string;
}

/**
 * The sticky pull-request comment: the hidden marker by which the Action finds it again, then the
 * markdown report's layout with the passing comparisons folded away, so a reviewer reads it in a minute.
 */
export function renderCanaryComment(report: CanaryReport, options: CanaryCommentOptions): string {
  return fitComment(
    {
      top: [commentMarker(options.gateId, 'canary'), ...top(report)],
      sections: canarySections(report, true),
      bottom: [footer(report)],
      pointer: 'report.json in the run’s artifact',
    },
    COMMENT_MAX_LENGTH,
  );
}

function top(report: CanaryReport): string[] {
  return [
    `## ${DECISION_ICON[report.decision]} ${canaryHeadline(report)}`,
    '',
    `**Stage:** ${stagePhrase(report, (text) => escapeName(text, 40))}`,
    '',
  ];
}

function inputsLine(report: CanaryReport): string {
  const { observations, manifest, policy } = report.inputs;
  const file = (label: string, f: { readonly path: string; readonly sha256: string }): string =>
    `${label} ${escapeName(f.path)} (sha256 ${escapeName(f.sha256.slice(0, 12), 12)})`;
  const files = [file('observations', observations), file('manifest', manifest)];
  files.push(policy === null ? 'default policy' : file('policy', policy));
  return `**Inputs:** ${files.join(' · ')}. Every look's bounds are in report.json.`;
}

function footer(report: CanaryReport): string {
  const tool = `${escapeMarkdown(report.tool.name, 60)} ${escapeMarkdown(report.tool.version, 40)}`;
  return `<sub>${boundsSentence(report, (text) => escapeMarkdown(text, 200))} ${tool}</sub>`;
}
