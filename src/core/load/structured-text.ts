import { Document, LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';

/**
 * A parsed YAML or JSON document that remembers where each value came from, so a schema error can
 * name the line as well as the field.
 */
export interface LocatedDocument {
  readonly file: string;
  readonly value: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Parses YAML (of which JSON is a subset). Duplicate keys and syntax errors are errors. */
export function parseLocated(file: string, text: string): LocatedDocument {
  if (text.trim().length === 0) throw new InputError(file, 'the file is empty: expected a YAML or JSON document');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const [first] = document.errors;
  if (first !== undefined) {
    const line = lineCounter.linePos(first.pos[0]).line;
    throw new InputError(file, `cannot be parsed: ${first.message.split('\n')[0]}`, { line });
  }
  return {
    file,
    value: document.toJS({ maxAliasCount: 100 }) as unknown,
    lineOf: (path) => lineOfPath(document, lineCounter, path),
  };
}

function lineOfPath(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  // Walk down as far as the path exists: an error about a missing key points at its parent.
  let node: unknown = document.contents;
  let range: readonly number[] | null | undefined = (node as { range?: number[] } | null)?.range;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (pair === undefined) break;
      range = (pair.key as { range?: number[] }).range ?? range;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      range = (node as { range?: number[] } | undefined)?.range ?? range;
    } else {
      break;
    }
  }
  return range?.[0] === undefined ? undefined : lineCounter.linePos(range[0]).line;
}

/** Validates a located document with a zod schema; the first issue becomes an InputError with file, line and field. */
export function validateLocated<S extends z.ZodType>(document: LocatedDocument, schema: S): z.output<S> {
  const result = schema.safeParse(document.value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new InputError(document.file, 'is not valid');
  let path = issue.path as PropertyKey[];
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    // Point at the unknown key itself: it is most often a typo of a real one.
    const key = issue.keys[0] ?? '';
    path = [...path, key];
    message = `unknown key ${JSON.stringify(key)} (check the spelling; unknown keys are rejected so a typo cannot be ignored)`;
  }
  const field = path.map(String).join('.');
  const line = document.lineOf(path);
  return throwIssue(document.file, message, field, line);
}

function throwIssue(file: string, message: string, field: string, line: number | undefined): never {
  throw new InputError(file, message, {
    ...(line === undefined ? {} : { line }),
    ...(field === '' ? {} : { field }),
  });
}
