import type { Finding } from '../../findings/finding.js';
import type { Manifest } from '../../manifest/manifest-schema.js';
import type { ReadinessContext, ReadinessRule } from '../readiness-types.js';
import { isRequired, manifestFinding, notRequired, outcome } from '../rule-helpers.js';

const ID = 'eval_coverage';
const TITLE = "Eval set covers today's traffic";

type EvalCoverage = NonNullable<Manifest['eval_coverage']>;

/**
 * A passing eval is proof only of what it tests. The manifest names whose traffic the eval set
 * reflects and which known failure modes it exercises, so its blind spots are explicit; for a
 * generative model it must show faithfulness checks, since a fluent, confident, wrong answer
 * scores fine on reference metrics.
 */
export const evalCoverageRule: ReadinessRule = (context) => {
  const { manifest } = context.document;
  const coverage = manifest.eval_coverage;
  const required = isRequired(context, 'eval_coverage');
  // Faithfulness is checked whether or not the section is required or present: hallucination is
  // the failure mode of generative models that no accuracy number shows.
  const faithfulness = faithfulnessFinding(context, coverage);

  if (coverage === undefined) {
    const findings: Finding[] = [];
    if (required) {
      findings.push(
        manifestFinding(
          context,
          'eval-coverage.missing',
          `the manifest has no eval_coverage section, which ${manifest.risk_class}-risk releases require: say whose traffic the eval set reflects (reflects_traffic_of), which failure modes it tests (failure_modes) and, for generative models, its faithfulness_checks.`,
          ['eval_coverage'],
        ),
      );
    }
    if (faithfulness !== undefined) findings.push(faithfulness);
    // No finding here means the section was not required and the model is not generative.
    if (findings.length === 0) return notRequired(context, ID, TITLE);
    return outcome(context, { id: ID, title: TITLE, required, evidence: null, path: ['eval_coverage'] }, findings);
  }

  const findings: Finding[] = [];
  if ((coverage.failure_modes ?? []).length === 0) {
    findings.push(
      manifestFinding(
        context,
        'eval-coverage.no-failure-modes',
        'eval_coverage.failure_modes lists no failure modes: name the known failure classes the eval set exercises (edge inputs, adversarial, long-tail segments), so what it does not test is explicit.',
        ['eval_coverage', 'failure_modes'],
        'warn',
      ),
    );
  }
  // A traffic file measures what reflects_traffic_of only states: either one will do.
  if (coverage.reflects_traffic_of === undefined && coverage.traffic === undefined) {
    findings.push(
      manifestFinding(
        context,
        'eval-coverage.not-current',
        "eval_coverage.reflects_traffic_of is not set: say which period's production traffic the eval set reflects (e.g. reflects_traffic_of: 2026-10), or better, name production's cohort counts in eval_coverage.traffic so the gate measures it; an eval set frozen at launch says little about this quarter's traffic.",
        ['eval_coverage', 'reflects_traffic_of'],
        'warn',
      ),
    );
  }
  if (faithfulness !== undefined) findings.push(faithfulness);
  return outcome(
    context,
    { id: ID, title: TITLE, required, evidence: describe(coverage), path: ['eval_coverage'] },
    findings,
  );
};

function faithfulnessFinding(context: ReadinessContext, coverage: EvalCoverage | undefined): Finding | undefined {
  if (context.document.manifest.model.kind !== 'generative') return undefined;
  const checks = coverage?.faithfulness_checks;
  if (checks === true || (Array.isArray(checks) && checks.length > 0)) return undefined;
  const stated =
    coverage === undefined
      ? 'the manifest has no eval_coverage section to list them'
      : checks === undefined
        ? 'eval_coverage.faithfulness_checks is not set'
        : checks === 'n/a'
          ? 'eval_coverage.faithfulness_checks is "n/a", which is only for models that are not generative'
          : checks === false
            ? 'eval_coverage.faithfulness_checks is false'
            : 'eval_coverage.faithfulness_checks is an empty list';
  return manifestFinding(
    context,
    'eval-coverage.faithfulness',
    `the model is generative but shows no faithfulness or groundedness checks (${stated}): a fluent, confident, wrong answer scores fine on reference metrics. Add such checks to the eval and list them in eval_coverage.faithfulness_checks.`,
    coverage === undefined ? ['model', 'kind'] : ['eval_coverage', 'faithfulness_checks'],
  );
}

function describe(coverage: EvalCoverage): string {
  const modes = (coverage.failure_modes ?? []).length;
  const checks = coverage.faithfulness_checks;
  const parts = [
    coverage.traffic !== undefined
      ? `traffic measured against ${coverage.traffic}`
      : coverage.reflects_traffic_of === undefined
        ? 'traffic period not stated'
        : `traffic of ${coverage.reflects_traffic_of}`,
    `${modes === 0 ? 'no' : modes} failure ${modes === 1 ? 'mode' : 'modes'}`,
  ];
  if (Array.isArray(checks)) parts.push(`${checks.length} faithfulness ${checks.length === 1 ? 'check' : 'checks'}`);
  else if (checks !== undefined) parts.push(`faithfulness ${String(checks)}`);
  return parts.join(', ');
}
