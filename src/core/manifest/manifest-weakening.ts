import { InputError } from '../errors.js';
import type { Finding } from '../findings/finding.js';
import { parseLocated } from '../structured-text.js';
import type { ManifestDocument } from './load-manifest.js';
import { manifestSchema } from './manifest-schema.js';

/**
 * A change may not lower the bar its own manifest sets. The policy picks what a release needs by
 * risk class, and each readiness rule judges a section, so a pull request that lowers `risk_class`
 * or drops a section its base version had would choose its own, easier gate. Such a change gets a
 * blocking `manifest.weakened` finding; only a verified approver can waive it (see waivers.ts).
 */

export const MANIFEST_WEAKENED = 'manifest.weakened';

const RISK_RANK: Readonly<Record<string, number>> = { low: 0, medium: 1, high: 2 };

/** Top-level keys that are not evidence sections: identity, the class itself, and waivers (removing those only tightens). */
const NOT_SECTIONS = new Set(['model', 'risk_class', 'waivers']);

/** Every evidence section the manifest schema knows, so a section added to the schema is covered too. */
export const MANIFEST_SECTIONS: readonly string[] = Object.keys(manifestSchema.shape).filter(
  (key) => !NOT_SECTIONS.has(key),
);

/** The manifest as the change's base has it: `label` says where it came from (a commit, a file). */
export interface BaseManifest {
  readonly label: string;
  readonly text: string;
}

/**
 * One `manifest.weakened` finding per weakening of `head` against `base`. The base is read loosely
 * (only risk_class and which sections exist), so a base the current schema would refuse can still
 * be compared; a base that cannot be read at all is itself a blocking finding, never a pass.
 */
export function manifestWeakenings(base: BaseManifest, head: ManifestDocument): Finding[] {
  const at = (path: readonly string[]): Pick<Finding, 'file' | 'line'> => {
    const line = head.lineOf(path);
    return { file: head.file, ...(line === undefined ? {} : { line }) };
  };
  const value = readBase(base);
  if (typeof value === 'string') {
    return [
      {
        id: MANIFEST_WEAKENED,
        severity: 'block',
        message: `${base.label} cannot be compared with this change's manifest (${value}), so the change cannot be shown not to weaken it: fix the base version, or have an approver with write access waive ${MANIFEST_WEAKENED}`,
        ...at([]),
      },
    ];
  }

  const findings: Finding[] = [];
  const baseRisk = value.risk_class;
  const headRisk = head.manifest.risk_class;
  if (typeof baseRisk === 'string' && baseRisk in RISK_RANK) {
    if ((RISK_RANK[headRisk] ?? 0) < (RISK_RANK[baseRisk] ?? 0)) {
      findings.push({
        id: MANIFEST_WEAKENED,
        severity: 'block',
        message: `this change lowers risk_class from ${baseRisk} (${base.label}) to ${headRisk}, which lowers what the policy requires of it: keep risk_class: ${baseRisk}, or have an approver with write access waive ${MANIFEST_WEAKENED}`,
        ...at(['risk_class']),
      });
    }
  } else {
    findings.push({
      id: MANIFEST_WEAKENED,
      severity: 'block',
      message: `${base.label} has no valid risk_class (expected low, medium or high), so this change's risk_class ${headRisk} cannot be shown not to lower it: have an approver with write access waive ${MANIFEST_WEAKENED}`,
      ...at(['risk_class']),
    });
  }
  for (const section of MANIFEST_SECTIONS) {
    const before = value[section];
    if (before === undefined || before === null) continue;
    if ((head.manifest as Record<string, unknown>)[section] !== undefined) continue;
    findings.push({
      id: MANIFEST_WEAKENED,
      severity: 'block',
      message: `this change removes the ${section} section that ${base.label} has, so its readiness checks no longer see it: restore ${section}, or have an approver with write access waive ${MANIFEST_WEAKENED}`,
      ...at([]),
    });
  }
  return findings;
}

/** The finding when the base has a manifest and this run has none: everything it checked is gone. */
export function manifestRemoved(base: BaseManifest): Finding {
  return {
    id: MANIFEST_WEAKENED,
    severity: 'block',
    message: `${base.label} has a release manifest, and this run has none: pass the manifest (the change may not drop its own readiness checks)`,
  };
}

/** The base's top-level mapping, or why it cannot be read. */
function readBase(base: BaseManifest): Record<string, unknown> | string {
  try {
    const { value } = parseLocated(base.label, base.text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'it is not a mapping';
    return value as Record<string, unknown>;
  } catch (error) {
    if (error instanceof InputError) return error.problem;
    throw error;
  }
}
