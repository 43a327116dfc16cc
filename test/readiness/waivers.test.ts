import { describe, expect, it } from 'vitest';
import { type Finding, isActive } from '../../src/core/findings/finding.js';
import { parseManifest } from '../../src/core/manifest/load-manifest.js';
import { type WaiverOptions, type WaiverRecord, applyWaivers } from '../../src/core/readiness/waivers.js';

const TODAY = '2026-03-10';
const YESTERDAY = '2026-03-09';
const MAX_DAYS = 30;
/** TODAY + 30 and + 31 days. */
const AT_CAP = '2026-04-09';
const PAST_CAP = '2026-04-10';
const NEXT_WEEK = '2026-03-17';

const HEADER = ['model:', '  name: ranker', '  candidate: "2.4.0"', '  incumbent: "2.3.1"', 'risk_class: low'];

/** A minimal valid manifest with the given lines under `waivers:`. */
function manifestText(waiverLines: readonly string[]): string {
  return [...HEADER, 'waivers:', ...waiverLines, ''].join('\n');
}

/** The 1-based line of the only line of `text` containing `needle`, so expected lines come from the YAML itself. */
function lineOf(text: string, needle: string): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((line, index) => (line.includes(needle) ? [index + 1] : []));
  if (hits.length !== 1)
    throw new Error(`expected exactly one line containing ${JSON.stringify(needle)}, found ${hits.length}`);
  return hits[0] as number;
}

