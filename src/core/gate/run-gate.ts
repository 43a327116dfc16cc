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
import { ParsedManifestFile, ReadinessEnvironment, parseManifestFile, readinessStep } from './readiness-step.js';
import { InputError } from '../errors.js';
import { assessTraffic } from '../traffic/assess-traffic.js';
import { TrafficFile, parseTrafficFile } from '../traffic/traffic-file.js';
import type { TrafficSection } from '../traffic/traffic-report.js';
import { trafficWeightedEvidence } from '../traffic/weighted-evidence.js';
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
  /** Production's cohort counts (a traffic file), when given: the eval's mix is checked against them. */
  readonly traffic?: SourceFile | undefined;
  /**
   * Reads the traffic file a manifest names (eval_coverage.traffic) when none was given; without it,
   * a manifest that names one is an input error rather than a check silently skipped.
   */
  readonly readTrafficFile?: ((path: string) => Promise<SourceFile>) | undefined;
}

/** Loads both eval files, decides every tracked (cohort, metric) and returns the report. */
export async function runGate(inputs: GateInputs): Promise<GateReport> {
  // Configuration first: a policy or manifest typo is reported before a large eval file is read.
  const policy = inputs.policy === undefined ? defaultPolicy() : parsePolicy(inputs.policy.path, inputs.policy.text);
  const manifest = inputs.manifest === undefined ? undefined : parseManifestFile(inputs.manifest);
  const traffic = await trafficFileOf(inputs, manifest);
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

  const weighted = traffic === undefined ? undefined : trafficWeightedEvidence(traffic, evidence, policy);
  const decisions = decideComparisons(weighted === undefined ? evidence : [...evidence, ...weighted.evidence], policy, {
    incumbent: inputs.incumbent.path,
    candidate: inputs.candidate.path,
  });
  const trafficAssessment =
    traffic === undefined || weighted === undefined
      ? undefined
      : assessTraffic({
          traffic,
          evidence,
          comparisons: decisions.comparisons,
          weighted: weighted.weighted,
          policy,
          today: runDate(inputs),
          evalSetFrozen: manifest?.document.manifest.eval_set?.frozen ?? null,
        });
  const readiness = readinessStep(
    manifest,
    inputs.readiness,
    policy,
    descriptions,
    [
      ...dataFindings,
      ...comparisonFindings(decisions.comparisons, policy.missing_cohort),
      ...(trafficAssessment?.findings ?? []),
      ...nothingComparedFindings(evidence, decisions),
      ...policyPatternFindings(
        policy,
        // The traffic-weighted names count: an override may name them (overall@traffic:*).
        [...evidence, ...(weighted?.evidence ?? [])].map((e) => e.cohort),
        policySourceOf(inputs.policy),
      ),
    ],
    inputs.baseManifest,
  );
  const report = buildReport(inputs, policy, decisions, readiness, descriptions, design, trafficAssessment?.section);
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
  traffic: TrafficSection | undefined,
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
      traffic: traffic === undefined ? null : { ...traffic.file, window: traffic.window },
    },
    policy,
    comparisons: decisions.comparisons,
    reported_metrics: decisions.reported,
    readiness: readiness.section,
    traffic: traffic ?? null,
    findings,
  };
}

/** The traffic file given, else the one the manifest names; parsed before any eval file is read. */
async function trafficFileOf(
  inputs: GateInputs,
  manifest: ParsedManifestFile | undefined,
): Promise<TrafficFile | undefined> {
  if (inputs.traffic !== undefined) return parseTrafficFile(inputs.traffic);
  const named = manifest?.document.manifest.eval_coverage?.traffic;
  if (manifest === undefined || named === undefined) return undefined;
  if (inputs.readTrafficFile === undefined)
    throw new InputError(
      manifest.path,
      'eval_coverage.traffic names a file, but no traffic file can be read in this run',
      { field: 'eval_coverage.traffic', line: manifest.document.lineOf(['eval_coverage', 'traffic']) },
    );
  // Like evidence paths, it names a file in the repository: never one outside it.
  if (/^(?:[/\\]|[A-Za-z]:)/.test(named) || named.split(/[/\\]/).includes('..'))
    throw new InputError(
      manifest.path,
      `eval_coverage.traffic must be a path inside the repository, relative to its root; got ${JSON.stringify(named)}`,
      { field: 'eval_coverage.traffic', line: manifest.document.lineOf(['eval_coverage', 'traffic']) },
    );
  return parseTrafficFile(await inputs.readTrafficFile(named));
}

/** The run's date, from the caller's clock (the readiness environment carries it). */
function runDate(inputs: GateInputs): string {
  if (inputs.readiness === undefined) throw new Error('a traffic check needs the run date: pass readiness.today');
  return inputs.readiness.today;
}
