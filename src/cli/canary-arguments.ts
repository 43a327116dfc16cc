import { timestamp } from '../core/canary/canary-counts.js';
import { FORMATS } from './usage.js';

/** The options of `canary`. */
export interface CanaryOptions {
  readonly observations: string;
  readonly manifest: string;
  readonly policy?: string | undefined;
  readonly out?: string | undefined;
  readonly format: (typeof FORMATS)[number];
  /** ISO 8601 time to judge the stage's hold by; the last interval's end when absent. */
  readonly now?: string | undefined;
}

/** The options `check` takes and `canary` does not: given to canary, each is an error rather than ignored. */
const CHECK_ONLY = [
  'incumbent',
  'candidate',
  'paired',
  'base-manifest',
  'traffic',
  'author',
  'today',
  'format-in',
  'columns',
  'cohort-field',
] as const;

/** `canary`'s options, checked; the problems found (each one line) when they are not right. */
export function canaryOptions(values: Readonly<Record<string, string | boolean | undefined>>): {
  options?: CanaryOptions;
  problems: string[];
} {
  const problems: string[] = [];
  for (const name of CHECK_ONLY)
    if (values[name] !== undefined) problems.push(`--${name} is an option of check, not of canary`);
  const text = (name: string): string | undefined => {
    const value = values[name];
    if (typeof value !== 'string') return undefined;
    if (value.trim() === '') problems.push(`--${name} needs a value`);
    return value;
  };
  const observations = text('observations');
  const manifest = text('manifest');
  const now = text('now');
  if (observations === undefined) problems.push('--observations <file> is required');
  if (manifest === undefined)
    problems.push('--manifest <file> is required: its rollout stages and abort_when criteria decide the stage');
  // As strict as the observation file's times: without a zone, Date.parse reads the machine's local time.
  if (now !== undefined && !timestamp.safeParse(now).success)
    problems.push(
      `--now must be a time written as ISO 8601 with Z or an offset (2026-12-01T10:30:00Z), got ${JSON.stringify(now)}`,
    );
  const format = typeof values.format === 'string' ? values.format : 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    problems.push(`--format must be text, markdown, json or comment, got ${JSON.stringify(format)}`);
  if (problems.length > 0 || observations === undefined || manifest === undefined) return { problems };
  return {
    problems,
    options: {
      observations,
      manifest,
      policy: text('policy'),
      out: text('out'),
      format: format as CanaryOptions['format'],
      now,
    },
  };
}
