import type { AppliedWaiver, Finding } from '../findings/finding.js';
import { daysBetween } from '../manifest/manifest-values.js';
import type { ManifestDocument } from '../manifest/load-manifest.js';
import { MANIFEST_WEAKENED } from '../manifest/manifest-weakening.js';
import { WAIVER_FINDING_PREFIX, type WaiverEntry, parseWaiverEntry } from './waiver-entry.js';

/**
 * Findings only a verified approver may waive, whatever readiness.require_verified_waivers says: a
 * change that weakens its own manifest must not be able to accept that risk by naming someone.
 */
const ALWAYS_VERIFIED = new Set([MANIFEST_WEAKENED]);

/**
 * Waivers: a named person accepts a finding's risk until a date. A waived finding stays in the
 * list, marked, so the report still shows what was accepted and by whom; it just stops counting
 * towards the verdict. Every waiver that does not apply says why, as a warning, so a waiver cannot
 * fail silently and leave the reader believing a risk was accepted.
 */

export type WaiverStatus = 'applied' | 'expired' | 'unused' | 'invalid' | 'self-approved' | 'unverified' | 'too-long';

/** One per manifest waiver entry, for the report. */
export interface WaiverRecord {
  /** Position in manifest.waivers. */
  readonly index: number;
  readonly finding: string | null;
  readonly cohort: string | null;
  readonly metric: string | null;
  readonly reason: string | null;
  readonly accepted_by: string | null;
  readonly expires: string | null;
  readonly link: string | null;
  readonly status: WaiverStatus;
  /** true: approver found in the verified approvals; false: not found, or none were given (unverified); null when invalid */
  readonly verified: boolean | null;
  /** How many findings it waived. */
  readonly applied_to: number;
  /** Manifest line of the entry. */
  readonly line: number | null;
}

export interface WaiverOptions {
  /** YYYY-MM-DD from the injected clock. */
  readonly today: string;
  /** policy.readiness.waiver_max_days */
  readonly maxDays: number;
  /** Resolved by the caller (policy, else the Action requires verification and the CLI does not). */
  readonly requireVerified: boolean;
  /** GitHub users whose approval is verified (e.g. approving reviewers); undefined when the caller cannot verify (CLI). */
  readonly verifiedApprovals?: readonly string[];
  /** The change's author when known; an approver equal to the author cannot waive. */
  readonly author?: string;
}

/**
 * Applies the manifest's waivers to the findings. Entries are taken in manifest order and each
 * waives every matching finding not waived already, so for any finding the first usable entry wins.
 * Returns the findings in their original order (waived ones marked) followed by one `waiver.*`
 * warning per entry that did not apply, and one record per entry.
 */
