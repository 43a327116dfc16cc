import type { Finding, Severity } from '../findings/finding.js';
import type { ReadinessItemName } from '../policy/policy-schema.js';
import type { ItemStatus, ReadinessContext, ReadinessItem, RuleOutcome } from './readiness-types.js';

/** A finding about a manifest field, located at that field's line (or its nearest parent's). */
export function manifestFinding(
  context: ReadinessContext,
  id: string,
  message: string,
  path: readonly (string | number)[],
  severity: Severity = 'block',
): Finding {
  const line = context.document.lineOf(path);
  return { id, severity, message, file: context.document.file, ...(line === undefined ? {} : { line }) };
}

/** Whether the policy requires this item at the manifest's risk class. */
export function isRequired(context: ReadinessContext, item: ReadinessItemName): boolean {
  return context.policy.required[context.document.manifest.risk_class].includes(item);
}

/** Builds a rule's outcome: the item is `finding` when there is any finding, else `ok`. */
export function outcome(
  context: ReadinessContext,
  item: {
    id: ReadinessItem['id'];
    title: string;
    required: boolean;
    evidence: string | null;
    path: readonly (string | number)[];
  },
  findings: Finding[],
): RuleOutcome {
  const status: ItemStatus = findings.length > 0 ? 'finding' : 'ok';
  return {
    item: {
      id: item.id,
      title: item.title,
      required: item.required,
      status,
      evidence: item.evidence,
      file: context.document.file,
      line: context.document.lineOf(item.path) ?? null,
    },
    findings,
  };
}

/** The outcome for an item that is absent and not required at this risk class. */
export function notRequired(context: ReadinessContext, id: ReadinessItem['id'], title: string): RuleOutcome {
  return {
    item: {
      id,
      title,
      required: false,
      status: 'not-required',
      evidence: null,
      file: context.document.file,
      line: null,
    },
    findings: [],
  };
}
