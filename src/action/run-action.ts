import { InputError } from '../core/errors.js';
import { runGate } from '../core/gate/run-gate.js';
import type { QuantileBootstrapRunner } from '../core/compare/quantile-bootstraps.js';
import type { ExampleColumnsLoader } from '../core/load/example-columns.js';
import type { TextSource } from '../core/load/text-source.js';
import { renderMarkdown } from '../core/report/render-markdown.js';
import { Annotation, annotationsOf } from '../core/report/annotations.js';
import { reportToJson } from '../core/report/report.js';

/** The runner-facing operations the Action needs; index.ts wires them to @actions/core. */
export interface ActionDependencies {
  readonly getInput: (name: string) => string;
  readonly setOutput: (name: string, value: string) => void;
  readonly writeSummary: (markdown: string) => Promise<void>;
  readonly setFailed: (message: string) => void;
  readonly warning: (message: string) => void;
  /** An annotation on the run (and on a file and line, when given). */
  readonly annotate: (annotation: Annotation) => void;
  /** Today's date (UTC) as YYYY-MM-DD. */
  readonly today: () => string;
  /** Whether a repository-relative evidence path names a file. */
  readonly evidenceExists: (path: string) => boolean;
  /** The pull request's author, when the event is a pull request. */
  readonly author: string | undefined;
  readonly info: (message: string) => void;
  readonly openSource: (path: string) => Promise<TextSource>;
  readonly readSmallFile: (path: string) => Promise<{ path: string; text: string; sha256: string }>;
  readonly writeFile: (path: string, text: string) => Promise<void>;
  readonly joinPath: (dir: string, name: string) => string;
  /** Where reports go when the `out-dir` input is empty (the runner's temp directory). */
  readonly defaultOutDir: string;
  readonly tool: { readonly name: string; readonly version: string };
  /** Parses per-example files and runs quantile bootstraps (index.ts passes ones that use worker threads). */
  readonly loadExampleColumns?: ExampleColumnsLoader;
  readonly runQuantileBootstraps?: QuantileBootstrapRunner;
}

/**
 * Runs the gate as a GitHub Action step. The step fails on `block` and on any input error; a failure
 * to write the summary is a warning and never changes the verdict.
 */
export async function runAction(deps: ActionDependencies): Promise<void> {
  const incumbent = deps.getInput('incumbent').trim();
  const candidate = deps.getInput('candidate').trim();
  const policyPath = deps.getInput('policy').trim();
  const manifestPath = deps.getInput('manifest').trim();
  const outDir = deps.getInput('out-dir').trim() || deps.defaultOutDir;
  if (incumbent === '' || candidate === '') {
    deps.setOutput('verdict', 'error');
    deps.setFailed('inputs `incumbent` and `candidate` are required (paths to eval result files)');
    return;
  }
  try {
    const report = await runGate({
      incumbent: await deps.openSource(incumbent),
      candidate: await deps.openSource(candidate),
      policy: policyPath === '' ? undefined : await deps.readSmallFile(policyPath),
      manifest: manifestPath === '' ? undefined : await deps.readSmallFile(manifestPath),
      readiness: {
        today: deps.today(),
        evidenceExists: deps.evidenceExists,
        author: deps.author,
        // Verified approvals come from pull-request reviews; until they are read, waivers do not count here.
        requireVerifiedWaiversByDefault: true,
      },
      tool: deps.tool,
      loadExampleColumns: deps.loadExampleColumns,
      runQuantileBootstraps: deps.runQuantileBootstraps,
    });
    const markdown = renderMarkdown(report);
    const reportPath = deps.joinPath(outDir, 'report.json');
    await deps.writeFile(reportPath, reportToJson(report));
    await deps.writeFile(deps.joinPath(outDir, 'report.md'), markdown);
    deps.setOutput('verdict', report.verdict);
    deps.setOutput('report-path', reportPath);
    try {
      await deps.writeSummary(markdown);
    } catch (error) {
      deps.warning(`could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const annotation of annotationsOf(report)) deps.annotate(annotation);
    deps.info(`model release gate: ${report.verdict}`);
    if (report.verdict === 'block') {
      deps.setFailed(`model release gate blocked the release: ${report.summary.blocking_findings} blocking finding(s); see the job summary or ${reportPath}`);
    }
  } catch (error) {
    deps.setOutput('verdict', 'error');
    if (error instanceof InputError) {
      deps.setFailed(error.message);
      return;
    }
    throw error;
  }
}
