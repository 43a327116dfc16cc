import { expect } from 'vitest';
import type { Finding, Severity } from '../../src/core/findings/finding.js';
import { parseManifest } from '../../src/core/manifest/load-manifest.js';
import { policySchema } from '../../src/core/policy/policy-schema.js';
import type { EvalFileMetadata, ReadinessContext, RuleOutcome } from '../../src/core/readiness/readiness-types.js';
import { EVIDENCE_FILES } from './manifests.js';

const MANIFEST_FILE = 'release.yml';
const TODAY = '2026-11-23';

export interface ContextOptions {
  readonly today?: string;
  /** The readiness section of a policy as written in YAML; defaults fill the rest. */
  readonly policy?: Record<string, unknown>;
  /** Repository files that exist; by default the evidence the complete manifest cites. */
  readonly files?: Iterable<string>;
  readonly evalFiles?: { incumbent?: Partial<EvalFileMetadata>; candidate?: Partial<EvalFileMetadata> };
}

/** A context plus the paths the rule asked evidenceExists about (to prove some were never asked). */
export type TestContext = ReadinessContext & { readonly checkedPaths: string[] };

/** Builds a ReadinessContext from manifest YAML, with a fixed clock and an in-memory repository. */
export function makeContext(yaml: string, options: ContextOptions = {}): TestContext {
  const files = new Set(options.files ?? EVIDENCE_FILES);
  const checkedPaths: string[] = [];
  return {
    document: parseManifest(MANIFEST_FILE, yaml),
    policy: policySchema.parse({ readiness: options.policy ?? {} }).readiness,
    today: options.today ?? TODAY,
    evidenceExists: (path) => {
      checkedPaths.push(path);
      return files.has(path);
    },
    evalFiles: {
      incumbent: { ...evalFile('incumbent.jsonl'), ...options.evalFiles?.incumbent },
      candidate: { ...evalFile('candidate.jsonl'), ...options.evalFiles?.candidate },
    },
    checkedPaths,
  };
}

/** Per-example eval files: no model or dataset metadata. */
function evalFile(path: string): EvalFileMetadata {
  return { path, sha256: `sha-of-${path}`, model: null, dataset: null };
}

export function ids(result: RuleOutcome): string[] {
  return result.findings.map((f) => f.id);
}

/**
 * Asserts that the outcome has exactly the findings `expectedIds` (in any order) and returns the
 * one finding with `id`, checked for severity, message text, file and line.
 */
export function expectFinding(
  result: RuleOutcome,
  id: string,
  expected: { severity: Severity; message: string | RegExp; line: number; ids?: readonly string[] },
): Finding {
  expect([...ids(result)].sort()).toEqual([...(expected.ids ?? [id])].sort());
  const matching = result.findings.filter((f) => f.id === id);
  expect(matching).toHaveLength(1);
  const finding = matching[0] as Finding;
  expect(finding.severity).toBe(expected.severity);
  if (typeof expected.message === 'string') expect(finding.message).toContain(expected.message);
  else expect(finding.message).toMatch(expected.message);
  expect(finding.file).toBe(MANIFEST_FILE);
  expect(finding.line).toBe(expected.line);
  expect(result.item.status).toBe('finding');
  return finding;
}

export function expectPass(result: RuleOutcome): void {
  expect(result.findings).toEqual([]);
  expect(result.item.status).toBe('ok');
}
