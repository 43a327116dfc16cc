import { formatCount } from '../format-number.js';

/**
 * Fits a comment into a size limit (GitHub rejects comment bodies over 65,536 characters) by
 * dropping whole rows, least important first, and saying how many were left out and where they are.
 * Only whole lines are ever dropped, and a section's opening and closing lines (headings, the
 * `<details>` tags) are kept or dropped together, so no table row or HTML tag is ever cut.
 */

/** One droppable line: a table row or a list item. Lower rank is more important. */
export interface CommentRow {
  readonly text: string;
  readonly rank: number;
  /** What the row is, for the count of rows left out: ["cohort metric", "cohort metrics"]. */
  readonly noun: readonly [one: string, many: string];
}

/** A part of the comment: kept lines around droppable rows. Sections without rows are left out. */
export interface CommentSection {
  readonly open: readonly string[];
  /** Shown only above the first kept row (a table's header). */
  readonly tableHead: readonly string[];
  readonly rows: readonly CommentRow[];
  readonly close: readonly string[];
}

export interface CommentLayout {
  /** Always shown: marker, verdict, context. */
  readonly top: readonly string[];
  readonly sections: readonly CommentSection[];
  readonly bottom: readonly string[];
  /** Where the rows left out can be read, e.g. "the [validation package](…)". */
  readonly pointer: string;
}

/** The body, at most maxLength UTF-16 code units (what GitHub counts), ending in a newline. */
export function fitComment(layout: CommentLayout, maxLength: number): string {
  const sections = layout.sections.filter((s) => s.rows.length > 0);
  const everything = sections.map((s) => s.rows.map(() => true));
  const full = assemble(layout, sections, everything);
  if (full.length <= maxLength) return full;

  // What is always there once anything is dropped: every section's frame with a worst-case count line.
  let used = cost(layout.top) + cost(layout.bottom);
  for (const s of sections) used += cost(s.open) + cost(s.close) + cost(moreLines(s.rows, layout.pointer));
  const shown = sections.map((s) => s.rows.map(() => false));
  const started = sections.map(() => false);
  const order = sections
    .flatMap((s, si) => s.rows.map((row, ri) => ({ si, ri, rank: row.rank })))
    .sort((a, b) => a.rank - b.rank || a.si - b.si || a.ri - b.ri);
  // Strictly by importance: once a row does not fit, nothing less important is shown either.
  for (const { si, ri } of order) {
    const section = sections[si];
    const row = section?.rows[ri];
    const flags = shown[si];
    if (section === undefined || row === undefined || flags === undefined) continue;
    const extra = row.text.length + 1 + (started[si] === true ? 0 : cost(section.tableHead));
    if (used + extra > maxLength) break;
    used += extra;
    flags[ri] = true;
    started[si] = true;
  }
  const body = assemble(layout, sections, shown);
  return body.length <= maxLength ? body : minimal(layout, maxLength);
}

function assemble(
  layout: CommentLayout,
  sections: readonly CommentSection[],
  shown: readonly (readonly boolean[])[],
): string {
  const lines: string[] = [...layout.top];
  sections.forEach((section, si) => {
    const flags = shown[si] ?? [];
    const kept = section.rows.filter((_, ri) => flags[ri] === true);
    const left = section.rows.filter((_, ri) => flags[ri] !== true);
    lines.push(...section.open);
    if (kept.length > 0) lines.push(...section.tableHead, ...kept.map((r) => r.text));
    if (left.length > 0) lines.push(...moreLines(left, layout.pointer));
    lines.push(...section.close);
  });
  lines.push(...layout.bottom);
  return `${lines.join('\n')}\n`;
}

/** "… and 9,812 more cohort metrics: see the validation package", after a blank line so it cannot join a table. */
function moreLines(left: readonly CommentRow[], pointer: string): string[] {
  const counts = new Map<string, { n: number; noun: readonly [string, string] }>();
  for (const row of left) {
    const entry = counts.get(row.noun[0]) ?? { n: 0, noun: row.noun };
    entry.n += 1;
    counts.set(row.noun[0], entry);
  }
  const parts = [...counts.values()].map(({ n, noun }) => `${formatCount(n)} more ${n === 1 ? noun[0] : noun[1]}`);
  return ['', `… and ${parts.join(', ')}: see ${pointer}`];
}

/** The last resort when even the frame does not fit: the verdict and the pointer. */
function minimal(layout: CommentLayout, maxLength: number): string {
  const lines = [...layout.top.slice(0, 2), '', `The full comment is too long to show here: see ${layout.pointer}.`];
  const body = `${lines.join('\n')}\n`;
  return body.length <= maxLength ? body : `${lines.slice(0, 2).join('\n')}\n`;
}

/** Characters the lines take once joined, each with its newline. */
function cost(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + line.length + 1, 0);
}
