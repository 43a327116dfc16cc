import type { Finding } from '../../findings/finding.js';
import type { Manifest } from '../../manifest/manifest-schema.js';
import type { ReadinessContext, ReadinessRule } from '../readiness-types.js';
import { isRequired, manifestFinding, notRequired, outcome } from '../rule-helpers.js';

const ID = 'monitoring';
const TITLE = 'Drift monitors and alerting';

type Monitoring = NonNullable<Manifest['monitoring']>;
type Alert = NonNullable<Monitoring['alerts']>[number];

/** What a prediction log needs to answer "what did the model do, and which model was it?". */
const LOG_FIELDS = ['input', 'output', 'timestamp', 'model_version'] as const;

/**
 * AI failures are statistical and silent: nothing errors, the numbers just drift. Monitors must
 * be live before the rollout, and a degradation must page the on-call owner within a stated time,
 * not wait on a dashboard nobody watches.
 */
export const monitoringRule: ReadinessRule = (context) => {
  const { manifest } = context.document;
  const monitoring = manifest.monitoring;
  const required = isRequired(context, 'monitoring');
  const item = { id: ID, title: TITLE, required, path: ['monitoring'] } as const;

  if (monitoring === undefined) {
    if (!required) return notRequired(context, ID, TITLE);
    return outcome(context, { ...item, evidence: null }, [
      manifestFinding(
        context,
        'monitoring.missing',
        `the manifest has no monitoring section, which ${manifest.risk_class}-risk releases require: list the input, output and outcome drift monitors, the alerts routed to the on-call owner with their time_to_detect, prediction logging and cost tracking.`,
        ['monitoring'],
      ),
    ]);
  }

  const findings: Finding[] = [
    ...driftFindings(context, monitoring),
    ...alertFindings(context, monitoring.alerts ?? []),
  ];
  findings.push(...loggingFindings(context, monitoring.prediction_logging));
  if (monitoring.cost_tracking !== true) {
    findings.push(
      manifestFinding(
        context,
        'monitoring.cost-tracking',
        `monitoring.cost_tracking is ${monitoring.cost_tracking === false ? 'false' : 'not set'}: track the inference cost per prediction (and set cost_tracking: true), so a cost rise that traffic does not explain is caught week by week.`,
        ['monitoring', 'cost_tracking'],
        'warn',
      ),
    );
  }
  return outcome(context, { ...item, evidence: describe(monitoring, manifest.owners?.on_call) }, findings);
};

function driftFindings(context: ReadinessContext, monitoring: Monitoring): Finding[] {
  const drift = monitoring.drift ?? {};
  const findings: Finding[] = [];
  // Inputs and outputs are cheap to watch and catch most regressions, pipeline breaks above all.
  for (const [layer, id, what] of [
    ['inputs', 'monitoring.input-drift', 'feature statistics such as null rates, cardinalities and schema conformance'],
    ['outputs', 'monitoring.output-drift', 'the prediction distribution and calibration'],
  ] as const) {
    const monitor = drift[layer];
    if (typeof monitor === 'string') continue;
    findings.push(
      manifestFinding(
        context,
        id,
        `monitoring.drift.${layer} is ${monitor === false ? 'false (no monitor)' : 'not set'}: ${layer.slice(0, -1)} drift must be watched before the rollout starts. Set up a monitor of ${what} and name it in monitoring.drift.${layer}.`,
        ['monitoring', 'drift', layer],
      ),
    );
  }
  // Ground truth is often late or costly, so "false" is an accepted, stated choice, except that a
  // high-risk release is reminded of it; leaving the field out says nothing and is always a warning.
  const outcomes = drift.outcomes;
  const highRisk = context.document.manifest.risk_class === 'high';
  if (outcomes === undefined || (outcomes === false && highRisk)) {
    findings.push(
      manifestFinding(
        context,
        'monitoring.outcome-drift',
        outcomes === undefined
          ? 'monitoring.drift.outcomes is not set: name the monitor of realized accuracy against ground truth (even delayed labels), or write outcomes: false to state that there is none.'
          : 'monitoring.drift.outcomes is false: a high-risk release has no monitor of realized accuracy against ground truth. Add one, even on delayed labels, if any ground truth becomes available.',
        ['monitoring', 'drift', 'outcomes'],
        'warn',
      ),
    );
  }
  return findings;
}

