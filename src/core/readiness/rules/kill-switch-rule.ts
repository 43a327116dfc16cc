import type { Finding } from '../../findings/finding.js';
import type { Manifest } from '../../manifest/manifest-schema.js';
import { daysBetween, formatDuration } from '../../manifest/manifest-values.js';
import type { ReadinessContext, ReadinessRule } from '../readiness-types.js';
import { isRequired, manifestFinding, notRequired, outcome } from '../rule-helpers.js';
import { evidencePathFinding } from './evidence-path.js';

const ID = 'kill_switch';
const TITLE = 'Rollback tested recently';

type KillSwitch = NonNullable<Manifest['kill_switch']>;
type Drill = NonNullable<KillSwitch['drill']>;

/**
 * A rollback nobody has run is a hope, not a plan. The kill switch must exist, must have been
 * drilled recently enough that the drill still describes today's system, with a record of it,
 * a measured time to roll back within its target, and it must land on the version serving now.
 */
export const killSwitchRule: ReadinessRule = (context) => {
  const { manifest } = context.document;
  const killSwitch = manifest.kill_switch;
  const required = isRequired(context, 'kill_switch');
  const item = { id: ID, title: TITLE, required, path: ['kill_switch'] } as const;

  if (killSwitch === undefined) {
    if (!required) return notRequired(context, ID, TITLE);
    return outcome(context, { ...item, evidence: null }, [
      manifestFinding(
        context,
        'kill-switch.missing',
        `the manifest has no kill_switch section, which ${manifest.risk_class}-risk releases require: name the rollback mechanism, the last-known-good version, and the latest rollback drill (date, evidence, time_to_rollback, target).`,
        ['kill_switch'],
      ),
    ]);
  }

  const findings: Finding[] = [];
  if (killSwitch.mechanism === undefined) {
    findings.push(
      manifestFinding(
        context,
        'kill-switch.no-mechanism',
        'kill_switch.mechanism is not set: say how the release is rolled back (e.g. "feature flag fraud_model_v2" or "registry alias promotion"), so the on-call owner does not have to find out during an incident.',
        ['kill_switch', 'mechanism'],
      ),
    );
  }
  if (killSwitch.last_known_good === undefined) {
    findings.push(
      manifestFinding(
        context,
        'kill-switch.last-known-good',
        `kill_switch.last_known_good is not set: name the version the kill switch rolls back to, which should be the incumbent, ${manifest.model.incumbent}.`,
        ['kill_switch', 'last_known_good'],
      ),
    );
  } else if (killSwitch.last_known_good !== manifest.model.incumbent) {
    findings.push(
      manifestFinding(
        context,
        'kill-switch.last-known-good',
        `kill_switch.last_known_good is ${killSwitch.last_known_good} but the incumbent (model.incumbent) is ${manifest.model.incumbent}: a rollback would not restore the version serving now. Point the kill switch at ${manifest.model.incumbent}, or correct model.incumbent.`,
        ['kill_switch', 'last_known_good'],
      ),
    );
  }
  if (killSwitch.drill === undefined) {
    findings.push(
      manifestFinding(
        context,
        'kill-switch.no-drill',
        'kill_switch.drill is not set: roll back to the last-known-good version end to end (outside production if need be), then record the drill with its date, evidence, time_to_rollback and target.',
        ['kill_switch', 'drill'],
      ),
    );
  } else {
    findings.push(...drillFindings(context, killSwitch.drill));
  }
  return outcome(context, { ...item, evidence: describe(killSwitch) }, findings);
};

function drillFindings(context: ReadinessContext, drill: Drill): Finding[] {
  const findings: Finding[] = [];
  const riskClass = context.document.manifest.risk_class;
  const maxAge = context.policy.drill_max_age_days[riskClass];
  const age = daysBetween(drill.date, context.today);
  if (age < 0) {
    findings.push(
      manifestFinding(
        context,
        'kill-switch.drill-in-future',
        `the rollback drill is dated ${drill.date}, ${-age} ${plural(-age, 'day')} after today (${context.today}): a drill that has not happened yet proves nothing. Correct the date to the day the drill was run.`,
        ['kill_switch', 'drill', 'date'],
      ),
    );
  } else if (age > maxAge) {
    findings.push(
      manifestFinding(
        context,
        'kill-switch.stale',
        `the rollback drill of ${drill.date} is ${age} days old; ${riskClass}-risk releases need one within ${maxAge} days: run the rollback drill again and record its new date and evidence.`,
        ['kill_switch', 'drill', 'date'],
      ),
    );
  }

  if (drill.evidence === undefined) {
    findings.push(
      manifestFinding(
        context,
        'kill-switch.no-evidence',
        'kill_switch.drill.evidence is not set: link the record of the drill (a file in the repository or an https:// link), so a reviewer can see that the rollback was actually run.',
        ['kill_switch', 'drill', 'evidence'],
      ),
    );
  } else {
    const finding = evidencePathFinding(context, 'kill-switch', drill.evidence, ['kill_switch', 'drill', 'evidence']);
    if (finding !== undefined) findings.push(finding);
  }

  const unmeasured = (['time_to_rollback', 'target'] as const).filter((field) => drill[field] === undefined);
  const [firstUnmeasured] = unmeasured;
  if (firstUnmeasured !== undefined) {
    findings.push(
      manifestFinding(
        context,
        'kill-switch.not-measured',
        `the rollback drill does not record ${unmeasured.map((f) => `kill_switch.drill.${f}`).join(' or ')}: time-to-rollback must be measured, not assumed. Record how long the drill took (e.g. time_to_rollback: 4m) and the target it has to meet (e.g. target: 15m).`,
        ['kill_switch', 'drill', firstUnmeasured],
      ),
    );
  } else if (
    drill.time_to_rollback !== undefined &&
    drill.target !== undefined &&
    drill.time_to_rollback > drill.target
  ) {
    findings.push(
      manifestFinding(
        context,
        'kill-switch.too-slow',
        `the rollback drill took ${formatDuration(drill.time_to_rollback)}, longer than its ${formatDuration(drill.target)} target: make the rollback faster (e.g. a flag flip instead of a redeploy) and drill again.`,
        ['kill_switch', 'drill', 'time_to_rollback'],
      ),
    );
  }
  return findings;
}

function describe(killSwitch: KillSwitch): string {
  const parts = [killSwitch.mechanism ?? 'no mechanism'];
  const drill = killSwitch.drill;
  if (drill === undefined) {
    parts.push('never drilled');
  } else {
    parts.push(`drilled ${drill.date}`);
    if (drill.time_to_rollback !== undefined) {
      parts.push(
        `rollback ${formatDuration(drill.time_to_rollback)}${drill.target === undefined ? '' : ` (target ${formatDuration(drill.target)})`}`,
      );
    }
  }
  return parts.join(', ');
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
