import { z } from 'zod';

/**
 * Value types of the release manifest, written the way people write them in YAML
 * ("10%", "15m", 2026-11-12) and normalized here.
 */

/** A calendar date, YYYY-MM-DD, checked to exist (no 2026-02-30). */
export const isoDate = z
  .string({ error: 'expected a date written as YYYY-MM-DD' })
  .refine((text) => isCalendarDate(text), { message: 'expected a real date written as YYYY-MM-DD' });

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `@alice` or `@org/team`: a GitHub user or team, the form GitHub can page and check approvals for. */
export function isGitHubHandle(text: string): boolean {
  return /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/.test(text);
}

/** Whole days from one YYYY-MM-DD date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A version is text. YAML reads an unquoted 2.10 as the number 2.1, so numbers are refused rather
 * than silently turned into a different version.
 */
export const version = z
  .union([z.string().min(1, 'expected a non-empty version'), z.number()])
  .transform((value, ctx) => {
    if (typeof value === 'number') {
      ctx.addIssue({
        code: 'custom',
        message: `expected the version as quoted text (e.g. "2.10"): YAML reads an unquoted version as a number (2.10 becomes ${value === 2.1 ? '2.1' : 'the number 2.1'}), got the number ${value}`,
      });
      return z.NEVER;
    }
    return value;
  });

/** A traffic share: a number of percent (0–100) or "N%". Normalized to percent. */
export const percent = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const number = typeof value === 'number' ? value : /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value)?.[1];
  const parsed = number === undefined ? Number.NaN : Number(number);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 100) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a percentage from 0 to 100 (like 10 or "10%"), got ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  }
  return parsed;
});

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** A duration such as "30s", "15m", "2h", "1d", "1w" (or combinations like "1h30m"). Normalized to seconds. */
export const duration = z.string({ error: 'expected a duration like "15m", "2h" or "1d"' }).transform((value, ctx) => {
  const seconds = parseDuration(value);
  if (seconds === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a duration like "15m", "2h" or "1d" (s, m, h, d, w), got ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  }
  return seconds;
});

function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(\d+(\.\d+)?[smhdw])+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)([smhdw])/g))
    total += Number(amount) * (UNIT_SECONDS[unit as string] as number);
  return total;
}

export function formatDuration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** A monitor: its name, or false to say explicitly that there is none. */
export const monitor = z.union([z.string().min(1), z.literal(false)], {
  error: "expected the monitor's name, or false to state explicitly that there is none",
});
