// @ts-check
/* global module -- a CommonJS file, as dependency-cruiser loads it */
/**
 * Which module may import which, checked by `npm run deps` (part of `npm run lint`) and proved by
 * test/import-layers.test.ts. Type-only imports count: a cycle of types is still a cycle to read.
 *
 * The core is layered, lowest first; a file may import its own layer and earlier ones, never a later one:
 *
 *   the files directly in src/core/ (errors, escaping, number formatting, cohort names, structured text, …)
 *   → stats → policy → input → readers → load → compare → findings → manifest → traffic → readiness
 *   → report → package → canary → gate
 *
 * input is the gate's own text and record plumbing that every reader and loader shares; readers turn
 * other tools' files into those records; load builds columns, pairs and paired summaries from them.
 * canary (the canary gate: its observation file, decision and reports) sits above report and package,
 * whose escaping, comment budget and HTML pieces its reports reuse; only gate runs it.
 *
 * Around the core: adapters → core; action → adapters + core; cli → adapters + core. src/index.ts and
 * src/cli/index.ts are the entries: nothing imports them.
 */

/** The folders of src/core, lowest first. A new folder must be placed here (rule core-folder-in-a-layer). */
const CORE_LAYERS = [
  'stats',
  'policy',
  'input',
  'readers',
  'load',
  'compare',
  'findings',
  'manifest',
  'traffic',
  'readiness',
  'report',
  'package',
  'canary',
  'gate',
];

/** A path pattern for the files in any of the named src/core folders. @param {string[]} names */
const folder = (names) => `^src/core/(?:${names.join('|')})/`;

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const upwardImports = CORE_LAYERS.slice(0, -1).map((layer, index) => ({
  name: `core-layer-${layer}`,
  comment: `src/core/${layer} is below ${CORE_LAYERS.slice(index + 1).join(', ')}: it must not import them (see the layer order at the top of .dependency-cruiser.cjs)`,
  severity: 'error',
  from: { path: folder([layer]) },
  to: { path: folder(CORE_LAYERS.slice(index + 1)) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A cycle of imports, type-only ones included: move the shared declaration to the lower of the two places.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-leaf-files',
      comment: 'The files directly in src/core/ are the lowest layer: they import only each other.',
      severity: 'error',
      from: { path: '^src/core/[^/]+$' },
      to: { path: '^src/core/[^/]+/' },
    },
    ...upwardImports,
    {
      name: 'core-folder-in-a-layer',
      comment: 'Every folder of src/core is in CORE_LAYERS in .dependency-cruiser.cjs; add a new one where it belongs.',
      severity: 'error',
      from: { path: '^src/core/[^/]+/', pathNot: folder(CORE_LAYERS) },
      to: {},
    },
    {
      name: 'core-folder-in-a-layer-imported',
      comment: 'Every folder of src/core is in CORE_LAYERS in .dependency-cruiser.cjs; add a new one where it belongs.',
      severity: 'error',
      from: {},
      to: { path: '^src/core/[^/]+/', pathNot: folder(CORE_LAYERS) },
    },
    {
      name: 'core-is-pure',
      comment: 'src/core imports nothing outside src/core: no adapters, action, cli, entries or version file.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'adapters-below-entries',
      comment: 'Adapters serve the Action and the CLI: they must not import either.',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/(?:action/|cli/|index\\.ts$)' },
    },
    {
      name: 'action-and-cli-apart',
      comment: 'The Action and the CLI share code through the core and the adapters, never directly.',
      severity: 'error',
      from: { path: '^src/(action|cli)/' },
      to: { path: '^src/(?:action|cli)/', pathNot: '^src/$1/' },
    },
    {
      name: 'entries-not-imported',
      comment: 'src/index.ts and src/cli/index.ts start the Action and the CLI; nothing imports them.',
      severity: 'error',
      from: {},
      to: { path: '^src/(?:cli/)?index\\.ts$' },
    },
    {
      name: 'src-not-test',
      comment: 'Shipped code never imports tests or their helpers.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    skipAnalysisNotInRules: true,
    // Reuses the last cruise for files whose content is unchanged (npm run lint runs this often).
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
  },
};
