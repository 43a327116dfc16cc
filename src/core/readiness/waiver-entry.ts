import { isCalendarDate, isGitHubHandle } from '../manifest/manifest-values.js';

/**
 * Reading one entry of the manifest's `waivers` list. The manifest schema accepts any value there
 * on purpose: a malformed waiver must not stop the whole run with a parse error, it must become a
 * finding next to the others, so the entry is checked here, by hand, one field at a time.
 */

const WAIVER_FIELDS = ['finding', 'cohort', 'metric', 'reason', 'accepted_by', 'expires', 'link'] as const;
type WaiverField = (typeof WAIVER_FIELDS)[number];

/** What an entry says, as far as it can be read: text fields as written, anything else null. */
type WaiverFields = { readonly [K in WaiverField]: string | null };

/** A well-formed waiver. cohort and metric are null when the entry does not narrow to them. */
export interface WaiverEntry {
  readonly finding: string;
  readonly cohort: string | null;
  readonly metric: string | null;
  readonly reason: string;
  readonly accepted_by: string;
  readonly expires: string;
  readonly link: string | null;
}

/** Why an entry is not a waiver: the field at fault (null: the entry as a whole), what was expected and what was found. */
interface WaiverProblem {
  readonly field: string | null;
  readonly expected: string;
  readonly found: string;
}

export type ParsedWaiverEntry =
  | { readonly fields: WaiverFields; readonly entry: WaiverEntry; readonly problem: null }
  | { readonly fields: WaiverFields; readonly entry: null; readonly problem: WaiverProblem };

const NO_FIELDS: WaiverFields = {
  finding: null,
  cohort: null,
  metric: null,
  reason: null,
  accepted_by: null,
  expires: null,
  link: null,
};

/** The id prefix of findings that are about a comparison of one cohort and one metric. */
const COHORT_FINDING_PREFIX = 'cohort.';

/** Findings about waivers themselves: waiving them would let a waiver vouch for itself. */
export const WAIVER_FINDING_PREFIX = 'waiver.';

/** Checks one entry. The first problem found is reported: one clear message beats a pile of follow-ups. */
export function parseWaiverEntry(raw: unknown): ParsedWaiverEntry {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      fields: NO_FIELDS,
      entry: null,
      problem: {
        field: null,
        expected: 'a mapping with finding, reason, accepted_by and expires (and cohort, metric, link where needed)',
        found: describe(raw),
      },
    };
  }
  const values = raw as Record<string, unknown>;
  const fields = readableFields(values);
  const invalid = (field: string, expected: string): ParsedWaiverEntry => ({
    fields,
    entry: null,
    problem: { field, expected, found: describe(values[field]) },
  });

  // Unknown keys first: a misspelt "reson" would otherwise be reported as a missing "reason",
  // which sends the reader looking for the wrong mistake.
  const unknown = Object.keys(values).find((key) => !(WAIVER_FIELDS as readonly string[]).includes(key));
  if (unknown !== undefined) {
    return {
      fields,
      entry: null,
      problem: {
        field: unknown,
        expected: `one of the keys ${WAIVER_FIELDS.join(', ')}; unknown keys are rejected so a typo cannot be ignored`,
        found: `the unknown key ${JSON.stringify(unknown)}`,
      },
    };
  }

  const finding = requiredText(values.finding);
  if (finding === null)
    return invalid('finding', 'the id of the finding to waive, e.g. "kill-switch.stale" or "cohort.regressed"');
  if (finding.startsWith(WAIVER_FINDING_PREFIX)) {
    return invalid(
      'finding',
      `the id of a gate finding; ${WAIVER_FINDING_PREFIX}* findings are about waivers themselves and cannot be waived`,
    );
  }

  // A cohort finding is waived for one cohort and one metric: a waiver for "every metric of this
  // cohort" would silently cover regressions nobody looked at. Other findings may narrow to a
  // cohort or metric too (e.g. metric.one-side-only carries its metric), but need not.
  const isCohortFinding = finding.startsWith(COHORT_FINDING_PREFIX);
  const cohort = optionalText(values.cohort);
  if (cohort === undefined || (cohort === null && isCohortFinding)) {
    return invalid(
      'cohort',
      isCohortFinding
        ? `the cohort's name: a ${finding} finding is waived for one cohort and metric`
        : "the cohort's name as text, or leave cohort out",
    );
  }
  const metric = optionalText(values.metric);
  if (metric === undefined || (metric === null && isCohortFinding)) {
    return invalid(
      'metric',
      isCohortFinding
        ? `the metric's name: a ${finding} finding is waived for one cohort and metric, never for all metrics at once`
        : "the metric's name as text, or leave metric out",
    );
  }

  const reason = requiredText(values.reason);
  if (reason === null) return invalid('reason', 'non-empty text saying why the risk is accepted');

  const acceptedBy = requiredText(values.accepted_by);
  if (acceptedBy === null || !isGitHubHandle(acceptedBy)) {
    return invalid('accepted_by', 'the GitHub user who accepts the risk, written like @alice');
  }
  if (acceptedBy.includes('/')) {
    return invalid(
      'accepted_by',
      "a person's GitHub handle like @alice: a team cannot accept a risk, a named person must",
    );
  }

  const expires = values.expires;
  if (typeof expires !== 'string' || !isCalendarDate(expires)) {
    return invalid('expires', 'the last day the waiver holds, a real date written as YYYY-MM-DD');
  }

  // An empty `link:` in YAML reads as null: treat it as left out rather than as a mistake.
  const link = values.link ?? null;
  if (link !== null && (typeof link !== 'string' || !isWebAddress(link))) {
    return invalid('link', 'an http(s) URL (e.g. the ticket or discussion), or leave link out');
  }

  return { fields, entry: { finding, cohort, metric, reason, accepted_by: acceptedBy, expires, link }, problem: null };
}

/** What was found instead, in a few words, so the message shows the mistake next to the expectation. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null || (typeof value === 'string' && value.trim().length === 0)) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const shown = JSON.stringify(value);
  return shown.length > 80 ? `${shown.slice(0, 77)}…` : shown;
}

/** The text fields as written, for the report, even when the entry as a whole is invalid. */
function readableFields(values: Record<string, unknown>): WaiverFields {
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    finding: text(values.finding),
    cohort: text(values.cohort),
    metric: text(values.metric),
    reason: text(values.reason),
    accepted_by: text(values.accepted_by),
    expires: text(values.expires),
    link: text(values.link),
  };
}

/** Non-empty text, or null when missing, empty or not text. */
function requiredText(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value : null;
}

/**
 * Optional text: null when left out, undefined when present but not usable. Numbers are refused
 * rather than turned into text: YAML reads `cohort: 2.10` as 2.1, which would match the wrong name.
 */
function optionalText(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' && value.trim().length > 0 ? value : undefined;
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
