import type { Comparison } from '../compare/comparison.js';
import {
  adjustedLabel,
  inconclusivePhrase,
  marginPhrase,
  methodsUsed,
  passPhrase,
  sizeOf,
  valuesPhrase,
} from '../report/comparison-phrases.js';
import { formatChange, formatCount, formatP } from '../format-number.js';
import { escapeHtml } from './html-escape.js';
import type { PackageFinding, ValidationPackage } from './validation-package.js';

/**
 * The tables of report.html. Every cell is built from escaped text: input strings through
 * escapeHtml, numbers through the shared formatters (whose output is escaped too, for uniformity).
 * Tables are never truncated: the plot picks what to show, the tables keep everything.
 */

type Cell = string | { readonly html: string } | { readonly num: string };

/** A cell that is already HTML (built here from escaped parts). */
function raw(html: string): Cell {
  return { html };
}

type Row = { readonly cells: readonly Cell[]; readonly className?: string };

/** A section with a heading, optional intro (HTML) and a table; `empty` replaces the table when there are no rows. */
function table(
  id: string,
  caption: string,
  head: readonly string[],
  rows: readonly Row[],
  intro = '',
  footer = '',
): string {
  const heading = `<section id="${id}"><h2>${escapeHtml(caption)}</h2>${intro}`;
  if (rows.length === 0) return `${heading}</section>`;
  const body = rows
    .map((r) => `<tr${r.className === undefined ? '' : ` class="${r.className}"`}>${r.cells.map(td).join('')}</tr>`)
    .join('\n');
  return `${heading}<div class="scroll"><table><thead><tr>${head.map((h, i) => `<th${isNumeric(rows[0]?.cells[i]) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>\n${body}\n</tbody></table></div>${footer}</section>`;
}

/** A number (or bounds, or a count): right-aligned and never wrapped mid-number. */
function num(text: string): Cell {
  return { num: text };
}

function isNumeric(c: Cell | undefined): boolean {
  return c !== undefined && typeof c !== 'string' && 'num' in c;
}

function td(c: Cell): string {
  if (typeof c === 'string') return `<td>${escapeHtml(c)}</td>`;
  return 'html' in c ? `<td>${c.html}</td>` : `<td class="num">${escapeHtml(c.num)}</td>`;
}

function where(file: string | null, line: number | null): string {
  return file === null ? '' : `${file}${line === null ? '' : ` line ${line}`}`;
}

function scope(cohort: string | null, metric: string | null): string {
  return cohort === null && metric === null ? '' : `${cohort ?? '–'} · ${metric ?? '–'}`;
}

export function findingsTable(id: string, caption: string, findings: readonly PackageFinding[]): string {
  return table(
    id,
    caption,
    ['finding', 'cohort · metric', 'message', 'where'],
    findings.map((f) => ({
      cells: [raw(`<code>${escapeHtml(f.id)}</code>`), scope(f.cohort, f.metric), f.message, where(f.file, f.line)],
      className: f.severity,
    })),
  );
}

export function inconclusiveTable(comparisons: readonly Comparison[]): string {
  return table(
    'inconclusive',
    `Inconclusive (${formatCount(comparisons.length)})`,
    ['cohort', 'metric', 'n', 'what the data says', 'margin', 'if inconclusive'],
    comparisons.map((c) => ({
      cells: [
        cohortCell(c),
        metricName(c),
        num(formatCount(sizeOf(c))),
        inconclusivePhrase(c, (t) => t),
        num(marginPhrase(c)),
        `${c.inconclusive_setting}s`,
      ],
      className: 'inconclusive',
    })),
  );
}

export function waiversTable(pkg: ValidationPackage): string {
  const s = pkg.sign_off;
  // A local run without waivers has nothing to sign off: no section rather than an empty one.
  if (s.waivers.length === 0 && s.verified_approvals === null && s.author === null) return '';
  const approvals =
    s.verified_approvals === null
      ? 'not available (this run could not verify approvals)'
      : s.verified_approvals.length === 0
        ? 'none'
        : s.verified_approvals.join(', ');
  const accepted = s.accepted.map(
    (a) =>
      `<li><code>${escapeHtml(a.finding)}</code>${a.cohort === null && a.metric === null ? '' : ` ${escapeHtml(scope(a.cohort, a.metric))}`}: accepted by <strong>${escapeHtml(a.accepted_by)}</strong> until ${escapeHtml(a.expires)} (${a.verified ? 'approval verified' : 'approval not verified'}): “${escapeHtml(a.reason)}”</li>`,
  );
  const author = s.author === null ? '' : ` Author: ${escapeHtml(s.author)}.`;
  const intro =
    `<p>Verified approvals of the change: <strong>${escapeHtml(approvals)}</strong>.${author} Waivers need a verified approval in this run: ${s.waivers_require_verification ? 'yes' : 'no'}.</p>` +
    (accepted.length === 0
      ? '<p>No finding was accepted by waiver.</p>'
      : `<p>Accepted risks:</p><ul class="accepted">${accepted.join('')}</ul>`);
  const rows = s.waivers.map((w) => ({
    cells: [
      String(w.index),
      raw(w.finding === null ? '–' : `<code>${escapeHtml(w.finding)}</code>`),
      w.cohort === null && w.metric === null ? 'any' : `${w.cohort ?? 'any'} · ${w.metric ?? 'any'}`,
      w.status,
      w.accepted_by ?? '–',
      w.verified === null ? '–' : w.verified ? 'verified' : 'not verified',
      w.expires ?? '–',
      String(w.applied_to),
      w.reason ?? '–',
      w.link ?? '–',
    ],
    className: w.status === 'applied' ? 'waived' : 'warn',
  }));
  return table(
    'waivers',
    `Sign-off: approvals and waivers (${formatCount(s.waivers.length)})`,
    [
      'entry',
      'finding',
      'cohort · metric',
      'status',
      'accepted by',
      'approval',
      'until',
      'applied to',
      'reason',
      'link',
    ],
    rows,
    s.waivers.length === 0 ? `${intro}<p>No waivers in the manifest.</p>` : intro,
  );
}

export function checklistTable(pkg: ValidationPackage): string {
  const r = pkg.risk_assessment;
  if (r.risk_class === null) return '';
  const required = pkg.requirements.readiness_required;
  return table(
    'readiness',
    `Readiness checklist: ${r.risk_class} risk (requires ${required.length === 0 ? 'no items' : required.join(', ')})`,
    ['item', 'required', 'status', 'evidence', 'where'],
    r.checklist.map((item) => ({
      cells: [item.title, item.required ? 'yes' : 'no', item.status, item.evidence ?? '–', where(item.file, item.line)],
      className:
        item.status === 'finding'
          ? 'block'
          : item.status === 'waived'
            ? 'waived'
            : item.status === 'ok'
              ? 'ok'
              : 'muted',
    })),
  );
}

/** Every comparison, in report order (natural cohort order); the methods once below the table, adjusted p only where it decided (regressions). */
export function comparisonsTable(
  comparisons: readonly Comparison[],
  correction: Parameters<typeof adjustedLabel>[0],
): string {
  const methods = methodsUsed(comparisons).map(
    ({ method, metrics }) => `<li>${escapeHtml(metrics.join(', '))}: ${escapeHtml(method)}</li>`,
  );
  const footer = methods.length === 0 ? '' : `<p class="note">Methods:</p><ul class="methods">${methods.join('')}</ul>`;
  return table(
    'comparisons',
    `All comparisons (${formatCount(comparisons.length)})`,
    [
      'status',
      'cohort',
      'metric',
      'n',
      'incumbent → candidate',
      'Δ (worst case)',
      'margin',
      adjustedLabel(correction),
      'detectable drop',
      'note',
    ],
    comparisons.map((c) => ({
      cells: [
        c.status,
        cohortCell(c),
        metricName(c),
        num(formatCount(sizeOf(c))),
        num(valuesPhrase(c)),
        num(passPhrase(c)),
        num(marginPhrase(c)),
        num(c.status === 'regressed' ? formatP(c.p_adjusted) : ''),
        num(c.status === 'inconclusive' ? formatChange(c, c.mde, false) : ''),
        c.note ?? '',
      ],
      className: c.status === 'missing' && c.required ? 'regressed' : c.status,
    })),
    '',
    footer,
  );
}

export function inputsTable(pkg: ValidationPackage): string {
  const i = pkg.provenance.inputs;
  const rows = (['incumbent', 'candidate'] as const).map((role) => {
    const d = i[role];
    const model = d.model === null ? '–' : `${d.model.name} ${d.model.version}`;
    const dataset =
      d.dataset === null
        ? '–'
        : [d.dataset.name, d.dataset.version ?? '', d.dataset.sha256 === undefined ? '' : `sha256 ${d.dataset.sha256}`]
            .filter((s) => s !== '')
            .join(' ');
    return {
      cells: [
        role,
        d.path,
        raw(`<code>${escapeHtml(d.sha256)}</code>`),
        d.format,
        num(d.examples === null ? '–' : formatCount(d.examples)),
        model,
        dataset,
      ],
    };
  });
  const p = i.policy;
  const origin = `read from ${p.origin}${p.commit === null ? '' : ` at ${p.commit}`}${p.changed_in_pull_request ? '; changed in this pull request (applies once merged)' : ''}`;
  rows.push({
    cells: [
      'policy',
      p.path ?? 'none (defaults)',
      raw(p.sha256 === null ? '–' : `<code>${escapeHtml(p.sha256)}</code>`),
      'yaml',
      '–',
      '–',
      origin,
    ],
  });
  const m = i.manifest;
  if (m !== null)
    rows.push({ cells: ['manifest', m.path, raw(`<code>${escapeHtml(m.sha256)}</code>`), 'yaml', '–', '–', '–'] });
  const t = i.traffic;
  if (t !== null)
    rows.push({
      cells: [
        'traffic',
        t.path,
        raw(`<code>${escapeHtml(t.sha256)}</code>`),
        'traffic@1',
        '–',
        '–',
        `production's cohort counts, ${t.window.from} to ${t.window.to}`,
      ],
    });
  return table(
    'inputs',
    'Inputs',
    ['input', 'path', 'sha256', 'format', 'examples', 'model', 'dataset / source'],
    rows,
  );
}

function cohortCell(c: Comparison): Cell {
  return raw(
    `${escapeHtml(c.cohort)}${c.rare ? ' <span class="tag">rare</span>' : ''}${c.required ? ' <span class="tag">required</span>' : ''}`,
  );
}

function metricName(c: Comparison): string {
  return c.statistic === 'proportion' || c.statistic === 'mean' ? c.metric : `${c.metric} (${c.statistic})`;
}
