/**
 * A complete high-risk release manifest (after the design sketch) that every readiness rule
 * accepts with no finding. Tests change one field at a time with `edit`, so each failing case
 * differs from a passing one by exactly what it tests.
 */
export const COMPLETE_MANIFEST = `# Release manifest for fraud-clf 2.4.0
model:
  name: fraud-clf
  candidate: 2.4.0
  incumbent: 2.3.1
  registry: models:/fraud-clf/17
  kind: classifier
eval_set:
  name: fraud-eval
  version: 2026-11
  sha256: 9f2c4e1ab37d
  frozen: 2026-11-02
risk_class: high
owners:
  on_call: "@acme/fraud-oncall"
  rollback_authority: "@alice"
  eval_suite: "@bob"
  data_pipeline: "@carol"
  runbook: https://wiki.example.com/fraud/runbook
rollout:
  strategy: canary
  stages:
    - traffic: 1%
      hold: 2h
    - traffic: 10%
      hold: 24h
    - traffic: 100%
  abort_when:
    - metric: chargeback_recall
      below: 0.85
    - metric: p95_latency_ms
      above: 250
kill_switch:
  mechanism: feature flag fraud_model_v2
  last_known_good: 2.3.1
  drill:
    date: 2026-11-12
    evidence: docs/drills/2026-11-12.md
    time_to_rollback: 4m
    target: 15m
monitoring:
  drift:
    inputs: evidently-daily
    outputs: evidently-daily
    outcomes: chargeback-labels-weekly
  alerts:
    - on: latency_spike
      route: "@acme/sre"
      time_to_detect: 5m
    - on: accuracy_drop
      route: "@acme/fraud-oncall"
      time_to_detect: 15m
  prediction_logging:
    fields: [input, output, timestamp, model_version]
  cost_tracking: true
load_test:
  peak_multiple: 2.0
  evidence: docs/load/2026-11-10.md
eval_coverage:
  reflects_traffic_of: 2026-10
  failure_modes: [new-merchant, card-testing]
  faithfulness_checks: n/a
`;

/** The repository files the complete manifest cites as evidence. */
export const EVIDENCE_FILES = ['docs/drills/2026-11-12.md', 'docs/load/2026-11-10.md'] as const;

/**
 * Replaces text in a manifest. Throws when `from` is not there exactly once, so a test whose
 * edit no longer applies fails instead of silently testing the complete manifest.
 */
export function edit(yaml: string, from: string, to: string): string {
  const at = yaml.indexOf(from);
  if (at < 0) throw new Error(`edit: ${JSON.stringify(from)} is not in the manifest`);
  if (yaml.indexOf(from, at + 1) >= 0) throw new Error(`edit: ${JSON.stringify(from)} occurs more than once`);
  return yaml.slice(0, at) + to + yaml.slice(at + from.length);
}

/** Removes the one line that contains `needle` (throws unless exactly one does). */
export function withoutLine(yaml: string, needle: string): string {
  const lines = yaml.split('\n');
  const hits = lines.filter((line) => line.includes(needle));
  if (hits.length !== 1)
    throw new Error(`withoutLine: ${JSON.stringify(needle)} is on ${hits.length} lines, expected 1`);
  return lines.filter((line) => !line.includes(needle)).join('\n');
}

/** Removes a top-level section (its key line and every indented line below it). */
export function withoutSection(yaml: string, section: string): string {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${section}:`));
  if (start < 0) throw new Error(`withoutSection: no section ${section}`);
  let end = start + 1;
  while (end < lines.length && /^\s+\S/.test(lines[end] ?? '')) end += 1;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

/**
 * The 1-based line of the first line containing `needle` (after the `after` text, when given,
 * for keys that occur in several sections). Throws when absent, so a line assertion cannot pass
 * by accident.
 */
export function lineOf(yaml: string, needle: string, after?: string): number {
  const lines = yaml.split('\n');
  const from = after === undefined ? 0 : lines.findIndex((line) => line.includes(after));
  if (from < 0) throw new Error(`lineOf: ${JSON.stringify(after)} is not in the manifest`);
  const index = lines.findIndex((line, i) => i >= from && line.includes(needle));
  if (index < 0) throw new Error(`lineOf: ${JSON.stringify(needle)} is not in the manifest`);
  return index + 1;
}