function alertFindings(context: ReadinessContext, alerts: readonly Alert[]): Finding[] {
  const onCall = context.document.manifest.owners?.on_call;
  const toOnCall = alertsToOnCall(alerts, onCall);
  if (toOnCall.length === 0) {
    const target =
      onCall === undefined ? 'the on-call owner (owners.on_call is not set)' : `the on-call owner ${onCall}`;
    return [
      manifestFinding(
        context,
        'monitoring.no-alert-to-on-call',
        `no alert in monitoring.alerts is routed to ${target}: a degradation must page the person who holds the pager. Add an alert with route: ${onCall ?? '<owners.on_call>'} and a time_to_detect.`,
        ['monitoring', 'alerts'],
      ),
    ];
  }
  return toOnCall
    .filter(({ alert }) => alert.time_to_detect === undefined)
    .map(({ alert, index }) =>
      manifestFinding(
        context,
        'monitoring.no-time-to-detect',
        `the alert on ${alert.on} routed to ${alert.route} has no time_to_detect: state how soon after a degradation it fires (e.g. time_to_detect: 15m), so detection is a promise that can be checked.`,
        ['monitoring', 'alerts', index],
      ),
    );
}

function alertsToOnCall(alerts: readonly Alert[], onCall: string | undefined): { alert: Alert; index: number }[] {
  if (onCall === undefined) return [];
  // GitHub handles are case-insensitive: @Acme/Fraud-Oncall and @acme/fraud-oncall are the same team.
  const wanted = onCall.trim().toLowerCase();
  return alerts
    .map((alert, index) => ({ alert, index }))
    .filter(({ alert }) => alert.route.trim().toLowerCase() === wanted);
}

function loggingFindings(context: ReadinessContext, logging: Monitoring['prediction_logging']): Finding[] {
  if (logging === undefined || logging === false) {
    return [
      manifestFinding(
        context,
        'monitoring.prediction-logging',
        `monitoring.prediction_logging is ${logging === false ? 'false' : 'not set'}: every prediction must be logged from the first request, or there is no way to answer a complaint or debug a degraded model. Log ${LOG_FIELDS.join(', ')} and list them in prediction_logging.fields.`,
        ['monitoring', 'prediction_logging'],
      ),
    ];
  }
  const present = new Set(logging.fields.map((field) => field.trim().toLowerCase()));
  const missing = LOG_FIELDS.filter((field) => !present.has(field));
  if (missing.length === 0) return [];
  return [
    manifestFinding(
      context,
      'monitoring.prediction-logging',
      `monitoring.prediction_logging.fields lacks ${missing.join(', ')}: each logged prediction needs its ${LOG_FIELDS.join(', ')} to be traced back to the model that made it. Log the missing fields and add them to the list.`,
      ['monitoring', 'prediction_logging', 'fields'],
    ),
  ];
}

function describe(monitoring: Monitoring, onCall: string | undefined): string {
  const drift = monitoring.drift ?? {};
  const watched = (['inputs', 'outputs', 'outcomes'] as const).filter((layer) => typeof drift[layer] === 'string');
  const alerts = alertsToOnCall(monitoring.alerts ?? [], onCall).length;
  const parts = [
    watched.length === 0 ? 'no drift monitors' : `drift on ${watched.join(', ')}`,
    `${alerts === 0 ? 'no' : alerts} ${alerts === 1 ? 'alert' : 'alerts'} to on-call`,
  ];
  if (monitoring.prediction_logging) parts.push('prediction logging');
  if (monitoring.cost_tracking === true) parts.push('cost tracking');
  return parts.join(', ');
}
