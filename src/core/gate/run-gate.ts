import { collectPairedEvidence } from '../compare/collect-paired.js';
import { collectSummaryEvidence } from '../compare/collect-summary.js';
import type { CohortMetricEvidence } from '../compare/comparison-data.js';
import { decideComparisons } from '../compare/decide-comparisons.js';
import { QuantileBootstrapRunner, attachQuantileBootstraps, runQuantileBootstrapsHere } from '../compare/quantile-bootstraps.js';
import { InputError } from '../errors.js';
import { comparisonFindings } from '../findings/comparison-findings.js';
import { pairedDataFindings } from '../findings/data-findings.js';
import { type Finding, isActive } from '../findings/finding.js';
import { EvalFileFormat, formatOf } from '../load/example-source.js';
import type { ExampleColumnsLoader } from '../load/example-columns.js';
import { loadPairedExamples } from '../load/paired-data.js';
import { SummarySide, loadSummary } from '../load/summary-data.js';
import type { TextSource } from '../load/text-source.js';
import { defaultPolicy, parsePolicy } from '../policy/load-policy.js';
import type { Policy, Statistic } from '../policy/policy-schema.js';
import { quantileOf } from '../policy/effective-settings.js';
import { checkPolicyNamesKnownMetrics } from './policy-metrics-check.js';
import { ReadinessEnvironment, readinessStep } from './readiness-step.js';
import { GateReport, InputDescription, verdictOf } from '../report/report.js';

export interface GateInputs {
  readonly incumbent: TextSource;
  readonly candidate: TextSource;
  /** The policy file's text, when there is one; defaults apply otherwise. */
  readonly policy?: { readonly path: string; readonly text: string; readonly sha256: string } | undefined;
  readonly tool: { readonly name: string; readonly version: string };
  /** How per-example files become columns; in this thread unless the caller provides another way. */
  readonly loadExampleColumns?: ExampleColumnsLoader | undefined;
  /** How quantile bootstraps run; in this thread unless the caller provides another way. */
  readonly runQuantileBootstraps?: QuantileBootstrapRunner | undefined;
  /** The release manifest's text, when there is one. */
  readonly manifest?: { readonly path: string; readonly text: string; readonly sha256: string } | undefined;
  /** Clock, repository and people for the readiness checks; required with a manifest. */
  readonly readiness?: ReadinessEnvironment | undefined;
}

/** Loads both eval files, decides every tracked (cohort, metric) and returns the report. */
export async function runGate(inputs: GateInputs): Promise<GateReport> {
  const policy = inputs.policy === undefined ? defaultPolicy() : parsePolicy(inputs.policy.path, inputs.policy.text);
  const incumbentFormat = formatOf(inputs.incumbent.path);
  const candidateFormat = formatOf(inputs.candidate.path);
  if ((incumbentFormat === 'summary') !== (candidateFormat === 'summary')) {
    throw new InputError(
      inputs.candidate.path,
      `mismatched formats: the incumbent is ${describeFormat(incumbentFormat)} but the candidate is ${describeFormat(candidateFormat)}; give both per-example results (paired by id) or both summaries`,
    );
  }
  const statisticOf = (metric: string): Statistic => policy.metrics[metric]?.statistic ?? 'mean';

  let evidence: CohortMetricEvidence[];
  const dataFindings: Finding[] = [];
  let descriptions: { incumbent: InputDescription; candidate: InputDescription };
  if (incumbentFormat === 'summary' || candidateFormat === 'summary') {
    const incumbent = await loadSummary(inputs.incumbent);
    const candidate = await loadSummary(inputs.candidate);
    evidence = collectSummaryEvidence(
      { kind: 'summary', incumbent, candidate },
      { incumbent: inputs.incumbent.path, candidate: inputs.candidate.path },
      statisticOf,
    );
    descriptions = {
      incumbent: describeSummary(inputs.incumbent, incumbent),
      candidate: describeSummary(inputs.candidate, candidate),
    };
  } else {
    const quantileMetrics = new Set(
      Object.entries(policy.metrics).flatMap(([name, m]) => (m.statistic !== undefined && quantileOf(m.statistic) !== undefined ? [name] : [])),
    );
    const data = await loadPairedExamples(
      { source: inputs.incumbent, format: incumbentFormat },
      { source: inputs.candidate, format: candidateFormat },
      quantileMetrics,
      inputs.loadExampleColumns,
    );
    evidence = await attachQuantileBootstraps(
      collectPairedEvidence(data, statisticOf),
      policy,
      inputs.runQuantileBootstraps ?? runQuantileBootstrapsHere,
    );
    dataFindings.push(...pairedDataFindings(data, policy));
    descriptions = {
      incumbent: describeExamples(inputs.incumbent.path, data.sha256.incumbent, incumbentFormat, data.examples.incumbent),
      candidate: describeExamples(inputs.candidate.path, data.sha256.candidate, candidateFormat, data.examples.candidate),
    };
  }
  checkPolicyNamesKnownMetrics(policy, evidence, inputs.policy?.path ?? 'policy', inputs.policy?.text);

  const decisions = decideComparisons(evidence, policy);
  const readiness = readinessStep(inputs.manifest, inputs.readiness, policy, descriptions, [
    ...dataFindings,
    ...comparisonFindings(decisions.comparisons),
  ]);
  return buildReport(inputs, policy, decisions, readiness, descriptions, incumbentFormat === 'summary' ? 'unpaired' : 'paired');
}

function buildReport(
  inputs: GateInputs,
  policy: Policy,
  decisions: ReturnType<typeof decideComparisons>,
  readiness: ReturnType<typeof readinessStep>,
  descriptions: { incumbent: InputDescription; candidate: InputDescription },
  design: 'paired' | 'unpaired',
): GateReport {
  const count = (status: string): number => decisions.comparisons.filter((c) => c.status === status).length;
  const { findings } = readiness;
  const active = findings.filter(isActive);
  return {
    schema: 'model-release-gate/report@1',
    tool: inputs.tool,
    verdict: verdictOf(findings),
    design,
    summary: {
      comparisons: decisions.comparisons.length,
      tested: decisions.testedCount,
      pass: count('pass'),
      regressed: count('regressed'),
      inconclusive: count('inconclusive'),
      missing: count('missing'),
      blocking_findings: active.filter((f) => f.severity === 'block').length,
      warnings: active.filter((f) => f.severity === 'warn').length,
      waived_findings: findings.length - active.length,
    },
    inputs: {
      ...descriptions,
      policy: inputs.policy === undefined ? null : { path: inputs.policy.path, sha256: inputs.policy.sha256 },
      manifest: inputs.manifest === undefined ? null : { path: inputs.manifest.path, sha256: inputs.manifest.sha256 },
    },
    policy,
    comparisons: decisions.comparisons,
    reported_metrics: decisions.reported,
    readiness: readiness.section,
    findings,
  };
}

function describeFormat(format: EvalFileFormat): string {
  return format === 'summary' ? 'a per-cohort summary (.json)' : `per-example results (.${format})`;
}

function describeExamples(path: string, sha256: string, format: 'jsonl' | 'csv', examples: number): InputDescription {
  return { path, sha256, format, examples, model: null, dataset: null };
}

function describeSummary(source: TextSource, side: SummarySide): InputDescription {
  return {
    path: source.path,
    sha256: source.sha256(),
    format: 'summary',
    examples: null,
    model: side.model ?? null,
    dataset: side.dataset ?? null,
  };
}
