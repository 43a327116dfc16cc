import type { Comparison } from '../compare/comparison.js';
import { escapeMarkdown } from '../report/escape-markdown.js';
import { adjustedLabel, marginPhrase, methodsUsed, passPhrase } from '../report/comparison-phrases.js';
import { formatChange, formatCount, formatMeasure, formatP } from '../format-number.js';
import type { PackageFinding, ValidationPackage } from './validation-package.js';

/**
 * Parts 2–4 of validation-package.md. Tables list every row: an auditor must be able to find any
 * comparison or finding here without opening the JSON.
 */

/** An input string as table-cell text. Caps are generous: the record should not cut what it records. */
export function cell(text: string, maxLength = 300): string {
  return escapeMarkdown(text, maxLength);
}

const STATUS_WORD: Record<Comparison['status'], string> = {
  pass: 'pass',
  regressed: '**regressed**',
  inconclusive: 'inconclusive',
  missing: 'missing',
};

export function renderTestEvidence(pkg: ValidationPackage): string[] {
  const e = pkg.test_evidence;
  const confidence = Number(((1 - e.alpha) * 100).toPrecision(6));
  const design =
    e.design === 'paired'
      ? 'paired by example id (both models scored on the same examples)'
      : 'unpaired per-cohort summaries';
  const lines = [
    '## 2 Test evidence',
    '',
    `Design: ${design}. Each comparison tests whether the candidate is worse than the incumbent by more than the margin, at one-sided alpha ${e.alpha} (bounds are one-sided ${confidence}%), with the ${e.correction} correction across ${formatCount(e.tested)} tested comparison(s). Δ = candidate − incumbent, oriented so that positive is better; proportions in percentage points. Exact values are in validation-package.json.`,
    '',
    `### Comparisons (${formatCount(e.comparisons.length)}, all listed)`,
    '',
    `| status | cohort | metric | n incumbent / candidate / paired | incumbent | candidate | Δ (worst case) | upper bound | margin | ${adjustedLabel(e.correction)} | detectable drop | flags | note |`,
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  // Adjusted p only where it decided (regressions); the method once per metric, below the table.
  for (const c of e.comparisons) {
    const n = `${formatCount(c.n_incumbent)} / ${formatCount(c.n_candidate)} / ${c.n_paired === null ? '–' : formatCount(c.n_paired)}`;
    const flags = [c.rare ? 'rare' : '', c.required ? 'required' : '', `inconclusive ${c.inconclusive_setting}s`]
      .filter((f) => f !== '')
      .join(', ');
    lines.push(
      `| ${STATUS_WORD[c.status]} | ${cell(c.cohort)} | ${cell(c.metric)} (${cell(c.statistic)}, ${c.direction} is better) | ${n} | ${formatMeasure(c, c.incumbent)} | ${formatMeasure(c, c.candidate)} | ${passPhrase(c)} | ${formatChange(c, c.ci_high)} | ${marginPhrase(c)} | ${c.status === 'regressed' ? formatP(c.p_adjusted) : ''} | ${formatChange(c, c.mde, false)} | ${flags} | ${c.note === null ? '' : cell(c.note, 500)} |`,
    );
  }
  lines.push(
    '',
    ...methodsUsed(e.comparisons).map(
      ({ method, metrics }) => `- Method for ${metrics.map((m) => cell(m)).join(', ')}: ${cell(method, 500)}`,
    ),
  );
  lines.push('');
  if (e.reported_metrics.length > 0) {
    lines.push('### Reported, not gated', '', '| cohort | metric | incumbent | candidate |', '|---|---|---:|---:|');
    for (const r of e.reported_metrics) {
      lines.push(
        `| ${cell(r.cohort)} | ${cell(r.metric)} (${cell(r.statistic)}) | ${formatMeasure({ ...r, margin: null }, r.incumbent)} | ${formatMeasure({ ...r, margin: null }, r.candidate)} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

const SEVERITY_WORD: Record<PackageFinding['severity'], string> = { block: 'blocking', warn: 'warning', info: 'note' };

export function renderRiskAssessment(pkg: ValidationPackage): string[] {
  const r = pkg.risk_assessment;
  const lines = ['## 3 Risk assessment', ''];
  lines.push(
    r.risk_class === null
      ? 'No release manifest was given: no risk class, no readiness checklist.'
      : `Risk class: **${cell(r.risk_class)}**, as declared in the release manifest; readiness judged on ${r.evaluated_on === null ? 'an unknown date' : cell(r.evaluated_on)}.`,
    '',
  );
  lines.push(`### Findings (${formatCount(r.findings.length)})`, '');
  if (r.findings.length === 0) lines.push('None.', '');
  else {
    lines.push('| severity | finding | cohort · metric | message | where | status |', '|---|---|---|---|---|---|');
    for (const f of r.findings) {
      const scope = f.cohort === null && f.metric === null ? '' : `${cell(f.cohort ?? '–')} · ${cell(f.metric ?? '–')}`;
      const where = f.file === null ? '' : `${cell(f.file)}${f.line === null ? '' : ` line ${f.line}`}`;
      const status =
        f.waiver === null
          ? 'open'
          : `accepted by ${cell(f.waiver.accepted_by)} until ${cell(f.waiver.expires)}${f.waiver.verified ? ' (verified)' : ' (not verified)'}`;
      lines.push(
        `| ${SEVERITY_WORD[f.severity]} | ${cell(f.id)} | ${scope} | ${cell(f.message, 2000)} | ${where} | ${status} |`,
      );
    }
    lines.push('');
  }
  if (r.checklist.length > 0) {
    lines.push(
      '### Readiness checklist',
      '',
      '| item | required | status | evidence | where |',
      '|---|---|---|---|---|',
    );
    for (const item of r.checklist) {
      const where = `${cell(item.file)}${item.line === null ? '' : ` line ${item.line}`}`;
      lines.push(
        `| ${cell(item.title)} | ${item.required ? 'yes' : 'no'} | ${item.status} | ${item.evidence === null ? '–' : cell(item.evidence, 500)} | ${where} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

export function renderSignOff(pkg: ValidationPackage): string[] {
  const s = pkg.sign_off;
  const lines = ['## 4 Sign-off', ''];
  const approvals =
    s.verified_approvals === null
      ? 'not available: this run could not verify approvals (local run)'
      : s.verified_approvals.length === 0
        ? 'none'
        : s.verified_approvals.map((a) => cell(a)).join(', ');
  lines.push(`- Verified approvals of the change: ${approvals}`);
  lines.push(`- Author of the change: ${s.author === null ? 'unknown' : cell(s.author)}`);
  lines.push(`- Waivers need a verified approval in this run: ${s.waivers_require_verification ? 'yes' : 'no'}`, '');
  lines.push(`### Accepted risks (${formatCount(s.accepted.length)})`, '');
  if (s.accepted.length === 0) lines.push('None: no finding was accepted by waiver.', '');
  else {
    lines.push('| finding | cohort · metric | accepted by | approval | until | reason |', '|---|---|---|---|---|---|');
    for (const a of s.accepted) {
      const scope = a.cohort === null && a.metric === null ? '' : `${cell(a.cohort ?? '–')} · ${cell(a.metric ?? '–')}`;
      lines.push(
        `| ${cell(a.finding)} | ${scope} | ${cell(a.accepted_by)} | ${a.verified ? 'verified' : 'not verified'} | ${cell(a.expires)} | ${cell(a.reason, 1000)} |`,
      );
    }
    lines.push('');
  }
  lines.push(`### Waivers in the manifest (${formatCount(s.waivers.length)})`, '');
  if (s.waivers.length === 0) lines.push('None.', '');
  else {
    lines.push(
      '| entry | finding | cohort · metric | status | accepted by | approval | until | applied to | reason | link |',
      '|---:|---|---|---|---|---|---|---:|---|---|',
    );
    for (const w of s.waivers) {
      const scope =
        w.cohort === null && w.metric === null ? 'any' : `${cell(w.cohort ?? 'any')} · ${cell(w.metric ?? 'any')}`;
      const approval = w.verified === null ? '–' : w.verified ? 'verified' : 'not verified';
      const entry = `${w.index}${w.line === null ? '' : ` (line ${w.line})`}`;
      lines.push(
        `| ${entry} | ${optional(w.finding)} | ${scope} | ${w.status} | ${optional(w.accepted_by)} | ${approval} | ${optional(w.expires)} | ${w.applied_to} | ${optional(w.reason, 1000)} | ${optional(w.link, 500)} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

function optional(text: string | null, maxLength?: number): string {
  return text === null ? '–' : cell(text, maxLength);
}
