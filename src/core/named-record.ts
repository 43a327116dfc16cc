import { z } from 'zod';

/**
 * Maps keyed by names the user chose (cohorts, metrics, checks). A plain `{}` turns the key
 * `__proto__` into a prototype change (the entry vanishes) and answers `constructor` with an
 * inherited function, and zod's z.record skips `__proto__` outright. So such maps are built
 * without a prototype, and read through their own keys only.
 */

/** An empty object without a prototype: every name, `__proto__` included, is an ordinary key. */
export function emptyNameRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The object's own value for `key`; undefined when absent, never an inherited property such as `constructor`. */
export function ownValue(object: object, key: string): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

/**
 * A zod schema for an object of named entries, each validated by `value`. Unlike z.record it keeps
 * every key, and its output has no prototype (see above).
 */
export function namedRecord<V extends z.ZodType>(value: V) {
  return z.unknown().transform((input, ctx): Record<string, z.output<V>> => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected an object of named entries, got ${Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input}`,
      });
      return z.NEVER;
    }
    const out = emptyNameRecord<z.output<V>>();
    for (const key of Object.keys(input)) {
      if (key === '') {
        ctx.addIssue({ code: 'custom', path: [key], message: 'expected a non-empty name' });
        continue;
      }
      const result = value.safeParse((input as Record<string, unknown>)[key]);
      if (result.success) out[key] = result.data;
      else for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: [key, ...issue.path] });
    }
    return out;
  });
}
