import { runGate } from '../core/gate/run-gate.js';
import { openLocated } from '../core/input/input-locator.js';
import { localRunContext } from '../core/report/run-context.js';
import { checkLmEvalPair } from '../core/readers/lm-eval-pair-check.js';
import { parseColumnMapping } from '../core/readers/table-reader.js';
import type { GateReport } from '../core/report/report.js';
import { reportJsonChunks } from '../core/report/report-json-chunks.js';
import type { CheckOptions, OutputFormat } from './cli-arguments.js';
import type { ProgressReporter } from './progress-reporter.js';
import type { CliDependencies } from './cli-dependencies.js';

/** The gate id the Action uses when none is given: `--format comment` prints the body it would post. */
const DEFAULT_GATE_ID = 'default';

/**
 * Runs the gate as `check` was asked to, writes the package to --out, and returns the report and what
 * to print: in pieces of whole lines, since a JSON report can be hundreds of megabytes.
 */
export async function runCheck(
  options: CheckOptions,
  deps: CliDependencies,
  reporter: ProgressReporter,
): Promise<{ report: GateReport; output: Iterable<string> }> {
  const mapping = options.columns === undefined ? undefined : parseColumnMapping(options.columns);
  // Two lm-eval runs of differently configured tasks are refused before anything is paired.
  await checkLmEvalPair(deps.openSource, options.incumbent, options.candidate);
  // `file.json#provider=A` reads one part of a file that holds several models side by side.
  const incumbent = await openLocated(options.incumbent, async (path) =>
    reporter.countLines(await deps.openSource(path), 'incumbent'),
  );
  const candidate = await openLocated(options.candidate, async (path) =>
    reporter.countLines(await deps.openSource(path), 'candidate'),
  );
  const report = await runGate({
    read: {
      formatIn: options.formatIn,
      options: { mapping, cohortField: options.cohortField },
      select: { incumbent: incumbent.select, candidate: candidate.select },
    },
    incumbent: incumbent.source,
    candidate: candidate.source,
    policy: options.policy === undefined ? undefined : await deps.readSmallFile(options.policy),
    manifest: options.manifest === undefined ? undefined : await deps.readSmallFile(options.manifest),
    baseManifest:
      options.baseManifest === undefined
        ? undefined
        : { label: options.baseManifest, text: (await deps.readSmallFile(options.baseManifest)).text },
    traffic: options.traffic === undefined ? undefined : await deps.readSmallFile(options.traffic),
    readTrafficFile: deps.readSmallFile,
    readiness: {
      today: options.today ?? deps.now().toISOString().slice(0, 10),
      evidenceExists: deps.evidenceExists,
      author: options.author,
      // The CLI cannot see who approved what; waivers are reported as unverified.
      requireVerifiedWaiversByDefault: false,
    },
    tool: deps.tool,
    loadExampleColumns: reporter.loader(deps.loadExampleColumns),
    runQuantileBootstraps: deps.runQuantileBootstraps,
    progress: reporter.progress,
  });
  // What the Action knows beyond this (repository, pull request, run and artifact links) is unknown here: null.
  const run = localRunContext(deps.now(), deps.tool, options.policy);
  if (options.out !== undefined) {
    // The package's renderers load only when a package is written: a JSON-only run does not pay for them.
    const { validationPackageFiles } = await import('../core/package/package-files.js');
    for (const [name, text] of validationPackageFiles(report, run))
      await deps.writeFile(deps.joinPath(options.out, name), text);
  }
  return { report, output: await render(report, options.format, run) };
}

/** Each format's renderer is loaded when asked for, so a run pays only for the one it prints. */
async function render(
  report: GateReport,
  format: OutputFormat,
  run: ReturnType<typeof localRunContext>,
): Promise<Iterable<string>> {
  switch (format) {
    case 'json':
      return reportJsonChunks(report);
    case 'markdown':
      return [(await import('../core/report/render-markdown.js')).renderMarkdown(report)];
    case 'comment': {
      const { renderPullRequestComment } = await import('../core/report/render-comment.js');
      return [ensureFinalNewline(renderPullRequestComment(report, run, { gateId: DEFAULT_GATE_ID }))];
    }
    case 'text':
      return [(await import('../core/report/render-text.js')).renderText(report)];
  }
}

function ensureFinalNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
