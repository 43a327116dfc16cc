import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';

/** Whether GitHub's markdown renderer, cmark-gfm, is on PATH (Debian: apt-get install -y cmark-gfm). */
export function hasCmark(): boolean {
  try {
    return execFileSync('which', ['cmark-gfm'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/** Markdown as GitHub renders it: tables, autolinks, and raw HTML passed through (GitHub then sanitizes it). */
export function gfmToHtml(markdown: string): string {
  return execFileSync('cmark-gfm', ['--extension', 'table', '--extension', 'autolink', '--unsafe'], {
    input: markdown,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
}

/** Every body row has as many cells as the header, and none is the empty filler GFM adds to short rows. */
export function expectTablesKeepColumns(html: string): void {
  const tables = html.match(/<table>[\s\S]*?<\/table>/g) ?? [];
  expect(tables.length).toBeGreaterThan(0);
  for (const table of tables) {
    const rows = table.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    const header = (rows[0]?.match(/<th[ >]/g) ?? []).length;
    expect(header).toBeGreaterThan(1);
    for (const row of rows.slice(1)) {
      expect((row.match(/<td[ >]/g) ?? []).length).toBe(header);
      expect(row).not.toMatch(/<td[^>]*><\/td>\s*<\/tr>/);
    }
  }
}
