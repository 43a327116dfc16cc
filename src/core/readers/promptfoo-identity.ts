import { createHash } from 'node:crypto';

/**
 * Which promptfoo test a result belongs to, told apart by what the test is rather than where it
 * stands: `testIdx` is only the position in one run (two runs of different suites both have a test
 * 0; promptfoo's --repeat gives each repeat its own index). A test is its description and its
 * variables; the prompt is part of it only when the caller says so (several prompts in one part).
 */

/** Long labels (a whole prompt) are cut to this many characters, plus a short hash of the full text. */
const LABEL_PREFIX = 40;

/** JSON with object keys sorted at every level, so the same vars in another key order hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  // undefined (absent) and non-finite numbers have no JSON form: written as null, as JSON.stringify does.
  return JSON.stringify(value) ?? 'null';
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface TestIdentity {
  /** Readable part: the test's description, shortened, or "test". */
  readonly name: string;
  /** 12 hex digits of sha256 over description, vars and the extra parts. */
  readonly hash: string;
}

export function testIdentity(
  description: string | undefined,
  vars: Record<string, unknown>,
  extra: readonly string[] = [],
): TestIdentity {
  const hash = sha256Hex(canonicalJson({ description: description ?? null, vars, extra })).slice(0, 12);
  return { name: description === undefined ? 'test' : shortLabel(description), hash };
}

/**
 * A label short enough to read in a cohort name or a message: whitespace runs become one space, and
 * a label longer than about 40 characters becomes its first 40, an ellipsis and 6 hex digits of the
 * full text's sha256 (so two prompts with the same opening stay apart).
 */
export function shortLabel(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= LABEL_PREFIX + 10 && flat === text) return text;
  if (flat.length <= LABEL_PREFIX + 10) return `${flat} ~${sha256Hex(text).slice(0, 6)}`;
  return `${[...flat].slice(0, LABEL_PREFIX).join('').trimEnd()}… ~${sha256Hex(text).slice(0, 6)}`;
}