/** One waiver entry as YAML lines; `undefined` leaves a field out, `extra` adds raw lines. */
function entry(fields: Record<string, string | undefined>, extra: readonly string[] = []): string[] {
  const defined = Object.entries(fields).filter((pair): pair is [string, string] => pair[1] !== undefined);
  const lines = defined.map(([key, value]) => `${key}: ${value}`);
  return [...lines, ...extra].map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`));
}

function waiverFor(
  finding: string,
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return { finding, reason: '"drill booked for next sprint"', accepted_by: '"@bob"', expires: NEXT_WEEK, ...overrides };
}

const stale: Finding = {
  id: 'kill-switch.stale',
  severity: 'block',
  message: 'the rollback drill is 120 days old',
  file: 'm.yml',
  line: 3,
};
const regressed = (cohort: string, metric: string): Finding => ({
  id: 'cohort.regressed',
  severity: 'block',
  message: `cohort ${cohort} · ${metric}: worse`,
  cohort,
  metric,
});

const base: WaiverOptions = { today: TODAY, maxDays: MAX_DAYS, requireVerified: false };

function run(
  text: string,
  findings: readonly Finding[],
  options: Partial<WaiverOptions> = {},
): ReturnType<typeof applyWaivers> {
  return applyWaivers(findings, parseManifest('release.yml', text), { ...base, ...options });
}

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

/** The waiver.* findings a run added after the input findings. */
function notes(result: ReturnType<typeof applyWaivers>): Finding[] {
  return result.findings.filter((f) => f.id.startsWith('waiver.'));
}

describe('applyWaivers: applying', () => {
  it('waives every matching finding, keeps its severity and order, and records the waiver (unverified, allowed)', () => {
    const text = manifestText(entry(waiverFor('kill-switch.stale', { link: 'https://tracker.example/REL-12' })));
    const other: Finding = { id: 'rollout.first-stage-too-large', severity: 'block', message: 'first stage 50%' };
    const result = run(text, [other, stale]);

    expect(result.findings.map((f) => f.id)).toEqual(['rollout.first-stage-too-large', 'kill-switch.stale']);
    const [first, waived] = result.findings as [Finding, Finding];
    expect(first).toEqual(other);
    expect(isActive(first)).toBe(true);
    expect(isActive(waived)).toBe(false);
    expect(waived.severity).toBe('block');
    expect(waived.line).toBe(3);
    expect(waived.waiver).toEqual({
      accepted_by: '@bob',
      reason: 'drill booked for next sprint',
      expires: NEXT_WEEK,
      link: 'https://tracker.example/REL-12',
      verified: false,
    });

    const record = only(result.waivers);
    expect(record).toEqual<WaiverRecord>({
      index: 0,
      finding: 'kill-switch.stale',
      cohort: null,
      metric: null,
      reason: 'drill booked for next sprint',
      accepted_by: '@bob',
      expires: NEXT_WEEK,
      link: 'https://tracker.example/REL-12',
      status: 'applied',
      verified: false,
      applied_to: 1,
      line: lineOf(text, '- finding: kill-switch.stale'),
    });
  });

  it('marks the waiver verified when the approver is among the verified approvals (case and @ ignored)', () => {
    const text = manifestText(entry(waiverFor('kill-switch.stale', { accepted_by: '"@Bob"' })));
    const result = run(text, [stale], { verifiedApprovals: ['carol', 'BOB'], requireVerified: true });
    expect(notes(result)).toEqual([]);
    expect(only(result.waivers)).toMatchObject({ status: 'applied', verified: true, applied_to: 1 });
    expect(result.findings[0]?.waiver).toMatchObject({ accepted_by: '@Bob', verified: true });
  });

  it('waives all findings with the id at once and counts them', () => {
    const second: Finding = { ...stale, message: 'another stale drill', line: 9 };
    const result = run(manifestText(entry(waiverFor('kill-switch.stale'))), [stale, second]);
    expect(result.findings.every((f) => !isActive(f))).toBe(true);
    expect(only(result.waivers).applied_to).toBe(2);
  });

  it('returns the findings unchanged when the manifest has no waivers', () => {
    const result = applyWaivers([stale], parseManifest('release.yml', [...HEADER, ''].join('\n')), base);
    expect(result).toEqual({ findings: [stale], waivers: [] });
  });
});

describe('applyWaivers: dates', () => {
  it('does not apply an expired waiver (expired yesterday) and warns at the expires line', () => {
    const text = manifestText(entry(waiverFor('kill-switch.stale', { expires: YESTERDAY })));
    const result = run(text, [stale]);
    expect(isActive(result.findings[0] as Finding)).toBe(true);
    const note = only(notes(result));
    expect(note).toMatchObject({
      id: 'waiver.expired',
      severity: 'warn',
      file: 'release.yml',
      line: lineOf(text, `expires: ${YESTERDAY}`),
    });
    expect(note.message).toContain(YESTERDAY);
    expect(note.message).toContain('waivers[0]');
    expect(only(result.waivers)).toMatchObject({ status: 'expired', applied_to: 0, verified: false });
  });

  it('applies a waiver that expires today (it holds through today)', () => {
    const result = run(manifestText(entry(waiverFor('kill-switch.stale', { expires: TODAY }))), [stale]);
    expect(notes(result)).toEqual([]);
    expect(only(result.waivers).status).toBe('applied');
    expect(isActive(result.findings[0] as Finding)).toBe(false);
  });

  it('refuses a waiver running one day past the cap and names the cap', () => {
    const text = manifestText(entry(waiverFor('kill-switch.stale', { expires: PAST_CAP })));
    const result = run(text, [stale]);
    expect(isActive(result.findings[0] as Finding)).toBe(true);
    const note = only(notes(result));
    expect(note).toMatchObject({ id: 'waiver.too-long', severity: 'warn', line: lineOf(text, `expires: ${PAST_CAP}`) });
    expect(note.message).toContain(`${MAX_DAYS} days`);
    expect(note.message).toContain('31 days from today');
    expect(only(result.waivers).status).toBe('too-long');
  });

  it('applies a waiver running exactly to the cap', () => {
    const result = run(manifestText(entry(waiverFor('kill-switch.stale', { expires: AT_CAP }))), [stale]);
    expect(notes(result)).toEqual([]);
    expect(only(result.waivers).status).toBe('applied');
  });

  it('reads a quoted date the same as an unquoted one', () => {
    const result = run(manifestText(entry(waiverFor('kill-switch.stale', { expires: `"${NEXT_WEEK}"` }))), [stale]);
    expect(only(result.waivers)).toMatchObject({ status: 'applied', expires: NEXT_WEEK });
  });
});

describe('applyWaivers: unused', () => {
  it('warns about a valid waiver that matches no finding, at its finding line', () => {
    const text = manifestText(entry(waiverFor('load-test.too-small')));
    const result = run(text, [stale]);
    expect(result.findings[0]).toEqual(stale);
    const note = only(notes(result));
    expect(note).toMatchObject({
      id: 'waiver.unused',
      severity: 'warn',
      file: 'release.yml',
      line: lineOf(text, 'finding: load-test.too-small'),
    });
    expect(note.message).toContain('matches no finding');
    expect(only(result.waivers)).toMatchObject({ status: 'unused', applied_to: 0, verified: false });
  });
});

describe('applyWaivers: invalid entries', () => {
  const required = ['finding', 'reason', 'accepted_by', 'expires'] as const;

  it.each(required)('an entry without %s is invalid, reported at the entry line', (field) => {
    const fields = waiverFor('kill-switch.stale', { [field]: undefined });
    // Keep a first key that is not the missing one, so the entry line is found by its own text.
    const text = manifestText(entry({ link: 'https://tracker.example/REL-1', ...fields }));
    const result = run(text, [stale]);
    expect(isActive(result.findings[0] as Finding)).toBe(true);
    const note = only(notes(result));
    expect(note).toMatchObject({
      id: 'waiver.invalid',
      severity: 'warn',
      file: 'release.yml',
      line: lineOf(text, '- link:'),
    });
    expect(note.message).toContain('waivers[0]');
    expect(note.message).toContain(`field "${field}"`);
    expect(note.message).toContain('missing');
    expect(only(result.waivers)).toMatchObject({
      status: 'invalid',
      verified: null,
      applied_to: 0,
      [field]: null,
      line: lineOf(text, '- link:'),
    });
  });

  it.each(required)('an entry with an empty %s is invalid, reported at that field', (field) => {
    const text = manifestText(entry(waiverFor('kill-switch.stale', { [field]: '""' })));
    const result = run(text, [stale]);
    const note = only(notes(result));
    expect(note).toMatchObject({ id: 'waiver.invalid', line: lineOf(text, `${field}: ""`) });
    expect(note.message).toContain(`field "${field}"`);
    expect(note.message).toContain('empty');
    expect(isActive(result.findings[0] as Finding)).toBe(true);
  });

  it('refuses a field of the wrong type and shows what was found', () => {
    const text = manifestText(entry(waiverFor('kill-switch.stale', { reason: '42' })));
    const note = only(notes(run(text, [stale])));
    expect(note).toMatchObject({ id: 'waiver.invalid', line: lineOf(text, 'reason: 42') });
    expect(note.message).toMatch(/field "reason" expected non-empty text.*found 42/);
  });

  it.each(['2026-02-30', '10/03/2026', '"next month"'])('refuses the date %s', (expires) => {
    const text = manifestText(entry(waiverFor('kill-switch.stale', { expires })));
    const result = run(text, [stale]);
    const note = only(notes(result));
    expect(note).toMatchObject({ id: 'waiver.invalid', severity: 'warn', line: lineOf(text, `expires: ${expires}`) });
    expect(note.message).toContain('YYYY-MM-DD');
    expect(only(result.waivers).status).toBe('invalid');
    expect(isActive(result.findings[0] as Finding)).toBe(true);
  });

  it('refuses a team as the approver: a person must accept', () => {
    const text = manifestText(entry(waiverFor('kill-switch.stale', { accepted_by: '"@acme/ml-platform"' })));
    const result = run(text, [stale], { verifiedApprovals: ['acme/ml-platform'] });
    const note = only(notes(result));
    expect(note).toMatchObject({ id: 'waiver.invalid', line: lineOf(text, 'accepted_by:') });
    expect(note.message).toContain('team');
    expect(only(result.waivers)).toMatchObject({ status: 'invalid', accepted_by: '@acme/ml-platform', verified: null });
    expect(isActive(result.findings[0] as Finding)).toBe(true);
  });

  it('refuses an approver that is not a GitHub handle', () => {
    const text = manifestText(entry(waiverFor('kill-switch.stale', { accepted_by: 'Bob Smith' })));
    const note = only(notes(run(text, [stale])));
    expect(note).toMatchObject({ id: 'waiver.invalid', line: lineOf(text, 'accepted_by:') });
    expect(note.message).toContain('@alice');
  });

  it('refuses an unknown key (a typo), reported at that key, even when the rest would do', () => {
    const text = manifestText(entry(waiverFor('kill-switch.stale'), ['reson: duplicated on purpose']));
    const result = run(text, [stale]);
    const note = only(notes(result));
    expect(note).toMatchObject({ id: 'waiver.invalid', severity: 'warn', line: lineOf(text, 'reson:') });
    expect(note.message).toContain('"reson"');
    expect(only(result.waivers)).toMatchObject({ status: 'invalid', finding: 'kill-switch.stale' });
    expect(isActive(result.findings[0] as Finding)).toBe(true);
  });

  it('refuses a link that is not a web address', () => {
    const text = manifestText(entry(waiverFor('kill-switch.stale', { link: 'see slack' })));
    const note = only(notes(run(text, [stale])));
    expect(note).toMatchObject({ id: 'waiver.invalid', line: lineOf(text, 'link: see slack') });
    expect(note.message).toContain('field "link"');
  });

  it('refuses an entry that is not a mapping', () => {
    const text = manifestText(['  - just accept it']);
    const result = run(text, [stale]);
    const note = only(notes(result));
    expect(note).toMatchObject({ id: 'waiver.invalid', line: lineOf(text, '- just accept it') });
    expect(note.message).toContain('the entry expected a mapping');
    expect(only(result.waivers)).toMatchObject({
      status: 'invalid',
      finding: null,
      reason: null,
      line: lineOf(text, '- just accept it'),
    });
  });
});

describe('applyWaivers: cohort findings', () => {
  const findings = [regressed('EU', 'accuracy'), regressed('EU', 'f1'), regressed('US', 'accuracy')];

  it.each(['cohort', 'metric'] as const)('a cohort.* waiver without %s is invalid and waives nothing', (field) => {
    const text = manifestText(
      entry(waiverFor('cohort.regressed', { cohort: 'EU', metric: 'accuracy', [field]: undefined })),
    );
    const result = run(text, findings);
    expect(result.findings.slice(0, 3).every(isActive)).toBe(true);
    const note = only(notes(result));
    expect(note).toMatchObject({
      id: 'waiver.invalid',
      severity: 'warn',
      line: lineOf(text, '- finding: cohort.regressed'),
    });
    expect(note.message).toContain(`field "${field}"`);
    expect(only(result.waivers).status).toBe('invalid');
  });

  it('waives only the finding of the named cohort and metric', () => {
    const text = manifestText(entry(waiverFor('cohort.regressed', { cohort: 'EU', metric: 'accuracy' })));
    const result = run(text, findings);
    expect(result.findings.map((f) => [f.cohort, f.metric, isActive(f)])).toEqual([
      ['EU', 'accuracy', false],
      ['EU', 'f1', true],
      ['US', 'accuracy', true],
    ]);
    expect(result.findings[0]?.waiver?.accepted_by).toBe('@bob');
    expect(only(result.waivers)).toMatchObject({ status: 'applied', cohort: 'EU', metric: 'accuracy', applied_to: 1 });
  });

  it('reports a cohort waiver naming a cohort with no such finding as unused', () => {
    const text = manifestText(entry(waiverFor('cohort.regressed', { cohort: 'APAC', metric: 'accuracy' })));
    const result = run(text, findings);
    expect(result.findings.slice(0, 3).every(isActive)).toBe(true);
    const note = only(notes(result));
    expect(note.id).toBe('waiver.unused');
    expect(note.message).toContain('cohort APAC');
  });

  it('lets a waiver of another finding narrow to a metric', () => {
    const oneSide = (metric: string): Finding => ({
      id: 'metric.one-side-only',
      severity: 'block',
      message: `${metric} in one file`,
      metric,
    });
    const text = manifestText(entry(waiverFor('metric.one-side-only', { metric: 'latency_ms' })));
    const result = run(text, [oneSide('latency_ms'), oneSide('cost')]);
    expect(result.findings.map(isActive)).toEqual([false, true]);
  });
});

describe('applyWaivers: who accepts', () => {
  it.each([
    ['bob', '"@bob"'],
    ['@bob', '"@bob"'],
    ['@BOB', '"@Bob"'],
  ])('refuses a waiver accepted by the author (author %s, accepted_by %s)', (author, acceptedBy) => {
    const text = manifestText(entry(waiverFor('kill-switch.stale', { accepted_by: acceptedBy })));
    const result = run(text, [stale], { author });
    expect(isActive(result.findings[0] as Finding)).toBe(true);
    const note = only(notes(result));
    expect(note).toMatchObject({ id: 'waiver.self-approved', severity: 'warn', line: lineOf(text, 'accepted_by:') });
    expect(note.message).toContain('author');
    expect(only(result.waivers)).toMatchObject({ status: 'self-approved', applied_to: 0 });
  });

  it('applies a waiver accepted by someone other than the author', () => {
    const result = run(manifestText(entry(waiverFor('kill-switch.stale'))), [stale], { author: 'alice' });
    expect(only(result.waivers).status).toBe('applied');
  });

  it('refuses a waiver whose approver is not among the verified approvals', () => {
    const text = manifestText(entry(waiverFor('kill-switch.stale')));
    const result = run(text, [stale], { verifiedApprovals: ['carol'], requireVerified: false });
    expect(isActive(result.findings[0] as Finding)).toBe(true);
    const note = only(notes(result));
    expect(note).toMatchObject({ id: 'waiver.unverified', severity: 'warn', line: lineOf(text, 'accepted_by:') });
    expect(note.message).toContain('carol');
    expect(only(result.waivers)).toMatchObject({ status: 'unverified', verified: false });
  });

  it('refuses every waiver when approvals were read and there are none', () => {
    const result = run(manifestText(entry(waiverFor('kill-switch.stale'))), [stale], { verifiedApprovals: [] });
    expect(only(notes(result)).message).toContain('verified approvals: none');
    expect(only(result.waivers).status).toBe('unverified');
  });

  it('refuses an unverifiable waiver when verification is required, and says how to proceed', () => {
    const text = manifestText(entry(waiverFor('kill-switch.stale')));
    const result = run(text, [stale], { requireVerified: true });
    expect(isActive(result.findings[0] as Finding)).toBe(true);
    const note = only(notes(result));
    expect(note).toMatchObject({ id: 'waiver.unverified', severity: 'warn', line: lineOf(text, 'accepted_by:') });
    expect(note.message).toContain('require_verified_waivers: false');
    expect(note.message).toContain('pull-request reviews');
    expect(only(result.waivers)).toMatchObject({ status: 'unverified', verified: false });
  });
});

describe('applyWaivers: order and scope', () => {
  it('never waives waiver.* findings: an entry naming one is invalid', () => {
    const earlier: Finding = {
      id: 'waiver.expired',
      severity: 'warn',
      message: 'an earlier waiver expired',
      file: 'release.yml',
      line: 7,
    };
    const text = manifestText(entry(waiverFor('waiver.expired')));
    const result = run(text, [earlier, stale]);
    expect(result.findings.slice(0, 2).every(isActive)).toBe(true);
    const note = only(result.findings.slice(2));
    expect(note).toMatchObject({ id: 'waiver.invalid', line: lineOf(text, 'finding: waiver.expired') });
    expect(note.message).toContain('cannot be waived');
  });

  it('the first usable entry wins; a later one for the same finding is unused and says why', () => {
    const text = manifestText([
      ...entry(waiverFor('kill-switch.stale', { accepted_by: '"@bob"', reason: '"first"' })),
      ...entry(waiverFor('kill-switch.stale', { accepted_by: '"@carol"', reason: '"second"' })),
    ]);
    const result = run(text, [stale]);
    expect(result.findings[0]?.waiver).toMatchObject({ accepted_by: '@bob', reason: 'first' });
    expect(result.waivers.map((w) => [w.index, w.status, w.line])).toEqual([
      [0, 'applied', lineOf(text, '"first"') - 1],
      [1, 'unused', lineOf(text, '"second"') - 1],
    ]);
    const note = only(notes(result));
    expect(note).toMatchObject({ id: 'waiver.unused', line: lineOf(text, '"second"') - 1 });
    expect(note.message).toContain('already waived by waivers[0]');
  });

  it('an entry that cannot apply leaves the finding to the next one', () => {
    const text = manifestText([
      ...entry(waiverFor('kill-switch.stale', { expires: YESTERDAY, reason: '"old"' })),
      ...entry(waiverFor('kill-switch.stale', { reason: '"renewed"' })),
    ]);
    const result = run(text, [stale]);
    expect(result.findings[0]?.waiver?.reason).toBe('renewed');
    expect(result.waivers.map((w) => w.status)).toEqual(['expired', 'applied']);
    expect(result.findings.map((f) => f.id)).toEqual(['kill-switch.stale', 'waiver.expired']);
  });

  it('appends the waiver.* findings after the input findings, in entry order', () => {
    const text = manifestText([
      ...entry(waiverFor('nothing.here')),
      ...entry(waiverFor('kill-switch.stale', { expires: YESTERDAY })),
      ...entry({ finding: 'kill-switch.stale' }),
    ]);
    const result = run(text, [stale]);
    expect(result.findings.map((f) => f.id)).toEqual([
      'kill-switch.stale',
      'waiver.unused',
      'waiver.expired',
      'waiver.invalid',
    ]);
    expect(result.waivers.map((w) => w.index)).toEqual([0, 1, 2]);
  });
});
