// The documentation cannot drift from the code: the generated reference tables (Action inputs from
// action.yml, policy keys from the zod schema, finding ids from src/core, the CLI's usage) must be
// what `npm run docs` would write, the README must stay short, and every relative link in README.md
// and docs/ must point at a file (and heading) that exists.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { anchorsOf, headingSlug, isExternal, linkTargets } from './helpers/docs-links.js';
import { docsGenerator, findingTableModule, markdownModule, type GeneratedFile } from './helpers/docs-scripts.js';

const root = resolve(import.meta.dirname, '..');
const README_LIMIT_BYTES = 20 * 1024;

describe('generated reference tables', () => {
  // Generating transpiles the schema and the CLI from source: do it once for the tests below.
  let generated: GeneratedFile[] = [];
  beforeAll(async () => {
    generated = await (await docsGenerator(root)).generatedFiles(root);
  });
  const expectedOf = (file: string): string => generated.find((entry) => entry.file === file)?.expected ?? '';

  it('are what npm run docs would write (run it after changing action.yml, the policy schema, a finding id or the CLI usage)', () => {
    expect(generated.map(({ file }) => file).sort()).toEqual([
      'README.md',
      'docs/cli.md',
      'docs/findings.md',
      'docs/policy.md',
    ]);
    for (const { file, current, expected } of generated)
      expect(current, `${file} is out of date: run npm run docs`).toBe(expected);
  });

  it('list every Action input and output of action.yml in the README', async () => {
    const { findBlocks } = await markdownModule(root);
    const readme = expectedOf('README.md');
    const table = findBlocks(readme).get('action-inputs') ?? '';
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { required?: boolean }>;
      outputs: Record<string, unknown>;
    };
    for (const [name, input] of Object.entries(action.inputs))
      expect(table).toMatch(
        new RegExp(`^\\| input \\| \`${name}\` \\| ${input.required === true ? '\\*required\\*' : ''}`, 'm'),
      );
    for (const name of Object.keys(action.outputs)) expect(table).toContain(`| output | \`${name}\` |`);
  });

  it('give every policy key of the schema a type, a default and a meaning', async () => {
    const { findBlocks } = await markdownModule(root);
    const rows = (findBlocks(expectedOf('docs/policy.md')).get('policy-keys') ?? '')
      .split('\n')
      .filter((line) => line.startsWith('| `'));
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows)
      expect(
        row.split(' | ').every((cell) => cell.trim() !== ''),
        row,
      ).toBe(true);
    expect(rows.find((row) => row.startsWith('| `alpha` |'))).toContain('| number, 1e-6 ≤ x < 0.5 | `0.05` |');
    expect(rows.find((row) => row.startsWith('| `readiness.drill_max_age_days.high` |'))).toContain(
      '| integer ≥ 1 | `30` |',
    );
  });

  it('find the finding ids raised in src/core, including those built from a template or a table', async () => {
    const { findingIds } = await findingTableModule(root);
    const ids = findingIds(root);
    for (const id of [
      'cohort.regressed',
      'manifest.weakened',
      'owner.missing',
      'waiver.unused',
      'kill-switch.evidence-not-found',
      'load-test.evidence-outside-repository',
      'monitoring.input-drift',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    for (const notAnId of ['report.json', 'cohorts.ignore', 'validation-package.md'])
      expect(ids.has(notAnId), notAnId).toBe(false);
    // A renderer that merely compares ids does not count as raising them.
    expect([...(ids.get('cohort.regressed') ?? [])]).toEqual(['src/core/findings/comparison-findings.ts']);
  });

  it('explain every finding id on some docs page', async () => {
    const { findingTable } = await findingTableModule(root);
    expect(findingTable(root).undocumented).toEqual([]);
  });
});

describe('README', () => {
  it(`is at most ${README_LIMIT_BYTES / 1024} KB`, () => {
    expect(statSync(join(root, 'README.md')).size).toBeLessThanOrEqual(README_LIMIT_BYTES);
  });

  it('shows the two screenshots, and each is a small PNG', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const image of ['docs/images/pr-comment.png', 'docs/images/report-html.png']) {
      expect(readme).toContain(`](${image})`);
      const bytes = readFileSync(join(root, image));
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.length).toBeLessThan(300 * 1024);
    }
  });
});

describe('relative links in README.md and docs/', () => {
  it('computes GitHub heading anchors', () => {
    expect(headingSlug('Options: `--format-in`, `--columns`, `--cohort-field`')).toBe(
      'options---format-in---columns---cohort-field',
    );
    expect(headingSlug('(b) Blocking a promotion and publishing the baseline')).toBe(
      'b-blocking-a-promotion-and-publishing-the-baseline',
    );
    expect(headingSlug("The gate's own formats")).toBe('the-gates-own-formats');
    expect([...anchorsOf('# A\n## A\n```\n# not a heading\n```\n<a id="x"></a>')]).toEqual(['a', 'a-1', 'x']);
  });

  it('point at files and headings that exist', async () => {
    const { documentationFiles } = await docsGenerator(root);
    const broken: string[] = [];
    for (const file of documentationFiles(root)) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const target of linkTargets(text)) {
        if (isExternal(target)) continue;
        const [path = '', anchor] = target.split('#');
        const resolved = path === '' ? join(root, file) : resolve(dirname(join(root, file)), decodeURIComponent(path));
        if (!resolved.startsWith(root) || !existsSync(resolved)) {
          broken.push(`${file}: ${target} (no such file)`);
          continue;
        }
        if (
          anchor !== undefined &&
          anchor !== '' &&
          resolved.endsWith('.md') &&
          !anchorsOf(readFileSync(resolved, 'utf8')).has(anchor)
        ) {
          broken.push(`${file}: ${target} (no heading #${anchor} in ${relative(root, resolved)})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('would notice a broken one', () => {
    expect(linkTargets('see [x](docs/nope.md) and ![y](img.png "t"), `[not](a-link.md)`')).toEqual([
      'docs/nope.md',
      'img.png',
    ]);
  });
});
