import { describe, expect, it } from 'vitest';
import { monitoringRule } from '../../src/core/readiness/rules/monitoring-rule.js';
import { expectFinding, expectPass, makeContext } from './context.js';
import { COMPLETE_MANIFEST, edit, lineOf, withoutLine, withoutSection } from './manifests.js';

const run = (yaml: string) => monitoringRule(makeContext(yaml));
const asRisk = (yaml: string, risk: 'low' | 'medium') => edit(yaml, 'risk_class: high', `risk_class: ${risk}`);
const ON_CALL_ALERT = `    - on: accuracy_drop
      route: "@acme/fraud-oncall"
      time_to_detect: 15m
`;

describe('monitoring rule', () => {
  it('accepts drift monitors, an alert to on-call with a time to detect, full logging and cost tracking', () => {
    const result = run(COMPLETE_MANIFEST);
    expectPass(result);
    expect(result.item).toMatchObject({
      id: 'monitoring',
      title: 'Drift monitors and alerting',
      required: true,
      evidence: 'drift on inputs, outputs, outcomes, 1 alert to on-call, prediction logging, cost tracking',
      line: lineOf(COMPLETE_MANIFEST, 'monitoring:'),
    });
  });

  it('monitoring.missing when required; not required at low risk by default', () => {
    const yaml = withoutSection(COMPLETE_MANIFEST, 'monitoring');
    expectFinding(run(yaml), 'monitoring.missing', {
      severity: 'block',
      message: 'no monitoring section, which high-risk releases require',
      line: lineOf(yaml, 'model:'),
    });
    const low = run(asRisk(yaml, 'low'));
    expect(low.findings).toEqual([]);
    expect(low.item).toMatchObject({ status: 'not-required', required: false });
  });

  it('is checked fully when present although not required', () => {
    const yaml = edit(asRisk(COMPLETE_MANIFEST, 'low'), 'inputs: evidently-daily', 'inputs: false');
    const result = run(yaml);
    expect(result.item.required).toBe(false);
    expectFinding(result, 'monitoring.input-drift', {
      severity: 'block',
      message: 'monitoring.drift.inputs is false (no monitor)',
      line: lineOf(yaml, 'inputs: false'),
    });
  });

  it('monitoring.input-drift: not set', () => {
    const yaml = withoutLine(COMPLETE_MANIFEST, 'inputs: evidently-daily');
    expectFinding(run(yaml), 'monitoring.input-drift', {
      severity: 'block',
      message: 'monitoring.drift.inputs is not set: input drift must be watched',
      line: lineOf(yaml, 'drift:'),
    });
  });

  it('monitoring.output-drift: false or not set', () => {
    const off = edit(COMPLETE_MANIFEST, 'outputs: evidently-daily', 'outputs: false');
    expectFinding(run(off), 'monitoring.output-drift', {
      severity: 'block',
      message: 'monitoring.drift.outputs is false (no monitor): output drift',
      line: lineOf(off, 'outputs: false'),
    });
    const absent = withoutLine(COMPLETE_MANIFEST, 'outputs: evidently-daily');
    expectFinding(run(absent), 'monitoring.output-drift', {
      severity: 'block',
      message: 'monitoring.drift.outputs is not set',
      line: lineOf(absent, 'drift:'),
    });
  });

  it('with no drift section, all three layers are reported at the monitoring line', () => {
    const yaml = edit(
      COMPLETE_MANIFEST,
      '  drift:\n    inputs: evidently-daily\n    outputs: evidently-daily\n    outcomes: chargeback-labels-weekly\n',
      '',
    );
    const result = run(yaml);
    expect(result.findings.map((f) => [f.id, f.severity, f.line])).toEqual([
      ['monitoring.input-drift', 'block', lineOf(yaml, 'monitoring:')],
      ['monitoring.output-drift', 'block', lineOf(yaml, 'monitoring:')],
      ['monitoring.outcome-drift', 'warn', lineOf(yaml, 'monitoring:')],
    ]);
    expect(result.item.evidence).toBe('no drift monitors, 1 alert to on-call, prediction logging, cost tracking');
  });

  it('monitoring.outcome-drift: a warning when not set, at any risk class', () => {
    const yaml = asRisk(withoutLine(COMPLETE_MANIFEST, 'outcomes:'), 'medium');
    expectFinding(run(yaml), 'monitoring.outcome-drift', {
      severity: 'warn',
      message: 'or write outcomes: false to state that there is none',
      line: lineOf(yaml, 'drift:'),
    });
  });

  it('monitoring.outcome-drift: false is an accepted statement below high risk, a warning at high risk', () => {
    const high = edit(COMPLETE_MANIFEST, 'outcomes: chargeback-labels-weekly', 'outcomes: false');
    expectFinding(run(high), 'monitoring.outcome-drift', {
      severity: 'warn',
      message: 'monitoring.drift.outcomes is false: a high-risk release',
      line: lineOf(high, 'outcomes: false'),
    });
    const medium = run(asRisk(high, 'medium'));
    expectPass(medium);
    expect(medium.item.evidence).toBe(
      'drift on inputs, outputs, 1 alert to on-call, prediction logging, cost tracking',
    );
  });

  it('monitoring.no-alert-to-on-call: alerts go elsewhere; the route matches case-insensitively', () => {
    const yaml = edit(COMPLETE_MANIFEST, 'route: "@acme/fraud-oncall"', 'route: "@acme/fraud-team"');
    const result = run(yaml);
    expectFinding(result, 'monitoring.no-alert-to-on-call', {
      severity: 'block',
      message: 'no alert in monitoring.alerts is routed to the on-call owner @acme/fraud-oncall',
      line: lineOf(yaml, 'alerts:'),
    });
    expect(result.item.evidence).toBe(
      'drift on inputs, outputs, outcomes, no alerts to on-call, prediction logging, cost tracking',
    );
    expectPass(run(edit(COMPLETE_MANIFEST, 'route: "@acme/fraud-oncall"', 'route: "@ACME/Fraud-Oncall"')));
  });

  it('monitoring.no-alert-to-on-call: no alerts at all, or no on-call owner to route to', () => {
    const noAlerts = edit(
      COMPLETE_MANIFEST,
      `  alerts:\n    - on: latency_spike\n      route: "@acme/sre"\n      time_to_detect: 5m\n${ON_CALL_ALERT}`,
      '',
    );
    expectFinding(run(noAlerts), 'monitoring.no-alert-to-on-call', {
      severity: 'block',
      message: 'Add an alert with route: @acme/fraud-oncall',
      line: lineOf(noAlerts, 'monitoring:'),
    });
    const noOwner = withoutLine(COMPLETE_MANIFEST, 'on_call:');
    expectFinding(run(noOwner), 'monitoring.no-alert-to-on-call', {
      severity: 'block',
      message: 'owners.on_call is not set',
      line: lineOf(noOwner, 'alerts:'),
    });
  });

  it('monitoring.no-time-to-detect: only the alerts routed to on-call must state it', () => {
    const yaml = edit(COMPLETE_MANIFEST, '      time_to_detect: 15m\n', '');
    expectFinding(run(yaml), 'monitoring.no-time-to-detect', {
      severity: 'block',
      message: 'the alert on accuracy_drop routed to @acme/fraud-oncall has no time_to_detect',
      line: lineOf(yaml, '- on: accuracy_drop'),
    });
    expectPass(run(edit(COMPLETE_MANIFEST, '      time_to_detect: 5m\n', '')));
  });

  it('monitoring.prediction-logging: off, not set, or missing fields', () => {
    const off = edit(
      COMPLETE_MANIFEST,
      '  prediction_logging:\n    fields: [input, output, timestamp, model_version]\n',
      '  prediction_logging: false\n',
    );
    expectFinding(run(off), 'monitoring.prediction-logging', {
      severity: 'block',
      message: 'monitoring.prediction_logging is false',
      line: lineOf(off, 'prediction_logging:'),
    });
    const absent = edit(
      COMPLETE_MANIFEST,
      '  prediction_logging:\n    fields: [input, output, timestamp, model_version]\n',
      '',
    );
    expectFinding(run(absent), 'monitoring.prediction-logging', {
      severity: 'block',
      message: 'monitoring.prediction_logging is not set',
      line: lineOf(absent, 'monitoring:'),
    });
    const partial = edit(
      COMPLETE_MANIFEST,
      'fields: [input, output, timestamp, model_version]',
      'fields: [input, output]',
    );
    expectFinding(run(partial), 'monitoring.prediction-logging', {
      severity: 'block',
      message: 'monitoring.prediction_logging.fields lacks timestamp, model_version:',
      line: lineOf(partial, 'fields:'),
    });
  });

  it('monitoring.cost-tracking: a warning when false or not set', () => {
    const off = edit(COMPLETE_MANIFEST, 'cost_tracking: true', 'cost_tracking: false');
    expectFinding(run(off), 'monitoring.cost-tracking', {
      severity: 'warn',
      message: 'monitoring.cost_tracking is false',
      line: lineOf(off, 'cost_tracking:'),
    });
    const absent = withoutLine(COMPLETE_MANIFEST, 'cost_tracking:');
    expectFinding(run(absent), 'monitoring.cost-tracking', {
      severity: 'warn',
      message: 'monitoring.cost_tracking is not set',
      line: lineOf(absent, 'monitoring:'),
    });
  });
});
