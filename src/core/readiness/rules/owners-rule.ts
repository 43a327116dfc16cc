import type { Finding } from '../../findings/finding.js';
import type { Manifest } from '../../manifest/manifest-schema.js';
import type { ReadinessRule } from '../readiness-types.js';
import { isGitHubHandle } from '../../manifest/manifest-values.js';
import { isRequired, manifestFinding, notRequired, outcome } from '../rule-helpers.js';

const ID = 'owners';
const TITLE = 'On-call owner and rollback authority';

type Owners = NonNullable<Manifest['owners']>;
type OwnerField = 'on_call' | 'rollback_authority' | 'eval_suite' | 'data_pipeline';

/** What each owner answers for, in the words a finding uses. */
const ROLE: Record<OwnerField, string> = {
  on_call: 'who is paged when the model degrades',
  rollback_authority: 'who may roll back without escalation',
  eval_suite: 'who owns the eval suite',
  data_pipeline: 'who owns the upstream data pipeline',
};

/**
 * Someone must hold the pager and be allowed to roll back at any risk. From medium risk on, the
 * eval suite and the data pipeline need owners too: the most common production regression is a
 * broken upstream pipeline, and its owner has to be in the response loop.
 */
function requiredOwners(riskClass: Manifest['risk_class']): OwnerField[] {
  return riskClass === 'low'
    ? ['on_call', 'rollback_authority']
    : ['on_call', 'rollback_authority', 'eval_suite', 'data_pipeline'];
}

export const ownersRule: ReadinessRule = (context) => {
  const { manifest } = context.document;
  const owners = manifest.owners;
  const required = isRequired(context, 'owners');
  const item = { id: ID, title: TITLE, required, path: ['owners'] } as const;

  if (owners === undefined) {
    if (!required) return notRequired(context, ID, TITLE);
    return outcome(context, { ...item, evidence: null }, [
      manifestFinding(
        context,
        'owner.missing',
        `the manifest has no owners section, which ${manifest.risk_class}-risk releases require: add owners with on_call (who is paged) and rollback_authority (who may roll back), as GitHub users or teams like "@alice" or "@org/team".`,
        ['owners'],
      ),
    ]);
  }

  const findings: Finding[] = [];
  for (const field of requiredOwners(manifest.risk_class)) {
    if (owners[field] !== undefined) continue;
    findings.push(
      manifestFinding(
        context,
        'owner.missing',
        `owners.${field} is not set: name ${ROLE[field]} as a GitHub user or team, like "@alice" or "@org/team".`,
        ['owners', field],
      ),
    );
  }
  // Checked for every named owner, required or not: a name GitHub cannot resolve cannot be paged or asked to approve.
  for (const field of Object.keys(ROLE) as OwnerField[]) {
    const name = owners[field];
    if (name === undefined || isGitHubHandle(name)) continue;
    findings.push(
      manifestFinding(
        context,
        'owner.invalid',
        `owners.${field} is "${name}", which is not a GitHub user or team: write it as "@user" or "@org/team" so the owner can be paged and their approvals checked.`,
        ['owners', field],
      ),
    );
  }
  if (owners.runbook === undefined) {
    findings.push(
      manifestFinding(
        context,
        'owner.runbook-missing',
        'owners.runbook is not set: link the runbook the on-call owner follows to diagnose and roll back, so the first response hour is not spent working out what to do.',
        ['owners', 'runbook'],
        'warn',
      ),
    );
  }
  return outcome(context, { ...item, evidence: describe(owners) }, findings);
};

function describe(owners: Owners): string {
  const parts = [`on-call ${owners.on_call ?? 'none'}`, `rollback ${owners.rollback_authority ?? 'none'}`];
  parts.push(owners.runbook === undefined ? 'no runbook' : 'runbook');
  return parts.join(', ');
}