export function applyWaivers(
  findings: readonly Finding[],
  document: ManifestDocument,
  options: WaiverOptions,
): { findings: Finding[]; waivers: WaiverRecord[] } {
  const result = [...findings];
  // Which entry waived each finding, so a later duplicate can say which one it lost to.
  const waivedBy = new Map<number, number>();
  const notes: Finding[] = [];
  const records: WaiverRecord[] = [];
  const entries = document.manifest.waivers ?? [];
  const approvals = options.verifiedApprovals?.map(person);
  const author = options.author === undefined || person(options.author) === '' ? undefined : person(options.author);

  const note = (id: string, message: string, path: readonly (string | number)[]): void => {
    const line = document.lineOf(path);
    notes.push({ id, severity: 'warn', message, file: document.file, ...(line === undefined ? {} : { line }) });
  };

  entries.forEach((raw, index) => {
    const parsed = parseWaiverEntry(raw);
    const entryPath = ['waivers', index] as const;
    const record = (status: WaiverStatus, verified: boolean | null, appliedTo = 0): void => {
      records.push({
        index,
        ...parsed.fields,
        status,
        verified,
        applied_to: appliedTo,
        line: document.lineOf(entryPath) ?? null,
      });
    };

    if (parsed.problem !== null) {
      const { field, expected, found } = parsed.problem;
      const where = field === null ? 'the entry' : `field "${field}"`;
      note(
        'waiver.invalid',
        `${label(index, parsed.fields.finding)} is not a valid waiver and does not apply: ${where} expected ${expected}; found ${found}`,
        field === null ? entryPath : [...entryPath, field],
      );
      record('invalid', null);
      return;
    }

    const waiver = parsed.entry;
    const subject = label(index, waiver.finding, waiver);
    const approver = person(waiver.accepted_by);
    const verified = approvals !== undefined && approvals.includes(approver);

    // The approver comes first: renewing the date of a waiver that nobody else accepted is wasted work.
    if (author !== undefined && approver === author) {
      note(
        'waiver.self-approved',
        `${subject} is accepted by ${waiver.accepted_by}, the author of this change, and does not apply: someone other than the author must accept the risk`,
        [...entryPath, 'accepted_by'],
      );
      record('self-approved', verified);
      return;
    }
    // Expiry is inclusive: a waiver expiring today still holds through today.
    const days = daysBetween(options.today, waiver.expires);
    if (days < 0) {
      note(
        'waiver.expired',
        `${subject} expired on ${waiver.expires} (today is ${options.today}) and no longer applies: fix the finding, or renew the waiver with a new date and approval`,
        [...entryPath, 'expires'],
      );
      record('expired', verified);
      return;
    }
    if (days > options.maxDays) {
      note(
        'waiver.too-long',
        `${subject} expires on ${waiver.expires}, ${days} days from today, beyond the cap of ${options.maxDays} days (policy readiness.waiver_max_days), and does not apply: choose an expiry within ${options.maxDays} days`,
        [...entryPath, 'expires'],
      );
      record('too-long', verified);
      return;
    }
    if (approvals !== undefined && !verified) {
      const known = approvals.length === 0 ? 'none' : options.verifiedApprovals?.join(', ');
      note(
        'waiver.unverified',
        `${subject} is accepted by ${waiver.accepted_by}, whose approval of this change could not be verified (verified approvals: ${known}), and does not apply until ${waiver.accepted_by} approves the change`,
        [...entryPath, 'accepted_by'],
      );
      record('unverified', false);
      return;
    }
    if (approvals === undefined && ALWAYS_VERIFIED.has(waiver.finding)) {
      note(
        'waiver.unverified',
        `${subject} cannot be verified and does not apply: ${waiver.finding} may only be waived by an approver with write access who approves the pull request, which only the Action on a pull request can check (readiness.require_verified_waivers does not change this)`,
        [...entryPath, 'accepted_by'],
      );
      record('unverified', false);
      return;
    }
    if (approvals === undefined && options.requireVerified) {
      note(
        'waiver.unverified',
        `${subject} cannot be verified and does not apply: no verified approvals are available in this run. Set readiness.require_verified_waivers: false in the policy for local CLI runs, or run in the Action, where approvals are read from pull-request reviews`,
        [...entryPath, 'accepted_by'],
      );
      record('unverified', false);
      return;
    }

    const applied: AppliedWaiver = {
      accepted_by: waiver.accepted_by,
      reason: waiver.reason,
      expires: waiver.expires,
      link: waiver.link,
      verified,
    };
    let count = 0;
    let lostTo: number | undefined;
    result.forEach((finding, position) => {
      if (!matches(waiver, finding)) return;
      if (finding.waiver !== undefined) {
        lostTo ??= waivedBy.get(position);
        return;
      }
      result[position] = { ...finding, waiver: applied };
      waivedBy.set(position, index);
      count += 1;
    });
    if (count > 0) {
      record('applied', verified, count);
      return;
    }
    const why =
      lostTo === undefined
        ? 'matches no finding of this run'
        : `matches only findings already waived by waivers[${lostTo}]`;
    note(
      'waiver.unused',
      `${subject} ${why}: remove it, or check the finding id${waiver.cohort === null && waiver.metric === null ? '' : ', cohort and metric'}`,
      [...entryPath, 'finding'],
    );
    record('unused', verified);
  });

  return { findings: [...result, ...notes], waivers: records };
}

/** Whether a waiver covers a finding. Cohort and metric, when the waiver gives them, must be the finding's. */
function matches(waiver: WaiverEntry, finding: Finding): boolean {
  // Never waivers of waivers: a warning about a waiver must stay visible (the entry parser refuses such ids too).
  if (finding.id.startsWith(WAIVER_FINDING_PREFIX)) return false;
  if (finding.id !== waiver.finding) return false;
  if (waiver.cohort !== null && finding.cohort !== waiver.cohort) return false;
  if (waiver.metric !== null && finding.metric !== waiver.metric) return false;
  return true;
}

/** A GitHub login compared the way GitHub does: case-insensitively, with or without the @. */
function person(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** "waivers[2] (cohort.regressed, cohort EU · accuracy)": which entry a message is about. */
function label(
  index: number,
  finding: string | null,
  scope?: { cohort: string | null; metric: string | null },
): string {
  const parts = [
    finding,
    scope?.cohort ? `cohort ${scope.cohort}` : null,
    scope?.metric ? `metric ${scope.metric}` : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? `waivers[${index}]` : `waivers[${index}] (${parts.join(', ')})`;
}
