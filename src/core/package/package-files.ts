import { renderMarkdown } from '../report/render-markdown.js';
import { type GateReport, reportToJson } from '../report/report.js';
import { renderReportHtml } from './render-report-html.js';
import { renderValidationMarkdown } from './render-package-markdown.js';
import type { RunContext } from '../report/run-context.js';
import { buildValidationPackage, validationPackageToJson } from './validation-package.js';

/** The validation package's files, by name: what the CLI writes to --out and the Action uploads. */
export function validationPackageFiles(report: GateReport, run: RunContext): [name: string, text: string][] {
  const pkg = buildValidationPackage(report, run);
  return [
    ['report.json', reportToJson(report)],
    ['report.md', renderMarkdown(report)],
    ['validation-package.json', validationPackageToJson(pkg)],
    ['validation-package.md', renderValidationMarkdown(pkg)],
    ['report.html', renderReportHtml(pkg)],
  ];
}
