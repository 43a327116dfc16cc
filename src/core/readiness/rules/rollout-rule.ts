import type { Finding } from '../../findings/finding.js';
import type { Manifest } from '../../manifest/manifest-schema.js';
import type { ReadinessContext, ReadinessRule } from '../readiness-types.js';
import { isRequired, manifestFinding, notRequired, outcome } from '../rule-helpers.js';

const ID = 'rollout';
const TITLE = 'Staged rollout with abort criteria';

type Rollout = NonNullable<Manifest['rollout']>;
type Stage = NonNullable<Rollout['stages']>[number];

/**
 * The rollout decides the blast radius of a bad version: it must reach users a slice at a time,
 * with the numbers that stop it written down before launch rather than argued about during an
 * incident.
 */
export const rolloutRule: ReadinessRule = (context) => {
  const rollout = context.document.manifest.rollout;
  const required = isRequired(context, 'rollout');
  const item = { id: ID, title: TITLE, required, path: ['rollout'] } as const;

  if (rollout === undefined) {
    if (!required) return notRequired(context, ID, TITLE);
    return outcome(context, { ...item, evidence: null }, [
      manifestFinding(
        context,
        'rollout.missing',
        `the manifest has no rollout section, which ${context.document.manifest.risk_class}-risk releases require: describe a canary or staged rollout (stages with rising traffic) and the abort_when thresholds that stop it.`,
        ['rollout'],
      ),
    ]);
  }

  const findings: Finding[] = [];
  if (rollout.strategy === 'atomic') {
    findings.push(
      manifestFinding(
        context,
        'rollout.atomic',
        `rollout.strategy is atomic: the new version would take all traffic at once, so a bad version reaches every user before anyone can react. Use a canary or staged rollout whose first stage takes at most ${formatPercent(context.policy.first_stage_max)} of traffic.`,
        ['rollout', 'strategy'],
      ),
    );
  } else if (rollout.strategy !== 'shadow') {
    // Shadow traffic never serves users, so its stages carry no blast radius to check.
    findings.push(...stageFindings(context, rollout.strategy, rollout.stages ?? []));
  }
  if ((rollout.abort_when ?? []).length === 0) {
    findings.push(
      manifestFinding(
        context,
        'rollout.no-abort-criteria',
        'rollout.abort_when lists no abort criteria: rollback thresholds must be defined before launch, e.g. abort_when: [{metric: recall, below: 0.85}, {metric: p95_latency_ms, above: 250}].',
        ['rollout', 'abort_when'],
      ),
    );
  }
  return outcome(context, { ...item, evidence: describe(rollout) }, findings);
};

function stageFindings(context: ReadinessContext, strategy: 'canary' | 'staged', stages: readonly Stage[]): Finding[] {
  const [first] = stages;
  const last = stages[stages.length - 1];
  if (first === undefined || last === undefined) {
    return [
      manifestFinding(
        context,
        'rollout.no-stages',
        `rollout.strategy is ${strategy} but no stages are listed: add stages with rising traffic, e.g. stages: [{traffic: 1%, hold: 2h}, {traffic: 10%, hold: 24h}, {traffic: 100%}].`,
        ['rollout', 'stages'],
      ),
    ];
  }
  const findings: Finding[] = [];
  const max = context.policy.first_stage_max;
  if (first.traffic === 100) {
    findings.push(
      manifestFinding(
        context,
        'rollout.atomic',
        `the first rollout stage sends 100% of traffic to the new version, which is an atomic swap under another name: start with a stage of at most ${formatPercent(max)} and raise traffic step by step.`,
        ['rollout', 'stages', 0, 'traffic'],
      ),
    );
  } else if (first.traffic > max) {
    findings.push(
      manifestFinding(
        context,
        'rollout.first-stage',
        `the first rollout stage takes ${formatPercent(first.traffic)} of traffic; the policy allows at most ${formatPercent(max)}: start smaller so a bad version reaches fewer users before the abort criteria can catch it.`,
        ['rollout', 'stages', 0, 'traffic'],
      ),
    );
  }
  stages.forEach((stage, index) => {
    const previous = stages[index - 1];
    if (previous === undefined || stage.traffic > previous.traffic) return;
    findings.push(
      manifestFinding(
        context,
        'rollout.not-increasing',
        `rollout stage ${index + 1} takes ${formatPercent(stage.traffic)} of traffic after stage ${index} took ${formatPercent(previous.traffic)}: each stage must take more traffic than the one before; remove or reorder the stage.`,
        ['rollout', 'stages', index, 'traffic'],
      ),
    );
  });
  if (last.traffic < 100) {
    findings.push(
      manifestFinding(
        context,
        'rollout.incomplete',
        `the last rollout stage takes ${formatPercent(last.traffic)} of traffic, so the rollout never reaches full traffic: add a final stage at 100%, or say in the manifest how the rest of the traffic moves.`,
        ['rollout', 'stages', stages.length - 1, 'traffic'],
        'warn',
      ),
    );
  }
  return findings;
}

function describe(rollout: Rollout): string {
  const stages = rollout.stages ?? [];
  const plan =
    stages.length === 0
      ? rollout.strategy
      : `${rollout.strategy} ${stages.map((s) => formatPercent(s.traffic)).join(' → ')}`;
  const criteria = (rollout.abort_when ?? []).length;
  return `${plan}, ${criteria === 0 ? 'no' : criteria} abort ${criteria === 1 ? 'criterion' : 'criteria'}`;
}

function formatPercent(value: number): string {
  return `${value}%`;
}
