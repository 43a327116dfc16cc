import { fileURLToPath } from 'node:url';
import { type ICruiseResult, cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

// The import rules of .dependency-cruiser.cjs (what `npm run deps` checks), run through
// dependency-cruiser's API: the real src/ keeps them, and a small tree laid out like src/ that breaks
// them (test/fixtures/import-cycle) is caught.

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every rule violation in `src` under baseDir, as "rule: from → to". */
async function violations(baseDir: string): Promise<string[]> {
  const options = await extractDepcruiseOptions(`${root}.dependency-cruiser.cjs`);
  const tsConfig = extractTSConfig(`${root}tsconfig.json`);
  // No cache here: the cache remembers one tree, and this test cruises two.
  const { output } = await cruise(['src'], { ...options, baseDir, cache: false }, {}, { tsConfig });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('import layers (.dependency-cruiser.cjs)', () => {
  it('finds no cycle and no import against the layers in src/', async () => {
    expect(await violations(root)).toEqual([]);
  });

  it('reports a cycle of type-only imports, an import up the layers and the core importing an adapter', async () => {
    expect(await violations(`${root}test/fixtures/import-cycle`)).toEqual([
      'core-is-pure: src/core/report/headline.ts → src/adapters/disk.ts',
      'core-layer-stats: src/core/stats/ratio.ts → src/core/report/headline.ts',
      'no-circular: src/core/stats/ratio.ts → src/core/stats/share.ts',
    ]);
  });
});
