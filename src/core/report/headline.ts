import { type CommentContent, classifyReport, cohortPhrase, isDataFinding, plural } from './comment-classify.js';
import { isThinData } from './comparison-phrases.js';
import { formatCount } from '../format-number.js';
import type { GateReport, InputDescription, Verdict } from './report.js';

/**
 * The one wording of the verdict. The PR comment, the job summary, report.md, the text output and
 * report.html all open with the same verdict line and the same counts line, built here and nowhere
 * else, so that they cannot drift apart. Both lines hold counts only, never a string from an input,
 * so every output can print them as they are.
 */

export const VERDICT_WORD: Record<Verdict, string> = { pass: 'PASS', warn: 'WARN', block: 'BLOCK' };
export const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', warn: '⚠️', block: '⛔' };
const VERDICT_MEANING: Record<Verdict, string> = {
  pass: 'the candidate may ship',
  warn: 'the candidate may ship, with warnings',
  block: 'the candidate may not ship',
};

/** "BLOCK — the candidate may not ship: 1 cohort regressed, 1 readiness finding, 1 accepted by waiver" */
export function verdictLine(report: GateReport, content: CommentContent = classifyReport(report)): string {
  return verdictLineOf(report.verdict, verdictReasons(report, content));
}

/** The verdict line from a verdict and its reasons (the validation package keeps the reasons). */
export function verdictLineOf(verdict: Verdict, reasons: string): string {
  return `${VERDICT_WORD[verdict]} — ${VERDICT_MEANING[verdict]}: ${reasons}`;
}

/** Why, in one phrase: only the reasons of the verdict's own level, blocking ones first, plus what waivers accepted. */
export function verdictReasons(report: GateReport, content: CommentContent = classifyReport(report)): string {
  const reasons: string[] = [];
  if (report.verdict === 'block') {
    const blocking = content.blockingComparisons;
    const regressed = blocking.filter((c) => c.status === 'regressed');
    const missing = blocking.filter((c) => c.status === 'missing');
    const unclear = blocking.filter((c) => c.status === 'inconclusive');
    if (regressed.length > 0) reasons.push(`${cohortPhrase(regressed)} regressed`);
    if (missing.length > 0) reasons.push(`${cohortPhrase(missing)} missing`);
    reasons.push(...inconclusiveReasons(unclear, ' (blocking)'));
    const data = content.blockingFindings.filter(isDataFinding).length;
    const readiness = content.blockingFindings.length - data;
    if (readiness > 0) reasons.push(plural(readiness, 'readiness finding', 'readiness findings'));
    if (data > 0) reasons.push(plural(data, 'data finding', 'data findings'));
    if (reasons.length === 0)
      reasons.push(plural(report.summary.blocking_findings, 'blocking finding', 'blocking findings'));
  } else if (report.verdict === 'warn') {
    reasons.push(...inconclusiveReasons(content.inconclusive, ''));
    const warnings = content.warnings.length + content.waiverProblems.length;
    if (warnings > 0) reasons.push(plural(warnings, 'warning', 'warnings'));
    if (reasons.length === 0) reasons.push(plural(report.summary.warnings, 'warning', 'warnings'));
  } else {
    reasons.push(
      report.comparisons.length === 0
        ? 'nothing to compare'
        : `all ${cohortPhrase(report.comparisons)} within their margins`,
    );
  }
  if (content.waived.length > 0) reasons.push(`${formatCount(content.waived.length)} accepted by waiver`);
  return reasons.join(', ');
}

function inconclusiveReasons(rows: CommentContent['inconclusive'], suffix: string): string[] {
  const thin = rows.filter(isThinData);
  const close = rows.filter((c) => !isThinData(c));
  const reasons: string[] = [];
  if (thin.length > 0) reasons.push(`${cohortPhrase(thin)} too small to tell${suffix}`);
  if (close.length > 0) reasons.push(`${cohortPhrase(close)} too close to the margin to tell${suffix}`);
  return reasons;
}

/** "33 cohort metrics compared: 30 pass, 1 regressed, 2 inconclusive, 0 missing; findings: 2 blocking, 1 warning, 1 accepted by waiver" */
export function countsLine(s: GateReport['summary']): string {
  return (
    `${plural(s.comparisons, 'cohort metric', 'cohort metrics')} compared: ${formatCount(s.pass)} pass, ${formatCount(s.regressed)} regressed, ` +
    `${formatCount(s.inconclusive)} inconclusive, ${formatCount(s.missing)} missing; ` +
    `findings: ${formatCount(s.blocking_findings)} blocking, ${plural(s.warnings, 'warning', 'warnings')}, ${formatCount(s.waived_findings)} accepted by waiver`
  );
}

/** Which models, as the reviewer knows them: from the manifest when there is one, else from the files. Raw input text. */
export interface ModelNames {
  readonly candidate: string;
  readonly incumbent: string;
}

export function modelNames(
  release: { readonly name: string; readonly candidate: string; readonly incumbent: string } | null,
  inputs: { readonly incumbent: InputDescription; readonly candidate: InputDescription },
): ModelNames {
  if (release !== null) return { candidate: `${release.name} ${release.candidate}`, incumbent: release.incumbent };
  const side = (d: InputDescription): string => (d.model === null ? d.path : `${d.model.name} ${d.model.version}`);
  return { candidate: side(inputs.candidate), incumbent: side(inputs.incumbent) };
}

/** "Candidate X vs incumbent Y", each name escaped and marked by the renderer. */
export function modelsPhrase(names: ModelNames, mark: (name: string) => string): string {
  return `Candidate ${mark(names.candidate)} vs incumbent ${mark(names.incumbent)}`;
}

/** "paired by id, 6,000 examples" or "unpaired summaries". */
export function designPhrase(
  design: GateReport['design'],
  inputs: { readonly incumbent: InputDescription; readonly candidate: InputDescription },
): string {
  if (design === 'unpaired') return 'unpaired summaries';
  const i = inputs.incumbent.examples ?? 0;
  const c = inputs.candidate.examples ?? 0;
  return i === c
    ? `paired by id, ${plural(c, 'example', 'examples')}`
    : `paired by id, ${formatCount(c)} candidate and ${formatCount(i)} incumbent examples`;
}

/** The models of a report. */
export function reportModelNames(report: GateReport): ModelNames {
  return modelNames(report.readiness.manifest?.model ?? null, report.inputs);
}
