import { parseArgs } from 'node:util';
import { InputError } from '../core/errors.js';
import { runGate } from '../core/gate/run-gate.js';
import { isCalendarDate } from '../core/manifest/manifest-values.js';
import { checkLmEvalPair } from '../core/readers/lm-eval-pair-check.js';
import { parseColumnMapping } from '../core/readers/table-reader.js';
import { READERS } from '../core/readers/registry.js';
import { openLocated } from '../core/load/input-locator.js';
import type { QuantileBootstrapRunner } from '../core/compare/quantile-bootstraps.js';
import type { ExampleColumnsLoader } from '../core/load/example-columns.js';
import type { TextSource } from '../core/load/text-source.js';
import { renderMarkdown } from '../core/report/render-markdown.js';
import { renderText } from '../core/report/render-text.js';
import { escapeOutputLines, internalErrorMessage, stackFrames } from '../core/report/escape-output.js';
import { reportToJson } from '../core/report/report.js';
import { localRunContext, validationPackageFiles } from '../core/package/package-files.js';

/** What the CLI needs from the outside world; index.ts passes the real ones, tests pass their own. */
export interface CliDependencies {
  readonly openSource: (path: string) => Promise<TextSource>;
  readonly readSmallFile: (path: string) => Promise<{ path: string; text: string; sha256: string }>;
  readonly writeFile: (path: string, text: string) => Promise<void>;
  readonly joinPath: (dir: string, name: string) => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The current time: stamps the validation package, and its date (UTC) judges dates unless --today is given. */
  readonly now: () => Date;
  /** Whether a repository-relative evidence path names a file. */
  readonly evidenceExists: (path: string) => boolean;
  readonly tool: { readonly name: string; readonly version: string };
  /** Parses per-example files and runs quantile bootstraps (index.ts passes ones that use worker threads). */
  readonly loadExampleColumns?: ExampleColumnsLoader;
  readonly runQuantileBootstraps?: QuantileBootstrapRunner;
  /** Print the stack of an unexpected failure (index.ts sets it from MRG_DEBUG=1); never otherwise. */
  readonly debug?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_USAGE = 2;

// The reader list comes from the registry, so the help cannot fall behind it.
const READER_NAMES = READERS.map((reader) => reader.name).join(', ');

const USAGE = `usage: model-release-gate check --incumbent <file> --candidate <file> [--policy <file>] [--manifest <file>]
                                [--out <dir>] [--format text|markdown|json] [--author <user>] [--today YYYY-MM-DD]
                                [--format-in <reader>] [--columns <mapping>] [--cohort-field <field>] [--base-manifest <file>]

  --incumbent  eval results of the deployed model: the gate's .jsonl, .csv or summary .json, or an eval
               tool's output (scikit-learn, lm-evaluation-harness, promptfoo, MLflow, Ragas, DeepEval,
               inspect_ai, OpenCompass, CSV or Parquet tables), recognized by shape
  --candidate  eval results of the new model, in the same kind of format. Either may name one part of
               a file holding several models side by side: results.json#provider=<name> (or #prompt=<label>,
               summary.csv#model=<name>)
  --policy     gate policy (YAML); defaults apply when absent
  --manifest   release manifest (YAML or JSON): rollout, rollback, owners, monitoring, waivers
  --base-manifest  the manifest as the change's base has it: lowering risk_class or dropping a
               section is a blocking manifest.weakened finding
  --out        directory to write the validation package into: report.json, report.md,
               validation-package.json, validation-package.md, report.html
  --format     what to print: text (default), markdown or json
  --author     the change's author (a waiver they accepted themselves does not count)
  --today      judge dates (drill age, waiver expiry) as of this day instead of today (UTC)
  --format-in  read both files with this reader instead of recognizing them: ${READER_NAMES}
  --columns    column mapping for other tables (CSV, Parquet), e.g.
               "id=row_id,label=y_true,prediction=y_pred,cohorts=region|lang,metrics=latency_ms"
  --cohort-field  where cohorts come from: promptfoo vars.<name>, provider or prompt; lm-eval samples
               doc.<name>; inspect_ai metadata.<name>; a Ragas or DeepEval column; several separated by
               commas (vars.lang,vars.topic)
  --paired     a paired summary (model-release-gate/paired-summary@1, e.g. computed in a warehouse with
               sql/paired-summary.sql) holding both models; replaces --incumbent and --candidate

exit codes: 0 pass or warn, 1 blocked, 2 usage or input error`;

/** Runs the CLI and returns its exit code. Never throws: bad input and unexpected failures are reported and return 2. */
export async function runCli(argv: readonly string[], deps: CliDependencies): Promise<number> {
  // Everything printed may quote input: each line is escaped so none can be a terminal or runner command.
  const out = { ...deps, stdout: (text: string) => deps.stdout(escapeOutputLines(text)), stderr: (text: string) => deps.stderr(escapeOutputLines(text)) };
  try {
    return await checkCommand(argv, out);
  } catch (error) {
    if (error instanceof InputError) {
      out.stderr(`error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // An unexpected failure is never a pass: one line, and the stack only when debugging.
    const frames = deps.debug === true ? stackFrames(error) : [];
    out.stderr([internalErrorMessage(error), ...frames, ''].join('\n'));
    return EXIT_USAGE;
  }
}

async function checkCommand(argv: readonly string[], deps: CliDependencies): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        incumbent: { type: 'string' },
        candidate: { type: 'string' },
        policy: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string', default: 'text' },
        manifest: { type: 'string' },
        'base-manifest': { type: 'string' },
        author: { type: 'string' },
        today: { type: 'string' },
        'format-in': { type: 'string' },
        columns: { type: 'string' },
        'cohort-field': { type: 'string' },
        paired: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    deps.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    deps.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (values.version === true) {
    deps.stdout(`${deps.tool.version}\n`);
    return EXIT_OK;
  }
  const problems: string[] = [];
  if (values.paired !== undefined) {
    if (values.incumbent !== undefined || values.candidate !== undefined) problems.push('--paired replaces --incumbent and --candidate: give one or the other');
    values.incumbent = values.paired;
    values.candidate = values.paired;
  }
  if (positionals.length !== 1 || positionals[0] !== 'check') problems.push(`expected the command "check", got ${JSON.stringify(positionals.join(' '))}`);
  if (values.incumbent === undefined) problems.push('--incumbent <file> is required');
  if (values.candidate === undefined) problems.push('--candidate <file> is required');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'markdown' && format !== 'json') problems.push(`--format must be text, markdown or json, got ${JSON.stringify(format)}`);
  if (values.today !== undefined && !isCalendarDate(values.today)) problems.push(`--today must be a date written as YYYY-MM-DD, got ${JSON.stringify(values.today)}`);
  // An empty value would be dropped on the way to the reader: refuse it rather than ignore it.
  for (const option of ['cohort-field', 'columns', 'format-in'] as const) {
    if (values[option]?.trim() === '') problems.push(`--${option} needs a value`);
  }
  if (problems.length > 0 || values.incumbent === undefined || values.candidate === undefined) {
    deps.stderr(`${problems.map((p) => `error: ${p}`).join('\n')}\n${USAGE}\n`);
    return EXIT_USAGE;
  }

  const mapping = values.columns === undefined ? undefined : parseColumnMapping(values.columns);
  // Two lm-eval runs of differently configured tasks are refused before anything is paired.
  await checkLmEvalPair(deps.openSource, values.incumbent, values.candidate);
  // `file.json#provider=A` reads one part of a file that holds several models side by side.
  const incumbent = await openLocated(values.incumbent, deps.openSource);
  const candidate = await openLocated(values.candidate, deps.openSource);
  const report = await runGate({
    read: { formatIn: values['format-in'], options: { mapping, cohortField: values['cohort-field'] }, select: { incumbent: incumbent.select, candidate: candidate.select } },
    incumbent: incumbent.source,
    candidate: candidate.source,
    policy: values.policy === undefined ? undefined : await deps.readSmallFile(values.policy),
    manifest: values.manifest === undefined ? undefined : await deps.readSmallFile(values.manifest),
    baseManifest: values['base-manifest'] === undefined ? undefined : { label: values['base-manifest'], text: (await deps.readSmallFile(values['base-manifest'])).text },
    readiness: {
      today: values.today ?? deps.now().toISOString().slice(0, 10),
      evidenceExists: deps.evidenceExists,
      author: values.author,
      // The CLI cannot see who approved what; waivers are reported as unverified.
      requireVerifiedWaiversByDefault: false,
    },
    tool: deps.tool,
    loadExampleColumns: deps.loadExampleColumns,
    runQuantileBootstraps: deps.runQuantileBootstraps,
  });
  if (values.out !== undefined) {
    const run = localRunContext(deps.now(), deps.tool, values.policy);
    for (const [name, text] of validationPackageFiles(report, run)) await deps.writeFile(deps.joinPath(values.out, name), text);
  }
  deps.stdout(format === 'json' ? reportToJson(report) : format === 'markdown' ? renderMarkdown(report) : renderText(report));
  return report.verdict === 'block' ? EXIT_BLOCKED : EXIT_OK;
}
