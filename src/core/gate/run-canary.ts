import { parseCanaryObservations } from '../canary/canary-file.js';
import type { CanaryReport } from '../canary/canary-report.js';
import { decideCanary } from '../canary/decide-canary.js';
import { InputError } from '../errors.js';
import { defaultPolicy, parsePolicy } from '../policy/load-policy.js';
import type { SourceFile } from '../source-file.js';
import { timestamp } from '../canary/canary-counts.js';
import { checkAbortThresholds, checkBinaryMargins, checkIntervalsBeforeClock } from './canary-input-checks.js';
import { parseManifestFile } from './readiness-step.js';

export interface CanaryGateInputs {
  readonly observations: SourceFile;
  /** The release manifest: its rollout stages (traffic, hold) and abort_when criteria. */
  readonly manifest: SourceFile;
  readonly policy?: SourceFile | undefined;
  readonly tool: { readonly name: string; readonly version: string };
  /** ISO 8601 time to judge the hold by; the last interval's end when absent (recorded files stay reproducible). */
  readonly now?: string | undefined;
}

/** Judges a canary stage: parses all three files first, then decides at the latest look. */
export function runCanaryGate(inputs: CanaryGateInputs): CanaryReport {
  const policy = inputs.policy === undefined ? defaultPolicy() : parsePolicy(inputs.policy.path, inputs.policy.text);
  const manifest = parseManifestFile(inputs.manifest);
  const observations = parseCanaryObservations(inputs.observations);
  const rollout = manifest.document.manifest.rollout;
  if (rollout === undefined)
    throw new InputError(
      manifest.path,
      'the manifest has no rollout section: the canary gate needs its stages (traffic, hold) and abort_when criteria',
      { field: 'rollout' },
    );
  const stages = rollout.stages ?? [];
  const matching = stages.filter((s) => s.traffic === observations.stage.traffic);
  // Two stages at one share would leave the hold to be guessed.
  if (matching.length > 1)
    throw new InputError(
      manifest.path,
      `the rollout lists ${matching.length} stages at ${observations.stage.traffic}% of traffic: expected one, so that the observations' stage has one hold`,
      // In backquotes: the docs' finding index reads a quoted dotted name as a finding id.
      { field: `rollout.stages`, line: manifest.document.lineOf(['rollout', 'stages']) },
    );
  const stage = matching[0];
  if (stage === undefined)
    throw new InputError(
      observations.path,
      `stage.traffic ${observations.stage.traffic}% is not a stage of ${manifest.path}'s rollout: expected one of ${stages.length === 0 ? '(none: the rollout lists no stages)' : stages.map((s) => `${s.traffic}%`).join(', ')}`,
      { field: 'stage.traffic' },
    );
  checkAbortThresholds(observations, manifest);
  checkBinaryMargins(observations, policy, inputs.policy);
  const last = observations.intervals[observations.intervals.length - 1];
  const clock =
    inputs.now === undefined
      ? { iso: last?.end ?? observations.stage.started, ms: last?.endMs ?? observations.stage.startedMs }
      : clockAt(inputs.now);
  checkIntervalsBeforeClock(observations, clock);
  const decided = decideCanary(observations, rollout, stage.hold ?? null, policy, clock);
  return {
    schema: 'model-release-gate/canary-report@1',
    tool: inputs.tool,
    ...decided,
    inputs: {
      observations: { path: observations.path, sha256: observations.sha256 },
      manifest: { path: manifest.path, sha256: manifest.sha256 },
      policy: inputs.policy === undefined ? null : { path: inputs.policy.path, sha256: inputs.policy.sha256 },
    },
  };
}

/** The given time, read as strictly as the file's times: with a zone, or it is a different instant on each machine. */
function clockAt(now: string): { iso: string; ms: number } {
  const parsed = timestamp.safeParse(now);
  if (!parsed.success)
    throw new InputError(
      '--now',
      `expected a time like "2026-12-01T10:30:00Z" (ISO 8601 with Z or an offset), got ${JSON.stringify(now)}`,
    );
  return { iso: new Date(parsed.data.ms).toISOString(), ms: parsed.data.ms };
}
