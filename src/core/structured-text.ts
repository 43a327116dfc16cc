import { type Alias, Document, LineCounter, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { InputError } from './errors.js';
import { closestName } from './suggest-name.js';

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
    // The parser stops at nesting deep enough to overflow the stack: say so in the input's terms.
    const problem =
      first.code === 'RESOURCE_EXHAUSTION'
        ? 'is nested too deeply to be read'
        : `cannot be parsed: ${first.message.split('\n')[0]}`;
    throw new InputError(file, problem, { line });
  }
  return {
    file,
    value: toPlainValue(file, document, lineCounter),
    lineOf: (path) => lineOfPath(document, lineCounter, path),
  };
}

/** How many copies aliases may make in all: a policy or manifest needs a few, an alias bomb billions. */
const MAX_ALIAS_COPIES = 100;

/**
 * The document as plain data. The yaml package refuses aliases that expand too far (and aliases to no
 * anchor) by throwing a ReferenceError, and very deep nesting can overflow the stack (RangeError):
 * each becomes an InputError on the alias's line, never an internal error.
 */
function toPlainValue(file: string, document: Document, lineCounter: LineCounter): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COPIES }) as unknown;
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(file, 'is nested too deeply to be read');
    if (!(error instanceof ReferenceError)) throw error;
    const aliases: Alias[] = [];
    visit(document, { Alias: (_key, node) => void aliases.push(node) });
    const unresolved = /Unresolved alias.*: (.*)$/.exec(error.message)?.[1];
    const alias = unresolved === undefined ? aliases[0] : aliases.find((a) => a.source === unresolved);
    const offset = alias?.range?.[0];
    const location = offset === undefined ? {} : { line: lineCounter.linePos(offset).line };
    if (unresolved !== undefined)
      throw new InputError(
        file,
        `the alias *${unresolved} names no anchor (&${unresolved}) defined before it`,
        location,
      );
    throw new InputError(
      file,
      `its YAML aliases (*name) would make more than ${MAX_ALIAS_COPIES} copies of anchored values; such expansion is refused (it is how "billion laughs" documents exhaust memory): write the values out`,
      location,
    );
  }
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

/**
 * Validates a located document with a zod schema; the first issue becomes an InputError with file,
 * line and field. `fieldNames` (the format's field names) feed a "did you mean" for an unknown key.
 */
export function validateLocated<S extends z.ZodType>(
  document: LocatedDocument,
  schema: S,
  fieldNames: readonly string[] = [],
): z.output<S> {
  const result = schema.safeParse(document.value);
  if (result.success) return result.data;
  // An unknown key is reported before anything else: it is most often a typo of a required key, which
  // zod also reports as missing, and "did you mean" says more than "missing".
  const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0];
  if (issue === undefined) throw new InputError(document.file, 'is not valid');
  let path = issue.path;
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    // Point at the unknown key itself: it is most often a typo of a real one.
    const key = issue.keys[0] ?? '';
    path = [...path, key];
    const meant = closestName(String(key), fieldNames);
    const hint = meant === undefined ? 'check the spelling' : `did you mean ${JSON.stringify(meant)}?`;
    message = `unknown key ${JSON.stringify(key)} (${hint}; unknown keys are rejected so a typo cannot be ignored)`;
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
