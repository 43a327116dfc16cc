import { decideComparisons } from '../compare/decide-comparisons.js';
import { QuantileBootstrapRunner, runQuantileBootstrapsHere } from '../compare/quantile-bootstraps.js';
import { comparisonFindings } from '../findings/comparison-findings.js';
import { isActive } from '../findings/finding.js';
import { nothingComparedFindings } from '../findings/nothing-compared.js';
import { policyPatternFindings, policySourceOf } from '../findings/policy-pattern-findings.js';
import type { ExampleColumnsLoader } from '../load/example-columns.js';
import type { TextSource } from '../input/text-source.js';
import type { BaseManifest } from '../manifest/manifest-weakening.js';
import { defaultPolicy, parsePolicy } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy-schema.js';
import { GateReport, InputDescription, verdictOf } from '../report/report.js';
import { ReadSettings, loadInputs } from './load-inputs.js';
import { checkPolicyNamesKnownMetrics } from './policy-metrics-check.js';
import { Progress, cohortsFound, reportingBootstraps } from './progress.js';
import { ReadinessEnvironment, parseManifestFile, readinessStep } from './readiness-step.js';
import type { SourceFile } from '../source-file.js';

export interface GateInputs {
  readonly incumbent: TextSource;
  readonly candidate: TextSource;
  /** The policy file's text, when there is one; defaults apply otherwise. */
  readonly policy?: SourceFile | undefined;
  readonly tool: { readonly name: string; readonly version: string };
  /** How per-example files become columns; in this thread unless the caller provides another way. */
  readonly loadExampleColumns?: ExampleColumnsLoader | undefined;
  /** How quantile bootstraps run; in this thread unless the caller provides another way. */
  readonly runQuantileBootstraps?: QuantileBootstrapRunner | undefined;
  /** How the eval files are read (forced format, column mapping, cohort field); recognized by shape otherwise. */
  readonly read?: ReadSettings | undefined;
  /** The release manifest's text, when there is one. */
  readonly manifest?: SourceFile | undefined;
  /**
   * The manifest as the change's base has it (a pull request's base commit), when known: a change
   * that lowers risk_class or drops a section gets `manifest.weakened`. Undefined: new, or no base.
   */
  readonly baseManifest?: BaseManifest | undefined;
  /** Clock, repository and people for the readiness checks; required with a manifest. */
  readonly readiness?: ReadinessEnvironment | undefined;
  /** Told at each step of the run (bootstraps, cohorts found, done); the report does not depend on it. */
  readonly progress?: Progress | undefined;
}

/** Loads both eval files, decides every tracked (cohort, metric) and returns the report. */
export async function runGate(inputs: GateInputs): Promise<GateReport> {
  // Configuration first: a policy or manifest typo is reported before a large eval file is read.
  const policy = inputs.policy === undefined ? defaultPolicy() : parsePolicy(inputs.policy.path, inputs.policy.text);
  const manifest = inputs.manifest === undefined ? undefined : parseManifestFile(inputs.manifest);
  const { evidence, dataFindings, descriptions, design } = await loadInputs(
    { incumbent: inputs.incumbent, candidate: inputs.candidate },
    policy,
    inputs.read ?? {},
    {
      loadExampleColumns: inputs.loadExampleColumns,
      runQuantileBootstraps: reportingBootstraps(
        inputs.runQuantileBootstraps ?? runQuantileBootstrapsHere,
        inputs.progress,
      ),
    },
  );
  inputs.progress?.(cohortsFound(evidence));
  checkPolicyNamesKnownMetrics(policy, evidence, inputs.policy?.path ?? 'policy', inputs.policy?.text);

  const decisions = decideComparisons(evidence, policy, {
    incumbent: inputs.incumbent.path,
    candidate: inputs.candidate.path,
  });
  const readiness = readinessStep(
    manifest,
    inputs.readiness,
    policy,
    descriptions,
    [
      ...dataFindings,
      ...comparisonFindings(decisions.comparisons, policy.missing_cohort),
      ...nothingComparedFindings(evidence, decisions),
      ...policyPatternFindings(
        policy,
        evidence.map((e) => e.cohort),
        policySourceOf(inputs.policy),
      ),
    ],
    inputs.baseManifest,
  );
  const report = buildReport(inputs, policy, decisions, readiness, descriptions, design);
  inputs.progress?.({ step: 'done', verdict: report.verdict });
  return report;
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
